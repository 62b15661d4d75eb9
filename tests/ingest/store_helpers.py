"""An article of our own writing with proposals made by hand (not by the proposer), so the tests of
storing and confirming do not move when the proposer's rules do."""

from audit.models import AuditEvent
from claims.articles import article_add
from claims.ingest.propose import Proposal as Proposed
from claims.ingest.text import article_from_pasted

TEXT = (
    "Night cramps: what our readers tried\n\n"
    "Magnesium taken every evening prevents cramps for many readers.\n"
    "Quinine eases a cramp as it happens, some claim.\n"
    "A glass of beetroot juice before bed keeps cramps away, one reader wrote.\n"
    "Pregnant women should ask a doctor before taking magnesium.\n"
    "Stretching the calf eases a cramp within a minute.\n"
)


def sentence(starting: str) -> tuple[int, int, str]:
    start = TEXT.index(starting)
    end = TEXT.index("\n", start)
    return start, end, TEXT[start:end]


def proposed(starting, remedy, category, surface, kind, population=None, *, is_new=False, dose="") -> Proposed:
    start, end, quote = sentence(starting)
    return Proposed(
        quote=quote,
        start=start,
        end=end,
        remedy=remedy,
        category=category,
        surface=surface,
        kind=kind,
        population=population,
        dose=dose,
        rule="lexicon; test",
        confidence=0.9,
        fuzzy=False,
        is_new=is_new,
    )


PROPOSED = [
    # merges into the catalogue's claim "magnesium, prevention, everyone"
    proposed("Magnesium taken", "magnesium", "supplement", "Magnesium", "prevention", dose="every evening"),
    # a new claim of an existing remedy: the catalogue has no "quinine, relief"
    proposed("Quinine eases", "quinine", "drug", "Quinine", "relief"),
    # a new remedy
    proposed("A glass of beetroot", "beetroot juice", "food_drink", "beetroot juice", "prevention", is_new=True),
    proposed("Pregnant women", "magnesium", "supplement", "magnesium", "caution", "pregnancy"),
]


def store(actor, text: str = TEXT, proposals=PROPOSED, condition: str = "night leg cramps", **options):
    """The article stored with these proposals; about night leg cramps unless told, so that its
    proposals may merge into the catalogue's claims."""
    article = article_from_pasted(text)
    return article_add(article=article, actor=actor, proposed=proposals, condition=condition, **options)


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def events_since(seq: int) -> list[str]:
    return list(AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("event_type", flat=True))
