"""The emails notifications send: confirm a sign-up, "you are already on the list", announcements.

All of them go through the portal's outbox. None repeats what was typed into the sign-up form
(not even the name), so the form cannot be used to send a stranger words of someone's choosing.
"""

from django.utils import timezone

from events.calendar import calendar_title
from events.dates import describe_moment
from notifications import tokens
from outbox.mail import queue_email, queue_emails, render_email
from portal.models import SiteSettings

# Mail clients show an "Unsubscribe" button for these, and post to the link in one click
# (RFC 2369 and RFC 8058).
ONE_CLICK = "List-Unsubscribe=One-Click"


def group_name(site):
    return SiteSettings.for_site(site).group_name if site else "Implementation Group"


def list_headers(subscriber, unsubscribe_url=None):
    return {
        "List-Unsubscribe": f"<{unsubscribe_url or tokens.unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": ONE_CLICK,
        # Out-of-office replies are not wanted by a list nobody reads.
        "Auto-Submitted": "auto-generated",
    }


def queue_confirmation(subscriber, site):
    """Ask the address's owner to confirm: nothing else is sent until they do."""
    expires = timezone.now() + tokens.CONFIRM_LINK_LIFETIME
    context = {
        "group_name": group_name(site),
        "confirm_url": tokens.confirm_url(subscriber),
        "expires": describe_moment(expires),
        "interests": subscriber.get_interests_display(),
    }
    return queue_email(
        recipient=subscriber.email,
        headers={"Auto-Submitted": "auto-generated"},
        about=subscriber,
        **render_email("notifications/email/confirm_subscription", context),
    )


def queue_already_subscribed(subscriber, site):
    """Tell a confirmed subscriber someone signed their address up again; nothing changed."""
    context = {
        "group_name": group_name(site),
        "interests": subscriber.get_interests_display(),
        "unsubscribe_url": tokens.unsubscribe_url(subscriber),
    }
    return queue_email(
        recipient=subscriber.email,
        headers=list_headers(subscriber),
        about=subscriber,
        **render_email("notifications/email/already_subscribed", context),
    )


def event_context(event):
    """What every copy of an announcement says about the event."""
    event_url = event.get_full_url()
    return {
        "event": event,
        "title": calendar_title(event),
        "event_url": event_url,
        "ics_url": event_url + event.reverse_subpage("ics"),
        "registration_deadline": event.registration_deadline_text,
        "group_name": group_name(event.get_site()),
    }


def render_announcement(event_details, unsubscribe_url):
    return render_email(
        "notifications/email/announcement",
        {**event_details, "unsubscribe_url": unsubscribe_url},
    )


# Stands in for each recipient's unsubscribe link, so the announcement is rendered once for a
# list of any length; it needs no escaping in HTML, and neither do the links that replace it.
UNSUBSCRIBE_PLACEHOLDER = "UNSUBSCRIBE-LINK-PLACEHOLDER"


def queue_announcements(announcement, subscribers, event_details, attachment):
    """Every subscriber's copy of the announcement, stored together."""
    parts = render_announcement(event_details, UNSUBSCRIBE_PLACEHOLDER)
    copies = []
    for subscriber in subscribers:
        link = tokens.unsubscribe_url(subscriber)
        copies.append(
            {
                "recipient": subscriber.email,
                "headers": list_headers(subscriber, link),
                "attachments": [attachment],
                **{
                    name: text.replace(UNSUBSCRIBE_PLACEHOLDER, link)
                    for name, text in parts.items()
                },
            }
        )
    return queue_emails(copies, about=announcement)
