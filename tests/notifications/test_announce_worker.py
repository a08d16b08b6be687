"""Announcing to a long list only queues: the editor's Send returns at once, the worker sends.

How long the Send takes for 1,000 subscribers is measured in benchmarks/notifications_announce.py;
here the request must do a fixed amount of database work and none of the mail sending.
"""

from django.utils import timezone

from notifications.models import Announcement, Subscriber
from outbox.models import OutgoingEmail

# The emails are stored with one bulk insert on PostgreSQL and one task is queued (20 queries in
# all); SQLite limits the values in one statement, so 1,000 emails take 18 more inserts there.
# 40, and the page cache's generation, now a row in the database, written on the change.
QUERIES_TO_QUEUE = 43


def test_announcing_to_a_thousand_subscribers_only_queues_the_mail(
    admin_client,
    meeting,
    silent_smtp_host,
    task_worker,
    smtp_server,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"person{n}@example.org",
            confirmed_at=now,
            consent_given_at=now,
            privacy_notice_version="Privacy notice",
        )
        for n in range(1000)
    )
    smtp_server.point_django_here(port=silent_smtp_host)

    # A mail host that never answers: had the request tried to send, it would fail on timeout.
    with (
        django_assert_max_num_queries(QUERIES_TO_QUEUE),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = admin_client.post(f"/admin/notifications/announce/{meeting.pk}/")

    assert response.status_code == 302
    assert Announcement.objects.get().delivery_counts() == {"sent": 0, "waiting": 1000}

    smtp_server.point_django_here()
    task_worker.run()

    assert len(smtp_server.messages) == 1000
    assert not OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).exists()
