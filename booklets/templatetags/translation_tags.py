"""Template tags for wagtail-localize's screens (see booklets.translation_admin)."""

from django import template
from wagtail.models import Page

from booklets import selectors
from booklets.translation_admin import may_publish, may_submit, translation_editor_props

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_settings(context, props, instance):
    return translation_editor_props(props, context["request"].user, instance)


@register.simple_tag(takes_context=True)
def translation_may_be_submitted(context, instance) -> bool:
    """Show "Submit for moderation": a page this person may submit but not publish."""
    user = context["request"].user
    return (
        isinstance(instance, Page)
        and may_submit(user, instance)
        and not may_publish(user, instance)
    )


@register.simple_tag
def translation_original_if_behind(page, booklet=None):
    """For readers: the original of `page` when this translation lags behind it."""
    return selectors.translation_original_if_behind(page=page, booklet=booklet)
