"""`{% load sof %}`: the Summary of Findings table, for any page that shows a review's outcomes.

{% sof_table outcomes %}                  the table and its footnotes, from Outcome rows
{% include "reviews/_sof_table.html" with sof=table %}   the same from a reviews.sof.Table
{{ certainty|certainty_symbols }}         "low" → "⊕⊕◯◯" ("" stays "")
"""

from django import template

from reviews import grade
from reviews.sof import summary_of_findings

register = template.Library()


@register.inclusion_tag("reviews/_sof_table.html")
def sof_table(outcomes, caption=""):
    return {"sof": summary_of_findings(outcomes), "caption": caption}


@register.filter
def certainty_symbols(certainty: str) -> str:
    return grade.symbols(certainty) if certainty else ""
