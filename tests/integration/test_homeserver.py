"""The private Synapse and the member client harness work end to end."""

import pytest

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient

pytestmark = pytest.mark.integration


def test_register_is_idempotent(synapse: LocalSynapse) -> None:
    first = synapse.register("hs-twice", "pw-twice", displayname="Twice")
    second = synapse.register("hs-twice", "another-password")
    assert first == second == f"@hs-twice:{synapse.server_name}"


async def test_message_reaches_invited_member(synapse: LocalSynapse) -> None:
    alice_id = synapse.register("hs-alice", "pw-alice")
    bob_id = synapse.register("hs-bob", "pw-bob")
    alice = await MemberClient.login(synapse.base_url, alice_id, "pw-alice")
    bob = await MemberClient.login(synapse.base_url, bob_id, "pw-bob")
    try:
        room_id = await alice.create_room("harness check", invite=[bob_id])
        invited = await bob.wait_for_invite(lambda rid, _state: rid == room_id)
        assert invited == room_id
        await bob.join(room_id)

        event_id = await alice.send_text(room_id, "hallo Bob")
        event = await bob.wait_for_event(
            lambda rid, src: rid == room_id and src.get("event_id") == event_id
        )
        assert event["sender"] == alice_id
        assert event["content"] == {"msgtype": "m.text", "body": "hallo Bob"}

        # An event seen during an earlier wait can still be found afterwards.
        again = await bob.wait_for_event(
            lambda rid, src: src.get("event_id") == event_id, timeout=0.5
        )
        assert again is event
        assert any(src.get("event_id") == event_id for src in bob.events_in(room_id))
    finally:
        await alice.close()
        await bob.close()
