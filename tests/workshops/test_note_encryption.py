"""Rotating the encryption keys never loses a facilitator's note."""

import pytest
from django.core.management import call_command

from accounts import crypto
from workshops import services
from workshops.models import FacilitatorNote

pytestmark = pytest.mark.django_db


def test_rotation_never_undoes_a_note_saved_while_it_runs(world, monkeypatch):
    original, saved_meanwhile = crypto.rotate, []

    def rotate_while_a_facilitator_saves(token):
        if not saved_meanwhile:  # a facilitator saves between the read and the write
            saved_meanwhile.append(True)
            services.note_update(note=world.note_a, text="Nueva versión", based_on_version=1)
        return original(token)

    monkeypatch.setattr(crypto, "rotate", rotate_while_a_facilitator_saves)
    call_command("rotate_note_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert saved_meanwhile
    assert FacilitatorNote.objects.get(pk=world.note_a.pk).text == "Nueva versión"
