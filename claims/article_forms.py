"""The forms of the article pages in the admin: adding an article (pasted or uploaded), editing a
proposal before accepting it, and adding a claim the proposer missed. They check input only; the
services (claims.articles, claims.decisions) decide."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models.functions import Lower

from claims.ingest.text import FORMATS, ArticleInputError, article_from_bytes, article_from_pasted, check_file_size
from claims.models import Category, ClaimKind, Population, Remedy, RiskTier
from claims.proposals import Proposal

UPLOAD_TYPES = ".txt,.md,.markdown,.html,.htm"


class ArticleForm(forms.Form):
    text = forms.CharField(
        label="Paste the article's text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
    )
    upload = forms.FileField(
        label="or upload a file",
        required=False,
        help_text="A .txt, .md or .html file (an HTML page is reduced to its main text).",
        widget=forms.ClearableFileInput(attrs={"accept": UPLOAD_TYPES}),
    )
    encoding = forms.CharField(
        required=False, max_length=40, help_text="Only for a file that is not UTF-8 (e.g. cp1251)."
    )
    condition = forms.CharField(
        max_length=200,
        help_text="What the article is about, e.g. “heartburn”: a known condition, or a new one.",
        widget=forms.TextInput(attrs={"list": "known-conditions", "autocomplete": "off"}),
    )
    title = forms.CharField(required=False, max_length=500, help_text="Default: the article's first line.")
    url = forms.URLField(label="URL", required=False, assume_scheme="https")
    language = forms.CharField(max_length=8, initial="en")

    def clean(self):
        data = super().clean()
        if "upload" in self.errors:
            return data  # "The submitted file is empty.": that error alone, not "paste or upload" besides
        text, upload = data.get("text") or "", data.get("upload")
        if text.strip() and upload:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        try:
            if upload:
                data["article"] = self._uploaded(upload, data.get("encoding") or None)
            elif text.strip():
                data["article"] = article_from_pasted(text)
            else:
                raise forms.ValidationError("Paste the article's text or upload a file.")
        except ArticleInputError as exc:
            raise forms.ValidationError(str(exc)) from None
        return data

    @staticmethod
    def _uploaded(upload, encoding):
        name = PurePath(upload.name).name
        fmt = FORMATS.get(PurePath(name).suffix.lower())
        if fmt is None:
            raise ArticleInputError(f"{name}: unsupported file type; use a .txt, .md or .html file")
        check_file_size(upload.size, name, fmt)  # before it is read
        return article_from_bytes(upload.read(), name=name, fmt=fmt, encoding=encoding)


def remedy_choices():
    return Remedy.objects.order_by(Lower("name"))


class ClaimFields(forms.Form):
    """What a claim says: its remedy (an existing one, or a new one for a senior), kind, population,
    the dose as the article states it, its passage, and a statement for a new claim."""

    remedy = forms.ModelChoiceField(
        queryset=Remedy.objects.none(),
        required=False,
        # searched as the reviewer types, by name, alias or ATC code (RemedyAdmin.search_fields)
        widget=AutocompleteSelect(
            Proposal._meta.get_field("remedy"), admin.site, attrs={"data-placeholder": "— a new remedy —"}
        ),
    )
    new_remedy_name = forms.CharField(label="New remedy", max_length=200, required=False)
    new_remedy_category = forms.ChoiceField(
        label="Its category", choices=[("", "—"), *Category.choices], required=False
    )
    kind = forms.ChoiceField(choices=[("", "—"), *ClaimKind.choices])
    population = forms.ChoiceField(choices=[("", "Everyone"), *Population.choices], required=False)
    condition = forms.CharField(
        label="About",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "known-conditions", "autocomplete": "off"}),
        help_text="The condition the claim is about, when not the article's: a known one, or a new one.",
    )
    dose = forms.CharField(max_length=500, required=False)
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    statement = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="For a new claim; default: worded from the remedy and the kind.",
    )
    risk_tier = forms.ChoiceField(
        label="New remedy's risk tier", choices=[("", "—"), *RiskTier.choices], required=False
    )
    risk_reason = forms.CharField(
        label="Its risk reason", required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80})
    )

    def __init__(self, *args, adds_remedies: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remedy"].queryset = remedy_choices()
        if not adds_remedies:  # a new remedy's risk is a senior's to give (claims.edits.remedy_add)
            del self.fields["risk_tier"], self.fields["risk_reason"]
            self.fields["new_remedy_name"].help_text = "Only a senior reviewer adds a new remedy, with its risk."

    def clean(self):
        data = super().clean()
        if not data.get("remedy") and not (data.get("new_remedy_name") or "").strip():
            self.add_error("remedy", "Choose a remedy, or name a new one with its category.")
        elif data.get("remedy") and (data.get("new_remedy_name") or "").strip():
            # the claim would be the chosen remedy's while the reviewer reads the new name on the form
            self.add_error(
                "new_remedy_name",
                f"Choose a remedy or name a new one, not both: “{data['remedy'].name}” is chosen. "
                "Clear the new name to accept it as that remedy, or clear the remedy to add the new one.",
            )
        elif not data.get("remedy") and not data.get("new_remedy_category"):
            self.add_error("new_remedy_category", "A new remedy needs its category.")
        return data

    def changes(self) -> dict:
        data = self.cleaned_data
        return {
            "remedy": data["remedy"],
            "new_remedy_name": "" if data["remedy"] else data["new_remedy_name"].strip(),
            "new_remedy_category": "" if data["remedy"] else data["new_remedy_category"],
            "kind": data["kind"],
            "population": data["population"] or None,
            "condition": data["condition"].strip() or None,
            "dose": data["dose"],
            "start": data["start"],
            "end": data["end"],
        }

    def decision(self) -> dict:
        """What the acceptance needs besides the changes."""
        data = self.cleaned_data
        return {
            "statement": data["statement"],
            "risk_tier": data.get("risk_tier", ""),
            "risk_reason": data.get("risk_reason", ""),
        }


def initial_for(proposal) -> dict:
    return {
        "remedy": proposal.remedy_id,
        "new_remedy_name": proposal.new_remedy_name,
        "new_remedy_category": proposal.new_remedy_category,
        "kind": proposal.kind,
        "population": proposal.population or "",
        "condition": proposal.condition.name if proposal.condition_id else "",
        "dose": proposal.dose,
        "start": proposal.start,
        "end": proposal.end,
    }
