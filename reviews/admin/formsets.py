"""Inline formsets whose duplicate rows are named: Django says "Please correct the duplicate data
for reference." and leaves the reader to find which; this says which reference (or domain, or
outcome: whatever the rows must not repeat) is listed twice."""

from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet


class NamedDuplicatesFormSet(BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        labels = [self._label(name) for name in unique_check]
        repeated = self._repeated(unique_check)
        if not repeated:
            return super().get_unique_error_message(unique_check)
        what = " and ".join(labels)
        named = "; ".join(" / ".join(f"“{value}”" for value in values) for values in repeated)
        return f"The {what} {named} is listed more than once here: keep one row of it."

    def _label(self, name: str) -> str:
        field = self.forms[0].fields.get(name) if self.forms else None
        return str(field.label if field is not None and field.label else name.replace("_", " ")).lower()

    def _repeated(self, unique_check) -> list[tuple[str, ...]]:
        seen, repeated = set(), []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or (self.can_delete and self._should_delete_form(form)):
                continue
            key = tuple(data.get(name) for name in unique_check)
            if any(value is None for value in key):
                continue
            if key in seen and key not in repeated:
                repeated.append(key)
            seen.add(key)
        return [tuple(str(value) for value in key) for key in repeated]


class LabelledCellsFormSet(NamedDuplicatesFormSet):
    """A tabular inline's rows, each field named for assistive technology: a column's heading is
    no label of the fields below it, so a screen reader would announce an unnamed text box (axe:
    "form elements must have labels"). The row's Delete box is named too."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = "new row" if index is None else f"row {index + 1}"
        for name, field in form.fields.items():
            label = "Delete" if name == DELETION_FIELD_NAME else field.label or name.replace("_", " ")
            field.widget.attrs.setdefault("aria-label", f"{str(label).capitalize()}, {row}")
