import pytest
from wagtail.models import Locale, Page, Site

from booklets.models import HomePage
from booklets.services import site_structure_ensure

pytestmark = pytest.mark.django_db


def test_site_structure_is_rebuilt_after_the_tables_were_emptied(client):
    Site.objects.all().delete()
    Page.objects.all().delete()
    Locale.objects.all().delete()

    homes = site_structure_ensure()

    assert homes["es"].translation_key == homes["en"].translation_key
    assert homes["en"].live
    assert Site.objects.get(is_default_site=True).root_page_id == homes["es"].pk
    assert client.get("/es/").status_code == 200
    assert client.get("/en/").status_code == 200
    assert homes["en"].url == "/en/"


def test_site_structure_is_left_alone_when_it_exists(homes):
    count = HomePage.objects.count()
    again = site_structure_ensure()
    assert HomePage.objects.count() == count
    assert again["es"].pk == homes["es"].pk
