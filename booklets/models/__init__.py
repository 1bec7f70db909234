"""The booklets app's models: the page tree (`pages`) and the editions' records (`editions`)."""

from booklets.models.editions import Edition, EditionModule, FrozenEditionError
from booklets.models.pages import (
    BookletPage,
    HomePage,
    ModuleKind,
    ModulePage,
    PageLinksPrefetchMixin,  # named here by migration 0003
    Sensitivity,
    StandardPage,
    ThemeColour,
    booklet_of,
)

__all__ = [
    "BookletPage",
    "Edition",
    "EditionModule",
    "FrozenEditionError",
    "HomePage",
    "ModuleKind",
    "ModulePage",
    "PageLinksPrefetchMixin",
    "Sensitivity",
    "StandardPage",
    "ThemeColour",
    "booklet_of",
]
