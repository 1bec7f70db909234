"""Two requests that each read and then write (an autosave does) at the same moment on
SQLite: with the project's options both succeed, one after the other."""

import threading
import time

import pytest
from django.db import transaction
from django.db.utils import ConnectionHandler, OperationalError

from config.settings.base import SQLITE_OPTIONS


def read_then_write_at_once(path, options, monkeypatch) -> list[Exception]:
    databases = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options}}
    )
    monkeypatch.setattr(transaction, "connections", databases)  # atomic() on this file
    with databases["default"].cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS entry (body TEXT)")
    errors = []

    def autosave():
        connection = databases["default"]  # one per thread
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM entry")
                time.sleep(0.3)  # the other request reads meanwhile
                cursor.execute("INSERT INTO entry VALUES ('borrador')")
        except OperationalError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=autosave) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    databases.close_all()
    return errors


@pytest.mark.parametrize(
    ("options", "lost"),
    [
        (SQLITE_OPTIONS, 0),
        ({}, 1),  # Django's defaults: the second write fails with "database is locked"
        ({**SQLITE_OPTIONS, "transaction_mode": "DEFERRED"}, 1),
    ],
)
def test_simultaneous_read_then_write_transactions(
    tmp_path, options, lost, monkeypatch, django_db_blocker
):
    with django_db_blocker.unblock():  # a file of this test's own, not the suite's
        errors = read_then_write_at_once(tmp_path / "db.sqlite3", options, monkeypatch)
    assert len(errors) == lost
