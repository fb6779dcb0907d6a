"""Reading the message a 📌 reaction points at, so its text can go into the case's timeline."""

from __future__ import annotations

import dataclasses
import logging

from nio import AsyncClient, MegolmEvent, RoomGetEventError

from bot.events import IncomingReaction, message_text
from commands.core.reactions import Reactions

log = logging.getLogger(__name__)


class ReactionReader:
    def __init__(self, client: AsyncClient, reactions: Reactions) -> None:
        self.client = client
        self.reactions = reactions

    async def with_target(self, reaction: IncomingReaction) -> IncomingReaction:
        """For a 📌 (a rule that reads its target): the reaction with the text and sender of
        its target message filled in."""
        if not self.reactions.reads_target(reaction.key):
            return reaction
        response = await self.client.room_get_event(reaction.room_id, reaction.target_event_id)
        if isinstance(response, RoomGetEventError):
            log.warning(
                "could not read %s for a pin: %s", reaction.target_event_id, response.message
            )
            return reaction
        event = response.event
        if isinstance(event, MegolmEvent):
            try:
                event = self.client.decrypt_event(event)
            except Exception as error:  # no keys for it: the pin has nothing to quote
                log.warning("could not decrypt %s for a pin: %s", reaction.target_event_id, error)
                return reaction
        return dataclasses.replace(
            reaction, target_sender=event.sender, target_text=message_text(event.source)
        )
