"""The outcome page's form: what the outcome says, its eight GRADE domains as a grid (each domain
offering only the severities that apply to it), and the override of the worked-out certainty.
It checks what a reviewer can get wrong and says so next to the field; OutcomeAdmin saves through
the services, which check it all again."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from reviews.models import DOWNGRADE_DOMAINS, Certainty, Domain, Outcome, Severity
from reviews.services import OUTCOME_FIELDS
from reviews.sof import severity_label

# GRADE guidelines 9: a large effect moves up one or two levels, a dose-response gradient and
# plausible confounding one each; every downgrade domain one (serious) or two (very serious).
ALLOWED_SEVERITIES = {
    **{domain: (Severity.NONE, Severity.SERIOUS, Severity.VERY_SERIOUS) for domain in DOWNGRADE_DOMAINS},
    Domain.LARGE_EFFECT: (Severity.NONE, Severity.UPGRADE_ONE, Severity.UPGRADE_TWO),
    Domain.DOSE_RESPONSE: (Severity.NONE, Severity.UPGRADE_ONE),
    Domain.PLAUSIBLE_CONFOUNDING: (Severity.NONE, Severity.UPGRADE_ONE),
}
NOT_JUDGED = ("", "— not judged")
NO_OVERRIDE = ("", "No override: the certainty worked out from the design and the domains")


class NormalisedDecimalInput(forms.NumberInput):
    """A decimal as a reader writes it: −2.45, not −2.4500 (the stored value is kept as it is)."""

    def format_value(self, value):
        if isinstance(value, Decimal) and value.is_finite():
            text = format(value.normalize(), "f")  # "f": never an exponent (100, not 1E+2)
            return "0" if text == "-0" else text
        return super().format_value(value)


DECIMAL_FIELDS = (
    "relative_effect",
    "relative_ci_low",
    "relative_ci_high",
    "absolute_effect",
    "absolute_ci_low",
    "absolute_ci_high",
)


def severity_choices(domain: str, current: str = "") -> list[tuple[str, str]]:
    allowed = list(ALLOWED_SEVERITIES[domain])
    if current and current not in allowed:  # recorded before the grid limited it: keep it visible
        allowed.append(current)
    return [NOT_JUDGED, *((s, severity_label(domain, s).capitalize()) for s in allowed)]


class OutcomeForm(forms.ModelForm):
    # The review's version the page was made from: every service call of the save checks it.
    version = forms.IntegerField(widget=forms.HiddenInput)
    override_certainty = forms.ChoiceField(
        label="Override to", required=False, choices=[NO_OVERRIDE, *Certainty.choices]
    )
    override_rationale = forms.CharField(
        label="Reason for the override",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="Required with an override; it is audited and shown as a footnote of the Summary of Findings.",
    )
    # The review a new outcome is added to (OutcomeAdmin.get_form sets it on the form class).
    for_review = None

    class Meta:
        model = Outcome
        fields = list(OUTCOME_FIELDS)
        widgets = {
            "effect_text": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            **{field: NormalisedDecimalInput for field in DECIMAL_FIELDS},
        }
        labels = {
            "relative_ci_low": "95 % CI from",
            "relative_ci_high": "to",
            "absolute_ci_low": "95 % CI from",
            "absolute_ci_high": "to",
            "effect_text": "Effect in words",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        outcome = self.instance
        if outcome.review_id is None and self.for_review is not None:
            outcome.review = self.for_review
        if "version" in self.fields and outcome.review_id is not None:
            self.fields["version"].initial = outcome.review.version
        if "position" in self.fields and outcome.pk is None and outcome.review_id is not None:
            siblings = Outcome.objects.filter(review_id=outcome.review_id, grading_id=outcome.grading_id)
            self.fields["position"].initial = siblings.count()  # last in the Summary of Findings
        if "override_certainty" in self.fields and outcome.pk:
            self.fields["override_certainty"].initial = outcome.certainty_override
            self.fields["override_rationale"].initial = outcome.override_reason
        self.judgements = {j.domain: j for j in outcome.judgements.all()} if outcome.pk else {}
        for domain in Domain:
            current = self.judgements.get(domain)
            self.fields[f"severity_{domain}"] = forms.ChoiceField(
                label=f"{domain.label}: judgement",
                required=False,
                choices=severity_choices(domain, current.severity if current else ""),
                initial=current.severity if current else "",
            )
            self.fields[f"rationale_{domain}"] = forms.CharField(
                label=f"{domain.label}: rationale",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
                initial=current.rationale if current else "",
            )

    # -- the grid, as the template draws it ---------------------------------------------------

    def judgement_rows(self) -> list[dict]:
        rows = []
        for domain in Domain:
            current = self.judgements.get(domain)
            rows.append(
                {
                    "domain": domain.value,
                    "label": domain.label,
                    "kind": "downgrade" if domain in DOWNGRADE_DOMAINS else "upgrade",
                    "severity": self[f"severity_{domain}"],
                    "rationale": self[f"rationale_{domain}"],
                    "current": current,
                    "current_label": severity_label(domain, current.severity).capitalize() if current else "",
                }
            )
        return rows

    # -- validation ---------------------------------------------------------------------------

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Name the outcome (e.g. “Cramp frequency”).")
        others = Outcome.objects.filter(
            review_id=self.instance.review_id, grading_id=self.instance.grading_id, name__iexact=name
        ).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(f"This review already has an outcome named “{name}”.")
        return name

    def clean(self):
        data = super().clean()
        for domain in Domain:
            severity = data.get(f"severity_{domain}", "")
            rationale = (data.get(f"rationale_{domain}") or "").strip()
            data[f"rationale_{domain}"] = rationale
            if severity and not rationale:
                self.add_error(
                    f"rationale_{domain}",
                    f"Give the rationale for the judgement of {domain.label.lower()}: "
                    "it becomes a footnote of the Summary of Findings.",
                )
            elif rationale and not severity:
                self.add_error(f"severity_{domain}", f"Judge {domain.label.lower()}, or clear its rationale.")
        override = data.get("override_certainty", "")
        reason = (data.get("override_rationale") or "").strip()
        data["override_rationale"] = reason
        if "override_certainty" in self.fields:
            if override and not reason:
                self.add_error("override_rationale", "An override of the worked-out certainty needs a written reason.")
            elif reason and not override and reason != self.instance.override_reason:
                self.add_error("override_certainty", "Choose the certainty this reason overrides to, or clear it.")
        if "design" in self.fields and not data.get("design") and not override:
            self.add_error(
                "design",
                "Choose the body of evidence's design: its certainty starts there (randomised trials high, "
                "observational studies low). Only an overridden certainty may go without one.",
            )
        return data

    # -- what the save changes ----------------------------------------------------------------

    def outcome_changes(self) -> dict:
        """The outcome's own fields this form changed (all of them for a new outcome)."""
        fields = [f for f in OUTCOME_FIELDS if f in self.cleaned_data]
        if self.instance.pk:
            fields = [f for f in fields if f in self.changed_data]
        return {f: self.cleaned_data[f] for f in fields}

    def judgement_changes(self) -> list[tuple[str, str, str]]:
        """(domain, severity, rationale) for each domain whose judgement changed; severity ""
        where a judgement is withdrawn."""
        changes = []
        for domain in Domain:
            severity = self.cleaned_data.get(f"severity_{domain}", "")
            rationale = self.cleaned_data.get(f"rationale_{domain}", "")
            current = self.judgements.get(domain)
            if current is None and not severity:
                continue
            if current is not None and (current.severity, current.rationale) == (severity, rationale):
                continue
            changes.append((domain.value, severity, rationale))
        return changes

    def override_change(self) -> tuple[str, str] | None:
        """(certainty, reason) when the override changed; certainty "" removes it."""
        if "override_certainty" not in self.cleaned_data:
            return None
        certainty, reason = self.cleaned_data["override_certainty"], self.cleaned_data["override_rationale"]
        if not certainty:
            return ("", "") if self.instance.certainty_override else None
        if (certainty, reason) == (self.instance.certainty_override, self.instance.override_reason):
            return None
        return certainty, reason
