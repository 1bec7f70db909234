"""The fixtures the outsider probes borrow from the apps' own suites."""

from django.db import connection

from tests.curriculum.conftest import module  # noqa: F401
from tests.workshops.conftest import world  # noqa: F401


def pytest_collection_modifyitems(config, items):
    """Probes marked `sqlite_only` are deselected (not skipped) on PostgreSQL: they back up
    from inside a test's transaction or race on SQLite's file; PostgreSQL has its own
    (tests/operations/test_backup.py, tests/curriculum/test_no_text_in_postgresql_log.py)."""
    if connection.vendor != "postgresql":
        return
    kept = [item for item in items if item.get_closest_marker("sqlite_only") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
