"""Reactions as data: which emoji a family answers to, and what it does with them.

Families register `ReactionRule`s next to their commands; the registry routes each reaction to
the rule for its key, and a withdrawn reaction (a redaction) to every rule that can undo one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from commands.core.context import Context
from commands.core.effects import Effect
from storage.audit import REACTION_WITHDRAWN, AuditResult, reaction_action


@dataclass(frozen=True)
class Reaction:
    target_event_id: str
    key: str
    target_sender: str | None = None
    target_text: str | None = None  # read by the bot only for rules with `reads_target`


ReactionAct = Callable[[Reaction, Context], Awaitable[list[Effect]]]
WithdrawAct = Callable[[str, Context], Awaitable[list[Effect]]]


@dataclass(frozen=True)
class ReactionRule:
    """`code`: the reaction's name on the audit trail (`reaction.<code>`); `reads_target`: the
    bot fetches (and decrypts) the message reacted to, for its text."""

    code: str
    keys: frozenset[str]
    act: ReactionAct
    withdraw: WithdrawAct | None = None
    reads_target: bool = False


def normalise(key: str) -> str:
    """Clients add a variation selector (U+FE0F) to some emoji, and some do not."""
    return key.replace("\ufe0f", "").strip()


class Reactions:
    def __init__(self, rules: Iterable[ReactionRule] = ()) -> None:
        self._by_key: dict[str, ReactionRule] = {}
        self._rules: list[ReactionRule] = []
        for rule in rules:
            self.add(rule)

    def add(self, rule: ReactionRule) -> None:
        for key in rule.keys:
            if key in self._by_key:
                raise ValueError(f"reaction {key!r} registered twice")
            self._by_key[key] = rule
        self._rules.append(rule)

    def matters(self, key: str) -> bool:
        return normalise(key) in self._by_key

    def reads_target(self, key: str) -> bool:
        rule = self._by_key.get(normalise(key))
        return rule is not None and rule.reads_target

    async def on_reaction(self, reaction: Reaction, context: Context) -> list[Effect]:
        rule = self._by_key.get(normalise(reaction.key))
        if rule is None:
            return []
        effects = await rule.act(reaction, context)
        context.audit_action = reaction_action(rule.code)
        context.audit_result = AuditResult.DONE if effects else AuditResult.IGNORED
        return effects

    async def on_withdrawn(self, reaction_event_id: str, context: Context) -> list[Effect]:
        """A reaction was redacted: whatever it meant no longer counts. Only a redaction that
        withdrew something is noted for the audit trail: members redact other messages too."""
        effects: list[Effect] = []
        for rule in self._rules:
            if rule.withdraw is not None:
                effects += await rule.withdraw(reaction_event_id, context)
        if effects:
            context.audit_action = REACTION_WITHDRAWN
            context.audit_result = AuditResult.DONE
        return effects
