"""Public addresses for members. Links in emails already sent point here: keep them stable."""

from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("members/invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("members/welcome/", views.welcome, name="welcome"),
]
