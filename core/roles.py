"""The roles of DESIGN.md as Django groups, and the predicates every app asks of them.

Names only here; permissions are granted by migration so that every database, demo or production,
has the same roles. Superusers get no exemption: a role is a group, not a flag."""

REVIEWER = "reviewer"
SENIOR_REVIEWER = "senior_reviewer"
CONTENT_READER = "content_reader"
AUDITOR = "auditor"

ALL = (REVIEWER, SENIOR_REVIEWER, CONTENT_READER, AUDITOR)
# Every role may hold an API token and read what is published.
API_ROLES = (CONTENT_READER, REVIEWER, SENIOR_REVIEWER, AUDITOR)


def in_group(user, *names: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name__in=names).exists()


def is_reviewer(user) -> bool:
    return in_group(user, REVIEWER, SENIOR_REVIEWER)


def is_senior(user) -> bool:
    return in_group(user, SENIOR_REVIEWER)


def is_auditor(user) -> bool:
    return in_group(user, AUDITOR)


def can_read_published(user) -> bool:
    """The content API: every role may read what is published; anonymous users may not."""
    return in_group(user, *API_ROLES)
