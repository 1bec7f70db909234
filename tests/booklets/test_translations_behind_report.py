"""Admin → Reports → "Translations behind": a row per lagging translation, in a fixed
number of queries however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import BookletPageFactory, ModulePageFactory, sign_in, superuser


@pytest.mark.django_db
def test_the_report_lists_each_lagging_translation_in_a_fixed_number_of_queries(client, homes):
    def report():
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("translations_behind")).content.decode()
        return page, len(queries)

    def lag(*numbers):
        booklet = BookletPageFactory(parent=homes["es"])
        booklet.copy_for_translation(english).save_revision().publish()
        for number in numbers:
            module = ModulePageFactory(parent=booklet, title=f"Módulo {number}")
            translation = module.copy_for_translation(english)
            translation.title = f"Module {number}"
            translation.save_revision().publish()
            module.save_revision().publish()

    english = Locale.objects.get(language_code="en")
    sign_in(client, superuser())
    assert "Todas las traducciones están al día." in report()[0]
    lag(0)
    report()  # fills the caches a first visit fills
    page, one_row = report()
    assert "Module 0" in page and "Módulo 0" in page
    lag(1, 2, 3, 4)
    page, five_rows = report()
    assert all(f"Module {n}" in page for n in range(5)) and five_rows == one_row
