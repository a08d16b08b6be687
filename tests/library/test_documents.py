import pytest

from tests.library.factories import DocumentFactory, ResourceDocumentFactory, ResourcePageFactory
from tests.library.helpers import soup


@pytest.fixture
def resource(library):
    return ResourcePageFactory(parent=library, title="Study day slides")


def download_links(response):
    return [
        # Sizes keep a non-breaking space between number and unit.
        (link.get_text(" ", strip=True).replace("\xa0", " "), link["href"])
        for link in soup(response).select(".resource-actions a")
    ]


def test_a_document_download_shows_its_file_type_and_size(client, resource):
    ResourceDocumentFactory(page=resource, label="the slides")

    [(text, _href)] = download_links(client.get(resource.url))

    assert text == "Download the slides (PDF, 1.2 KB)"


def test_a_large_document_shows_its_size_in_megabytes(client, resource):
    ResourceDocumentFactory(page=resource, document=DocumentFactory(size=1_300_000))

    [(text, _href)] = download_links(client.get(resource.url))

    assert text == "Download Slides (PDF, 1.2 MB)"


def test_the_download_link_serves_the_file(client, resource):
    item = ResourceDocumentFactory(page=resource)
    [(_text, href)] = download_links(client.get(resource.url))

    response = client.get(href)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert "slides" in response["Content-Disposition"]
    assert item.document.file_size == 1229


def test_several_documents_are_listed_in_the_editors_order(client, resource):
    ResourceDocumentFactory(page=resource, label="Slides", sort_order=0)
    ResourceDocumentFactory(page=resource, label="Handout", sort_order=1)

    texts = [text for text, _href in download_links(client.get(resource.url))]

    assert texts == ["Download Slides (PDF, 1.2 KB)", "Download Handout (PDF, 1.2 KB)"]


def test_an_external_link_is_the_primary_action_and_names_the_site(client, library):
    resource = ResourcePageFactory(parent=library, external_url="https://www.cfirguide.org/")
    ResourceDocumentFactory(page=resource)

    links = soup(client.get(resource.url)).select(".resource-actions a")

    assert links[0].get_text(" ", strip=True) == "Go to the resource on cfirguide.org"
    assert links[0]["class"] == ["button"]
    assert "button--secondary" in links[1]["class"]


def test_a_write_up_without_link_or_documents_has_no_action_buttons(client, library):
    resource = ResourcePageFactory(parent=library, body=[("paragraph", "<p>A short write-up.</p>")])

    response = client.get(resource.url)

    assert soup(response).select_one(".resource-actions") is None
    assert "A short write-up." in response.content.decode()
