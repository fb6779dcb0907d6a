# signaalbot next to an existing homeserver. Build: docker build -t signaalbot .
# Run:   docker run -v /srv/signaalbot/config:/config:ro -v /srv/signaalbot/data:/data \
#          -e SIGNAALBOT_MATRIX__PASSWORD=... signaalbot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    SIGNAALBOT_CONFIG=/config/signaalbot.yaml \
    SIGNAALBOT_STORAGE__DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY commands ./commands
COPY storage ./storage
COPY config ./config
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /data signaalbot \
    && mkdir -p /data /config \
    && chown signaalbot /data \
    && chmod 700 /data

USER signaalbot
VOLUME ["/data"]
# The bot talks to the homeserver outbound only. With ops.listen (e.g. 0.0.0.0:9464) it serves
# /metrics and /health on that port: publish it with -p 127.0.0.1:9464:9464.
EXPOSE 9464
CMD ["signaalbot", "run"]
