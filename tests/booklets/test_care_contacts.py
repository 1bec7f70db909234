""" "Take care of yourself" lists helplines and organisations editors keep in each
language, and every page's footer leads to a contact page."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import Locale

from accounts.roles import EDITORS
from booklets.models import SupportContact
from tests.factories import StandardPageFactory, editor, sign_in

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def care_page(homes):
    english = Locale.objects.get(language_code="en")
    return StandardPageFactory(
        parent=homes["en"],
        title="Take care of yourself",
        slug="take-care",
        locale=english,
        lists_support_contacts=True,
    )


def contact(language, **fields):
    fields.setdefault("helps_with", "Listens, day and night.")
    return SupportContact.objects.create(
        locale=Locale.objects.get(language_code=language), **fields
    )


def test_the_self_care_page_lists_its_languages_contacts_in_order(client, care_page):
    contact("en", name="Second line", sort_order=2, phone="55 1234 5678", hours="Every day")
    contact(
        "en", name="First line", sort_order=1, web_address="https://example.org/help", region="CDMX"
    )
    contact("es", name="Línea en español", sort_order=0)
    page = parse(client.get(care_page.url))
    names = [p.get_text(strip=True) for p in page.select(".support-contact__name")]
    assert names == ["First line", "Second line"]
    second = page.select(".support-contact")[1]
    assert second.select_one('a[href="tel:5512345678"]').get_text() == "55 1234 5678"
    assert "Every day" in second.get_text()
    first = page.select(".support-contact")[0]
    # The address to copy, never a link to another host from this site.
    assert first.select_one(".support-contact__web").get_text() == "https://example.org/help"
    assert first.select_one('a[href^="https:"]') is None
    assert "CDMX" in first.get_text()


def test_an_example_entry_is_shown_as_an_example(client, care_page):
    contact("en", name="A helpline near you", is_example=True)
    page = parse(client.get(care_page.url))
    entry = page.select_one(".support-contact")
    assert "support-contact--example" in entry["class"]
    assert "Example" in entry.get_text()


def test_another_page_lists_no_contacts(client, homes):
    contact("en", name="First line")
    page = StandardPageFactory(parent=homes["en"], locale=Locale.objects.get(language_code="en"))
    assert "First line" not in client.get(page.url).content.decode()


def test_a_new_contact_reaches_a_reader_served_from_the_page_cache(client, care_page):
    client.get(care_page.url)
    contact("en", name="Added later")
    assert "Added later" in client.get(care_page.url).content.decode()


def test_editors_keep_the_contacts_in_the_admin(client, homes):
    assert (
        Group.objects.get(name=EDITORS)
        .permissions.filter(codename="change_supportcontact")
        .exists()
    )
    sign_in(client, editor())
    response = client.get("/admin/snippets/booklets/supportcontact/")
    assert response.status_code == 200


def test_the_footer_leads_to_the_contact_page(client, homes):
    english = Locale.objects.get(language_code="en")
    reach_us = StandardPageFactory(parent=homes["en"], title="Contact", locale=english)
    home = homes["en"]
    home.contact_page = reach_us
    home.save_revision().publish()
    footer = parse(client.get("/en/")).select_one(".site-footer")
    link = footer.find("a", string="Contact the team")
    response = client.get(link["href"])
    assert response.status_code == 302
    assert response["Location"] == reach_us.url


def test_without_a_contact_page_the_footer_link_says_so_calmly(client, homes):
    """A site whose editors have not written the contact page yet: the footer's link
    still leads somewhere that says so, not to "page not found"."""
    footer = parse(client.get("/en/")).select_one(".site-footer")
    link = footer.find("a", string="Contact the team")
    response = client.get(link["href"])
    assert response.status_code == 200
    assert "has not published a contact page yet" in response.content.decode()
