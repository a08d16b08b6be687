"""Consent: the privacy notice a person was shown when they gave the group their details."""

from django.utils import dateformat, timezone

from portal.models import SiteSettings


def privacy_notice(site):
    """The privacy notice chosen in the site's settings, if it is published."""
    notice = SiteSettings.for_site(site).privacy_page if site else None
    return notice if notice is not None and notice.live else None


def privacy_notice_version(site, *, without_notice):
    """Names the notice the person saw and when it last changed, kept with their consent.

    Without a published notice, what the form's page says (`without_notice`) is what they read.
    """
    notice = privacy_notice(site)
    if notice is None:
        return without_notice[:300]
    return f"{notice.title} ({notice.url}), last published {stamp(notice.last_published_at)}"[:300]


def stamp(moment):
    if moment is None:
        return "(date not recorded)"
    return dateformat.format(timezone.localtime(moment), "j F Y H:i T")
