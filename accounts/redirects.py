from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request) -> str:
    """The page a person was going to (`next`, posted or in the address), if it is one
    of ours; an empty string otherwise, so nobody is sent elsewhere by a crafted link."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""
