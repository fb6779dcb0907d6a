"""The note that tells a member, once, what was removed from a command."""

from __future__ import annotations

from commands.core.effects import OpenIncidentRoom, PostInCaseRoom, Reply
from commands.core.message import text
from commands.privacy.kinds import PersonalData
from commands.privacy.notice import removed_note, with_removed_note

WHY = "Het platform bewaart geen persoonsgegevens over personen (AVG)."


def test_the_note_counts_each_kind_and_says_why() -> None:
    note = removed_note({PersonalData.PHONE: 1, PersonalData.BSN: 1})
    assert note.body == f"Verwijderd voordat het werd bewaard: 1 BSN en 1 telefoonnummer. {WHY}"


def test_the_note_counts_in_plural_and_lists_three_kinds() -> None:
    found = {PersonalData.EMAIL: 2, PersonalData.BIRTH_DATE: 1, PersonalData.HEALTH_NAME: 3}
    assert removed_note(found).body.startswith(
        "Verwijderd voordat het werd bewaard: 2 e-mailadressen, 1 geboortedatum en "
        "3 namen bij gezondheidsgegevens."
    )


def test_only_the_first_reply_carries_the_note() -> None:
    effects = [Reply(text("Zaak geopend.")), Reply(text("Nog iets."))]
    noted = with_removed_note(effects, {PersonalData.IBAN: 1})
    assert [effect.message.body for effect in noted] == [
        f"Zaak geopend.\nVerwijderd voordat het werd bewaard: 1 IBAN. {WHY}",
        "Nog iets.",
    ]


def test_a_command_without_a_reply_gets_the_note_as_one() -> None:
    post = PostInCaseRoom(1, text("Bericht in de kamer"))
    noted = with_removed_note([post], {PersonalData.BSN: 2})
    assert noted == [Reply(removed_note({PersonalData.BSN: 2})), post]


def test_the_answer_a_room_link_is_edited_into_keeps_the_note() -> None:
    effects = [
        Reply(text("Zaak 2026-017.\nKamer volgt.")),
        OpenIncidentRoom(1, text("Zaak 2026-017.")),
    ]
    noted = with_removed_note(effects, {PersonalData.PHONE: 1})
    opened = noted[1]
    assert isinstance(opened, OpenIncidentRoom) and opened.answer is not None
    assert opened.answer.body.endswith(f"1 telefoonnummer. {WHY}")


def test_nothing_removed_changes_nothing() -> None:
    effects = [Reply(text("Zaak geopend."))]
    assert with_removed_note(effects, {}) == effects
