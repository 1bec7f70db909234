"""Admin → Reports → "Translations behind": one row per lagging translation, in a fixed
number of queries however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import BookletPageFactory, ModulePageFactory, sign_in, superuser

pytestmark = pytest.mark.django_db


def lagging_translations(homes, count):
    english = Locale.objects.get(language_code="en")
    booklet = BookletPageFactory(parent=homes["es"])
    booklet.copy_for_translation(english).save_revision().publish()
    for number in range(count):
        module = ModulePageFactory(parent=booklet, title=f"Módulo {number}")
        translation = module.copy_for_translation(english)
        translation.title = f"Module {number}"
        translation.save_revision().publish()
        module.save_revision().publish()


def report(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("translations_behind")).content.decode()
    return page, len(queries)


def test_the_report_lists_each_lagging_translation_in_a_fixed_number_of_queries(client, homes):
    sign_in(client, superuser())
    lagging_translations(homes, 1)
    report(client)  # fills the caches a first visit fills
    page, one_row = report(client)
    assert "Module 0" in page and "Módulo 0" in page

    lagging_translations(homes, 4)
    page, five_rows = report(client)
    assert all(f"Module {n}" in page for n in range(4))
    assert five_rows == one_row


def test_the_report_says_when_every_translation_is_up_to_date(client, homes):
    sign_in(client, superuser())
    assert "Todas las traducciones están al día." in report(client)[0]
