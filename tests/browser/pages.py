"""The public pages every browser check covers, found in the demo content by what they show.

Each entry names a page type and state a reader can reach (an event that is cancelled, a
join form sent with errors), so a failure says which kind of page broke. States reached by
sending a form carry the answers to send; `visit` and `fetch` send them the way a reader
would, with the hidden fields the page itself gives.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views.defaults import server_error
from playwright.sync_api import Error as PlaywrightError
from wagtail_factories import DocumentFactory, ImageFactory

from demo.site import build_site
from events.models import EventIndexPage, EventMaterial, EventPage, EventType
from home.models import StandardPage
from library.models import LibraryIndexPage, ResourcePage
from members import details, invitations, signin
from members.models import Member
from membership.models import JoinPage, JoinRequest
from membership.views import JOIN_RATE_LIMIT
from notifications import tokens
from notifications.models import Subscriber
from people.links import absolute_url
from portal.antispam import client_key
from portal.blocks import BodyBlock
from portal.models import RateLimitCount
from registrations import certificates
from registrations import tokens as registration_tokens
from registrations.models import Registration
from trials.models import TrialIndexPage, TrialPage

TOO_LONG_SEARCH = "x" * 201
EVERY_BLOCK_SLUG = "every-content-block"


@dataclass(frozen=True)
class CoveredPage:
    name: str
    path: str
    status: int = 200
    # Answers to send with the page's form, e.g. {} to send it empty; None: just open the page.
    submit: dict | None = None
    # Text the page must show, proving it is in the state named.
    shows: str = ""
    # Puts back what sending the form changed, so that the page can be visited again.
    reset: Callable[[], object] | None = None
    # The session of a signed-in member who reads the page (the anonymous public, by default).
    member_session: str = ""

    @property
    def slug(self):
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")


def load_covered_site():
    """Load the demo site plus the states it lacks; returns the pages to check."""
    home = build_site()
    add_cancelled_event()
    add_trial_due_for_review()
    add_page_with_every_block(home)
    return covered_pages()


def image_block(image, *, alt_text="", decorative=False, caption=""):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative},
            "caption": caption,
        },
    }


def add_page_with_every_block(home):
    """The demo's own pages use only headings and paragraphs: this one shows every block."""
    if home.get_children().filter(slug=EVERY_BLOCK_SLUG).exists():
        return
    # Images wider and narrower than the widths the image block offers (400, 800, 1200 px).
    wide, middling, narrow = (
        ImageFactory(title=f"Example image {width}", file__width=width, file__height=width // 2)
        for width in (1000, 600, 300)
    )
    document = DocumentFactory(
        title="Example report", file__filename="report.pdf", file__data=b"%PDF-1.4\n" * 300
    )
    page = StandardPage(
        title="Every content block (example)",
        slug=EVERY_BLOCK_SLUG,
        introduction="An example page with one of each kind of block an editor can add.",
        body=BodyBlock().to_python(
            [
                {"type": "heading", "value": {"text": "A section heading", "level": "h2"}},
                {"type": "paragraph", "value": '<p>A paragraph with <a href="/">a link</a>.</p>'},
                {"type": "heading", "value": {"text": "A sub-heading", "level": "h3"}},
                image_block(wide, alt_text="A wide example", caption="A caption."),
                image_block(middling, alt_text="A middling example"),
                image_block(narrow, decorative=True),
                {
                    "type": "quote",
                    "value": {"quote": "An example quotation.", "attribution": "A. Speaker"},
                },
                {"type": "call_to_action", "value": {"text": "Join the group", "url": "/join/"}},
                {"type": "document", "value": {"document": document.pk, "label": ""}},
                # Wider than a phone: it must scroll in its own box, not widen the page.
                {
                    "type": "table",
                    "value": {
                        "data": [
                            ["Meeting", "Date", "Where", "Papers to read before the meeting"],
                            ["Spring", "12 March", "Leeds", "The audit of sepsis screening"],
                        ],
                        "table_header_choice": "row",
                        "first_row_is_table_header": True,
                        "table_caption": "Meetings this year (example)",
                    },
                },
            ]
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()


def add_cancelled_event():
    """The demo has no cancelled event: a copy of an upcoming online one is called off."""
    if EventPage.objects.filter(status=EventPage.Status.CANCELLED).exists():
        return
    event = EventPage.objects.live().upcoming().filter(format=EventPage.Format.ONLINE).first()
    event.copy(
        update_attrs={
            "title": f"Cancelled: {event.title}",
            "slug": f"cancelled-{event.slug}",
            "status": EventPage.Status.CANCELLED,
            "status_note": "Example: the meeting will be rearranged; members will be emailed.",
        },
    )


def add_trial_due_for_review():
    """The demo's example trial is freshly reviewed: a copy of it is long overdue."""
    if TrialPage.objects.filter(slug="overdue-example-trial").exists():
        return
    trial = TrialPage.objects.live().first()
    trial.copy(
        update_attrs={
            "title": f"Overdue review: {trial.title}",
            "slug": "overdue-example-trial",
            "last_reviewed": trial.last_reviewed.replace(year=2020),
            "review_by": trial.last_reviewed.replace(year=2022),
        },
    )


def covered_pages():
    return [
        *foundation_pages(),
        *event_pages(),
        *library_pages(),
        *trial_pages(),
        *join_pages(),
        *notification_pages(),
        *registration_pages(),
        *member_pages(),
    ]


def foundation_pages():
    return [
        CoveredPage("Home", "/"),
        CoveredPage("Standard page", "/membership/"),
        CoveredPage("Standard page: privacy notice", "/privacy/"),
        CoveredPage("Standard page: accessibility statement", "/accessibility/"),
        CoveredPage("Standard page: every content block", f"/{EVERY_BLOCK_SLUG}/"),
        CoveredPage("Site search: empty", "/search/"),
        CoveredPage("Site search: results", "/search/?query=care"),
        CoveredPage("Site search: no results", "/search/?query=xylophone", shows="0 results"),
        CoveredPage(
            "Site search: query too long",
            f"/search/?query={TOO_LONG_SEARCH}",
            shows="200 characters or fewer",
        ),
        CoveredPage("Page not found", "/no-such-page/", status=404),
    ]


def found(page, what):
    assert page is not None, f"The demo content has no {what} any more: update tests/browser"
    return page


def event_pages():
    index = EventIndexPage.objects.live().get()
    events = EventPage.objects.child_of(index).live()
    upcoming = events.upcoming().filter(status=EventPage.Status.SCHEDULED)
    past = found(events.past().first(), "finished event")
    # A filter that matches no upcoming event: a type with none, whatever today's demo holds.
    unused_type = found(
        EventType.objects.exclude(events__in=events.upcoming()).first(), "unused event type"
    )
    return [
        CoveredPage("Events: upcoming", index.url),
        CoveredPage("Events: past", f"{index.url}past/"),
        CoveredPage("Events: filtered", f"{index.url}?format={EventPage.Format.ONLINE}"),
        CoveredPage("Events: past, filtered", f"{index.url}past/?type={past.event_type.slug}"),
        CoveredPage(
            "Events: empty (no event matches)",
            f"{index.url}?type={unused_type.slug}",
            shows="No upcoming events match",
        ),
        *(
            CoveredPage(f"Event: {label}", found(upcoming.filter(format=value).first(), label).url)
            for value, label in [
                (EventPage.Format.IN_PERSON, "in person"),
                (EventPage.Format.ONLINE, "online"),
                (EventPage.Format.HYBRID, "in person and online"),
            ]
        ),
        CoveredPage("Event: finished", past.url, shows="This event has finished"),
        CoveredPage(
            "Event: cancelled",
            found(events.filter(status=EventPage.Status.CANCELLED).first(), "cancelled event").url,
            shows="This event has been cancelled",
        ),
    ]


def library_pages():
    library = LibraryIndexPage.objects.live().get()
    resources = ResourcePage.objects.child_of(library).live()
    with_document = found(resources.filter(documents__isnull=False).first(), "document resource")
    with_link = found(resources.exclude(external_url="").first(), "resource with a link")
    topic = with_document.topics.first()
    return [
        CoveredPage("Library", library.url),
        CoveredPage("Library: search results", f"{library.url}?q=implementation"),
        CoveredPage(
            "Library: filters",
            f"{library.url}?topic={topic.slug}&type={with_document.resource_type.slug}&sort=title",
        ),
        CoveredPage("Library: no results", f"{library.url}?q=xylophone", shows="No resources"),
        CoveredPage(
            "Library: search too long",
            f"{library.url}?q={TOO_LONG_SEARCH}",
            shows="There is a problem",
        ),
        CoveredPage("Resource: with a document", with_document.url),
        CoveredPage("Resource: with a link", with_link.url),
    ]


def trial_pages():
    index = TrialIndexPage.objects.live().get()
    trials = TrialPage.objects.child_of(index).live()
    example = found(trials.exclude(slug="overdue-example-trial").first(), "example trial")
    overdue = found(trials.filter(slug="overdue-example-trial").first(), "overdue trial")
    topic = example.topics.first()
    return [
        CoveredPage("Trials", index.url),
        CoveredPage("Trials: filters", f"{index.url}?stage={example.stage}&topic={topic.slug}"),
        CoveredPage("Trials: search results", f"{index.url}?q=example"),
        CoveredPage("Trials: no results", f"{index.url}?q=xylophone", shows="No trials match"),
        CoveredPage(
            "Trials: search too long",
            f"{index.url}?q={TOO_LONG_SEARCH}",
            shows="There is a problem",
        ),
        CoveredPage("Trial", example.url, shows="How far implementation has come"),
        CoveredPage("Trial: due for review", overdue.url, shows="This summary is due for review"),
    ]


def join_pages():
    join = JoinPage.objects.live().get()
    return [
        CoveredPage("Join: form", join.url),
        CoveredPage(
            "Join: form sent with errors",
            join.url,
            submit={},
            shows="There is a problem",
            reset=forget_rate_limits,
        ),
        CoveredPage("Join: thank you", join.thank_you_url(), shows="Request sent"),
        CoveredPage(
            "Too many attempts (429)",
            join.url,
            status=429,
            submit={},
            # The form comes back with what was typed, saying when to send it again.
            shows="You have sent this form many times",
            reset=use_up_the_join_rate_limit,
        ),
    ]


def forget_rate_limits():
    RateLimitCount.objects.all().delete()


def use_up_the_join_rate_limit():
    """Count as many posts from this machine as the join form allows in an hour, whatever
    address each gave."""
    client = client_key(RequestFactory().post("/", REMOTE_ADDR="127.0.0.1"))
    while JOIN_RATE_LIMIT.per_client.hit_by(client):
        pass


def notification_pages():
    """The sign-up form and the pages its emails link to, for subscribers made here."""
    consent = {"consent_given_at": timezone.now(), "privacy_notice_version": "Privacy notice"}
    pending, _ = Subscriber.objects.get_or_create(email="pending@example.org", defaults=consent)
    staying, leaving = (
        Subscriber.objects.get_or_create(
            email=email, defaults={"confirmed_at": timezone.now(), **consent}
        )[0]
        for email in ("staying@example.org", "leaving@example.org")
    )
    return [
        CoveredPage("Notifications: sign-up form", "/notifications/"),
        CoveredPage(
            "Notifications: sign-up sent with errors",
            "/notifications/",
            submit={},
            shows="There is a problem",
        ),
        CoveredPage("Notifications: check your email", "/notifications/check-your-email/"),
        CoveredPage(
            "Notifications: confirm",
            f"/notifications/confirm/{tokens.confirm_token(pending)}/",
            shows="Confirm your email address",
        ),
        CoveredPage("Notifications: confirmed", "/notifications/confirmed/"),
        CoveredPage(
            "Notifications: unsubscribe",
            f"/notifications/unsubscribe/{tokens.unsubscribe_token(staying)}/",
            shows="Stop emails",
        ),
        CoveredPage(
            "Notifications: unsubscribed",
            f"/notifications/unsubscribe/{tokens.unsubscribe_token(leaving)}/",
            submit={},
            shows="You have unsubscribed",
            reset=lambda: Subscriber.objects.filter(pk=leaving.pk).update(unsubscribed_at=None),
        ),
        CoveredPage(
            "Notifications: broken link", "/notifications/confirm/not-a-token/", status=404
        ),
    ]


def registration_pages():
    """The registration form's states on the demo's example, and the pages its emails open."""
    event = found(
        EventPage.objects.live().filter(registration=EventPage.RegistrationMode.PORTAL).first(),
        "event with registration on the portal",
    )
    full = event.get_siblings().filter(slug="full-" + event.slug).first()
    if full is None:
        full = event.copy(
            update_attrs={"title": f"Full: {event.title}", "slug": f"full-{event.slug}"}
        )
    full = full.specific
    full.places = 1
    full.save_revision().publish()
    people = {}
    for email, status in [
        ("full@example.org", Registration.Status.REGISTERED),
        ("cancelling@example.org", Registration.Status.REGISTERED),
        ("attended@example.org", Registration.Status.ATTENDED),
        ("feedback@example.org", Registration.Status.ATTENDED),
        ("confirming@example.org", Registration.Status.UNCONFIRMED),
    ]:
        people[email], _ = Registration.objects.get_or_create(
            event=full if email == "full@example.org" else event,
            email=email,
            defaults={
                "full_name": "Example Person",
                "role": "Nurse",
                "organisation": "Example hospital",
                "consent_given_at": timezone.now(),
                "privacy_notice_version": "Privacy notice (example)",
                "status": status,
            },
        )
    cancelling = people["cancelling@example.org"]

    def registered_again():
        Registration.objects.filter(pk=cancelling.pk).update(status=Registration.Status.REGISTERED)

    confirming = people["confirming@example.org"]

    def unconfirmed_again():
        Registration.objects.filter(pk=confirming.pk).update(status=Registration.Status.UNCONFIRMED)

    confirm_path = registration_tokens.confirm_url(confirming).removeprefix(absolute_url(""))
    certificate = certificates.issue(people["attended@example.org"])
    cancel_path = registration_tokens.cancel_url(cancelling).removeprefix(absolute_url(""))
    feedback_path = registration_tokens.feedback_url(people["feedback@example.org"]).removeprefix(
        absolute_url("")
    )
    # Slides for people who registered: the event page says how to reach them, the link lists them.
    EventMaterial.objects.get_or_create(
        page=event, title="Example: slides", defaults={"link": "https://example.org/slides"}
    )
    materials_path = registration_tokens.materials_url(people["attended@example.org"])
    materials_path = materials_path.removeprefix(absolute_url(""))
    return [
        CoveredPage("Registration: form", event.url, shows="places left"),
        CoveredPage(
            "Registration: form sent with errors",
            event.url,
            submit={},
            shows="There is a problem",
            reset=forget_rate_limits,
        ),
        CoveredPage("Registration: full, waiting list", full.url, shows="This event is full"),
        CoveredPage(
            "Registration: check your email",
            f"/registrations/{event.pk}/done/",
            shows="Check your email",
        ),
        CoveredPage(
            "Registration: confirm link",
            confirm_path,
            shows="Confirm your registration",
            reset=unconfirmed_again,
        ),
        CoveredPage(
            "Registration: confirmed",
            confirm_path,
            submit={},
            shows="You have a place",
            reset=unconfirmed_again,
        ),
        CoveredPage(
            "Registration: cancel link",
            cancel_path,
            shows="Cancel your registration",
            reset=registered_again,
        ),
        CoveredPage(
            "Registration: cancelled",
            cancel_path,
            submit={},
            shows="Your registration is cancelled",
            reset=registered_again,
        ),
        CoveredPage("Feedback form", feedback_path, shows="How would you rate"),
        CoveredPage("Materials: the link", materials_path, shows="Example: slides"),
        CoveredPage(
            "Materials: broken link",
            "/registrations/materials/not-a-token/",
            status=404,
            shows="This link does not work",
        ),
        CoveredPage(
            "Certificate: genuine",
            f"/certificates/{certificate.number}/",
            shows="This certificate is genuine",
        ),
        CoveredPage(
            "Certificate: not known",
            "/certificates/CPD-0000-0000-0000-0000/",
            status=404,
            shows="Certificate not known",
        ),
    ]


def server_error_html():
    """The page Django shows when a view fails: no server run can be asked for it on purpose."""
    return server_error(RequestFactory().get("/")).content.decode()


def visit(page, covered):
    """Open `covered` in a Playwright page, sending its form through the page if it asks."""
    if covered.reset:
        covered.reset()
    page.context.clear_cookies()
    if covered.member_session:
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": covered.member_session,
                    "domain": "localhost",
                    "path": "/",
                }
            ]
        )
    response = page.goto(covered.path)
    if covered.submit is not None:
        form = page.locator("main form[method=post]")
        for name, value in covered.submit.items():
            form.locator(f'[name="{name}"]').fill(value)
        with page.expect_navigation() as navigation:
            form.locator("[type=submit]").click()
        response = navigation.value
    assert response.status == covered.status, f"{covered.name} ({covered.path}): {response.status}"
    assert covered.shows in page.locator("body").inner_text(), f"{covered.name} ({covered.path})"
    return response


def save_screenshot(page, path):
    """A full-page screenshot for people to look over. Headless Chromium now and then answers
    "Unable to capture screenshot" under load; a second try gets it, and the picture is not
    what any test checks."""
    try:
        page.screenshot(path=path, full_page=True)
    except PlaywrightError:
        page.wait_for_timeout(500)
        page.screenshot(path=path, full_page=True)


def fetch(client: Client, covered):
    """The HTML the server sends for `covered`, fetched with Django's test client."""
    if covered.reset:
        covered.reset()
    client.cookies.clear()
    if covered.member_session:
        client.cookies[settings.SESSION_COOKIE_NAME] = covered.member_session
    response = client.get(covered.path)
    if covered.submit is not None:
        form = BeautifulSoup(response.content, "html.parser").select_one("main form[method=post]")
        hidden = {field["name"]: field.get("value", "") for field in form.select("[type=hidden]")}
        action = form.get("action") or covered.path
        response = client.post(action, {**hidden, **covered.submit}, follow=True)
    assert response.status_code == covered.status, (
        f"{covered.name} ({covered.path}): {response.status_code}"
    )
    assert covered.shows in response.content.decode(), f"{covered.name} ({covered.path})"
    return response.content


def _signed_in_session(member):
    """The key of a session signed in as `member`. Signing in changes what a sign-in link is
    checked against, so links are made after this."""
    client = Client()
    client.force_login(member.user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _details_session(address):
    """The key of a session that has pressed the button behind a details link for `address`."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[details.SESSION_KEY] = details.details_url(address).rstrip("/").rsplit("/", 1)[1]
    store.create()
    return store.session_key


def _member(email, *, joined):
    member, _ = Member.objects.get_or_create(
        email=email,
        defaults={
            "full_name": "Example Member",
            "role": JoinRequest.Role.NURSE,
            "organisation": "Example hospital",
            "consent_given_at": timezone.now(),
            "privacy_notice_version": "Privacy notice (example)",
        },
    )
    if joined and not member.has_joined:
        member = invitations.accept(member, privacy_notice_version="Privacy notice (example)")
    return member


def member_pages():
    """The members' public pages: signing in, the invitation, and a members-only page."""
    invited = _member("invited@example.org", joined=False)
    joined = _member("joined@example.org", joined=True)
    session = _signed_in_session(joined)
    minutes = found(
        StandardPage.objects.live().filter(slug="example-minutes").first(), "example minutes"
    )
    return [
        CoveredPage("Members: sign-in form", "/members/sign-in/"),
        CoveredPage(
            "Members: sign-in sent with errors",
            "/members/sign-in/",
            submit={},
            shows="There is a problem",
            reset=forget_rate_limits,
        ),
        CoveredPage("Members: check your email", "/members/sign-in/check-your-email/"),
        CoveredPage(
            "Members: sign-in link",
            signin.sign_in_url(joined.user).removeprefix(absolute_url("")),
            shows="Press the button to sign in",
        ),
        CoveredPage(
            "Members: sign-in link that does not work",
            "/members/sign-in/link/?t=not-a-token",
            status=410,
            shows="This sign-in link does not work",
        ),
        CoveredPage(
            "Members: invitation",
            f"/members/invitation/{invitations.invitation_token(invited)}/",
            shows="Become a member",
        ),
        CoveredPage(
            "Members: invitation link broken",
            "/members/invitation/not-a-token/",
            status=404,
        ),
        CoveredPage(
            "Members: members-only page, not signed in",
            minutes.url,
            status=403,
            shows="For members",
        ),
        CoveredPage(
            "Members: members-only section, signed in",
            minutes.get_parent().url,
            shows="In this section",
            member_session=session,
        ),
        CoveredPage(
            "Members: members-only page, signed in",
            minutes.url,
            shows="example",
            member_session=session,
        ),
        CoveredPage(
            "Members: welcome", "/members/welcome/", shows="For members", member_session=session
        ),
        CoveredPage(
            "Members: my details",
            "/members/my-details/",
            shows="Leave the group",
            member_session=session,
        ),
        CoveredPage("Members: signed out", "/members/signed-out/"),
        CoveredPage("Members: left the group", "/members/left/"),
        CoveredPage("Your details: request form", "/your-details/"),
        CoveredPage(
            "Your details: request sent with errors",
            "/your-details/",
            submit={},
            shows="There is a problem",
            reset=forget_rate_limits,
        ),
        CoveredPage("Your details: check your email", "/your-details/check-your-email/"),
        CoveredPage(
            "Your details: link",
            details.details_url(joined.email).removeprefix(absolute_url("")),
            shows="See my details",
        ),
        CoveredPage(
            "Your details: link that does not work",
            "/your-details/link/not-a-token/",
            status=404,
            shows="This link does not work",
        ),
        CoveredPage(
            "Your details: what is held",
            "/your-details/held/",
            shows="Erase my details",
            member_session=_details_session(joined.email),
        ),
        CoveredPage("Your details: erased", "/your-details/erased/"),
    ]
