"""Consent: the privacy notice a person was shown when they gave the group their details."""

from django.utils import dateformat, timezone

from portal.models import SiteSettings


def privacy_notice(page):
    """The privacy notice chosen in the site settings of `page`'s site, if it is published."""
    site = page.get_site()
    notice = SiteSettings.for_site(site).privacy_page if site else None
    return notice if notice is not None and notice.live else None


def privacy_notice_version(page, *, without_notice):
    """Names the notice the person saw and when it last changed, kept with their consent.

    Without a published notice, the page's own text (`without_notice`) is what they read.
    """
    notice = privacy_notice(page)
    if notice is None:
        return f"{without_notice}, last published {_stamp(page.last_published_at)}"[:300]
    return f"{notice.title} ({notice.url}), last published {_stamp(notice.last_published_at)}"[:300]


def _stamp(moment):
    if moment is None:
        return "(date not recorded)"
    return dateformat.format(timezone.localtime(moment), "j F Y H:i T")
