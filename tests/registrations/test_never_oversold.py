"""Places are never oversold: many people registering at the same moment on PostgreSQL."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from registrations import places
from registrations.models import Registration

PEOPLE = 100
# Threads, each with its own database connection: the shared server allows only so many.
WORKERS = 16


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite writes one transaction at a time: only PostgreSQL can race",
)
# Serialized rollback: other transactional tests empty the database, root page included.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_places_and_a_hundred_people_at_once(event):
    assert event.places == 20
    start_together = Barrier(WORKERS)

    def people(worker):
        try:
            start_together.wait()
            for n in range(worker, PEOPLE, WORKERS):
                registration = places.request_place(
                    event,
                    full_name=f"Person {n}",
                    email=f"person{n}@example.org",
                    role="Nurse",
                    organisation="Hospital",
                    needs="",
                    consent_given_at=timezone.now(),
                    privacy_notice_version="Privacy notice",
                )
                places.confirm(registration)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(people, range(WORKERS)))

    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status="registered").count() == 20
    assert registrations.filter(status="waiting").count() == 80
