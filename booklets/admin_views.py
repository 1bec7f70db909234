from django.template.response import TemplateResponse

from booklets.selectors import translations_behind


def translations_behind_report(request):
    """For editors: translations whose source module was published after them."""
    return TemplateResponse(
        request, "booklets/admin/translations_behind.html", {"pairs": translations_behind()}
    )
