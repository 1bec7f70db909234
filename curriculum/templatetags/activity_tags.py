from functools import cache

from django import template
from django.contrib.staticfiles import finders

register = template.Library()


@cache
def _player_installed() -> bool:
    return finders.find("h5p-standalone/main.bundle.js") is not None


@register.simple_tag
def h5p_player_available() -> bool:
    """Whether `make assets` installed the H5P player (it needs npm)."""
    return _player_installed()
