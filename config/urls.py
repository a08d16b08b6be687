from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from events import urls as events_urls
from members import urls as members_urls
from notifications import urls as notifications_urls
from pagecache.cache import cache_public
from portal import media, views
from portal.signin import RateLimitedPasswordResetView
from registrations import urls as registrations_urls

urlpatterns = [
    path(
        "admin/password_reset/",
        RateLimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", cache_public(views.search), name="search"),
    path("robots.txt", cache_public(views.robots_txt), name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", cache_public(sitemap), name="sitemap"),
    # Images on local media storage, in every environment: the Docker image needs no other
    # server. With media in S3 (MEDIA_S3_BUCKET), image URLs point at the bucket instead.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media"),
    path("", include(events_urls)),
    path("", include(members_urls)),
    path("", include(notifications_urls)),
    path("", include(registrations_urls)),
]

urlpatterns += [path("", include(wagtail_urls))]
