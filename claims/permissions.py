"""Who may change the catalogue, as plain predicates the edit services call."""

from core.roles import is_reviewer, is_senior


def can_change_remedy(user) -> bool:
    """A remedy's classification, risk tier and aliases are what reviews judge: seniors only."""
    return is_senior(user)


def can_change_claim(user) -> bool:
    """A claim's remedy, kind, population and statement are what reviews judge: seniors only."""
    return is_senior(user)


def can_add_article(user) -> bool:
    """Taking in an article stores its text and the proposer's proposals, nothing reviewed yet."""
    return is_reviewer(user)


def can_decide_proposal(user) -> bool:
    """Confirming what an article claims (accepting, rejecting, adding a missed claim) is a
    reviewer's work; a proposal naming a new remedy also needs can_change_remedy."""
    return is_reviewer(user)
