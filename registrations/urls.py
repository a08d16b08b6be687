"""Public addresses for registrations and certificates. Links in emails already sent point
here: keep them stable."""

from django.urls import path, register_converter

from registrations import views


class IdConverter:
    """A page id: digits that fit in a database id, so a longer number is not found rather
    than overflowing the query (SQLite raises on one)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")

app_name = "registrations"

urlpatterns = [
    path("registrations/<id:event_id>/", views.register, name="register"),
    path("registrations/<id:event_id>/done/", views.registered, name="registered"),
    path("registrations/confirm/<str:token>/", views.confirm, name="confirm"),
    path("registrations/cancel/<str:token>/", views.cancel, name="cancel"),
    path("registrations/feedback/<str:token>/", views.feedback, name="feedback"),
    path("registrations/materials/<str:token>/", views.materials_page, name="materials"),
    path(
        "registrations/materials/<str:token>/<id:material_id>/",
        views.material_download,
        name="material_download",
    ),
    path(
        "registrations/<id:event_id>/materials/<id:material_id>/",
        views.member_material,
        name="member_material",
    ),
    path(
        "certificates/download/<str:token>/",
        views.certificate_download,
        name="certificate_download",
    ),
    path("certificates/<str:number>/", views.verify, name="verify"),
]
