"""The roles of DESIGN.md as Django groups. Names only here; permissions are granted by
migration so that every database, demo or production, has the same roles."""

REVIEWER = "reviewer"
SENIOR_REVIEWER = "senior_reviewer"
CONTENT_READER = "content_reader"
AUDITOR = "auditor"

ALL = (REVIEWER, SENIOR_REVIEWER, CONTENT_READER, AUDITOR)


def in_group(user, *names: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name__in=names).exists()
