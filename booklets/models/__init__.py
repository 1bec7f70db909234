"""The booklets app's models: the page tree (`pages`), the editions' records (`editions`)
and the helplines the self-care page lists (`support`)."""

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
from booklets.models.support import SupportContact

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
    "SupportContact",
    "ThemeColour",
    "booklet_of",
]
