"""A trial page shows what the trial found, what it means, and how far implementation has come."""

import datetime

import time_machine
from django.utils import timezone

from library.models import ResourcePage
from portal.dates import uk_today
from tests.library.factories import ResourcePageFactory, event_index, event_page, topic
from tests.trials.factories import TrialPageFactory
from tests.trials.helpers import soup, text_of
from trials.models import Stage, TrialContact, TrialResource


def test_the_page_shows_the_trial_its_question_findings_and_meaning(client, trials_index):
    trial = TrialPageFactory(
        parent=trials_index,
        title="Example fluids in children trial",
        acronym="EXFLUID",
        summary="Less fluid was as safe as more.",
        question="Does giving less fluid reduce harm?",
        findings="<p>Fewer children had complications with less fluid.</p>",
        implications="<p>Units should review their fluid protocols.</p>",
    )

    response = client.get(trial.url)

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(" ", strip=True) == "Example fluids in children trial (EXFLUID)"
    assert "Less fluid was as safe as more." in page.select_one(".lead").get_text()
    assert "Does giving less fluid reduce harm?" in text_of(response, "#trial-question + p")
    assert "Fewer children had complications" in response.content.decode()
    assert "Units should review their fluid protocols." in response.content.decode()


def test_registry_numbers_and_the_results_paper_link_to_where_they_live(client, trials_index):
    trial = TrialPageFactory(
        parent=trials_index,
        isrctn="ISRCTN12345678",
        nct_number="NCT01234567",
        result_doi="10.1000/example.123",
        result_citation="Example A. A trial. Example Journal. 2024.",
    )

    links = {
        a.get_text(" ", strip=True): a["href"] for a in soup(client.get(trial.url)).select("a")
    }

    assert links["ISRCTN12345678 on the ISRCTN registry"] == "https://www.isrctn.com/ISRCTN12345678"
    assert (
        links["NCT01234567 on ClinicalTrials.gov"] == "https://clinicaltrials.gov/study/NCT01234567"
    )
    assert links["10.1000/example.123"] == "https://doi.org/10.1000/example.123"


def test_a_trial_without_registry_numbers_or_doi_shows_neither(client, trials_index):
    trial = TrialPageFactory(parent=trials_index)

    response = client.get(trial.url)

    assert "Trial registration" not in response.content.decode()
    assert "Results paper" not in response.content.decode()


def test_the_stage_is_shown_among_all_four_in_order(client, trials_index):
    trial = TrialPageFactory(parent=trials_index, stage=Stage.LOCAL_PROTOCOLS)

    steps = soup(client.get(trial.url)).select(".stage-steps li")

    assert [step.select_one(".stage-steps__label").get_text() for step in steps] == [
        "Results published",
        "Guidance updated",
        "Local protocols",
        "Audited in practice",
    ]
    assert [step.select_one(".stage-steps__state").get_text() for step in steps] == [
        "(done)",
        "(done)",
        "(current stage)",
        "(not yet)",
    ]
    assert [step.get("aria-current") for step in steps] == [None, None, "step", None]
    assert "Local protocols (stage 3 of 4)" in text_of(client.get(trial.url), ".trial-details")


def test_last_reviewed_and_next_review_are_shown(client, trials_index):
    trial = TrialPageFactory(
        parent=trials_index,
        last_reviewed=datetime.date(2026, 3, 9),
        review_by=datetime.date(2028, 3, 1),
    )

    details = text_of(client.get(trial.url), ".trial-details")

    assert "Last reviewed 9 March 2026" in details
    assert "Next review due March 2028" in details


def test_a_summary_past_its_review_date_tells_readers_from_the_next_uk_day(client, trials_index):
    trial = TrialPageFactory(
        parent=trials_index,
        last_reviewed=datetime.date(2024, 6, 1),
        review_by=datetime.date(2026, 6, 1),
    )

    # 23:30 UTC on 1 June is 00:30 on 2 June in the UK (BST): the review date has passed.
    with time_machine.travel(datetime.datetime(2026, 6, 1, 22, 30, tzinfo=datetime.UTC)):
        on_the_day = client.get(trial.url).content.decode()
    with time_machine.travel(datetime.datetime(2026, 6, 1, 23, 30, tzinfo=datetime.UTC)):
        next_day = client.get(trial.url).content.decode()

    assert "This summary is due for review" not in on_the_day
    assert "This summary is due for review" in next_day


def test_implementation_resources_show_in_the_editors_order_and_only_when_published(
    client, trials_index, library
):
    first = ResourcePageFactory(parent=library, title="Audit tool")
    second = ResourcePageFactory(parent=library, title="Slide set")
    draft = ResourcePageFactory(parent=library, title="Draft protocol", live=False)
    trial = TrialPageFactory(parent=trials_index)
    for order, resource in enumerate([second, draft, first]):
        TrialResource.objects.create(page=trial, resource=resource, sort_order=order)

    listed = soup(client.get(trial.url)).select("#trial-resources ~ ul a")

    assert [link.get_text() for link in listed] == ["Slide set", "Audit tool"]
    assert ResourcePage.objects.filter(title="Draft protocol").exists()


def test_related_events_and_contacts_are_shown(client, home_page, trials_index):
    events = event_index(home_page)
    event = event_page(events, "Results webinar", timezone.now() + datetime.timedelta(days=7))
    trial = TrialPageFactory(parent=trials_index, related_events=[event])
    TrialContact.objects.create(
        page=trial,
        name="Example Trial Team",
        role="Trial office",
        organisation="Example University",
        email="trial@example.org",
    )

    response = client.get(trial.url)

    assert "Results webinar" in text_of(response, "#trial-events + ul")
    contacts = soup(response).select_one(".trial-contacts").get_text(strip=False)
    assert "Example Trial Team, Trial office, Example University" in contacts
    assert soup(response).select_one(".trial-contacts a")["href"] == "mailto:trial@example.org"


def test_topics_link_to_the_listing_filtered_by_them(client, trials_index):
    trial = TrialPageFactory(parent=trials_index, topics=[topic("trials")])

    link = soup(client.get(trial.url)).select_one(".trial-details a[href*='topic=']")

    assert link["href"] == f"{trials_index.url}?topic=trials"


def test_a_trial_page_is_kept_by_the_page_cache_until_the_next_uk_midnight(trials_index):
    trial = TrialPageFactory(parent=trials_index, review_by=uk_today() + datetime.timedelta(days=3))

    expires = trial.cache_expires_at(None)

    assert expires.date() == uk_today() + datetime.timedelta(days=1)


def test_an_event_page_lists_the_published_trials_linked_to_it(client, home_page, trials_index):
    events = event_index(home_page)
    event = event_page(events, "Results webinar", timezone.now() + datetime.timedelta(days=7))
    TrialPageFactory(
        parent=trials_index, title="Linked trial", acronym="LT", related_events=[event]
    )
    TrialPageFactory(parent=trials_index, title="Draft trial", related_events=[event], live=False)
    TrialPageFactory(parent=trials_index, title="Unlinked trial")

    section = soup(client.get(event.url)).select_one("[aria-labelledby=related-trials-heading]")

    assert section.h2.get_text() == "Related trial"
    assert [link.get_text() for link in section.select("a")] == ["Linked trial (LT)"]
