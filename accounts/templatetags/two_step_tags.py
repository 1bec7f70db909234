"""The second factor's set-up, readable on a phone."""

from django import template

from accounts.redirects import safe_next

register = template.Library()


@register.filter
def in_fours(secret: str) -> str:
    """ "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": a key read off one screen and typed
    into an app on the same phone is copied four letters at a time."""
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


@register.simple_tag(takes_context=True)
def next_page(context) -> str:
    return safe_next(context["request"])
