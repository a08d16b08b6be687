import pytest

from tests.library.factories import ResourcePageFactory, topic
from tests.library.helpers import listed_titles


@pytest.fixture
def resources(library):
    return {
        "guideline": ResourcePageFactory(
            parent=library,
            title="Sedation guideline",
            summary="How to agree a sedation protocol.",
            authors="Paediatric Intensive Care Society",
            body=[("paragraph", "<p>Daily interruption of sedation in ventilated children.</p>")],
        ),
        "tdf": ResourcePageFactory(
            parent=library,
            title="Theoretical Domains Framework",
            summary="Behaviour change domains.",
            authors="Cane J, O'Connor D, Michie S",
            topics=[topic("knowledge-mobilisation")],
            publish=True,
        ),
    }


def test_search_finds_a_resource_by_a_word_in_its_body(client, library, resources):
    response = client.get(library.url, {"q": "ventilated"})

    assert listed_titles(response) == ["Sedation guideline"]


def test_search_finds_a_resource_by_an_authors_name(client, library, resources):
    response = client.get(library.url, {"q": "Michie"})

    assert listed_titles(response) == ["Theoretical Domains Framework"]


def test_search_finds_a_resource_by_an_organisation_as_author(client, library, resources):
    assert listed_titles(client.get(library.url, {"q": "Intensive Care Society"})) == [
        "Sedation guideline"
    ]


def test_search_finds_a_resource_by_its_topic_name(client, library, resources):
    response = client.get(library.url, {"q": "mobilisation"})

    assert listed_titles(response) == ["Theoretical Domains Framework"]


def test_search_follows_a_topic_changed_by_an_editor(client, library, resources):
    page = resources["guideline"]
    page.topics = [topic("trials")]
    page.save_revision().publish()

    assert listed_titles(client.get(library.url, {"q": "trials"})) == ["Sedation guideline"]


def test_search_finds_a_resource_by_a_word_in_its_summary(client, library, resources):
    assert listed_titles(client.get(library.url, {"q": "protocol"})) == ["Sedation guideline"]


def test_search_leaves_out_draft_resources(client, library, resources):
    resources["guideline"].unpublish()

    assert listed_titles(client.get(library.url, {"q": "sedation"})) == []


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "sedation*", "AND", "OR NOT", "(", ")", "-", "'", "a:b", "NEAR(x y)", "%", "_"],
)
def test_search_syntax_in_the_words_never_breaks_the_page(client, library, resources, query):
    response = client.get(library.url, {"q": query})

    assert response.status_code == 200
