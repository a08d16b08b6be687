"""Demo content for the resource library: well-known public frameworks and clearly marked examples.

The frameworks are described neutrally from their published sources and link to their public
homes. Everything invented for the demonstration (a funding call, a slide deck) says so in its
title and summary. Like the rest of the demo, every step creates what is missing and leaves
alone what exists.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from demo.helpers import paragraph, publish_child
from events.models import EventPage
from library.models import (
    LibraryIndexPage,
    ResourceDocument,
    ResourcePage,
    ResourceType,
    Topic,
)
from portal.dates import uk_today

EXAMPLE_MARK = "Example for the demonstration site, not a real {thing}: replace or delete it."

FRAMEWORKS = [
    {
        "title": "Consolidated Framework for Implementation Research (CFIR)",
        "slug": "cfir",
        "summary": "A determinant framework that brings together constructs from earlier "
        "implementation theories, to help teams assess what may help or hinder implementation "
        "in their setting.",
        "type": "theory-or-framework",
        "topics": ["implementation-science", "evidence-based-care"],
        "authors": "Damschroder LJ, Aron DC, Keith RE, Kirsh SR, Alexander JA, Lowery JC",
        "publication_date": datetime.date(2009, 8, 7),
        "external_url": "https://cfirguide.org/",
        "citation": "Damschroder LJ, Aron DC, Keith RE, Kirsh SR, Alexander JA, Lowery JC. "
        "Fostering implementation of health services research findings into practice: a "
        "consolidated framework for advancing implementation science. Implementation Science. "
        "2009;4:50.",
        "doi": "10.1186/1748-5908-4-50",
        "body": [
            "The original framework, published in 2009, organises its constructs into five "
            "domains: intervention characteristics, outer setting, inner setting, "
            "characteristics of individuals, and process.",
            "The CFIR website hosts the framework, an updated version published in 2022, and "
            "guidance on using it.",
        ],
    },
    {
        "title": "RE-AIM framework",
        "slug": "re-aim",
        "summary": "A planning and evaluation framework with five dimensions: Reach, "
        "Effectiveness, Adoption, Implementation and Maintenance.",
        "type": "theory-or-framework",
        "topics": ["implementation-science", "research-and-grant-applications"],
        "authors": "Glasgow RE, Vogt TM, Boles SM",
        "publication_date": datetime.date(1999, 9, 1),
        "external_url": "https://re-aim.org/",
        "citation": "Glasgow RE, Vogt TM, Boles SM. Evaluating the public health impact of "
        "health promotion interventions: the RE-AIM framework. American Journal of Public "
        "Health. 1999;89(9):1322-1327.",
        "doi": "10.2105/AJPH.89.9.1322",
        "body": [
            "RE-AIM was first described in 1999 as a way to evaluate the public health impact "
            "of health promotion interventions, looking beyond effectiveness alone.",
            "The RE-AIM website offers guidance and tools for planning and evaluating "
            "programmes with the framework.",
        ],
    },
    {
        "title": "Theoretical Domains Framework (TDF)",
        "slug": "theoretical-domains-framework",
        "summary": "A framework that groups constructs from behaviour change theories into "
        "theoretical domains, used to understand the behaviours involved in implementing "
        "evidence-based practice.",
        "type": "theory-or-framework",
        "topics": ["implementation-science", "evidence-based-care"],
        "authors": "Cane J, O'Connor D, Michie S",
        "publication_date": datetime.date(2012, 4, 24),
        "external_url": "https://doi.org/10.1186/1748-5908-7-37",
        "citation": "Cane J, O'Connor D, Michie S. Validation of the theoretical domains "
        "framework for use in behaviour change and implementation research. Implementation "
        "Science. 2012;7:37.",
        "doi": "10.1186/1748-5908-7-37",
        "body": [
            "This 2012 validation study refined the framework into 14 domains, including "
            "knowledge, skills, beliefs about consequences, environmental context and "
            "resources, and social influences.",
        ],
    },
    {
        "title": "Normalisation Process Theory (NPT)",
        "slug": "normalisation-process-theory",
        "summary": "A sociological theory of how new ways of working become routinely embedded "
        "in everyday practice, and why some do not.",
        "type": "theory-or-framework",
        "topics": ["implementation-science", "knowledge-mobilisation"],
        "authors": "May C, Finch T",
        "publication_date": datetime.date(2009, 6, 1),
        "external_url": "https://normalization-process-theory.northumbria.ac.uk/",
        "citation": "May C, Finch T. Implementing, embedding, and integrating practices: an "
        "outline of normalization process theory. Sociology. 2009;43(3):535-554.",
        "doi": "10.1177/0038038509103208",
        "body": [
            "The theory describes the work people do to implement a practice through four "
            "core constructs: coherence, cognitive participation, collective action and "
            "reflexive monitoring.",
            "The NPT website gives an introduction to the theory and resources for using it.",
        ],
    },
]


def minimal_pdf(lines):
    """A one-page PDF showing `lines` of text, built in code so no binary file is committed."""
    text = "BT /F1 14 Tf 72 760 Td 20 TL " + " ".join(
        "({}) '".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
        for line in lines
    )
    stream = text.encode("latin-1") + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf


def example_slides():
    content = minimal_pdf(
        [
            "Example slides for the demonstration site",
            "Not a real presentation: replace or delete this document.",
        ]
    )
    document = get_document_model()(title="Example slides: introduction to implementation science")
    document.file.save("example-slides.pdf", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def build_resource(library, spec):
    if library.get_children().filter(slug=spec["slug"]).exists():
        return
    page = ResourcePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        resource_type=ResourceType.objects.get(slug=spec["type"]),
        topics=list(Topic.objects.filter(slug__in=spec["topics"])),
        authors=spec.get("authors", ""),
        publication_date=spec["publication_date"],
        external_url=spec.get("external_url", ""),
        citation=spec.get("citation", ""),
        doi=spec.get("doi", ""),
        closing_date=spec.get("closing_date"),
        body=[("paragraph", paragraph(text)) for text in spec.get("body", [])],
        related_events=list(EventPage.objects.filter(slug__in=spec.get("events", []))),
    )
    if spec.get("document"):
        page.documents = [ResourceDocument(document=spec["document"](), label="slides")]
    publish_child(library, page)


def example_resources(today):
    return [
        {
            "title": "Example: small grants for implementation projects",
            "slug": "example-implementation-small-grants",
            "summary": EXAMPLE_MARK.format(thing="funding call") + " It shows how an open "
            "funding opportunity and its closing date appear.",
            "type": "funding-opportunity",
            "topics": ["research-and-grant-applications"],
            "authors": "Example funder",
            "publication_date": today,
            "closing_date": today + datetime.timedelta(days=60),
        },
        {
            "title": "Example: fellowship call that has closed",
            "slug": "example-closed-fellowship-call",
            "summary": EXAMPLE_MARK.format(thing="funding call") + " It shows how a funding "
            "opportunity is marked once its closing date has passed.",
            "type": "funding-opportunity",
            "topics": ["research-and-grant-applications", "education"],
            "authors": "Example funder",
            "publication_date": today - datetime.timedelta(days=90),
            "closing_date": today - datetime.timedelta(days=10),
        },
        {
            "title": "Example: introduction to implementation science (slides)",
            "slug": "example-introduction-slides",
            "summary": EXAMPLE_MARK.format(thing="presentation") + " It shows how an "
            "uploaded document is offered for download, and how slides link to the event "
            "they were given at.",
            "type": "presentation",
            "topics": ["implementation-science", "education"],
            "authors": "Example speaker",
            "publication_date": today,
            "document": example_slides,
            "events": ["example-webinar"],
        },
    ]


def build_library(home, today=None):
    today = today or uk_today()
    library, _ = publish_child(
        home,
        LibraryIndexPage(
            title="Resource library",
            slug="resources",
            show_in_menus=True,
            introduction="Papers, guidelines, frameworks, recordings, training and funding "
            "opportunities on evidence-based care and implementation science.",
        ),
    )
    for spec in [*FRAMEWORKS, *example_resources(today)]:
        build_resource(library, spec)
    return library
