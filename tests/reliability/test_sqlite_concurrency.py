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
ROUNDS = 3

SEED = """
from booklets.services import site_structure_ensure
from tests.factories import BookletPageFactory, ModulePageFactory, UserFactory, block, body
homes = site_structure_ensure()
booklet = BookletPageFactory(parent=homes["es"], title="Miedo")
question = block("reflection_question", {"question": "¿Qué te recupera?", "guidance": ""})
module = ModulePageFactory(parent=booklet, title="Conceptos", body=body(question))
from django.test import Client
for n in range(PEOPLE):
    browser = Client()
    browser.force_login(UserFactory(username=f"writer{n}", password=None))  # no hashing
    print(browser.cookies["sessionid"].value)
print(module.url)
""".replace("PEOPLE", str(PEOPLE))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def sqlite_server(tmp_path, django_db_setup):
    """`runserver` (threaded, with the settings `make run` uses) on a SQLite file of its
    own."""
    database = tmp_path / "claves.sqlite3"
    suite_database = settings.DATABASES["default"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    env.update(DATABASE_URL=f"sqlite:///{database}", REDIS_URL="")
    if suite_database["ENGINE"].endswith("sqlite3"):
        # The suite's database is migrated already: a copy saves a migration run.
        with (
            sqlite3.connect(suite_database["TEST"]["NAME"]) as source,
            sqlite3.connect(database) as target,
        ):
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # a new file's mode: settings decide
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
    *sessions, module_path = seeded.stdout.strip().splitlines()[-PEOPLE - 1 :]
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
        yield base, module_path, sessions
    finally:
        server.terminate()
        server.wait(timeout=10)


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def signed_in_writer(base, module_path, session_key):
    browser = requests.Session()
    browser.cookies.set("sessionid", session_key)
    page = browser.get(base + module_path).text
    write_url = base + re.search(r'class="reflection__journal"><a href="([^"]+)"', page).group(1)
    token = csrf_token(browser.get(write_url).text)
    return browser, write_url, token


def test_simultaneous_autosaves_on_sqlite_all_succeed(sqlite_server):
    base, module_path, sessions = sqlite_server
    writers = [signed_in_writer(base, module_path, key) for key in sessions]
    start = threading.Barrier(PEOPLE)
    statuses = []

    def autosave(browser, url, token):
        start.wait()
        for round_ in range(ROUNDS):
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
    assert statuses.count(200) == PEOPLE * ROUNDS, sorted(statuses)
