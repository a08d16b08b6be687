"""The demo's Trials into practice: a listing and one trial page, clearly an example."""

from django.core.management import call_command

from tests.trials.helpers import listed_titles, soup
from trials.models import TrialIndexPage, TrialPage


def test_the_demo_site_has_trials_in_the_main_navigation(client, demo_home):
    index = TrialIndexPage.objects.get()

    assert index.get_parent().specific == demo_home
    assert "Trials into practice" in soup(client.get("/")).select_one(".main-nav").get_text()


def test_the_one_demo_trial_says_it_is_an_example_and_points_at_no_real_trial(demo_home):
    (trial,) = TrialPage.objects.all()

    assert "(not a real trial)" in trial.title
    assert "not a real trial" in trial.summary
    assert "not a real trial" in trial.findings
    assert trial.question.startswith("Example:")
    assert trial.isrctn == trial.nct_number == trial.result_doi == trial.result_citation == ""
    assert [contact.name for contact in trial.contacts.all()] == [
        "Example contact (not a real person)"
    ]
    assert all(contact.email == "" for contact in trial.contacts.all())


def test_the_demo_trial_links_the_demo_examples_of_a_resource_and_an_event(client, demo_home):
    trial = TrialPage.objects.get()

    page = soup(client.get(trial.url))

    resources = [a.get_text() for a in page.select("#trial-resources ~ ul a")]
    events = [a.get_text() for a in page.select("#trial-events ~ ul a")]
    assert resources == ["Example: introduction to implementation science (slides)"]
    assert events == ["Implementation science in practice: webinar (example)"]


def test_the_home_page_and_listing_show_the_example(client, demo_home):
    index = TrialIndexPage.objects.get()

    assert listed_titles(client.get(index.url)) == [
        "Example trial summary (not a real trial) (EXAMPLE)"
    ]
    assert "Latest trial summaries" in client.get("/").content.decode()


def test_loading_the_demo_again_keeps_one_example_and_an_editors_changes(demo_home):
    trial = TrialPage.objects.get()
    trial.summary = "Changed by an editor."
    trial.save_revision().publish()

    call_command("load_demo_content")

    assert TrialPage.objects.count() == 1
    assert TrialPage.objects.get().summary == "Changed by an editor."
