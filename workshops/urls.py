from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from workshops import views

app_name = "workshops"

manage = [
    path("", views.dashboard, name="dashboard"),
    path("invitations/", views.invitation_create, name="invitation_create"),
    path(
        "invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"
    ),
    path(_("sessions/new/"), views.session_edit, name="session_create"),
    path(_("sessions/<int:session_id>/"), views.session_edit, name="session_edit"),
    path(_("sessions/<int:session_id>/attendance/"), views.attendance, name="attendance"),
    path(_("sessions/<int:session_id>/kit/"), views.session_kit, name="session_kit"),
    path(_("exercises/new/"), views.exercise_create, name="exercise_create"),
    path(_("exercises/<int:exercise_id>/"), views.exercise_responses, name="exercise_responses"),
    path(_("notes/"), views.notes, name="notes"),
    path(_("notes/<int:note_id>/"), views.notes, name="note_edit"),
    path("attendance.csv", views.attendance_csv, name="attendance_csv"),
    path("progress.csv", views.progress_csv, name="progress_csv"),
]

urlpatterns = [
    path(_("facilitate/"), views.facilitator_home, name="facilitator_home"),
    path(_("workshops/"), views.my_cohorts, name="my_cohorts"),
    path(_("workshops/join/"), views.join, name="join"),
    path(_("workshops/new/"), views.cohort_create, name="cohort_create"),
    path(_("workshops/<int:cohort_id>/"), views.cohort_home, name="cohort"),
    path(_("workshops/<int:cohort_id>/calendar.ics"), views.calendar, name="calendar"),
    path(
        _("workshops/<int:cohort_id>/exercises/<int:exercise_id>/"),
        views.exercise,
        name="exercise",
    ),
    path(_("workshops/<int:cohort_id>/manage/"), include(manage)),
]
