"""Public addresses for members. Links in emails already sent point here: keep them stable."""

from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("members/invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("members/welcome/", views.welcome, name="welcome"),
    path("members/sign-in/", views.sign_in, name="sign_in"),
    path("members/sign-in/check-your-email/", views.check_your_email, name="check_your_email"),
    path("members/sign-in/link/", views.sign_in_link, name="sign_in_link"),
    path("members/sign-out/", views.sign_out, name="sign_out"),
    path("members/signed-out/", views.signed_out, name="signed_out"),
    path("members/my-details/", views.my_details, name="my_details"),
    path("members/my-details/download/", views.download_my_details, name="download_my_details"),
    path("members/leave/", views.leave, name="leave"),
    path("members/left/", views.left, name="left"),
    path("your-details/", views.details_request, name="details_request"),
    path(
        "your-details/check-your-email/",
        views.details_check_your_email,
        name="details_check_your_email",
    ),
    path("your-details/link/<str:token>/", views.details_link, name="details_link"),
    path("your-details/held/", views.details_page, name="details"),
    path("your-details/held/download/", views.details_download, name="details_download"),
    path("your-details/held/erase/", views.details_erase, name="details_erase"),
    path("your-details/erased/", views.details_erased, name="details_erased"),
]
