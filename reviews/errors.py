"""Typed refusals. The admin shows them as messages; the API maps them to 409 / 403 / 400."""


class ReviewError(Exception):
    """Base of every refusal a review service can give."""


class InvalidTransition(ReviewError):
    def __init__(self, current: str, target: str):
        self.current, self.target = current, target
        super().__init__(f"A review in state “{current}” cannot move to “{target}”.")


class NotAllowed(ReviewError):
    """The actor may not do this (role, or four-eyes)."""


class NotReady(ReviewError):
    """The review lacks something the step requires."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__("Not ready: " + "; ".join(missing) + ".")


class ReasonRequired(ReviewError):
    def __init__(self, step: str):
        super().__init__(f"{step} needs a reason.")


class Conflict(ReviewError):
    """The change was made from a stale version, or collides with another open review."""
