"""Project-wide HTTP headers that keep every page on our own origin."""

from django.conf import settings

# Everything from our own origin and nothing else: no CDN, no analytics, no fonts
# from elsewhere. Inline scripts are refused, so no injected markup can run. The one
# other origin is the activity origin (H5P), and only as a frame.
SITE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "frame-src 'self'{activity_origin}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Wagtail's admin still uses inline styles and scripts in places; it is still
# limited to our own origin, and only editors reach it.
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


def site_policy() -> str:
    origin = settings.H5P_ORIGIN.rstrip("/")
    return SITE_POLICY.format(activity_origin=f" {origin}" if origin else "")


def preview_policy() -> str:
    """A page rendered for the admin's preview panel: the site's policy, except that the
    admin (our own origin) may frame it."""
    return site_policy().replace("frame-ancestors 'none'", "frame-ancestors 'self'")


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy and a Permissions-Policy with every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        # Wagtail renders a preview through the middleware with a request of its own,
        # marked `is_preview` (an attribute, never something a request can carry in).
        # The admin shows it in a frame, so it, and nothing else, may be framed by us.
        if getattr(request, "is_preview", False):
            response["Content-Security-Policy"] = preview_policy()
            response["X-Frame-Options"] = "SAMEORIGIN"
        elif "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(self.admin_prefix)
            response["Content-Security-Policy"] = ADMIN_POLICY if is_admin else site_policy()
        response.setdefault(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        )
        return response
