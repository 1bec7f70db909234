import pytest
from django.core.cache import cache

from booklets.services import site_structure_ensure


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back database must not meet
    cached site roots or pages from the test before."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def homes(db):
    """The Spanish and English home pages, whatever an earlier test did to the tables."""
    return site_structure_ensure()
