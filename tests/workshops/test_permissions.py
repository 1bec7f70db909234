"""Every workshops URL and method, for every kind of person: what is not theirs is 404,
and nothing of cohort A leaks to anyone outside it."""

import pytest
from django.urls import reverse

from tests.factories import sign_in

pytestmark = pytest.mark.django_db

SECRETS = ("SECRETO-RESPUESTA-A", "SECRETO-DEVOLUCION-A", "SECRETO-NOTA-A", "Grupo Norte")


def urls_of_cohort_a(w):
    """(name, url, kind) for every workshops URL that belongs to cohort A."""
    a = w.cohort_a.pk
    manage = [
        ("dashboard", [a]),
        ("invitation_create", [a]),
        ("invitation_revoke", [a, w.invitation_a.pk]),
        ("session_create", [a]),
        ("session_edit", [a, w.session_a.pk]),
        ("attendance", [a, w.session_a.pk]),
        ("session_kit", [a, w.session_a.pk]),
        ("exercise_create", [a]),
        ("exercise_responses", [a, w.exercise_a.pk]),
        ("notes", [a]),
        ("note_edit", [a, w.note_a.pk]),
        ("attendance_csv", [a]),
        ("progress_csv", [a]),
    ]
    trainee = [("cohort", [a]), ("exercise", [a, w.exercise_a.pk])]
    member = [("calendar", [a])]
    return (
        [(n, reverse(f"workshops:{n}", args=args), "facilitator") for n, args in manage]
        + [(n, reverse(f"workshops:{n}", args=args), "trainee") for n, args in trainee]
        + [(n, reverse(f"workshops:{n}", args=args), "member") for n, args in member]
    )


def test_every_workshops_url_is_in_the_matrix(world):
    from workshops.urls import manage, urlpatterns

    names = {p.name for p in manage} | {p.name for p in urlpatterns if getattr(p, "name", None)}
    covered = {n for n, _url, _kind in urls_of_cohort_a(world)}
    open_to_all_signed_in = {"facilitator_home", "my_cohorts", "join", "cohort_create"}
    assert names == covered | open_to_all_signed_in


PEOPLE = ["anonymous", "trainee_a", "trainee_b", "facilitator_a", "facilitator_b", "editor"]


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("method", ["get", "post"])
def test_permission_matrix(client, world, who, method):
    if who != "anonymous":
        sign_in(client, getattr(world, who))
    for name, url, kind in urls_of_cohort_a(world):
        response = getattr(client, method)(url)
        allowed = (
            (kind == "facilitator" and who == "facilitator_a")
            or (kind == "trainee" and who == "trainee_a")
            or (kind == "member" and who in {"trainee_a", "facilitator_a"})
        )
        if who == "anonymous" and method == "post" and name in {"exercise", "notes", "note_edit"}:
            assert response.status_code == 403, name  # the text comes back (curriculum.autosave)
        elif who == "anonymous":
            assert response.status_code == 302, (name, method)
            assert "/accounts/login/" in response["Location"], (name, method)
        elif allowed:
            assert response.status_code in {200, 302, 400, 405}, (
                name,
                method,
                response.status_code,
            )
        else:
            assert response.status_code in {404, 405}, (who, name, method, response.status_code)
            if response.status_code == 404:
                body = response.content.decode()
                assert not any(secret in body for secret in SECRETS), (who, name)


def test_trainee_lists_show_only_their_own_cohorts(client, world):
    sign_in(client, world.trainee_b)
    page = client.get(reverse("workshops:my_cohorts")).content.decode()
    assert "Grupo Sur" in page and "Grupo Norte" not in page


def test_a_trainee_never_sees_facilitator_notes_or_private_answers(client, world):
    from workshops import services

    other = world.trainee_a.__class__.objects.create_user(username="tra-a2", password="x" * 12)
    from workshops.models import Membership

    Membership.objects.create(cohort=world.cohort_a, user=other)
    services.response_save(
        exercise=world.private_exercise_a,
        author=world.trainee_a,
        body="SOLO-FACILITADORAS",
        submit=True,
    )
    sign_in(client, other)
    pages = [
        client.get(reverse("workshops:cohort", args=[world.cohort_a.pk])),
        client.get(reverse("workshops:exercise", args=[world.cohort_a.pk, world.exercise_a.pk])),
        client.get(
            reverse("workshops:exercise", args=[world.cohort_a.pk, world.private_exercise_a.pk])
        ),
    ]
    text = "".join(p.content.decode() for p in pages)
    assert "SECRETO-NOTA-A" not in text
    assert "SOLO-FACILITADORAS" not in text
    # The cohort-wide exercise shows the peer's answer, anonymously.
    assert "SECRETO-RESPUESTA-A" in text
    assert "Participante A" not in text
