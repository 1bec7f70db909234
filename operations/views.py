"""The health check a load balancer or monitor asks: can this process serve pages?"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse

logger = logging.getLogger(__name__)


def healthz(request) -> HttpResponse:
    """200 "ok" when the database answers, 503 "unavailable" when it does not; the
    reason goes to the log, never to the caller. Redis is not asked: without it the site
    still serves (config/cache.py), so it must stay in rotation."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.error("Health check: the database does not answer: %s", error)
        response = HttpResponse("unavailable", status=503, content_type="text/plain")
    else:
        response = HttpResponse("ok", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
