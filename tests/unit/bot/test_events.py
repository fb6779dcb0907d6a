"""Which Matrix events are commands, and what the bot sends back."""

from bot.events import command_from_event, own_join_ts, strip_reply_fallback
from bot.matrix.content import edit, notice
from tests.unit.helpers import message


def test_text_starting_with_an_exclamation_mark_is_a_command() -> None:
    command = command_from_event("!r", message("!status 2026-001"))
    assert command is not None
    assert (command.body, command.sender, command.sent_ts) == ("!status 2026-001", "@a:hs", 5)


def test_notices_and_plain_talk_are_not_commands() -> None:
    assert command_from_event("!r", message("!zaken", msgtype="m.notice")) is None
    assert command_from_event("!r", message("goedemorgen!")) is None
    assert command_from_event("!r", message("! niets")) is None


def test_reply_fallback_is_stripped() -> None:
    body = "> <@b:hs> Zaak 2026-001 geopend\n> tweede regel\n\n!status"
    assert strip_reply_fallback(body) == "!status"
    assert command_from_event("!r", message(body)).body == "!status"


def test_threads_and_edits_are_recognised() -> None:
    threaded = message("!zaken", **{"m.relates_to": {"rel_type": "m.thread", "event_id": "$t"}})
    assert command_from_event("!r", threaded).thread_root == "$t"
    edited = message(
        "* !zaken",
        **{
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$o"},
            "m.new_content": {"msgtype": "m.text", "body": "!zaken"},
        },
    )
    command = command_from_event("!r", edited)
    assert command.is_edit and command.body == "!zaken"


def test_own_join_but_not_a_profile_change() -> None:
    join = {
        "type": "m.room.member",
        "state_key": "@bot:hs",
        "origin_server_ts": 9,
        "content": {"membership": "join"},
    }
    assert own_join_ts(join, "@bot:hs") == 9
    assert own_join_ts(join, "@other:hs") is None
    rename = {**join, "unsigned": {"prev_content": {"membership": "join"}}}
    assert own_join_ts(rename, "@bot:hs") is None


def test_bot_messages_are_notices_with_explicit_mentions_and_replies() -> None:
    content = notice("hallo", "<b>hallo</b>", reply_to="$c")
    assert content["msgtype"] == "m.notice"
    assert content["m.mentions"] == {}
    assert content["m.relates_to"] == {"m.in_reply_to": {"event_id": "$c"}}
    in_thread = notice("x", "x", reply_to="$c", thread_root="$t", mentions=["@a:hs"])
    assert in_thread["m.relates_to"]["rel_type"] == "m.thread"
    assert in_thread["m.mentions"] == {"user_ids": ["@a:hs"]}
    replaced = edit("$old", "nieuw", "nieuw")
    assert replaced["m.relates_to"] == {"rel_type": "m.replace", "event_id": "$old"}
    assert replaced["m.new_content"]["body"] == "nieuw"
