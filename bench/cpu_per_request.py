"""Process CPU a request costs, through Django's WSGI handler (no HTTP server) under
production settings, against a budget per page:

- a module page for a signed-out reader, answered from the page cache;
- the same module page for a signed-in trainee;
- a facilitator's dashboard of a cohort of 100 trainees x 30 modules;
- the journal of a person with 600 entries (its first page).

Each figure is the median of time.process_time() over REQUESTS requests after a warm-up.
Where nginx is installed it also prints requests per second of the signed-out module
page divided by nginx serving the same bytes as a static file (for information: nginx is
measured through a local HTTP connection, the application without one).

A throwaway SQLite database by default; BENCH_DATABASE_URL=postgres://… measures
PostgreSQL (give it an empty database: it is migrated and filled), BENCH_REDIS_URL the
Redis cache instead of the in-process one. BENCH_REQUESTS sets the sample size.

    .venv/bin/python bench/cpu_per_request.py
"""

import http.client
import io
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
WARM_UP = max(5, REQUESTS // 10)
TRAINEES = int(os.environ.get("BENCH_TRAINEES", "100"))
MODULES = int(os.environ.get("BENCH_MODULES", "30"))
JOURNAL_ENTRIES = int(os.environ.get("BENCH_JOURNAL_ENTRIES", "600"))
# Budgets in milliseconds of process CPU per request (issue 17).
BUDGETS = {
    "module page, signed out, from the cache": 2.0,
    "module page, signed in": 7.0,
    f"facilitator dashboard, {TRAINEES} trainees x {MODULES} modules": 25.0,
    f"journal of {JOURNAL_ENTRIES} entries": 20.0,
}
HOST = "testserver"


def configure(workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    database = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
        WAGTAILADMIN_BASE_URL=f"https://{HOST}",
        DATABASE_URL=database,
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", ""),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        FACILITATOR_NOTES_KEYS="m1B0ZpGq2d3iE9uQkqv4m2vQn3yX7y3o5Z0b6v8l9rE=",
        LOG_LEVEL="ERROR",
    )
    os.environ.pop("H5P_ORIGIN", None)
    import django

    django.setup()


# ---- Data ------------------------------------------------------------------------------


def seed_cohort():
    """A booklet of MODULES modules and a cohort of TRAINEES trainees who studied half."""
    from django.utils import timezone

    from booklets.models import BookletPage, HomePage, ModulePage
    from curriculum.models import ModuleProgress
    from tests.factories import UserFactory, facilitator
    from workshops import services
    from workshops.models import Membership

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = home.add_child(
        instance=BookletPage(title="Cuadernillo del grupo", slug="grupo", number=40, summary="-")
    )
    modules = [
        booklet.add_child(
            instance=ModulePage(title=f"Tema {n + 1}", slug=f"tema-{n + 1}", kind="concepts")
        )
        for n in range(MODULES)
    ]
    lead = facilitator(username="bench-facilitator")
    cohort = services.cohort_create(
        facilitator=lead,
        name="Grupo de medición",
        language="es",
        booklet_keys=[booklet.translation_key],
        starts_on=timezone.localdate(),
    )
    people = UserFactory.create_batch(TRAINEES)
    Membership.objects.bulk_create(
        Membership(cohort=cohort, user=person, role=Membership.Role.TRAINEE) for person in people
    )
    ModuleProgress.objects.bulk_create(
        ModuleProgress(
            user=person,
            module_key=m.translation_key,
            booklet_key=booklet.translation_key,
            edition=1,
        )
        for person in people
        for m in modules[::2]
    )
    return lead, cohort


def seed_journal():
    """A trainee who answered JOURNAL_ENTRIES questions, each a few paragraphs."""
    from curriculum.markdown import RENDERER_VERSION, render_markdown
    from curriculum.models import JournalEntry
    from tests.factories import trainee

    writer = trainee(username="bench-writer")
    booklet_key = uuid.uuid4()
    module_keys = [uuid.uuid4() for _ in range(30)]
    text = "Hoy **caminé** temprano.\n\n- Respirar\n- Escribir\n\nMañana, con el equipo."
    html = str(render_markdown(text))
    JournalEntry.objects.bulk_create(
        JournalEntry(
            user=writer,
            module_key=module_keys[n % len(module_keys)],
            booklet_key=booklet_key,
            prompt_id=f"q{n}",
            prompt=f"Pregunta {n}: ¿qué te recupera?",
            body=text,
            body_html=html,
            body_html_version=RENDERER_VERSION,
        )
        for n in range(JOURNAL_ENTRIES)
    )
    return writer


def session_cookie(user) -> str:
    """A signed-in session for `user` (with the second factor if they have one)."""
    from django.conf import settings
    from django.test import Client

    from tests.factories import sign_in

    client = Client()
    sign_in(client, user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


# ---- Measuring -------------------------------------------------------------------------


def wsgi_environ(path: str, cookie: str = "") -> dict:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": HOST,
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST,
        "HTTP_ACCEPT": "text/html",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "HTTP_X_FORWARDED_PROTO": "https",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    return environ


def request(app, path: str, cookie: str = "") -> tuple[str, dict, bytes]:
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    result = app(wsgi_environ(path, cookie), start_response)
    try:
        body = b"".join(result)
    finally:
        getattr(result, "close", lambda: None)()
    return answer["status"], answer["headers"], body


def cpu_ms_per_request(app, path: str, cookie: str = "") -> float:
    status, _headers, _body = request(app, path, cookie)
    if not status.startswith("200"):
        raise SystemExit(f"{path} answered {status}")
    for _ in range(WARM_UP):
        request(app, path, cookie)
    timings = []
    for _ in range(REQUESTS):
        start = time.process_time()
        request(app, path, cookie)
        timings.append((time.process_time() - start) * 1000)
    return statistics.median(timings)


def requests_per_second(app, path: str) -> float:
    start = time.perf_counter()
    for _ in range(REQUESTS):
        request(app, path)
    return REQUESTS / (time.perf_counter() - start)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_requests_per_second(workdir: Path, body: bytes) -> float | None:
    """nginx serving `body` as a static file, over one kept-alive local connection."""
    nginx = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if nginx is None:
        return None
    root = workdir / "nginx"
    (root / "html").mkdir(parents=True)
    (root / "html" / "page.html").write_bytes(body)
    port = free_port()
    (root / "nginx.conf").write_text(
        f"""daemon on; worker_processes 1; pid {root}/nginx.pid; error_log {root}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {root}/body; proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi; uwsgi_temp_path {root}/uwsgi; scgi_temp_path {root}/scgi;
    keepalive_requests 100000;
    server {{ listen 127.0.0.1:{port}; root {root}/html; }}
}}
"""
    )
    started = subprocess.run(  # noqa: S603 - nginx found on PATH, our own config
        [nginx, "-c", str(root / "nginx.conf"), "-p", str(root)], capture_output=True, check=False
    )
    if started.returncode != 0:
        print(f"  (nginx did not start: {started.stderr.decode().strip()[:200]})")
        return None
    try:
        time.sleep(0.2)
        connection = http.client.HTTPConnection("127.0.0.1", port)
        for _ in range(WARM_UP):
            connection.request("GET", "/page.html")
            connection.getresponse().read()
        start = time.perf_counter()
        for _ in range(REQUESTS):
            connection.request("GET", "/page.html")
            connection.getresponse().read()
        return REQUESTS / (time.perf_counter() - start)
    finally:
        pid = (root / "nginx.pid").read_text().strip()
        os.kill(int(pid), signal.SIGTERM)  # the nginx started just above


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        configure(workdir)
        from django.core.handlers.wsgi import WSGIHandler
        from django.core.management import call_command
        from django.urls import reverse
        from django.utils import translation

        from booklets.models import ModulePage

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("seed_demo", no_accounts=True, verbosity=0)
        module = (
            ModulePage.objects.live().filter(locale__language_code="es", depth=4).first()
            or ModulePage.objects.live().filter(locale__language_code="es").first()
        )
        lead, cohort = seed_cohort()
        writer = seed_journal()
        from tests.factories import trainee

        reader = trainee(username="bench-reader")
        with translation.override("es"):
            dashboard = reverse("workshops:dashboard", args=[cohort.pk])
            journal = reverse("curriculum:journal")

        app = WSGIHandler()
        pages = [
            (module.url, ""),
            (module.url, session_cookie(reader)),
            (dashboard, session_cookie(lead)),
            (journal, session_cookie(writer)),
        ]
        print(
            f"Process CPU per request, median of {REQUESTS} after {WARM_UP} to warm up "
            "(production settings, WSGI handler):"
        )
        within = True
        for (label, budget), (path, cookie) in zip(BUDGETS.items(), pages, strict=True):
            milliseconds = cpu_ms_per_request(app, path, cookie)
            within &= milliseconds <= budget
            mark = "ok" if milliseconds <= budget else "OVER"
            print(f"  {label:<52} {milliseconds:>7.2f} ms   budget {budget:>5.1f} ms  {mark}")

        _status, _headers, body = request(app, module.url)
        application = requests_per_second(app, module.url)
        static = nginx_requests_per_second(workdir, body)
        if static:
            print(
                f"  Signed-out module page: {application:,.0f} req/s in process, nginx static "
                f"{static:,.0f} req/s: ratio {application / static:.2f} (for information)"
            )
        else:
            print(f"  Signed-out module page: {application:,.0f} req/s (nginx not installed)")
        print("Within budget." if within else "OVER BUDGET.")
        return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
