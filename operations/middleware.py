from operations.views import healthz


class HealthCheckMiddleware:
    """Answers /healthz before every other middleware: no HTTPS or language redirect,
    no host check (probes come by address), no session, cookie or rate limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
