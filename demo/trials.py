"""Demo content for Trials into practice: the listing and one example trial page.

The site ships with no real trial described: the one trial page is an example that says so in
its name and every text, has no registry numbers or DOI (which would point at a real trial or
paper), and links to the demo's own example resource and event. Like the rest of the demo,
every step creates what is missing and leaves alone what exists.
"""

import datetime

from demo.helpers import paragraph, publish_child
from events.models import EventPage
from library.models import ResourcePage, Topic
from portal.dates import uk_today
from trials.models import (
    REVIEW_INTERVAL_YEARS,
    Stage,
    TrialContact,
    TrialIndexPage,
    TrialPage,
    TrialResource,
)

EXAMPLE_MARK = "Example for the demonstration site, not a real trial: replace or delete it."


def example_trial(today):
    return TrialPage(
        title="Example trial summary (not a real trial)",
        slug="example-trial",
        acronym="EXAMPLE",
        summary=f"{EXAMPLE_MARK} It shows how a trial's bottom line appears in the listing, on "
        "the home page and in search results.",
        question="Example: in children receiving intensive care, does approach A, compared "
        "with approach B, change an outcome that matters to them and their families?",
        findings=paragraph(
            f"{EXAMPLE_MARK} Here a summary says in plain language who took part, what was "
            "compared and what happened, with numbers where they help."
        ).source,
        implications=paragraph(
            "Example: here a summary says what units might change, for which children, and "
            "any cautions, so a busy clinician can act on it."
        ).source,
        stage=Stage.GUIDANCE_UPDATED,
        last_reviewed=today,
        review_by=today + datetime.timedelta(days=365 * REVIEW_INTERVAL_YEARS),
        topics=list(Topic.objects.filter(slug__in=["trials", "evidence-based-care"])),
        related_events=list(EventPage.objects.filter(slug="example-webinar")),
        implementation_resources=[
            TrialResource(resource=resource)
            for resource in ResourcePage.objects.filter(slug="example-introduction-slides")
        ],
        contacts=[
            TrialContact(
                name="Example contact (not a real person)",
                role="Example: the trial's chief investigator or a local implementation lead",
                organisation="Example organisation",
            )
        ],
    )


def build_trials(home, today=None):
    today = today or uk_today()
    index, created = publish_child(
        home,
        TrialIndexPage(
            title="Trials into practice",
            slug="trials",
            show_in_menus=True,
            introduction="Summaries of practice-changing trials: what each found, what it "
            "means for practice, resources to put it into practice, and how far "
            "implementation has come.",
        ),
    )
    if created:
        publish_child(index, example_trial(today))
    return index
