import datetime

import pytest

from tests.library.factories import ResourcePageFactory, resource_type, topic
from tests.library.helpers import listed_titles, result_count, soup


@pytest.fixture
def resources(library):
    ResourcePageFactory(
        parent=library,
        title="Trial design primer",
        summary="Designing pragmatic trials on intensive care units.",
        topics=[topic("trials")],
        publication_date=datetime.date(2023, 3, 1),
    )
    ResourcePageFactory(
        parent=library,
        title="Teaching implementation science",
        summary="A course outline for nurses on intensive care units.",
        resource_type=resource_type("course-or-training"),
        topics=[topic("education"), topic("implementation-science")],
        publication_date=datetime.date(2024, 6, 1),
    )
    ResourcePageFactory(
        parent=library,
        title="Audit toolkit",
        summary="Templates for auditing sedation practice.",
        resource_type=resource_type("toolkit-or-template"),
        topics=[topic("evidence-based-care")],
        publication_date=datetime.date(2024, 1, 15),
    )


def test_topic_filter_lists_only_resources_on_that_topic(client, library, resources):
    response = client.get(library.url, {"topic": "trials"})

    assert listed_titles(response) == ["Trial design primer"]


def test_several_topics_list_resources_on_any_of_them(client, library, resources):
    response = client.get(library.url, {"topic": ["trials", "education"]})

    assert listed_titles(response) == ["Teaching implementation science", "Trial design primer"]


def test_a_resource_on_two_chosen_topics_is_listed_once(client, library, resources):
    response = client.get(library.url, {"topic": ["education", "implementation-science"]})

    assert listed_titles(response) == ["Teaching implementation science"]
    assert result_count(response) == "1 resource matches your filters"


def test_type_filter_lists_only_that_type(client, library, resources):
    response = client.get(library.url, {"type": "toolkit-or-template"})

    assert listed_titles(response) == ["Audit toolkit"]


def test_year_filter_lists_only_resources_published_that_year(client, library, resources):
    response = client.get(library.url, {"year": "2024"})

    assert listed_titles(response) == ["Teaching implementation science", "Audit toolkit"]


def test_year_choices_are_the_years_with_resources(client, library, resources):
    options = soup(client.get(library.url)).select("#id_year option")

    assert [option.get_text() for option in options] == ["Any year", "2024", "2023"]


def test_filters_combine_with_search(client, library, resources):
    both_match = client.get(library.url, {"q": "intensive care", "topic": "education"})
    year_excludes = client.get(library.url, {"q": "intensive care", "year": "2023"})
    type_excludes = client.get(library.url, {"q": "sedation", "type": "course-or-training"})

    assert listed_titles(both_match) == ["Teaching implementation science"]
    assert listed_titles(year_excludes) == ["Trial design primer"]
    assert listed_titles(type_excludes) == []


def test_all_filters_combine(client, library, resources):
    response = client.get(
        library.url,
        {
            "q": "course",
            "topic": ["education", "trials"],
            "type": "course-or-training",
            "year": "2024",
            "sort": "title",
        },
    )

    assert listed_titles(response) == ["Teaching implementation science"]


def test_filters_leave_out_draft_resources(client, library, resources):
    draft = ResourcePageFactory(
        parent=library,
        title="Trial protocol (draft)",
        summary="Not ready for readers.",
        topics=[topic("trials")],
        publication_date=datetime.date(2023, 3, 1),
    )
    draft.unpublish()

    response = client.get(library.url, {"q": "trials", "topic": "trials", "year": "2023"})

    assert listed_titles(response) == ["Trial design primer"]


def test_the_form_shows_the_filters_applied(client, library, resources):
    page = soup(client.get(library.url, {"q": "care", "topic": "trials", "type": "guideline"}))

    assert page.select_one("#id_q")["value"] == "care"
    assert [box["value"] for box in page.select("input[name=topic][checked]")] == ["trials"]
    assert page.select_one("#id_type option[selected]")["value"] == "guideline"
    assert "Clear all" in page.select_one(".library-filters").get_text()


def test_the_result_count_names_the_search_and_filters(client, library, resources):
    response = client.get(library.url, {"q": "care", "topic": "trials", "year": "2023"})

    assert result_count(response) == "1 resource matches “care”"
    applied = soup(response).select_one(".library-applied").get_text(" ", strip=True)
    assert "Topics: Trials" in applied
    assert "Published in 2023" in applied


def test_topic_links_on_a_resource_open_the_filtered_listing(client, library, resources):
    resource = library.get_children().get(title="Trial design primer").specific
    link = soup(client.get(resource.url)).select_one(".resource-details__topics a")

    assert link.get_text() == "Trials"
    assert listed_titles(client.get(link["href"])) == ["Trial design primer"]
