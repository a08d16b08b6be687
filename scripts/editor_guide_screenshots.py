"""Takes the editor's guide screenshots (docs/screenshots/) from the real admin.

Run it after changing the admin, so the guide shows what editors will see:

    .venv/bin/python scripts/editor_guide_screenshots.py

It builds a throwaway SQLite database in a temporary folder with the demo content, a few
example join requests and subscribers (marked as examples), a superuser and an editor's page
waiting for approval; serves the site on a free loopback port; then logs in with headless
Chromium (the system's, at /usr/bin/chromium: a browser is never downloaded) and captures
each screen at 1280 x 800. The pictures are reduced to 256 colours, which keeps each under
about 150 KB without blurring the admin's text. Nothing outside the temporary folder and
docs/screenshots/ is touched.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser.tools import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - needs the repo on the path

OUTPUT = REPO / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
USERNAME = "editor-guide"
# Each role's dashboard, as its members see it: role -> screenshot name.
ROLE_SCREENS = {
    "Editors": "32-role-editors",
    "Moderators": "33-role-moderators",
    "Membership": "34-role-membership",
    "Event organisers": "35-role-event-organisers",
}
PASSWORD = "editor-guide-screenshots"  # noqa: S105 - throwaway account in a throwaway database
EXAMPLE = "(example)"
HIGHLIGHT = "4px solid #d4351c"
ANIMATION_MS = 500


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def configure_environment(folder, port):
    """Point Django at the temporary folder before it is imported."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        PORTAL_VAR_DIR=str(folder),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        EMAIL_HOST="",
    )


def build_database():
    """Demo content plus what the guide's screens need; returns the ids the screens open."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from events.models import EventIndexPage, EventPage
    from home.models import HomePage, StandardPage
    from library.models import LibraryIndexPage
    from membership.models import JoinRequest
    from trials.models import TrialIndexPage, TrialPage

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    User = get_user_model()
    superuser = User.objects.create_superuser(USERNAME, "editor-guide@example.org", PASSWORD)
    # A superuser signs in with a code from an authenticator app too (docs/signing-in.md).
    authenticator = TOTPDevice.objects.create(user=superuser, name="Screenshots", confirmed=True)
    editor = User.objects.create_user("example-editor", "editor@example.org", PASSWORD)
    editor.first_name, editor.last_name = "Example", "Editor"
    editor.save()
    editor.groups.add(Group.objects.get(name="Editors"))
    # One account per role, to show each role's own admin (the guide's "What each role sees").
    role_devices = {}
    for role in ROLE_SCREENS:
        person = User.objects.create_user(
            role_username(role), f"{role_username(role)}@example.org", PASSWORD
        )
        person.groups.add(Group.objects.get(name=role))
        role_devices[role] = TOTPDevice.objects.create(
            user=person, name="Screenshots", confirmed=True
        )

    now = timezone.now()
    for days_ago, name, organisation in [
        (1, "Example Applicant One", "Example Children's Hospital PICU"),
        (3, "Example Applicant Two", "Example Regional Transport Service"),
    ]:
        JoinRequest.objects.create(
            full_name=f"{name} {EXAMPLE}",
            email=f"applicant{days_ago}@example.org",
            role=JoinRequest.Role.NURSE,
            organisation=organisation,
            region=JoinRequest.Region.ENGLAND,
            clinically_active=True,
            research_experience=JoinRequest.ResearchExperience.SOME,
            interests=[JoinRequest.Interest.EDUCATION, JoinRequest.Interest.RESEARCH],
            wants_meeting_updates=True,
            message="Example request made for the editor's guide screenshots.",
            consent_given_at=now - timedelta(days=days_ago),
            privacy_notice_version="Privacy notice (example)",
            submitted_at=now - timedelta(days=days_ago),
        )
    add_example_subscribers(now)
    registration_event = add_example_registrations(now)

    # An Editor's change waiting for a Moderator, so the approval screens have something.
    membership_page = StandardPage.objects.get(slug="membership")
    membership_page.introduction = "Who can join the group, and how. (Example change.)"
    revision = membership_page.save_revision(user=editor)
    membership_page.get_workflow().start(membership_page, editor)

    # A summary past its review date, so the dashboard's review panel has something to show.
    example_trial = TrialPage.objects.get()
    example_trial.copy(
        update_attrs={
            "title": f"Overdue review {EXAMPLE}",
            "slug": "overdue-review-example",
            "last_reviewed": example_trial.last_reviewed - timedelta(days=800),
            "review_by": example_trial.last_reviewed - timedelta(days=70),
        }
    )

    events_index = EventIndexPage.objects.get()
    upcoming = EventPage.objects.child_of(events_index).live().upcoming()
    ids = {
        "home": HomePage.objects.get().pk,
        "events": events_index.pk,
        "event": upcoming.filter(event_type__is_group_meeting=False)
        .exclude(pk=registration_event.pk)
        .first()
        .pk,
        "registration_event": registration_event.pk,
        "library": LibraryIndexPage.objects.get().pk,
        "trials": TrialIndexPage.objects.get().pk,
        "join_request": JoinRequest.objects.order_by("-submitted_at").first().pk,
        "membership_page": membership_page.pk,
        "revision": revision.pk,
        "authenticator": authenticator,
        "role_devices": role_devices,
    }
    connections.close_all()
    return ids


def add_example_registrations(now):
    """People registered for the demo's registration example, one already checked in."""
    from events.models import EventPage
    from registrations.models import Registration

    event = EventPage.objects.get(registration=EventPage.RegistrationMode.PORTAL)
    for number, status in enumerate(["attended", "registered", "registered", "waiting"], 1):
        Registration.objects.create(
            event=event,
            full_name=f"Example Attendee {number} {EXAMPLE}",
            email=f"attendee{number}@example.org",
            role="Paediatric critical care nurse",
            organisation="Example Children's Hospital",
            consent_given_at=now,
            privacy_notice_version="Privacy notice (example)",
            status=status,
        )
    return event


def certificate_picture(event_id):
    """The certificate an attendee would get, as a PNG drawn from the PDF by PDFium."""
    import pypdfium2

    from registrations.certificates import issue, render_pdf
    from registrations.models import Registration

    registration = Registration.objects.filter(event_id=event_id, status="attended").first()
    page = pypdfium2.PdfDocument(render_pdf(issue(registration)))[0]
    # 60 dots per inch, as the picture has always been: a PDF point is 1/72 inch.
    page.render(scale=60 / 72).to_pil().save(OUTPUT / "28-certificate.png")


def add_example_subscribers(now):
    try:
        from notifications.models import Subscriber
    except ImportError:  # the announcements screens are skipped without notifications
        return
    for number in range(1, 4):
        Subscriber.objects.create(
            email=f"subscriber{number}@example.org",
            name=f"Example Subscriber {number}",
            confirmed_at=now,
            consent_given_at=now,
            privacy_notice_version="Privacy notice (example)",
        )


def serve(port):
    server = subprocess.Popen(  # noqa: S603 - our own manage.py, no shell
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("The development server did not start within a minute.")


def save(page, name):
    """Capture the window and store it small: 256 colours, optimised."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=path)
    with Image.open(path) as picture:
        reduced = picture.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    reduced.save(path, optimize=True)
    print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KB")


def highlight(locator):
    """Outline what the guide's step is about, and bring it into view."""
    locator.scroll_into_view_if_needed()
    locator.evaluate(f"element => element.style.outline = '{HIGHLIGHT}'")


def scroll_to(locator):
    """Put `locator` at the top of the window."""
    locator.evaluate("element => element.scrollIntoView({block: 'start'})")


def open_actions_menu(page):
    """Open the menu beside "Save draft" (Publish, Submit…) and let it finish opening."""
    page.get_by_role("button", name="More actions").click()
    page.wait_for_timeout(ANIMATION_MS)


def panel(page, heading):
    return (
        page.locator("section.w-panel")
        .filter(has=page.get_by_role("heading", name=heading, exact=True))
        .first
    )


def log_in(page, ids, *, screenshot=True, username=USERNAME, device=None):
    from portal.second_factor import current_code

    page.goto("/admin/login/")
    if screenshot:
        save(page, "01-log-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/**")
    if "/second-factor/" in page.url:
        code = current_code(device or ids["authenticator"])
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/")


def role_username(role):
    return "example-" + role.lower().replace(" ", "-")


def role_screenshots(browser, base_url, ids):
    """Each role's dashboard and menu, signed in as a member of that group only."""
    for role, name in ROLE_SCREENS.items():
        context = browser.new_context(base_url=base_url, viewport=VIEWPORT)
        context.set_default_timeout(15_000)
        page = context.new_page()
        log_in(
            page,
            ids,
            screenshot=False,
            username=role_username(role),
            device=ids["role_devices"][role],
        )
        save(page, name)
        context.close()


def trial_screenshots(page, ids):
    """Adding a trial summary, and the dashboard's list of summaries due for review."""
    page.goto(f"/admin/pages/add/trials/trialpage/{ids['trials']}/")
    page.locator("#id_title").fill("Example trial of two approaches in intensive care")
    page.locator("#id_acronym").fill("EXAMPLE-2")
    page.locator("#id_summary").fill(
        "Example: the bottom line in one or two plain sentences, for the listing and the feed."
    )
    page.locator("#id_question").fill(
        "Example: in children receiving intensive care, does approach A, compared with "
        "approach B, change an outcome that matters to them?"
    )
    save(page, "29-add-trial")
    page.get_by_role("tab", name="Details").click()
    registration = panel(page, "Registration and results")
    scroll_to(registration)
    highlight(page.locator("#id_stage"))
    save(page, "30-trial-details")
    page.goto("/admin/")
    reviews = page.locator("#trial-reviews-section")
    scroll_to(reviews)
    highlight(reviews)
    save(page, "31-trial-reviews")


def take_screenshots(page, ids):
    log_in(page, ids)
    save(page, "02-dashboard")
    scroll_to(page.locator("#group-meetings-section"))
    save(page, "03-dashboard-panels")

    # The purpose and aims live on the home page.
    page.goto(f"/admin/pages/{ids['home']}/edit/")
    purpose = panel(page, "Purpose")
    scroll_to(purpose)
    highlight(purpose)
    save(page, "04-home-purpose")
    aims = panel(page, "Aims")
    scroll_to(aims)
    highlight(aims)
    save(page, "05-home-aims")

    # Adding an event.
    page.goto(f"/admin/pages/{ids['events']}/")
    highlight(page.get_by_role("link", name="Add child page").first)
    save(page, "06-events-list")
    page.goto(f"/admin/pages/add/events/eventpage/{ids['events']}/")
    page.locator("#id_title").fill("Example study day")
    page.locator("#id_summary").fill("Example: a day of talks on putting trial evidence to use.")
    page.get_by_role("tab", name="Details").click()
    page.locator("#id_event_type").select_option(label="Educational event")
    for field, value in [("#id_start", "07/05/2030 09:30"), ("#id_end", "07/05/2030 16:30")]:
        page.locator(field).fill(value)
        page.mouse.click(1190, 400)  # a click in the empty margin closes the date picker
    # The picker's widgets linger once closed and reappear on scrolling: keep them out of view.
    page.add_style_tag(content=".xdsoft_datetimepicker { display: none !important; }")
    save(page, "07-add-event")
    scroll_to(panel(page, "Where, or how to join"))
    save(page, "08-add-event-where")
    open_actions_menu(page)
    save(page, "09-publish-menu")
    page.keyboard.press("Escape")

    # Cancelling an event: its status, and a note for readers.
    page.goto(f"/admin/pages/{ids['event']}/edit/")
    page.get_by_role("tab", name="Details").click()
    page.locator("#id_status").select_option(label="Cancelled")
    page.locator("#id_status_note").fill("Example: the study day will be rearranged.")
    what_and_when = panel(page, "What and when")
    scroll_to(what_and_when)
    highlight(page.locator("[data-field-wrapper]").filter(has=page.locator("#id_status")).first)
    save(page, "10-cancel-event")

    # Adding a resource with a document.
    page.goto(f"/admin/pages/add/library/resourcepage/{ids['library']}/")
    page.locator("#id_title").fill("Example slides")
    page.locator("#id_summary").fill("Example: slides from a talk, for the editor's guide.")
    save(page, "11-add-resource")
    page.get_by_role("button", name="Add document").click()
    where = panel(page, "Where readers get it")
    scroll_to(where)
    highlight(where)
    save(page, "12-resource-documents")
    where.get_by_role("button", name="Choose a document").click()
    page.get_by_role("dialog").get_by_role("tab", name="Upload").click()
    page.wait_for_timeout(ANIMATION_MS)
    save(page, "13-upload-document")
    page.keyboard.press("Escape")

    # Join requests: the list, one request, and answering it.
    page.goto("/admin/membership/joinrequest/")
    save(page, "14-join-requests")
    page.goto(f"/admin/membership/joinrequest/inspect/{ids['join_request']}/")
    save(page, "15-join-request")
    page.goto(f"/admin/membership/joinrequest/edit/{ids['join_request']}/")
    save(page, "16-join-request-status")

    # Announcing an event to subscribers, when the notifications app is installed.
    if page.goto("/admin/notifications/announce/").status == 200:
        save(page, "17-announce-events")
        page.get_by_role("link", name="Preview and announce").first.click()
        page.wait_for_url("**/admin/notifications/announce/*/")
        save(page, "18-announce-event")

    # Moderation: what is waiting, and approving it.
    page.goto("/admin/")
    awaiting = page.locator("#awaiting-review-section")
    scroll_to(awaiting)
    highlight(awaiting)
    save(page, "19-awaiting-review")
    page.goto(f"/admin/pages/{ids['membership_page']}/edit/")
    open_actions_menu(page)
    save(page, "20-approve")
    page.keyboard.press("Escape")

    # Scheduled publishing, from the page's status side panel.
    page.goto(f"/admin/pages/{ids['event']}/edit/")
    page.get_by_role("button", name="Status").click()
    page.get_by_role("button", name="Set schedule").click()
    page.wait_for_timeout(ANIMATION_MS)
    save(page, "21-schedule")
    page.keyboard.press("Escape")

    # Registration on the portal: settings, who is coming, check-in, certificates.
    event_id = ids["registration_event"]
    page.goto(f"/admin/pages/{event_id}/edit/#tab-details")
    registration = panel(page, "Registration and CPD")
    scroll_to(registration)
    highlight(registration)
    save(page, "24-registration-settings")
    page.goto("/admin/registrations/events/")
    save(page, "25-event-registrations")
    page.goto(f"/admin/registrations/registration/?event={event_id}")
    save(page, "26-who-is-coming")
    page.set_viewport_size({"width": 390, "height": 760})
    page.goto(f"/admin/registrations/events/{event_id}/check-in/")
    save(page, "27-check-in")
    page.set_viewport_size(VIEWPORT)

    # Site settings, and the groups that give each person a role.
    page.goto("/admin/settings/portal/sitesettings/")
    save(page, "22-site-settings")
    page.goto("/admin/users/new/#tab-roles")
    save(page, "23-user-roles")

    trial_screenshots(page, ids)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, help="loopback port to serve on (default: any free)")
    parser.add_argument(
        "--only",
        choices=["trials", "roles"],
        help="take only these screens (e.g. after changing only the trial pages)",
    )
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium is needed at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    port = args.port or free_port()
    with tempfile.TemporaryDirectory(prefix="editor-guide-") as folder:
        configure_environment(Path(folder), port)
        ids = build_database()
        server = serve(port)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                context = browser.new_context(
                    base_url=f"http://127.0.0.1:{port}", viewport=VIEWPORT
                )
                context.set_default_timeout(15_000)
                page = context.new_page()
                if args.only == "roles":
                    role_screenshots(browser, f"http://127.0.0.1:{port}", ids)
                elif args.only == "trials":
                    log_in(page, ids, screenshot=False)
                    trial_screenshots(page, ids)
                else:
                    take_screenshots(page, ids)
                    role_screenshots(browser, f"http://127.0.0.1:{port}", ids)
                browser.close()
            certificate_picture(ids["registration_event"])
        finally:
            server.terminate()
            server.wait(timeout=30)
    total = sum(path.stat().st_size for path in OUTPUT.glob("*.png"))
    print(f"{len(list(OUTPUT.glob('*.png')))} screenshots, {total // 1024} KB in all")


if __name__ == "__main__":
    main()
