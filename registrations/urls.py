"""Public addresses for registrations and certificates. Links in emails already sent point
here: keep them stable."""

from django.urls import path

from registrations import views

app_name = "registrations"

urlpatterns = [
    path("registrations/<int:event_id>/", views.register, name="register"),
    path("registrations/<int:event_id>/done/", views.registered, name="registered"),
    path("registrations/cancel/<str:token>/", views.cancel, name="cancel"),
    path("registrations/feedback/<str:token>/", views.feedback, name="feedback"),
    path(
        "certificates/download/<str:token>/",
        views.certificate_download,
        name="certificate_download",
    ),
    path("certificates/<str:number>/", views.verify, name="verify"),
]
