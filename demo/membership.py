"""Demo content for joining: the join page, sending requests to the chair named in the group's text.

The membership paragraph is the group's own, word for word; the other texts describe only what
the site does. Like the rest of the demo, it creates what is missing and leaves alone what exists.
"""

from django.utils.html import format_html
from wagtail.rich_text import RichText

from demo.helpers import paragraph, publish_child
from membership.models import JoinPage, MembershipSettings


def build_join_page(home, text):
    """The join page under `home`; returns (page, created)."""
    return publish_child(
        home,
        JoinPage(
            title="Join the group",
            slug="join",
            show_in_menus=True,
            introduction=str(
                paragraph(
                    "Fill in this form to ask to join the group. Your request is sent to the "
                    "group's chair by email."
                )
            ),
            membership_text=str(paragraph(text.membership)),
            privacy_summary=str(
                paragraph(
                    "Your answers are stored on this website and emailed to the chair, so that "
                    "the group can answer your request."
                )
            ),
            thank_you_message=str(
                RichText(
                    format_html(
                        "<p>Your request has been sent to the chair. If you have a question in "
                        'the meantime, email <a href="mailto:{0}">{0}</a>.</p>',
                        text.contact_email,
                    )
                )
            ),
        ),
    )


def route_join_requests_to_the_chair(home, text):
    """Join requests go to the contact address in the group's text, unless someone chose one."""
    routing = MembershipSettings.for_site(home.get_site())
    if not routing.join_request_recipient:
        routing.join_request_recipient = text.contact_email
        routing.save()
