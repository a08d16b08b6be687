"""Odd input in any public address or parameter gets the page or a 4xx, never a 500.

Each test builds the demo site once and sends every odd value to every public parameter (or
path segment, or form field) it covers, then lists every request that failed. The values are
what crawlers, scanners and mangled links send: a NUL byte (which PostgreSQL refuses in any
string), bytes that are not UTF-8, text-direction and control characters, numbers too big for
any column, path tricks and very long text.
"""

import time
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import Client

from events.models import EventIndexPage, EventPage
from library.models import LibraryIndexPage, ResourcePage
from membership.models import JoinPage
from portal.antispam import sign_timestamp
from registrations import certificates
from registrations import tokens as registration_tokens
from registrations.models import Registration
from tests.registrations.factories import RegistrationFactory
from trials.models import TrialIndexPage, TrialPage

# Sent percent-encoded as they stand, so that the server receives these exact bytes.
ODD_VALUES = [
    "%00",
    "a%00b",
    "%FF",  # not UTF-8
    "%ED%A0%80",  # a lone surrogate, as UTF-8
    "%C0%AF",  # an overlong encoding of "/"
    "%E2%80%AE",  # right-to-left override
    "%1B%5B31m",  # a terminal escape
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3E",
    "-1",
    "0",
    "99999999999999999999",
    "1e400",
    "%20",
    "%25",
    "x" * 3000,
]

NUL_AND_NOT_UTF8 = ["a%00b", "%FF"]


def failures(client, method, urls, body=None):
    """Each url (with the method) that gave a server error, and what it gave.

    `body` is a form post's body as it stands, percent-encoded.
    """
    failed = []
    for url in urls:
        cache.clear()  # so rate limits never hide the form behind a 429
        send = getattr(client, method)
        if body is None:
            response = send(url)
        else:
            response = send(url, body, content_type="application/x-www-form-urlencoded")
        if response.status_code >= 500:
            failed.append(
                f"{method.upper()} {url[:120]} {(body or '')[-80:]}: {response.status_code}"
            )
    return failed


@pytest.fixture
def client():
    """A client that gets the 500 page rather than the exception, so that every failure is
    listed."""
    return Client(raise_request_exception=False)


@pytest.fixture
def public(demo_home):
    """The demo site's public addresses and the parameters each reads."""
    events = EventIndexPage.objects.live().get()
    library = LibraryIndexPage.objects.live().get()
    resource = ResourcePage.objects.live().first()
    event = EventPage.objects.live().filter(registration=EventPage.RegistrationMode.PORTAL).first()
    certificate = certificates.issue(
        RegistrationFactory(event=event, status=Registration.Status.ATTENDED)
    )
    trials = TrialIndexPage.objects.live().get()
    trial = TrialPage.objects.live().first()
    return {
        "certificate": certificate,
        "events": events,
        "library": library,
        "resource": resource,
        "event": event,
        "join": JoinPage.objects.live().get(),
        "parameters": {
            "/": [],
            "/search/": ["query", "page"],
            events.url: ["type", "format", "page"],
            f"{events.url}past/": ["type", "format", "page"],
            library.url: ["q", "topic", "type", "year", "sort", "open", "page"],
            trials.url: ["q", "stage", "topic", "page"],
            f"{trials.url}feed/": [],
            trial.url: [],
            f"{library.url}feed/": [],
            "/events/feed.ics": [],
            event.url: [],
            f"{event.url}ics/": [],
            resource.url: [],
            "/sitemap.xml": ["p"],
            "/robots.txt": [],
            "/notifications/": [],
            "/notifications/check-your-email/": [],
            "/notifications/confirmed/": [],
            f"/registrations/{event.pk}/done/": [],
            f"/certificates/{certificate.number}/": [],
        },
    }


def test_odd_values_in_every_public_parameter_are_never_a_server_error(client, public):
    urls = []
    for path, names in public["parameters"].items():
        names = [*names, "unknown"]
        for value in ODD_VALUES:
            urls.append(f"{path}?" + "&".join(f"{name}={value}" for name in names))
        for value in NUL_AND_NOT_UTF8:
            # Each on its own, and each given twice.
            urls += [f"{path}?{name}={value}" for name in names]
            urls.append(f"{path}?" + "&".join(f"{name}=1&{name}={value}" for name in names))

    assert failures(client, "get", urls) == []
    assert failures(client, "head", urls[::5]) == []


def test_odd_values_in_every_public_path_segment_are_never_a_server_error(client, public):
    event, events, library = public["event"], public["events"], public["library"]
    certificate = public["certificate"]
    templates = [
        "/certificates/{}/",
        f"/certificates/{certificate.number}{{}}/",
        "/certificates/download/{}/",
        "/registrations/cancel/{}/",
        "/registrations/feedback/{}/",
        "/registrations/materials/{}/",
        "/registrations/materials/{}/1/",
        f"/registrations/{event.pk}/materials/{{}}/",
        "/registrations/{}/materials/1/",
        "/registrations/{}/",
        "/registrations/{}/done/",
        "/notifications/confirm/{}/",
        "/notifications/unsubscribe/{}/",
        "/documents/{}/report.pdf",
        "/documents/1/{}",
        "/{}/",
        "/{}",
        f"{events.url}{{}}/",
        f"{events.url}past/{{}}/",
        f"{library.url}{{}}/",
        f"{library.url}feed/{{}}",
        f"{event.url}{{}}/",
        "/search/{}",
        "/events/feed.ics{}",
        "/static/{}",
        "/media/{}",
        "/media/images/{}.png",
    ]
    urls = [template.format(value) for template in templates for value in ODD_VALUES]

    assert failures(client, "get", urls) == []
    assert failures(client, "head", urls) == []
    assert failures(client, "post", urls, "") == []


def valid_answers():
    """A valid post of each public form, started long enough ago to be a person's."""
    started = sign_timestamp(time.time() - 60)
    person = {"full_name": "Alex Example", "email": "alex@example.org", "organisation": "PICU"}
    return {
        "join": {
            **person,
            "role": "nurse",
            "region": "scotland",
            "clinically_active": "yes",
            "research_experience": "some",
            "interests": ["education", "grants"],
            "message": "Hello.",
            "consent": "on",
            "submission_token": "0b6a4d0e-0c36-4bf5-9a55-6f0c1a1f2f11",
            "form_started": started,
        },
        "signup": {
            "signup-email": "sam@example.org",
            "signup-name": "Sam Example",
            "signup-interests": "all",
            "signup-form_started": started,
        },
        "registration": {
            **person,
            "role": "Nurse",
            "needs": "",
            "consent": "on",
            "form_started": started,
        },
        "feedback": {"rating": "5", "comments": "Useful."},
    }


def test_odd_values_in_every_public_form_field_are_never_a_server_error(client, public):
    event = public["event"]
    attended = RegistrationFactory(event=event, status=Registration.Status.ATTENDED)
    answers = valid_answers()
    forms = {
        public["join"].url: answers["join"],
        "/notifications/": answers["signup"],
        f"/registrations/{event.pk}/": answers["registration"],
        registration_tokens.feedback_url(attended): answers["feedback"],
    }
    failed = []
    for url, valid in forms.items():
        names = [*valid, "unknown"]
        for value in ODD_VALUES:
            failed += failures(client, "post", [url], "&".join(f"{name}={value}" for name in names))
        for name in names:
            # Each field on its own, the others answered as a person would.
            others = urlencode({key: value for key, value in valid.items() if key != name}, True)
            for value in NUL_AND_NOT_UTF8:
                failed += failures(client, "post", [url], f"{others}&{name}={value}")
                failed += failures(client, "post", [url], f"{others}&{name}=a&{name}={value}")

    assert failed == []
