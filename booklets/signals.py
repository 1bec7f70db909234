"""The open edition's record follows what is live: it is refreshed whenever the booklet
or one of its modules is published, unpublished or moved. Frozen editions are never
touched here (`booklets.services.edition_record` refreshes the open one only).

Signed-out readers' cached pages (`booklets.page_cache`) are purged whenever what they
show changes: a page, a glossary term or an activity published, unpublished, moved or
deleted, an edition recorded or started, a page made private or public again."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from booklets import page_cache
from booklets.models import BookletPage, Edition, ModulePage, SupportContact
from booklets.services import edition_record
from curriculum.models import GlossaryTerm, H5PActivity


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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_the_cached_pages(sender, instance, **kwargs):
    page_cache.purge([instance])


@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Edition)
@receiver(post_delete, sender=Edition)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
@receiver(post_save, sender=SupportContact)
@receiver(post_delete, sender=SupportContact)
@receiver(published, sender=H5PActivity)
@receiver(unpublished, sender=H5PActivity)
@receiver(post_delete, sender=H5PActivity)
def purge_every_cached_page(sender, **kwargs):
    page_cache.purge()
