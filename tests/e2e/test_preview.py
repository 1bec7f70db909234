"""The admin's live preview panel shows the module being edited (it may be framed by
the admin, and only by the admin)."""

from accounts.roles import EDITORS
from tests.factories import BookletPageFactory, ModulePageFactory, UserFactory, block, body

TEXT = "Nombrar el miedo es el primer paso para compartirlo."


def test_the_preview_panel_renders_the_module_for_an_editor(site, page, sign_in):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Represión política y miedo", number=1)
    module = ModulePageFactory(
        parent=booklet, title="El miedo como estrategia", body=body(block("text", f"<p>{TEXT}</p>"))
    )
    sign_in(page.context, UserFactory(groups=[EDITORS], mfa=True))

    page.goto(f"{site}/admin/pages/{module.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_text(TEXT).wait_for()
    assert preview.locator("h1").inner_text() == "El miedo como estrategia"
