"""A facilitator reads the group's dashboard on a 360 px phone: the page does not scroll
sideways (only the progress table does, inside its box), the keyboard reaches that box
and scrolls it, and no cell of the table looks empty."""

import datetime

import pytest

from tests.factories import BookletPageFactory, ModulePageFactory, facilitator, trainee

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def dashboard(site):
    from booklets.models import HomePage
    from curriculum.models import ModuleProgress
    from workshops import services
    from workshops.models import Membership

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Fortalecimiento de quienes acompañan")
    modules = [ModulePageFactory(parent=booklet, title=f"Módulo {n}") for n in range(1, 13)]
    person = facilitator(username="facilitadora", display_name="Facilitadora")
    cohort = services.cohort_create(
        facilitator=person,
        name="Grupo Norte",
        language="es",
        booklet_keys=[str(booklet.translation_key)],
        starts_on=datetime.date.today(),
    )
    for n in range(3):
        member = trainee(username=f"participante-{n}", display_name=f"Participante {n}")
        Membership.objects.create(cohort=cohort, user=member)
        ModuleProgress.objects.create(
            user=member,
            module_key=modules[n].translation_key,
            booklet_key=booklet.translation_key,
            edition=1,
        )
    return person, f"{site}/es/talleres/{cohort.pk}/gestionar/"


def test_the_dashboard_fits_a_phone_and_its_table_scrolls_from_the_keyboard(
    page, sign_in, dashboard
):
    person, url = dashboard
    sign_in(page.context, person)
    page.set_viewport_size(PHONE)
    page.goto(url)

    sideways = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert sideways <= 0, f"the page scrolls {sideways} px sideways"

    box = page.locator(".table-scroll")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "the table fits: nothing to test"
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('table-scroll')"):
            break
    else:
        pytest.fail("Tab never reaches the progress table's scroll box")
    assert box.get_attribute("role") == "region"
    assert page.evaluate("document.activeElement.getAttribute('aria-labelledby')") and (
        page.locator("#progress-caption").inner_text().strip()
    )
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)  # smooth scrolling; wait_for_function needs eval, which CSP bars
    assert box.evaluate("b => b.scrollLeft") > 0, "the arrow keys do not scroll the table"
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0

    marks = page.locator(".progress-cell [aria-hidden=true]").all_inner_texts()
    assert len(marks) == 3 * 12
    assert all(mark.strip() for mark in marks), "a cell looks empty"
    legend = page.locator(".progress-legend")
    assert legend.is_visible()
    assert legend.evaluate(
        "l => l.compareDocumentPosition(document.querySelector('.progress-table')) & 4"
    ), "the legend comes after the table"
