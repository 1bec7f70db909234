"""The embedded default (SQLite, `make run`'s threaded server) never loses a save when
several people autosave at the same moment."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PEOPLE = 20

SEED = """
from booklets.services import site_structure_ensure
from tests.factories import BookletPageFactory, ModulePageFactory, UserFactory, block, body
homes = site_structure_ensure()
booklet = BookletPageFactory(parent=homes["es"], title="Miedo")
question = block("reflection_question", {"question": "¿Qué te recupera?", "guidance": ""})
module = ModulePageFactory(parent=booklet, title="Conceptos", body=body(question))
for n in range(PEOPLE):
    UserFactory(username=f"writer{n}")
print(module.url)
""".replace("PEOPLE", str(PEOPLE))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def sqlite_server(tmp_path, django_db_setup):
    """`runserver` (threaded, as `make run` starts it) on a SQLite file of its own."""
    database = tmp_path / "claves.sqlite3"
    suite_database = settings.DATABASES["default"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.update(DATABASE_URL=f"sqlite:///{database}", REDIS_URL="")
    if suite_database["ENGINE"].endswith("sqlite3"):
        # The suite's database is migrated already: a copy saves a migration run.
        with (
            sqlite3.connect(suite_database["TEST"]["NAME"]) as source,
            sqlite3.connect(database) as target,
        ):
            source.backup(target)
    else:
        manage = [sys.executable, "manage.py", "migrate", "-v0"]
        subprocess.run(manage, cwd=BASE_DIR, env=env, check=True, timeout=300)
    seeded = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SEED],
        cwd=BASE_DIR,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    module_path = seeded.stdout.strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                requests.get(f"{base}/es/", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield base, module_path
    finally:
        server.terminate()
        server.wait(timeout=10)


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def signed_in_writer(base, module_path, n):
    browser = requests.Session()
    login = f"{base}/es/accounts/login/"
    token = csrf_token(browser.get(login).text)
    form = {"login": f"writer{n}", "password": "a-long-test-password-1"}
    answer = browser.post(login, {**form, "csrfmiddlewaretoken": token}, allow_redirects=False)
    assert answer.status_code == 302, answer.text[:500]
    page = browser.get(base + module_path).text
    write_url = base + re.search(r'class="reflection__journal"><a href="([^"]+)"', page).group(1)
    token = csrf_token(browser.get(write_url).text)
    return browser, write_url, token


def test_simultaneous_autosaves_on_sqlite_all_succeed(sqlite_server):
    base, module_path = sqlite_server
    writers = [signed_in_writer(base, module_path, n) for n in range(PEOPLE)]
    start = threading.Barrier(PEOPLE)
    statuses = []

    def autosave(browser, url, token):
        start.wait()
        for round_ in range(3):
            answer = browser.post(
                url,
                {"body": f"Borrador {round_}", "csrfmiddlewaretoken": token},
                headers={"accept": "application/json", "X-CSRFToken": token},
                allow_redirects=False,
            )
            statuses.append(answer.status_code)
            url = base + answer.json()["url"] if answer.status_code == 200 else url

    threads = [threading.Thread(target=autosave, args=writer) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) == PEOPLE * 3, sorted(statuses)
