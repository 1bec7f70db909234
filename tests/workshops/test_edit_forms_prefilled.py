"""Editing a session or a note starts from what was saved: local time, agenda, note text."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import sign_in

pytestmark = pytest.mark.django_db


def test_a_session_and_a_note_open_for_editing_as_they_were_saved(client, world):
    sign_in(client, world.facilitator_a)
    session = client.get(
        reverse("workshops:session_edit", args=[world.cohort_a.pk, world.session_a.pk])
    ).content.decode()
    assert timezone.localtime(world.session_a.starts_at).strftime("%Y-%m-%dT%H:%M") in session
    assert "Apertura y respiración" in session and "Casa de la colonia" in session
    note = client.get(reverse("workshops:note_edit", args=[world.cohort_a.pk, world.note_a.pk]))
    assert world.note_a.text in note.content.decode()
