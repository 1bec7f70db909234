"""The fixtures the outsider probes borrow from the apps' own suites."""

from tests.curriculum.conftest import module  # noqa: F401
from tests.workshops.conftest import world  # noqa: F401
