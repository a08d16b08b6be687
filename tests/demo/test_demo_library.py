from django.core.management import call_command
from wagtail.documents import get_document_model

from library.models import LibraryIndexPage, ResourcePage
from tests.library.helpers import listed_titles, soup


def test_the_demo_site_has_a_library_in_the_main_navigation(client, demo_home):
    library = LibraryIndexPage.objects.get()

    assert library.get_parent().specific == demo_home
    assert "Resource library" in soup(client.get("/")).select_one(".main-nav").get_text()


def test_demo_frameworks_link_to_their_public_homes(demo_home):
    links = dict(ResourcePage.objects.values_list("slug", "external_url"))

    assert links["cfir"] == "https://cfirguide.org/"
    assert links["re-aim"] == "https://re-aim.org/"
    assert links["theoretical-domains-framework"] == "https://doi.org/10.1186/1748-5908-7-37"
    assert links["normalisation-process-theory"] == (
        "https://normalization-process-theory.northumbria.ac.uk/"
    )


def test_every_invented_demo_resource_says_it_is_an_example(demo_home):
    invented = ResourcePage.objects.exclude(
        slug__in=["cfir", "re-aim", "theoretical-domains-framework", "normalisation-process-theory"]
    )

    assert invented.count() == 3
    for resource in invented:
        assert resource.title.startswith("Example:")
        assert "Example for the demonstration site" in resource.summary


def test_the_demo_slides_download_as_a_pdf(client, demo_home):
    slides = ResourcePage.objects.get(slug="example-introduction-slides")
    link = soup(client.get(slides.url)).select_one(".resource-actions a")

    download = client.get(link["href"])

    assert "(PDF," in link.get_text()
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")
    assert [event.slug for event in slides.related_events.all()] == ["example-webinar"]


def test_the_demo_library_lists_and_finds_its_resources(client, demo_home):
    library = LibraryIndexPage.objects.get()

    assert len(listed_titles(client.get(library.url))) == 7
    assert listed_titles(client.get(library.url, {"q": "Michie"})) == [
        "Theoretical Domains Framework (TDF)"
    ]
    assert listed_titles(client.get(library.url, {"q": "reflexive monitoring"})) == [
        "Normalisation Process Theory (NPT)"
    ]


def test_loading_the_demo_again_adds_no_resources_or_documents(demo_home):
    before = (ResourcePage.objects.count(), get_document_model().objects.count())
    call_command("load_demo_content")

    assert (ResourcePage.objects.count(), get_document_model().objects.count()) == before
