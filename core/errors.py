"""Typed refusals of every service (catalogue, reviews, publishing). The admin shows them as
messages; the API maps them to 409 / 403 / 400."""


class ServiceError(Exception):
    """Base of every refusal a service can give."""


class InvalidTransition(ServiceError):
    def __init__(self, current: str, target: str):
        self.current, self.target = current, target
        super().__init__(f"A review in state “{current}” cannot move to “{target}”.")


class NotAllowed(ServiceError):
    """The actor may not do this (role, or four-eyes)."""


class NotReady(ServiceError):
    """The record lacks something the step requires."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__("Not ready: it still needs " + "; ".join(missing) + ".")


class ReasonRequired(ServiceError):
    def __init__(self, step: str):
        super().__init__(f"{step} needs a reason.")


def no_reason(reason: str | None) -> bool:
    """Whether a reason says nothing: empty, white space, or only marks and invisible characters (a
    zero-width space had been accepted as the reason for a rejection)."""
    return not any(character.isalnum() for character in reason or "")


class Conflict(ServiceError):
    """The change was made from a stale version, or collides with another open review."""
