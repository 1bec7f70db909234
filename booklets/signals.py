from django.dispatch import receiver
from wagtail.signals import page_published

from booklets.editions import edition_record


@receiver(page_published)
def keep_the_edition_record(sender, instance, **kwargs):
    from booklets.models import BookletPage, ModulePage

    if isinstance(instance, BookletPage):
        edition_record(instance)
    elif isinstance(instance, ModulePage):
        parent = instance.get_parent().specific
        if isinstance(parent, BookletPage) and parent.live:
            edition_record(parent)
