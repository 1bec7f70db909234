"""Translations go through the same moderation as pages, in wagtail-localize's screens.

An editor may translate and submit a translation for moderation; only those who may
publish a page (moderators) publish its translation. wagtail-localize lets anyone with
its `submit_translation` permission publish every translation through "Sync translated
pages" with "Publish immediately", and lets anyone who may edit a translation turn it into
an alias of its source, which publishes the source's text in its place. Its translation
editor has no "Submit for moderation". Here:

- "Sync" and "Convert to alias" are answered first by our own guarded views at the same
  addresses (`register_admin_urls` with a lower order), which then hand over to
  wagtail-localize's;
- the translation editor gets a "Submit for moderation" action (handled before
  wagtail-localize's own `before_edit_page` hook) and loses "Convert to alias page" for
  those who may not publish.

Reports → "Translations behind" lists the translations to update.
"""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, update_translations

from booklets.selectors import translations_behind

SUBMIT_ACTION = "claves-submit-translation"


def may_publish(user, instance) -> bool:
    """May `user` publish this page or snippet (not only save it)?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return policy_registry.get_by_type(type(instance)).user_has_permission(user, "publish")
    # A snippet without drafts has no moderation: saving it is publishing it.
    return True


class ModeratedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Sync translated pages", where "Publish immediately" is only for those who may
    publish every translation it would publish. Others sync, then submit."""

    def may_publish_all(self) -> bool:
        return all(
            may_publish(self.request.user, translation.get_target_instance())
            for translation in self.object.translations.filter(enabled=True)
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_all():
            field = form.fields["publish_translations"]
            # Disabled: whatever is posted, the value stays False.
            field.disabled = True
            field.widget = forms.HiddenInput()
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.may_publish_all():
            context["claves_submit_note"] = gettext_lazy(
                "Syncing brings the changes into the translation editor. Translate them "
                "there and submit the translation for moderation: a moderator publishes it."
            )
        return context


def convert_to_alias_for_publishers(request, page_id):
    """Turning a translation into an alias publishes the source's text in its place:
    only for those who may publish the translation."""
    page = get_object_or_404(Page, id=page_id)
    if not may_publish(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@transaction.atomic
def translation_submit_for_moderation(*, translation: Translation, page: Page, user) -> None:
    """Save the translation as a new draft revision of `page` and put it in the page's
    moderation workflow (restarting a workflow already under way, so the moderator
    reviews this revision).

    Not `Translation.save_target(publish=False)`: that writes the translated text into
    the page's own row, which is what readers of a live page see, before anyone
    approved it. Here only a revision is saved; the live page stays as it is."""
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
    )
    draft.save_revision(user=user, log_action=True)
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        state.cancel(user=user)
    page.get_workflow().start(page, user)


def may_submit(user, page) -> bool:
    permissions = page.permissions_for_user(user)
    return (
        permissions.can_edit()
        and page.has_workflow
        and not permissions.page_locked()
        and (permissions.can_submit_for_moderation() or page.workflow_in_progress)
    )


def translation_editor_props(props: str, user, instance) -> str:
    """The translation editor's settings, without "Convert to alias page" for those who
    may not publish the translation (it would be the editor's main button)."""
    if instance is None or may_publish(user, instance):
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)


class TranslationsBehindReport(ReportView):
    """Translations whose source was published after them (selectors.translations_behind),
    in a fixed number of queries however many there are."""

    page_title = gettext_lazy("Translations behind their source")
    header_icon = "warning"
    template_name = "booklets/admin/translations_behind.html"
    index_url_name = "translations_behind"
    no_results_message = gettext_lazy("Every translation is up to date.")
    columns = [
        TitleColumn("title", label=gettext_lazy("Translation"), url_name="wagtailadmin_pages:edit"),
        LocaleColumn(sort_key=None),
        DateColumn("last_published_at", label=gettext_lazy("Published")),
        TitleColumn(
            "source",
            accessor="source.title",
            id_accessor="source.pk",
            url_name="wagtailadmin_pages:edit",
            label=gettext_lazy("Source"),
        ),
        DateColumn(
            "source_published",
            accessor="source.last_published_at",
            label=gettext_lazy("Source updated"),
        ),
    ]

    def get_queryset(self):
        pages = []
        for translation, source in translations_behind():
            translation.source = source
            pages.append(translation)
        return pages


@hooks.register("register_reports_menu_item")
def register_translations_behind_menu_item():
    return MenuItem(
        gettext_lazy("Translations behind"),
        reverse("translations_behind"),
        icon_name="warning",
        order=700,
    )


@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_urls():
    # Same addresses as wagtail-localize's: these come first, so they answer.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="claves_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_for_publishers,
            name="claves_convert_to_alias",
        ),
        path(
            "reports/translations-behind/",
            TranslationsBehindReport.as_view(),
            name="translations_behind",
        ),
    ]


@hooks.register("before_edit_page", order=-1)
def submit_translation_for_moderation(request, page):
    if request.method != "POST" or request.POST.get("action") != SUBMIT_ACTION:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None or not may_submit(request.user, page):
        raise PermissionDenied
    translation_submit_for_moderation(translation=translation, page=page, user=request.user)
    messages.success(
        request,
        _("The translation “%(title)s” was submitted for moderation.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    page = context.get("page")
    if page is not None and not may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
