import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.library.factories import ResourcePageFactory, resource_type, topic
from tests.library.helpers import soup


def details(response):
    return {
        row.select_one("dt").get_text(strip=True): row.select_one("dd").get_text(" ", strip=True)
        for row in soup(response).select(".resource-details > div")
    }


def test_a_resource_shows_its_type_topics_authors_and_date(client, library):
    resource = ResourcePageFactory(
        parent=library,
        resource_type=resource_type("guideline"),
        topics=[topic("trials"), topic("education")],
        authors="Example Society",
        publication_date=datetime.date(2024, 9, 1),
    )

    shown = details(client.get(resource.url))

    assert shown == {
        "Type": "Guideline",
        "Topics": "Education Trials",
        "Authors or source": "Example Society",
        "Published": "September 2024",
    }


def test_a_resource_shows_how_to_cite_it_with_a_doi_link(client, library):
    resource = ResourcePageFactory(
        parent=library,
        citation="Cane J, O'Connor D, Michie S. Implementation Science. 2012;7:37.",
        doi="10.1186/1748-5908-7-37",
    )

    section = soup(client.get(resource.url)).select_one(".resource__citation")

    assert "Implementation Science. 2012;7:37." in section.get_text()
    assert section.select_one("a")["href"] == "https://doi.org/10.1186/1748-5908-7-37"


@pytest.mark.parametrize(
    "entered",
    [
        "10.1186/1748-5908-7-37",
        "https://doi.org/10.1186/1748-5908-7-37",
        "doi: 10.1186/1748-5908-7-37",
    ],
)
def test_a_doi_is_stored_without_its_link_prefix(library, entered):
    resource = ResourcePageFactory.build(resource_type=resource_type("guideline"), doi=entered)

    resource.clean()

    assert resource.doi == "10.1186/1748-5908-7-37"


def test_a_doi_that_is_not_a_doi_is_refused(library):
    resource = ResourcePageFactory.build(resource_type=resource_type("guideline"), doi="cfirguide")

    with pytest.raises(ValidationError) as error:
        resource.clean()

    assert "doi" in error.value.message_dict


def test_a_resource_cannot_take_the_feeds_address(library):
    resource = ResourcePageFactory.build(resource_type=resource_type("guideline"), slug="feed")

    with pytest.raises(ValidationError) as error:
        resource.clean()

    assert "slug" in error.value.message_dict


def test_a_resource_suggests_others_sharing_most_of_its_topics(client, library):
    resource = ResourcePageFactory(
        parent=library, title="This one", topics=[topic("trials"), topic("education")]
    )
    ResourcePageFactory(parent=library, title="Shares one", topics=[topic("trials")])
    ResourcePageFactory(
        parent=library, title="Shares both", topics=[topic("trials"), topic("education")]
    )
    ResourcePageFactory(parent=library, title="Shares none", topics=[topic("evidence-based-care")])
    draft = ResourcePageFactory(parent=library, title="Draft sharing", topics=[topic("trials")])
    draft.unpublish()

    section = soup(client.get(resource.url)).select_one(".resource__related")

    assert [link.get_text() for link in section.select("a")] == ["Shares both", "Shares one"]
    assert section.select_one("h2").get_text() == "More on these topics"


def test_a_resource_without_topics_suggests_nothing(client, library):
    resource = ResourcePageFactory(parent=library)
    ResourcePageFactory(parent=library)

    assert soup(client.get(resource.url)).select_one(".resource__related") is None


def test_a_resource_links_back_to_the_library(client, library):
    resource = ResourcePageFactory(parent=library)

    links = [link["href"] for link in soup(client.get(resource.url)).select("article a")]

    assert library.url in links
