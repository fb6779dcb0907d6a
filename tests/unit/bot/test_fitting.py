"""One size check for everything that goes out, on the content as it is really serialised."""

from __future__ import annotations

import json
from typing import Any

import pytest
import vodozemac
from nio import Api

from bot.events import ReplyTarget
from bot.matrix.content import edit, notice
from bot.outbox.fitting import fit_content
from bot.outbox.writer import write_effects
from commands.core.effects import AlertLotC, Effect, PostInCaseRoom, PostInRoom, Reply, UploadFile
from commands.core.message import CONTENT_BUDGET, Message, serialised_size, text
from storage.database import Database
from storage.outbox import Outbox, OutboxEffect
from tests.unit.helpers import NOW, PLATFORM, file_text

MATRIX_EVENT_LIMIT = 65_536
ROOM = "!" + "r" * 40 + ":example.org"
TARGET = ReplyTarget(PLATFORM, "$" + "c" * 43, thread_root="$" + "t" * 43)
ALERTS = "!lotc:example.org"

# Texts that grow when escaped: as HTML (& and <), as JSON (quotes, backslashes, control
# characters, and every non-ASCII character as \u escapes: an emoji is 12 bytes). Each is small
# enough by the naive measure (UTF-8 bytes of body and HTML, at most 48,000) and too large for
# one event by the real one.
GROWING = {
    "ampersands": "&" * 7_000,
    "angle brackets": "<" * 9_000,
    "emoji": "😀" * 6_000,
    "quotes, backslashes, control characters": '"\\\x01' * 8_000,
}


def encrypted_event_size(content: dict[str, Any]) -> int:
    """The size of the event an encrypted room receives: megolm ciphertext, headers, signatures.

    Encrypted the way matrix-nio does (its JSON of type, content and room id), with a generous
    envelope: ten prev and auth events, long ids, a signature.
    """
    plaintext = Api.to_json({"room_id": ROOM, "type": "m.room.message", "content": content})
    ciphertext = vodozemac.GroupSession().encrypt(plaintext.encode()).to_base64()
    ids = ["$" + "e" * 43 for _ in range(10)]
    event = {
        "type": "m.room.encrypted",
        "room_id": ROOM,
        "sender": "@" + "b" * 60 + ":example.org",
        "origin_server_ts": 1_790_000_000_000,
        "depth": 1_000_000,
        "prev_events": ids,
        "auth_events": ids,
        "hashes": {"sha256": "h" * 43},
        "signatures": {"example.org": {"ed25519:a_abcd": "s" * 86}},
        "unsigned": {"age_ts": 1_790_000_000_000},
        "content": {
            "algorithm": "m.megolm.v1.aes-sha2",
            "ciphertext": ciphertext,
            "sender_key": "k" * 43,
            "session_id": "i" * 43,
            "device_id": "SIGNAALBOT",
        },
    }
    return len(json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode())


def plain_event_size(content: dict[str, Any]) -> int:
    """What the homeserver measures in a plain room: canonical JSON in UTF-8."""
    return len(json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode())


def content_of(row: OutboxEffect) -> dict[str, Any]:
    payload = row.payload
    return notice(
        payload["body"],
        payload["html"],
        mentions=payload["mentions"],
        reply_to=payload.get("reply_to"),
        thread_root=payload.get("thread_root"),
    )


async def written(database: Database, effects: list[Effect]) -> list[OutboxEffect]:
    async with database.transaction() as session:
        return await write_effects(Outbox(session), effects, NOW, TARGET, ALERTS)


def test_content_at_the_budget_fits_in_one_event_even_when_encrypted() -> None:
    content = notice("", "")
    content["body"] = "a" * (CONTENT_BUDGET - serialised_size(content))
    assert serialised_size(content) == CONTENT_BUDGET
    assert encrypted_event_size(content) < MATRIX_EVENT_LIMIT - 5_000  # and some to spare


@pytest.mark.parametrize("filler", GROWING.values(), ids=GROWING.keys())
def test_the_measure_is_never_less_than_what_the_homeserver_counts(filler: str) -> None:
    content = notice(filler, text(filler).html)
    assert serialised_size(content) >= plain_event_size(content)
    assert len(Api.to_json(content)) == serialised_size(content)  # what nio sends and encrypts


@pytest.mark.parametrize("filler", GROWING.values(), ids=GROWING.keys())
@pytest.mark.parametrize(
    "make",
    [
        lambda message: Reply(message, mentions=("@iszw:example.org",)),
        lambda message: PostInRoom(ROOM, message),
        lambda message: AlertLotC(message, mentions=("@lotc:example.org",)),
        lambda message: PostInCaseRoom(7, message),
    ],
    ids=["reply", "post in room", "alert", "post in case room"],
)
async def test_every_message_kind_is_written_to_fit_in_one_event(
    database: Database, make: Any, filler: str
) -> None:
    message = text(filler)
    assert len(message.body.encode()) + len(message.html.encode()) <= 48_000
    assert not message.fits()
    rows = await written(database, [make(message)])
    sends = [row for row in rows if row.kind == "send"]
    assert len(sends) == 1
    content = content_of(sends[0])
    assert "te groot voor één bericht" in content["body"]
    assert serialised_size(content) <= CONTENT_BUDGET
    assert encrypted_event_size(content) < MATRIX_EVENT_LIMIT
    assert sends[0].payload["mentions"] == list(make(message).mentions)
    files = [row for row in rows if row.kind == "upload"]
    if isinstance(make(message), PostInCaseRoom):
        assert files == []  # its room may not exist yet: the notice alone
    else:
        (file,) = files
        assert file_text(file.payload) == filler  # nothing of the answer is lost
        assert "antwoord.txt" in content["body"]


async def test_an_answer_with_its_own_file_points_to_that_file(database: Database) -> None:
    minutes = text("Notulen\n" + "<" * 20_000)
    file = UploadFile(PLATFORM, "notulen-overleg-3.md", "text/markdown", b"# Notulen")
    rows = await written(database, [Reply(minutes), file])
    assert [row.kind for row in rows] == ["send", "upload"]
    assert "het bestand notulen-overleg-3.md" in rows[0].payload["body"]
    assert rows[0].payload["reply_to"] == TARGET.event_id  # still the answer to the command


async def test_what_fits_is_written_as_it_is(database: Database) -> None:
    message = Message("a" * 30_000, "b" * 8_000)
    assert message.fits()
    (row,) = await written(database, [Reply(message)])
    assert row.payload["body"] == message.body
    assert serialised_size(content_of(row)) <= CONTENT_BUDGET


def test_an_edit_rendered_at_delivery_loses_its_fallback_before_its_text() -> None:
    card = "Status\n" + "é" * 2_000  # 6 bytes each as JSON, four times in an edit
    content = edit("$card", card, text(card).html)
    assert serialised_size(content) > CONTENT_BUDGET
    fitted = fit_content(content)
    assert serialised_size(fitted) <= CONTENT_BUDGET
    assert fitted["m.new_content"]["body"] == card  # what clients with edits show is all there
    assert fitted["body"].startswith("* Status")
    assert fitted["m.relates_to"] == content["m.relates_to"]


def test_content_too_large_even_without_fallback_becomes_the_notice() -> None:
    huge = "&" * 40_000
    for content in (edit("$card", huge, text(huge).html), notice(huge, text(huge).html)):
        fitted = fit_content(content)
        assert serialised_size(fitted) <= CONTENT_BUDGET
        shown = fitted.get("m.new_content", fitted)
        assert "te groot voor één bericht" in shown["body"]
