"""Interactive activities in the browser: real H5P packages (our own content types) play
in a frame from the activity origin (http://localhost:<port>) on a module page of the
site (http://127.0.0.1:<port>). Nothing loads before the reader asks; each answer is
one statement; the result shows whole, on a narrow phone too; and a hostile package
reads nothing of the site and cannot forge results from elsewhere."""

import io
import json
import time
import uuid
import zipfile

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from pyh5p.package import write_zip
from wagtail.models import Locale

from curriculum.models import ActivityStatement
from curriculum.services import activity_from_package
from demo.h5p import (
    LIBRARY_DIR,
    blanks_package,
    multi_choice_package,
    question_package,
    true_false_package,
)
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, trainee

STATEMENTS = "/statements/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def reader(browser, sign_in):
    """Opens a signed-in browser for a new trainee: (person, page)."""
    contexts = []

    def _open(username, **options):
        person = trainee(username=username)
        context = browser.new_context(locale="es-MX", **options)
        contexts.append(context)
        sign_in(context, person)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return person, page

    yield _open
    for context in contexts:
        context.close()


def _activity(title: str, data: bytes):
    return activity_from_package(
        title=title, data=data, locale=Locale.objects.get(language_code="es")
    )


def _module(number: int, *activities):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title=f"Cuadernillo {number}", number=number)
    blocks = [
        block("interactive_activity", {"activity": a.pk, "introduction": ""}) for a in activities
    ]
    return ModulePageFactory(parent=booklet, title="Herramientas", kind="tools", body=body(*blocks))


def _eventually(page, check, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        page.wait_for_timeout(50)


def _tick(box, attempts=3):
    """Check a box in the player: on a loaded machine the frame may still be growing
    to its content when the click lands, and the click misses; a person taps again."""
    for attempt in range(attempts):
        try:
            box.check()
            return
        except PlaywrightError:
            if attempt == attempts - 1:
                raise


def _statement_log(page):
    """Every statement POST the page makes, and the answers to them."""
    log = {"sent": [], "answered": []}
    page.on("request", lambda r: log["sent"].append(r) if r.url.endswith(STATEMENTS) else None)
    page.on(
        "response",
        lambda r: log["answered"].append(r) if r.url.endswith(STATEMENTS) else None,
    )
    return log


def _result_lies_within_its_frame(page, index: int) -> bool:
    frame_box = page.locator(".activity__frame").nth(index).bounding_box()
    result = page.frame_locator(".activity__frame").nth(index).locator(".claves-kit__result")
    box = result.bounding_box()
    return bool(
        frame_box
        and box
        and box["height"] > 0
        and box["y"] >= frame_box["y"]
        and box["y"] + box["height"] <= frame_box["y"] + frame_box["height"]
        and box["x"] >= frame_box["x"]
        and box["x"] + box["width"] <= frame_box["x"] + frame_box["width"]
    )


def _open_and_answer(page, index: int, answer, result: str):
    """Open the index-th activity, answer it (answer(frame) does), wait for the one
    statement it sends, and see the whole result inside the frame."""
    page.locator("[data-activity-open]").nth(index).click()
    frame = page.frame_locator(".activity__frame").nth(index)
    with page.expect_response(lambda r: r.url.endswith(STATEMENTS)) as posted:
        answer(frame)
    assert posted.value.status == 201
    expect(frame.get_by_role("status")).to_contain_text(result)
    _eventually(page, lambda: _result_lies_within_its_frame(page, index))


def test_two_activities_play_on_a_module_page_and_show_in_my_progress(
    site, activity_origin, media, reader
):
    true_false = _activity(
        "El miedo como respuesta",
        true_false_package(
            title="Miedo",
            statement="El miedo es una respuesta esperable ante una amenaza real.",
            correct=True,
        ),
    )
    choice = _activity(
        "Formas de afrontar",
        multi_choice_package(
            title="Afrontamiento",
            question="¿Qué ayuda a un colectivo a afrontar el miedo?",
            answers=[
                ("Nombrarlo juntas en voz alta", True),
                ("Acordar medidas de cuidado", True),
                ("Guardarlo para no preocupar a nadie", False),
                ("Buscar apoyo en redes de confianza", True),
            ],
        ),
    )
    module = _module(1, true_false, choice)
    person, page = reader("jugadora")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    fonts = []
    page.on(
        "response",
        lambda r: (
            fonts.append((r.url, r.status, r.headers.get("content-type")))
            if r.url.startswith(activity_origin) and r.url.endswith((".svg", ".woff"))
            else None
        ),
    )
    log = _statement_log(page)

    page.goto(site + module.url)
    page.wait_for_load_state("load")
    assert not page.locator("iframe").count()
    assert not [url for url in requests if url.startswith(activity_origin)]

    _open_and_answer(
        page,
        0,
        lambda frame: frame.get_by_role("button", name="Verdadero").click(),
        "Resultado: 1 / 1",
    )
    assert [url for url in requests if url.startswith(activity_origin)]

    def choose(frame):
        _tick(frame.get_by_label("Nombrarlo juntas en voz alta"))
        _tick(frame.get_by_label("Buscar apoyo en redes de confianza"))
        frame.get_by_role("button", name="Comprobar").click()

    _open_and_answer(page, 1, choose, "Resultado: 2 / 3")

    # One statement per answer, each kept, each an "answered" with its score.
    _eventually(page, lambda: len(log["answered"]) == len(log["sent"]))
    assert [r.status for r in log["answered"]] == [201, 201]
    kept = {s.activity_key: s.statement for s in ActivityStatement.objects.filter(user=person)}
    assert set(kept) == {true_false.translation_key, choice.translation_key}
    assert kept[choice.translation_key]["verb"]["id"].endswith("/answered")
    assert kept[choice.translation_key]["result"]["score"] == {
        "min": 0,
        "max": 3,
        "raw": 2,
        "scaled": 0.6667,
    }

    # What real libraries carry besides code plays in the browser: the SVG icon and the
    # webfont come from the activity origin, and the font is used.
    font_status = (
        page.frame_locator(".activity__frame")
        .first.locator("body")
        .evaluate(
            "async () => { await document.fonts.ready; return [...document.fonts]"
            ".filter(f => f.family.includes('Claves Marks')).map(f => f.status); }"
        )
    )
    assert font_status == ["loaded"]
    served = {(url.rsplit("/", 1)[1], status, kind) for url, status, kind in fonts}
    assert served == {
        ("icon.svg", 200, "image/svg+xml"),
        ("claves-marks.woff", 200, "font/woff"),
    }

    page.goto(f"{site}/es/progreso/")
    rows = {
        row.locator("td").nth(0).inner_text(): row.locator("td").nth(1).inner_text()
        for row in page.locator(".activity-results tbody tr").all()
    }
    assert rows == {"El miedo como respuesta": "1 / 1", "Formas de afrontar": "2 / 3"}


def test_fill_in_the_blanks_ignores_case_and_accents_and_fits_a_narrow_phone(site, media, reader):
    blanks = _activity(
        "Acompañar la búsqueda",
        blanks_package(
            title="Búsqueda",
            text=(
                "La desaparición forzada sigue ocurriendo mientras no se conozca el "
                "*paradero* de la persona.\nLas familias que buscan necesitan "
                "*acompañamiento* y no *aislamiento*."
            ),
        ),
    )
    module = _module(2, blanks)
    _person, page = reader("buscadora", viewport={"width": 360, "height": 740})
    log = _statement_log(page)
    page.goto(site + module.url)

    def fill(frame):
        frame.get_by_label("Espacio 1 de 3").fill("PARADERO ")
        frame.get_by_label("Espacio 2 de 3").fill("acompanamiento")
        frame.get_by_label("Espacio 3 de 3").fill("silencio")
        frame.get_by_role("button", name="Comprobar").click()

    _open_and_answer(page, 0, fill, "Resultado: 2 / 3")
    frame = page.frame_locator(".activity__frame").first
    expect(frame.locator(".claves-kit__solution")).to_have_text("aislamiento")

    # No sideways scroll, on the page or in the frame.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    frame_box = page.locator(".activity__frame").bounding_box()
    assert frame_box["x"] >= 0 and frame_box["x"] + frame_box["width"] <= 360
    assert frame.locator("body").evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )

    _eventually(page, lambda: len(log["answered"]) == len(log["sent"]))
    assert [r.status for r in log["answered"]] == [201]
    page.goto(f"{site}/es/progreso/")
    expect(page.locator(".activity-results tbody tr")).to_contain_text(["Acompañar la búsqueda"])
    assert "2 / 3" in page.locator(".activity-results tbody tr").inner_text()


def test_an_activity_starts_even_when_the_player_arrives_late(site, media, browser):
    """A reader who is not signed in gets the start message at once; on a slow
    connection the player's script can still be on its way."""
    module = _module(
        3,
        _activity(
            "Pregunta",
            true_false_package(title="P", statement="Pedir ayuda es cuidarse.", correct=True),
        ),
    )
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    page.set_default_timeout(10_000)

    def late(route):
        time.sleep(0.8)
        route.continue_()

    page.route("**/h5p-standalone/main.bundle.js", late)
    page.goto(site + module.url)
    page.locator("[data-activity-open]").click()
    frame = page.frame_locator(".activity__frame")
    frame.get_by_role("button", name="Verdadero").click()
    expect(frame.get_by_role("status")).to_contain_text("Resultado: 1 / 1")
    context.close()


FORGED = {name: str(uuid.uuid4()) for name in ("nested", "array", "text", "verb", "big", "type")}
SENTINEL = str(uuid.uuid4())

# Our own hostile library: it tries to read the site's data from inside the frame, then
# forges results in every way a package could, and writes down all it got.
HOSTILE_JS = """
H5P.ClavesQuestion = (function ($) {
  var FORGED = FORGED_IDS, SENTINEL = "SENTINEL_ID";
  function Hostile() { H5P.EventDispatcher.call(this); }
  Hostile.prototype = Object.create(H5P.EventDispatcher.prototype);
  Hostile.prototype.constructor = Hostile;
  Hostile.prototype.attach = function ($container) {
    var report = {};
    var $out = $("<pre>", {id: "hostile-report"}).appendTo($container);
    var site = document.getElementById("h5p-container").getAttribute("data-parent-origin");
    function attempt(name, steal) {
      try { report[name] = String(steal()); } catch (e) { report[name] = "blocked: " + e.name; }
    }
    function dump(storage) {
      var items = {};
      for (var i = 0; i < storage.length; i++) {
        items[storage.key(i)] = storage.getItem(storage.key(i));
      }
      return JSON.stringify(items);
    }
    function statement(id) {
      return {id: id, verb: {id: "http://adlnet.gov/expapi/verbs/answered"},
              object: {id: "http://example.invalid/forged", objectType: "Activity"},
              result: {score: {min: 0, max: 9, raw: 9}, completion: true, success: true}};
    }
    attempt("cookie", function () { return document.cookie; });
    attempt("referrer", function () { return document.referrer; });
    attempt("parentDocument", function () { return window.parent.document.cookie; });
    attempt("parentLocation", function () { return window.parent.location.href; });
    attempt("parentStorage", function () { return dump(window.parent.localStorage); });
    attempt("storage", function () { return dump(window.localStorage); });
    attempt("deviceStorage", function () {
      var real = Object.getOwnPropertyDescriptor(Window.prototype, "localStorage").get;
      return dump(real.call(window));
    });
    fetch(site + "/es/accounts/my-data/", {credentials: "include"})
      .then(function (r) { return r.text(); })
      .then(function (text) { report.myData = text; },
            function (e) { report.myData = "blocked: " + e.name; })
      .then(function () {
        var page = window.parent;
        // From a window nested in the frame, with a script of its own realm.
        var nested = document.createElement("iframe");
        document.body.appendChild(nested);
        var fromNested = new nested.contentWindow.Function(
          "message", "window.top.postMessage(message, '*');");
        fromNested({type: "claves:xapi", statement: statement(FORGED.nested)});
        // From the frame, in shapes the page does not take.
        page.postMessage({type: "claves:xapi", statement: [statement(FORGED.array)]}, "*");
        var text = JSON.stringify(statement(FORGED.text));
        page.postMessage({type: "claves:xapi", statement: text}, "*");
        var noVerb = statement(FORGED.verb); noVerb.verb = "answered";
        page.postMessage({type: "claves:xapi", statement: noVerb}, "*");
        var big = statement(FORGED.big); big.padding = new Array(70 * 1024).join("x");
        page.postMessage({type: "claves:xapi", statement: big}, "*");
        page.postMessage({type: "claves:XAPI", statement: statement(FORGED.type)}, "*");
        // Last, one the page does take (the frame may report its own results): once it
        // is kept, every message before it has been dealt with.
        page.postMessage({type: "claves:xapi", statement: statement(SENTINEL)}, "*");
        $out.text(JSON.stringify(report)).attr("data-done", "true");
      });
  };
  return Hostile;
})(H5P.jQuery);
""".replace("FORGED_IDS", json.dumps(FORGED)).replace("SENTINEL_ID", SENTINEL)


def _hostile_package() -> bytes:
    data = question_package(title="Hostil", question="¿?", answers=[("Sí", True)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files[f"{LIBRARY_DIR}/question.js"] = HOSTILE_JS.encode()
    return write_zip(files)


def test_a_hostile_package_reads_nothing_of_the_site_and_forges_no_result(site, media, reader):
    hostile = _activity("Actividad hostil", _hostile_package())
    module = _module(4, hostile)
    person, page = reader("persona-en-riesgo")
    page.context.add_cookies([{"name": "claves_probe", "value": "cookie-secret-4815", "url": site}])
    log = _statement_log(page)
    page.goto(site + module.url)
    page.evaluate("localStorage.setItem('claves-probe', 'storage-secret-1623')")
    secrets = {"cookie-secret-4815", "storage-secret-1623", person.username}
    secrets |= {c["value"] for c in page.context.cookies(site)}

    page.locator("[data-activity-open]").click()
    report_element = page.frame_locator(".activity__frame").locator("#hostile-report[data-done]")
    report_text = report_element.inner_text()
    report = json.loads(report_text)

    assert not any(secret in report_text for secret in secrets)
    assert report["cookie"] == "" and report["referrer"] == ""
    for stolen in ("parentDocument", "parentLocation", "parentStorage", "myData"):
        assert report[stolen].startswith("blocked"), stolen

    # Only the frame's own, well-formed statement is kept; the forged ones were dropped
    # by the page or refused by the server.
    _eventually(page, lambda: ActivityStatement.objects.filter(user=person).exists())
    _eventually(page, lambda: len(log["answered"]) == len(log["sent"]))
    posted = {json.loads(r.request.post_data)["id"]: r.status for r in log["answered"]}
    assert posted == {FORGED["verb"]: 400, SENTINEL: 201}
    kept = ActivityStatement.objects.filter(user=person).values_list("statement_id", flat=True)
    assert [str(i) for i in kept] == [SENTINEL]


def test_each_statement_has_an_id_even_where_the_browser_has_no_random_uuid(site, media, reader):
    """crypto.randomUUID exists only in secure contexts; the page still gives every
    statement an id of its own, so the server keeps it (once)."""
    activity = _activity(
        "El miedo como respuesta",
        true_false_package(title="Miedo", statement="El miedo aísla.", correct=False),
    )
    module = _module(3, activity)
    person, page = reader("sin-uuid")
    page.add_init_script("delete Crypto.prototype.randomUUID;")
    page.goto(site + module.url)
    _open_and_answer(
        page,
        0,
        lambda frame: frame.get_by_role("button", name="Falso").click(),
        "Resultado: 1 / 1",
    )
    stored = ActivityStatement.objects.get(user=person)
    assert uuid.UUID(str(stored.statement_id)).version == 4
