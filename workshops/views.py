from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from accounts.decorators import facilitator_required
from booklets.selectors import facilitator_guides


@never_cache
@facilitator_required
def facilitator_home(request):
    """Where a facilitator starts: the seminar guide of every booklet."""
    guides = facilitator_guides(locale=Locale.get_active())
    return TemplateResponse(request, "workshops/facilitator_home.html", {"guides": guides})
