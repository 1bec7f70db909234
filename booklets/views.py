from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booklets.models import HomePage, ModulePage
from curriculum.services import progress_mark_studied, progress_unmark


@login_required
@require_POST
def module_studied(request, page_id: int):
    """Mark a module as studied (or, with `undo`, as not studied yet)."""
    module = get_object_or_404(ModulePage.objects.live().select_related("locale"), pk=page_id)
    if request.POST.get("undo"):
        progress_unmark(user=request.user, module_key=module.translation_key)
        messages.info(request, _("Marked as not studied yet."))
        return redirect(f"{module.url}#studied")
    booklet = module.get_parent().specific
    progress_mark_studied(
        user=request.user,
        module_key=module.translation_key,
        booklet_key=booklet.translation_key,
        edition=booklet.edition_number,
    )
    messages.success(request, _("Marked as studied."))
    return redirect(f"{module.url}#studied")


def contact_page(request):
    """The footer's "Contact" link: the contact page the home page in this language
    names. A redirect, so that no page pays a query for a link seldom followed."""
    home = (
        HomePage.objects.live()
        .filter(locale__language_code=get_language(), contact_page__live=True)
        .select_related("contact_page")
        .first()
    )
    if home is None:
        return render(request, "booklets/contact_missing.html")
    return redirect(home.contact_page.url)
