"""Benchmark: announcing an event to many subscribers. Not a test: run it by hand.

    .venv/bin/python benchmarks/notifications_announce.py                 # SQLite (temp file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python benchmarks/notifications_announce.py             # PostgreSQL

It creates a throwaway database (Django's test database, dropped at the end), an event and
`--subscribers` confirmed subscribers, starts a real SMTP server (aiosmtpd) on loopback, and
times the two halves of an announcement:

- queueing: the editor's Send, which stores one outbox email per recipient and one task for
  the background worker in one transaction (the editor waits for this only);
- delivering: the worker's task sending every queued email over one SMTP connection, in
  emails per second.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from datetime import timedelta  # noqa: E402

from aiosmtpd.controller import Controller  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from tests.mail_server import CollectingHandler, free_port  # noqa: E402

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def build(subscribers):
    from wagtail.models import Page, Site

    from events.models import EventIndexPage, EventPage, EventType
    from home.models import HomePage, HomePageAim
    from notifications.models import Subscriber

    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePage(title="Home", slug="home", hero_title="Group", purpose="<p>Purpose.</p>")
    home.aims = [HomePageAim(text="An aim")]
    root.add_child(instance=home)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    start = timezone.now().replace(microsecond=0) + timedelta(days=14)
    event = EventPage(
        title="Benchmark meeting",
        slug="benchmark-meeting",
        summary="A meeting to time announcements with.",
        event_type=EventType.objects.get(slug="meeting"),
        start=start,
        end=start + timedelta(hours=2),
        format=EventPage.Format.ONLINE,
        joining_link="https://meet.example.org/benchmark",
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"person{n}@example.org",
            confirmed_at=now,
            consent_given_at=now,
            privacy_notice_version="Privacy notice",
        )
        for n in range(subscribers)
    )
    return EventPage.objects.select_related("event_type").get(pk=event.pk)


def run(subscribers):
    from notifications import announcements
    from outbox.mail import send_emails
    from outbox.models import OutgoingEmail

    handler = CollectingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    try:
        event = build(subscribers)
        started = time.perf_counter()
        # The request commits and stores the worker's task; nothing is sent yet.
        with override_settings(TASKS=DATABASE_TASKS), transaction.atomic():
            announcements.announce(event, None)
        queued = time.perf_counter() - started

        started = time.perf_counter()
        sent = send_emails.call()
        delivered = time.perf_counter() - started
    finally:
        controller.stop()

    waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count()
    if not sent == subscribers == len(handler.messages) or waiting:
        sys.exit(f"Sent {sent}, received {len(handler.messages)}, {waiting} still waiting.")
    rate = sent / delivered
    print(f"Database: {connection.vendor}; subscribers: {subscribers}")
    each = 1000 * queued / subscribers
    print(f"Queueing (editor presses Send): {queued:.2f} s, {each:.1f} ms per recipient")
    print(f"Delivering to loopback SMTP: {delivered:.2f} s, {rate:.0f} emails per second")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    args = parser.parse_args()

    setup_test_environment()
    with tempfile.TemporaryDirectory() as scratch:
        if connection.vendor == "sqlite":
            connection.settings_dict["TEST"]["NAME"] = str(Path(scratch) / "bench.db")
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            run(args.subscribers)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
