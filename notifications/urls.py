"""Public addresses for notifications. Links in emails already sent point here: keep them stable."""

from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.signup, name="signup"),
    path("notifications/check-your-email/", views.check_your_email, name="check_your_email"),
    path("notifications/confirm/<str:token>/", views.confirm, name="confirm"),
    path("notifications/confirmed/", views.confirmed, name="confirmed"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
