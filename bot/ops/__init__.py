"""Operations: Prometheus metrics, the health check and the status command."""
