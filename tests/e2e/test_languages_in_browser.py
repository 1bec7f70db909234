def test_home_pages_declare_their_language_and_the_switcher_moves_between_them(site, page):
    page.goto(f"{site}/")
    assert page.url == f"{site}/es/"
    assert page.locator("html").get_attribute("lang") == "es"

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url(f"{site}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Keys to Psychosocial Accompaniment"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(f"{site}/es/")
    assert page.locator("html").get_attribute("lang") == "es"


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(site, page):
    page.goto(f"{site}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
