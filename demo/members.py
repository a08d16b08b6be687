"""Demo content for members: a members-only area holding an example minutes page.

The minutes are an example, and say so in their title and text: the group's real minutes are
added by its editors. Like the rest of the demo, this creates what is missing and leaves alone
what exists (an editor may have lifted the restriction on purpose, so it is set only once, when
the area is created).
"""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from demo.helpers import paragraph, publish_child
from home.models import StandardPage
from members.models import MEMBERS_GROUP

AREA_SLUG = "members-area"
MINUTES_SLUG = "example-minutes"


def build_members_area(home):
    """The members' area under `home` and its example minutes; returns the area."""
    area, created = publish_child(
        home,
        StandardPage(
            title="Members' area",
            slug=AREA_SLUG,
            introduction="Papers, minutes and working material for members of the group.",
        ),
    )
    if created:
        restriction = PageViewRestriction.objects.create(
            page=area, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    publish_child(
        area,
        StandardPage(
            title="Example minutes: steering group meeting",
            slug=MINUTES_SLUG,
            introduction="An example of minutes in the members' area: not a real meeting.",
            body=[
                (
                    "paragraph",
                    paragraph(
                        "This page is an example. The group's editors put real minutes and "
                        "papers here, and only members who have signed in can read them."
                    ),
                )
            ],
        ),
    )
    return area
