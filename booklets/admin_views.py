from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin import messages

from booklets.models import BookletPage, ModulePage
from booklets.selectors import (
    booklet_in_every_language,
    edition_may_start,
    edition_next_number,
)
from booklets.services import EditionError, edition_start


class StartEditionForm(forms.Form):
    """The number is the one the moderator saw: sent twice, it starts nothing twice."""

    number = forms.IntegerField(widget=forms.HiddenInput)
    year = forms.IntegerField(
        label=_("Year of the new edition"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("Optional: the year it is published."),
    )


def start_edition(request, page_id: int):
    """Confirm, then freeze the booklet's current edition and open the next one."""
    booklet = get_object_or_404(BookletPage, pk=page_id)
    if not edition_may_start(user=request.user, booklet=booklet):
        # A plain 403, not the admin's redirect home: the address is for moderators only.
        return permission_denied(request, PermissionDenied())
    number = edition_next_number(booklet=booklet)
    form = StartEditionForm(
        request.POST or None, initial={"number": number, "year": timezone.now().year}
    )
    if request.method == "POST" and form.is_valid():
        try:
            edition_start(
                booklet=booklet,
                number=form.cleaned_data["number"],
                year=form.cleaned_data["year"],
                user=request.user,
            )
        except EditionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                gettext("Edition %(number)d started; edition %(old)d is frozen.")
                % {"number": form.cleaned_data["number"], "old": booklet.edition_number},
            )
            return redirect("wagtailadmin_pages:edit", booklet.pk)
    translations = list(booklet_in_every_language(booklet).select_related("locale"))
    # Changes approved after the start belong to the new edition: show what is waiting.
    waiting = ModulePage.objects.child_of(booklet).filter(has_unpublished_changes=True)
    return TemplateResponse(
        request,
        "booklets/admin/start_edition.html",
        {
            "booklet": booklet,
            "number": number,
            "form": form,
            "translations": translations,
            "waiting": waiting,
        },
    )
