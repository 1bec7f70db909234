"""The open edition's record follows what is live: it is refreshed whenever the booklet
or one of its modules is published, unpublished or moved. Frozen editions are never
touched here (`booklets.services.edition_record` refreshes the open one only)."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from booklets.models import BookletPage, ModulePage
from booklets.services import edition_record


def _refresh(page) -> None:
    page = page.specific if page is not None else None
    if isinstance(page, BookletPage) and page.live:
        edition_record(booklet=page)


@receiver(page_published)
def keep_the_edition_record(sender, instance, **kwargs):
    if isinstance(instance, BookletPage):
        edition_record(booklet=instance)
    elif isinstance(instance, ModulePage):
        _refresh(instance.get_parent())


@receiver(page_unpublished)
def withdraw_from_the_edition_record(sender, instance, **kwargs):
    if isinstance(instance, ModulePage):
        _refresh(instance.get_parent())


@receiver(post_page_move)
def follow_the_modules_order(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # A module that is not live is in no open record, and moving it keeps the order of the
    # live ones: nothing to refresh. `specific_class` costs no query (every move of any
    # page passes here).
    if not instance.live or not issubclass(instance.specific_class or type(instance), ModulePage):
        return
    _refresh(parent_page_before)
    if parent_page_after.pk != parent_page_before.pk:
        _refresh(parent_page_after)
