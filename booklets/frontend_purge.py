"""Publishing tells nginx's cache which pages to forget (deploy/nginx-cache.conf): the
backend `WAGTAILFRONTENDCACHE` names when FRONTEND_CACHE_PURGE_URL is set. Apart from
booklets.page_cache so that a process loads Wagtail's purge backends only to purge."""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger(__name__)


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP purge backend for nginx's cache-purge module, which answers 404
    for a page it does not hold (not an error), with a timeout: a purge server that
    does not answer must not hold up the editor who publishes."""

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""))
        try:
            request = PurgeRequest(target, headers={"Host": parts.netloc})
            urlopen(request, timeout=2)  # noqa: S310 (the address is our own setting)
        except HTTPError as error:
            if error.code != 404:
                logger.error("Could not purge %s from the HTTP cache: %s", url, error)
        except (URLError, TimeoutError) as error:
            logger.error("Could not purge %s from the HTTP cache: %s", url, error)
