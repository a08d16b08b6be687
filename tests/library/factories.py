"""Factories for the resource library: resources, their documents and the library page."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import EventIndexPage, EventPage, EventType
from library.models import LibraryIndexPage, ResourceDocument, ResourcePage, ResourceType, Topic


def resource_type(slug):
    return ResourceType.objects.get(slug=slug)


def topic(slug):
    return Topic.objects.get(slug=slug)


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resource library"
    slug = "resources"
    introduction = "Papers, guidelines, frameworks and training on implementation science."

    class Meta:
        model = LibraryIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A live resource. Pass `publish=True` to publish it through a revision as the admin does,
    which is what puts its topic names into the search index."""

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = factory.Sequence(lambda n: f"Summary of resource number {n}.")
    resource_type = factory.LazyFunction(lambda: resource_type("article-or-paper"))
    publication_date = datetime.date(2024, 5, 1)
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.save_revision().publish()


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small PDF-named document whose size is known exactly."""

    title = "Slides"
    file = factory.LazyAttribute(
        lambda obj: ContentFile(b"%PDF-1.4\n" + b"x" * (obj.size - 9), "slides.pdf")
    )

    class Meta:
        model = get_document_model()

    class Params:
        size = 1229

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = super()._create(model_class, *args, **kwargs)
        document.file_size = document.file.size
        document.save(update_fields=["file_size"])
        return document


class ResourceDocumentFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ResourcePageFactory)
    document = factory.SubFactory(DocumentFactory)
    label = ""

    class Meta:
        model = ResourceDocument


def event_page(parent, title, start, **fields):
    """A published event, built directly so these tests rely only on the events models."""
    event = EventPage(
        title=title,
        summary=f"About {title}.",
        event_type=EventType.objects.get(slug="educational-event"),
        start=start,
        end=start + datetime.timedelta(hours=2),
        format=EventPage.Format.ONLINE,
        joining_details="A joining link is sent to everyone who registers.",
        **fields,
    )
    parent.add_child(instance=event)
    event.save_revision().publish()
    return event


def event_index(home):
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index
