"""Delivery against a recording stand-in for the homeserver: live messages, the room link, files."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

from bot.dispatch import Dispatcher
from bot.events import IncomingReaction
from bot.matrix.room_media import upload
from bot.outbox.delivery import Delivery
from bot.outbox.writer import write_effects
from commands import LIVE
from commands.cases.views import room_line
from commands.core.context import FileRender, Workspace
from commands.core.effects import ImageInfo, Rendered, RenderFile, UploadFile
from commands.texts import cases as texts
from storage.database import Database
from storage.live import LiveMessages
from storage.outbox import Lane, Outbox
from tests.unit.agenda.helpers import dispatcher_at
from tests.unit.helpers import INCIDENT, NOW, PLATFORM, command, make_settings, open_case, state
from tests.unit.meetings.helpers import ISZW, LOTC

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\x00"  # not text in any encoding


@dataclass
class Homeserver:
    """Just enough of nio's AsyncClient: what the bot sends is kept, every call succeeds."""

    olm: Any = None
    rooms: dict[str, Any] = field(default_factory=dict)
    sent: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    uploads: list[tuple[bytes, dict[str, Any]]] = field(default_factory=list)

    async def room_send(self, room_id: str, _type: str, content: dict[str, Any], **_: Any) -> Any:
        self.sent.append((room_id, content))
        return SimpleNamespace(event_id=f"$sent{len(self.sent)}")

    async def room_create(self, **_: Any) -> Any:
        return SimpleNamespace(room_id=INCIDENT)

    async def room_put_state(self, *_: Any) -> Any:
        return SimpleNamespace()

    async def room_get_state_event(self, *_: Any) -> Any:
        return SimpleNamespace(content={})

    async def upload(self, provider: Any, **options: Any) -> tuple[Any, Any]:
        self.uploads.append((provider(0, 0).read(), options))
        keys = {"key": {"k": "key"}, "iv": "iv", "hashes": {"sha256": "h"}, "v": "v2"}
        return SimpleNamespace(content_uri="mxc://example.org/file"), (
            keys if options["encrypt"] else None
        )

    def content_of(self, event_id: str) -> dict[str, Any]:
        return self.sent[int(event_id.removeprefix("$sent")) - 1][1]

    def edits_of(self, event_id: str) -> list[dict[str, Any]]:
        """The new contents of the edits of one event, oldest first."""
        return [
            content["m.new_content"]
            for _room, content in self.sent
            if content.get("m.relates_to", {}).get("event_id") == event_id
            and content["m.relates_to"].get("rel_type") == "m.replace"
        ]


def delivery(
    homeserver: Homeserver, database: Database, files: dict[str, FileRender] | None = None
) -> Delivery:
    client: Any = homeserver
    return Delivery(
        client,
        database,
        make_settings(),
        lambda: NOW,
        lambda: False,
        live=LIVE,
        platform_room=PLATFORM,
        files=files,
    )


async def deliver(out: Delivery, *lanes: str) -> None:
    for lane in lanes:
        out.wake(lane)
        await out.deliver_pending(lane)
        await out.idle(lane)


async def live_event(database: Database, kind: str, subject: int) -> str:
    async with database.transaction() as session:
        found = await LiveMessages(session).get(kind, subject)
    assert found is not None
    return found.event_id


async def test_the_answer_shows_the_room_and_the_card_follows_the_case(
    dispatcher: Dispatcher, database: Database
) -> None:
    homeserver = Homeserver()
    out = delivery(homeserver, database)
    await dispatcher.handle(command("!signaal Slachterij De Vries, Groenlo; regio: VR06"))
    await deliver(out, Lane.MESSAGES, Lane.ROOMS, Lane.MESSAGES)
    (room, answer), (card_room, card) = homeserver.sent[:2]
    assert room == PLATFORM and answer["body"].endswith("\n" + texts.ROOM_COMING)
    (linked,) = homeserver.edits_of("$sent1")
    case = await state(database)
    link = room_line(case)
    assert linked["body"] == answer["body"].replace(texts.ROOM_COMING, link.body)
    assert linked["formatted_body"] == answer["formatted_body"].replace(
        texts.ROOM_COMING, link.html
    )
    assert card_room == INCIDENT and "Status: gemeld" in card["body"]
    card_event = await live_event(database, "card", case.id)
    assert card_event == "$sent2"

    await dispatcher.handle(command("!coordinator NLA", room=INCIDENT))
    await dispatcher.handle(command("!besluit inzet besmettingen bevestigd", room=INCIDENT))
    await deliver(out, Lane.MESSAGES)
    first, second = homeserver.edits_of(card_event)
    for edit in (first, second):  # each shows the case as it is when it goes out
        assert "Status: besloten" in edit["body"]
        assert "Coördinator: ISZW" in edit["body"]
        assert "Besluit: inzet (besmettingen bevestigd)" in edit["body"]


async def test_a_preventive_visit_speaks_of_its_preparation_room_and_has_no_lead_time(
    database: Database,
) -> None:
    homeserver = Homeserver()
    out = delivery(homeserver, database)
    when = [NOW]
    dispatcher = dispatcher_at(database, make_settings(), when)
    await dispatcher.handle(command("!preventief morgen 10:00 VNOG slachterij coordinator ISZW"))
    await deliver(out, Lane.MESSAGES, Lane.ROOMS, Lane.MESSAGES)
    (linked,) = homeserver.edits_of("$sent1")
    assert "Voorbereidingskamer: 2026-001 · Vleesverwerking en slachterijen" in linked["body"]
    assert "Incidentkamer" not in linked["body"]
    card_event = await live_event(database, "card", 1)
    when[0] = NOW + timedelta(days=1, hours=1)
    await dispatcher.handle(command("!preventief uitgevoerd", room=INCIDENT, sent=when[0]))
    await deliver(out, Lane.MESSAGES)
    card = homeserver.edits_of(card_event)[-1]["body"]
    assert "Inzet: uitgevoerd op zondag 29 november 11:30" in card
    assert "Doorlooptijd" not in card
    status = await dispatcher.handle(command("!status", room=INCIDENT, sent=when[0]))
    assert "Voorbereidingskamer: 2026-001" in status[0].payload["body"]
    assert "Doorlooptijd" not in status[0].payload["body"]
    timeline = await dispatcher.handle(command("!tijdlijn", room=INCIDENT, sent=when[0]))
    assert "signaalbot: Voorbereidingskamer geopend" in timeline[0].payload["body"]


async def test_an_answer_to_the_invitation_shows_in_it(
    dispatcher: Dispatcher, database: Database
) -> None:
    homeserver = Homeserver()
    out = delivery(homeserver, database)
    await open_case(dispatcher, database)
    await dispatcher.handle(command("!overleg morgen 14:00 afstemming", room=INCIDENT))
    await dispatcher.handle(command("!overleg bevestig 1", sender=LOTC))
    await deliver(out, Lane.MESSAGES)
    invitation = await live_event(database, "invitation", 1)
    assert "0 komen, 0 kunnen niet" in homeserver.content_of(invitation)["body"]
    await dispatcher.handle_reaction(
        IncomingReaction(INCIDENT, "$yes", ISZW, int(NOW.timestamp() * 1000), invitation, "✅")
    )
    await deliver(out, Lane.MESSAGES)
    (edit,) = homeserver.edits_of(invitation)
    assert "ISZW: ✅ Ilse" in edit["body"]
    assert "1 komen, 0 kunnen niet" in edit["body"]
    ((calendar, options),) = homeserver.uploads
    assert calendar.startswith(b"BEGIN:VCALENDAR")
    assert (options["filename"], options["content_type"]) == ("overleg-1.ics", "text/calendar")


async def test_a_binary_file_reaches_the_room_byte_for_byte(database: Database) -> None:
    homeserver = Homeserver()
    out = delivery(homeserver, database)
    async with database.transaction() as session:
        rows = await write_effects(
            Outbox(session), [UploadFile(PLATFORM, "grafiek.png", "image/png", PNG)], NOW
        )
    assert base64.b64decode(rows[0].payload["data"]) == PNG
    await deliver(out, Lane.MESSAGES)
    ((data, options),) = homeserver.uploads
    assert data == PNG and options["encrypt"] is False
    ((room, content),) = homeserver.sent
    assert room == PLATFORM
    assert content["msgtype"] == "m.file" and content["url"] == "mxc://example.org/file"
    assert content["info"] == {"mimetype": "image/png", "size": len(PNG)}


async def test_a_chart_is_an_image_whose_text_stands_in_for_it(database: Database) -> None:
    homeserver = Homeserver()
    out = delivery(homeserver, database)
    chart = UploadFile(
        PLATFORM,
        "doorlooptijden.png",
        "image/png",
        PNG,
        image=ImageInfo(900, 560, "Doorlooptijden: 3 inzetten, 2 binnen 24 uur"),
    )
    async with database.transaction() as session:
        await write_effects(Outbox(session), [chart], NOW)
    await deliver(out, Lane.MESSAGES)
    ((room, content),) = homeserver.sent
    assert room == PLATFORM and content["msgtype"] == "m.image"
    assert content["body"] == "Doorlooptijden: 3 inzetten, 2 binnen 24 uur"
    assert content["filename"] == "doorlooptijden.png"
    assert content["info"] == {"mimetype": "image/png", "size": len(PNG), "w": 900, "h": 560}


async def open_cases_count(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    count = await workspace.cases.count_open()
    return Rendered(f"{spec['name']}.png", "image/png", PNG, ImageInfo(4, 3, f"{count} open"))


async def test_a_rendered_file_is_drawn_when_it_goes_out(
    dispatcher: Dispatcher, database: Database
) -> None:
    homeserver = Homeserver()
    out = delivery(homeserver, database, files={"open": open_cases_count})
    async with database.transaction() as session:
        await write_effects(Outbox(session), [RenderFile(PLATFORM, "open", {"name": "kaart"})], NOW)
    await open_case(dispatcher, database)  # after the file was asked for, before it went out
    await deliver(out, Lane.MESSAGES)
    ((data, options),) = homeserver.uploads
    assert data == PNG and options["filename"] == "kaart.png"
    (content,) = [c for _room, c in homeserver.sent if c.get("msgtype") == "m.image"]
    assert content["body"] == "1 open" and content["info"]["w"] == 4


async def test_a_file_for_an_encrypted_room_is_encrypted() -> None:
    homeserver = Homeserver(rooms={"!secret:x": SimpleNamespace(encrypted=True)})
    client: Any = homeserver
    content = await upload(client, "!secret:x", "bezoek.pdf", "application/pdf", b"%PDF-1.7")
    ((data, options),) = homeserver.uploads
    assert data == b"%PDF-1.7" and options["encrypt"] is True
    assert "url" not in content and content["file"]["url"] == "mxc://example.org/file"
    assert content["file"]["iv"] == "iv" and content["info"]["size"] == 8
