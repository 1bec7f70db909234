"""The cohort dashboard's activity figures count only the activities of the cohort's
booklets, and only its own trainees' results."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from curriculum.models import ActivityAttempt, H5PActivity
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, sign_in
from workshops import selectors

pytestmark = pytest.mark.django_db


def activity(title: str) -> H5PActivity:
    return H5PActivity.objects.create(
        title=title,
        package_digest=title.encode().hex().ljust(64, "0")[:64],
        main_library="H5P.MultiChoice",
        locale=Locale.objects.get(language_code="es"),
    )


def with_activity(module, activity: H5PActivity):
    content = block("interactive_activity", {"activity": activity.pk, "introduction": ""})
    module.body = body(block("text", "<p>Lee y responde.</p>"), content)
    module.save_revision().publish()


@pytest.fixture
def activities(world, homes):
    """Activity `inside` is in a module the cohort studies; `outside` is in a booklet
    the cohort does not study. Trainee A did both; a trainee of another cohort did the
    cohort's activity too."""
    inside, outside = activity("Dentro"), activity("Fuera")
    with_activity(world.modules[1], inside)
    other_booklet = BookletPageFactory(parent=homes["es"], title="Tortura", number=5)
    with_activity(ModulePageFactory(parent=other_booklet, title="Otro módulo"), outside)
    ActivityAttempt.objects.create(
        user=world.trainee_a, activity_key=inside.translation_key, completed=True, score_scaled=1
    )
    ActivityAttempt.objects.create(
        user=world.trainee_a, activity_key=outside.translation_key, completed=True, score_scaled=0
    )
    ActivityAttempt.objects.create(
        user=world.trainee_b, activity_key=inside.translation_key, completed=True, score_scaled=0
    )
    return inside, outside


def test_the_dashboard_ignores_activities_outside_the_cohorts_booklets(client, world, activities):
    data = selectors.dashboard(cohort=world.cohort_a)
    row = next(row for row in data["rows"] if row["trainee"] == world.trainee_a)
    assert row["activities"]["completed"] == 1
    assert row["activities"]["scored"] == 1

    sign_in(client, world.facilitator_a)
    page = client.get(reverse("workshops:dashboard", args=[world.cohort_a.pk])).content.decode()
    assert "1 · 100%" in page
    assert "2 · 50%" not in page


def test_a_trainee_with_results_only_outside_the_cohort_shows_none(world, activities):
    ActivityAttempt.objects.filter(
        user=world.trainee_a, activity_key=activities[0].translation_key
    ).delete()
    data = selectors.dashboard(cohort=world.cohort_a)
    assert data["rows"][0]["activities"] is None
