import pytest

from booklets.services import site_structure_ensure


@pytest.fixture
def homes(db):
    """The Spanish and English home pages, whatever an earlier test did to the tables."""
    return site_structure_ensure()
