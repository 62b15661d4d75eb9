"""Who may change the catalogue, as plain predicates the edit services call."""

from core.roles import is_senior


def can_change_remedy(user) -> bool:
    """A remedy's classification, risk tier and aliases are what reviews judge: seniors only."""
    return is_senior(user)


def can_change_claim(user) -> bool:
    """A claim's remedy, kind, population and statement are what reviews judge: seniors only."""
    return is_senior(user)
