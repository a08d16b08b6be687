import pytest

from tests.library.factories import ResourcePageFactory, topic
from tests.library.helpers import listed_titles, soup


@pytest.fixture
def resources(library):
    ResourcePageFactory(parent=library, title="On trials", topics=[topic("trials")])
    ResourcePageFactory(parent=library, title="On education", topics=[topic("education")])


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "no-such-topic"},
        {"topic": ["trials", "<script>alert(1)</script>"]},
        {"type": "nonsense"},
        {"year": "abc"},
        {"year": "1066"},
        {"year": "99999999999999999999"},
        {"year": "-1"},
        {"sort": "-title; DROP TABLE"},
        {"sort": "relevance"},
        {"open": "maybe"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "99999"},
        {"page": "1.5"},
        {"q": "x" * 5000},
        {"q": "nul\x00byte"},
        {"q": "   "},
        {"q": "%"},
        {"unknown": "value"},
    ],
)
def test_bad_parameters_never_give_an_error_page(client, library, resources, params):
    response = client.get(library.url, params)

    assert response.status_code == 200


def test_an_unknown_topic_is_ignored_and_the_known_one_applied(client, library, resources):
    response = client.get(library.url, {"topic": ["trials", "no-such-topic"]})

    assert listed_titles(response) == ["On trials"]
    page = soup(response)
    assert [box["value"] for box in page.select("input[name=topic][checked]")] == ["trials"]
    assert "Topics: “no-such-topic”" in page.select_one(".notice").get_text()


def test_unknown_type_year_and_sort_are_ignored(client, library, resources):
    response = client.get(library.url, {"type": "nonsense", "year": "1066", "sort": "best"})

    assert sorted(listed_titles(response)) == ["On education", "On trials"]
    notice = soup(response).select_one(".notice").get_text()
    assert "“nonsense”" in notice
    assert "“1066”" in notice
    assert "“best”" in notice


def test_an_overlong_search_is_explained_and_not_run(client, library, resources):
    response = client.get(library.url, {"q": "trials " * 100})
    page = soup(response)

    assert "200 characters or fewer" in page.select_one(".error-summary").get_text()
    assert page.select_one("#id_q")["aria-invalid"] == "true"
    assert sorted(listed_titles(response)) == ["On education", "On trials"]


def test_a_search_of_only_symbols_finds_nothing(client, library, resources):
    response = client.get(library.url, {"q": "%%%"})

    assert listed_titles(response) == []
    assert "No resources match your search and filters" in response.content.decode()
