"""An audit event in words, for people: what happened, by whom, and each changed field by its label
with its value as the pages show it (usernames, not user ids; "Very low", not "very_low"). The
events themselves, and the auditors' API that serves them, keep the codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.text import capfirst

from audit.models import AuditEvent, AuditEventType
from claims.models import Claim, Remedy
from reviews.models import (
    Contraindication,
    Disagreement,
    DomainJudgement,
    Grading,
    GradingContraindication,
    Outcome,
    Reference,
    Review,
)

Event = AuditEventType

# What happened, as a reader says it; {subject} is the outcome, domain, condition or reference.
DESCRIPTIONS = {
    Event.REVIEW_STARTED: "Review started",
    Event.REVIEW_ASSIGNED: "Review assigned",
    Event.REVIEW_GRADED: "Grading of the review changed",
    Event.REVIEW_SUBMITTED: "Submitted for approval",
    Event.REVIEW_CHANGES_REQUESTED: "Sent back: changes requested",
    Event.REVIEW_APPROVED: "Approved",
    Event.REVIEW_APPROVAL_LAPSED: "Approval lapsed: what it approved changed",
    Event.REVIEW_REJECTED: "Rejected",
    Event.REVIEW_PUBLISHED: "Published",
    Event.REVIEW_WITHDRAWN: "Withdrawn",
    Event.REVIEW_DUAL_GRADING_REQUIRED: "Two independent gradings required",
    Event.REFERENCE_ATTACHED: "Reference {subject} cited",
    Event.REFERENCE_DETACHED: "Reference {subject} no longer cited",
    Event.REFERENCE_SAVED: "Reference {subject} saved in the library",
    Event.JUDGEMENT_SAVED: "Judgement of {subject} saved",
    Event.JUDGEMENT_REMOVED: "Judgement of {subject} removed",
    Event.OUTCOME_ADDED: "Outcome {subject} added",
    Event.OUTCOME_CHANGED: "Outcome {subject} changed",
    Event.OUTCOME_REMOVED: "Outcome {subject} removed",
    Event.OUTCOME_CERTAINTY_OVERRIDDEN: "Certainty of outcome {subject} set by hand",
    Event.OUTCOME_OVERRIDE_REMOVED: "Certainty of outcome {subject} worked out again",
    Event.OUTCOME_REFERENCE_ATTACHED: "Reference cited for outcome {subject}",
    Event.OUTCOME_REFERENCE_DETACHED: "Reference no longer cited for outcome {subject}",
    Event.GRADING_STARTED: "Independent grading started",
    Event.GRADING_CHANGED: "Independent grading changed",
    Event.GRADING_SUBMITTED: "Independent grading submitted",
    Event.DISAGREEMENTS_LISTED: "Disagreements between the two gradings listed",
    Event.DISAGREEMENT_PROPOSED: "Resolution proposed for a disagreement",
    Event.DISAGREEMENT_RESOLVED: "Disagreement resolved",
    Event.GRADING_RESOLVED: "Resolved grading became the review's",
    Event.CONTRAINDICATION_ADDED: "Contraindication {subject} added",
    Event.CONTRAINDICATION_CHANGED: "Contraindication {subject} changed",
    Event.CONTRAINDICATION_REMOVED: "Contraindication {subject} removed",
    Event.REMEDY_ADDED: "Remedy added",
    Event.REMEDY_CHANGED: "Remedy changed",
    Event.CLAIM_ADDED: "Claim added",
    Event.CLAIM_CHANGED: "Claim changed",
    Event.CATALOGUE_LOADED: "Catalogue loaded",
}

# The model whose fields an event's before/after hold, by the event type's first word.
MODEL_OF = {
    "review": Review,
    "outcome": Outcome,
    "judgement": DomainJudgement,
    "grading": Grading,
    "contraindication": Contraindication,
    "reference": Reference,
    "claim": Claim,
    "remedy": Remedy,
}
OTHER_MODELS = (Review, Outcome, DomainJudgement, Disagreement, Grading, GradingContraindication, Contraindication)

# Fields shown elsewhere on the row (the version column, the review column) or ids repeated by a
# name in the same event.
NOT_SHOWN = {"version", "review", "grading", "outcome", "contraindication_id", "reference_id", "outcome_name"}
# Keys that are not model fields, read as the field they stand for.
ALIASES = {
    "review_certainty": ("certainty", "the review's certainty"),
    "grading_certainty": ("certainty", "the grading's certainty"),
    "outcome_certainty": ("certainty", "the outcome's certainty"),
    "remedy_id": ("remedy", "remedy"),
    "claim_id": ("claim", "claim"),
    "source_reference_id": ("source_reference", "source reference"),
    "publication_version": ("", "published as version"),
    "gradings": ("", "gradings"),
    "disagreements": ("", "disagreements"),
    "count": ("", "disagreements"),
    "items": ("", "points"),
}
USER_FIELDS = {"assignee", "grader", "actor", "user"}
# Fields whose names read poorly as labels.
LABELS = {
    "relative_ci_low": "relative effect, 95% CI low",
    "relative_ci_high": "relative effect, 95% CI high",
    "absolute_ci_low": "absolute effect, 95% CI low",
    "absolute_ci_high": "absolute effect, 95% CI high",
    "effect_text": "effect in words",
    "position": "position in the Summary of Findings",
    "certainty_override": "certainty set by hand",
    "override_reason": "why set by hand",
}


def _field(model, name: str) -> models.Field | None:
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist, or a reverse relation
        return None


def _fields_for(event_type: str, key: str) -> tuple[str, models.Field | None]:
    name, label = ALIASES.get(key, (key, LABELS.get(key)))
    model = MODEL_OF.get(event_type.split(".")[0])
    if event_type.startswith("grading.disagreement"):
        model = Disagreement
    for candidate in ([model] if model else []) + list(OTHER_MODELS):
        field = _field(candidate, name) if name else None
        if field is not None and getattr(field, "concrete", False):
            return label or str(field.verbose_name), field
    return label or key.replace("_", " "), None


# Every code any choice of these models knows, for values that name no field (a disagreement's
# first and second value: an importance, a certainty, a recommendation …).
CODES = {
    str(code): str(text)
    for model in (*OTHER_MODELS, Reference, Claim, Remedy)
    for field in model._meta.concrete_fields
    for code, text in (field.flatchoices or ())
}


@dataclass
class Lookups:
    """Names for the ids the events hold, fetched once per page: people, references, and the
    catalogue's rows (a claim's remedy, its condition)."""

    users: dict[int, str]
    references: dict[int, str]
    catalogue: dict[tuple[type, int], str]

    @classmethod
    def for_events(cls, events: list[AuditEvent]) -> Lookups:
        user_ids, reference_ids, catalogue_ids = set(), set(), {}
        for event in events:
            for state in (event.before, event.after):
                for key, value in (state or {}).items():
                    if not isinstance(value, int) or isinstance(value, bool):
                        continue
                    if is_user_key(key):
                        user_ids.add(value)
                    elif key in REFERENCE_KEYS:
                        reference_ids.add(value)
                    elif (model := catalogue_model(_fields_for(event.event_type, key)[1])) is not None:
                        catalogue_ids.setdefault(model, set()).add(value)
        users = dict(get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "username"))
        references = {r.pk: r.title for r in Reference.objects.filter(pk__in=reference_ids)}
        catalogue = {
            (model, row.pk): str(row)
            for model, ids in catalogue_ids.items()
            for row in model.objects.filter(pk__in=ids)
        }
        return cls(users=users, references=references, catalogue=catalogue)


REFERENCE_KEYS = ("reference", "reference_id", "source_reference", "source_reference_id")


def catalogue_model(field: models.Field | None):
    """The catalogue model (claims app: remedy, condition, source) a foreign key points to, if any."""
    if field is None or not field.is_relation or field.related_model is None:
        return None
    return field.related_model if field.related_model._meta.app_label == "claims" else None


def is_user_key(key: str) -> bool:
    return key in USER_FIELDS or key.endswith("_by")


def words(value, *, key: str, field: models.Field | None, lookups: Lookups) -> str:
    """One recorded value as the pages show it."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if is_user_key(key) and isinstance(value, int):
        return lookups.users.get(value, f"user #{value}")
    if key in REFERENCE_KEYS and isinstance(value, int):
        return lookups.references.get(value, f"reference #{value}")
    if isinstance(value, int) and (model := catalogue_model(field)) is not None:
        return lookups.catalogue.get((model, value), f"{model._meta.verbose_name} #{value}")
    if isinstance(value, list):
        return "; ".join(_item_words(item, lookups) for item in value) or "none"
    if isinstance(value, dict):
        return _item_words(value, lookups)
    if field is not None and field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DecimalField) and isinstance(value, (str, int, float)):
        return plain_number(value)
    if key == "position" and isinstance(value, int):
        return str(value + 1)  # counted from one, as the Summary of Findings numbers its rows
    if key.endswith("value"):  # a disagreement's values: an importance, a certainty …
        return CODES.get(str(value), str(value))
    if key.endswith("_at") and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M UTC")
        except ValueError:
            return value
    return CODES.get(str(value), str(value)) if field is None else str(value)


def plain_number(value) -> str:
    """A stored decimal as a person writes it: -2.4500 is -2.45, 33.0000 is 33."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return format(number.normalize(), "f") if number.is_finite() else str(value)


def _item_words(item, lookups: Lookups) -> str:
    if not isinstance(item, dict):
        return CODES.get(str(item), str(item))
    if "label" in item:
        first = CODES.get(item.get("first_value", ""), item.get("first_value") or "nothing")
        second = CODES.get(item.get("second_value", ""), item.get("second_value") or "nothing")
        return f"{item['label']}: {first} / {second}"
    name = item.get("name") or item.get("condition") or ""
    rest = [
        CODES.get(str(v), str(v)) for k, v in item.items() if k not in ("name", "condition") and v not in ("", None)
    ]
    return f"{name} ({', '.join(rest)})" if rest else name


def subject(event: AuditEvent, lookups: Lookups) -> str:
    """What the event is about, in quotes: an outcome, a domain, a condition, a reference."""
    state = event.after or event.before or {}
    if event.event_type.startswith("judgement."):
        domain = _fields_for(event.event_type, "domain")[1]
        text = dict(domain.flatchoices).get(state.get("domain"), state.get("domain")) if domain else ""
        return f"“{text}” for “{state.get('outcome_name', '')}”"
    for key in ("outcome_name", "name", "condition", "title"):
        if state.get(key):
            return f"“{state[key]}”"
    if event.event_type.startswith("reference.") and "reference" in state:
        return f"“{state['reference']}”"
    return ""


def describe(event: AuditEvent, lookups: Lookups) -> str:
    text = DESCRIPTIONS.get(event.event_type) or capfirst(event.get_event_type_display())
    return " ".join(text.format(subject=subject(event, lookups)).split())


def changes(event: AuditEvent, lookups: Lookups) -> list[tuple[str, str, str]]:
    """(label, before, after) for each changed field, in words; a value recorded on one side only
    (something added or removed) has "" on the other."""
    before, after = event.before or {}, event.after or {}
    rows = []
    for key, (old, new) in event.changed_fields().items():
        if key in NOT_SHOWN or key == "approved_hash":
            continue
        label, field = _fields_for(event.event_type, key)
        if key == "approved_snapshot":
            rows.append((label, "", f"frozen (hash {after.get('approved_hash', '')[:12]}…)"))
            continue
        old_text = words(old, key=key, field=field, lookups=lookups) if key in before else ""
        new_text = words(new, key=key, field=field, lookups=lookups) if key in after else ""
        if old_text or new_text:
            rows.append((capfirst(label), old_text, new_text))
    return rows
