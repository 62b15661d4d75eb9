"""{% agreement_link %}: the link to the agreement page, for those who may see it."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from reviews.agreement import can_see_agreement

register = template.Library()


@register.simple_tag(takes_context=True)
def agreement_link(context):
    request = context.get("request")
    if request is None or not can_see_agreement(request.user):
        return ""
    return format_html(
        '<li><a href="{}" id="agreement-link">Agreement between graders</a></li>', reverse("reviews_agreement")
    )
