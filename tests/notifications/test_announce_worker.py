"""Announcing to a long list only queues: the editor's Send returns at once, the worker sends."""

import time

from django.utils import timezone

from notifications.models import Announcement, Subscriber
from portal.models import OutgoingEmail


def test_announcing_to_a_thousand_subscribers_returns_in_under_two_seconds(
    admin_client,
    meeting,
    silent_smtp_host,
    task_worker,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"person{n}@example.org", confirmed_at=now) for n in range(1000)
    )
    smtp_server.point_django_here(port=silent_smtp_host)

    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/notifications/announce/{meeting.pk}/")
    elapsed = time.perf_counter() - started

    assert response.status_code == 302
    assert elapsed < 2
    assert Announcement.objects.get().delivery_counts() == {"sent": 0, "waiting": 1000}

    smtp_server.point_django_here()
    task_worker.run()

    assert len(smtp_server.messages) == 1000
    assert not OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).exists()
