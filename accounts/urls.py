from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("sessions/", views.sessions, name="sessions"),
    path(
        "sessions/sign-out-everywhere/",
        views.sessions_sign_out_everywhere,
        name="sign_out_everywhere",
    ),
    path("my-data/", views.my_data, name="my_data"),
    path("delete/", views.delete_account, name="delete"),
]
