from functools import cache

from django import template
from django.contrib.staticfiles import finders

from curriculum.activity_origin import activity_origin

register = template.Library()


@cache
def _player_installed() -> bool:
    return finders.find("h5p-standalone/main.bundle.js") is not None


@register.simple_tag
def activity_player(activity) -> dict | None:
    """Where the activity's frame comes from, or None when activities cannot be played
    here (no activity origin configured, or `make assets` could not install the player:
    it needs npm)."""
    origin = activity_origin()
    if activity is None or not activity.package_digest or not origin or not _player_installed():
        return None
    return {"origin": origin, "src": f"{origin}/play/{activity.package_digest}/"}
