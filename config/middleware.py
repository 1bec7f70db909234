"""Project-wide HTTP headers that keep every page on our own origin."""

# Everything from our own origin and nothing else: no CDN, no analytics, no fonts
# from elsewhere. Inline scripts are refused, so no injected markup can run.
# The H5P player writes one fixed inline script into its frame; it alone is allowed,
# by its hash (h5p-standalone 3.8.x, frame.bundle.js getHeadTags).
H5P_FRAME_SCRIPT_HASH = "'sha256-8CniZYrnO46q7MvZ3m08Wom1HH/ZhyXmm29kBKTV1rk='"

SITE_POLICY = "; ".join(
    [
        "default-src 'self'",
        f"script-src 'self' {H5P_FRAME_SCRIPT_HASH}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "frame-src 'self'",
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


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy and a Permissions-Policy with every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(self.admin_prefix)
            response["Content-Security-Policy"] = ADMIN_POLICY if is_admin else SITE_POLICY
        response.setdefault(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        )
        return response
