"""Pages that must not slow down as the list of events or subscribers grows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.models import Subscriber
from tests.events.factories import EventPageFactory
from tests.notifications.factories import SubscriberFactory
from tests.query_counts import FEW, MANY, query_counts

ANNOUNCE_INDEX = "/admin/notifications/announce/"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_sign_up_pages_run_the_same_few_queries_for_10_and_1000_subscribers(
    client, events_index, meeting
):
    requests = {
        "events listing with the sign-up form": (events_index.url, None),
        "sign-up page": ("/notifications/", None),
        "check your email": ("/notifications/check-your-email/", None),
    }
    Subscriber.objects.bulk_create(SubscriberFactory.build_batch(FEW))
    few = query_counts(client, requests)

    Subscriber.objects.bulk_create(SubscriberFactory.build_batch(MANY - FEW))
    assert Subscriber.objects.count() == MANY

    assert query_counts(client, requests) == few
    assert "signup-form" in client.get(events_index.url).content.decode()


def test_the_announce_list_takes_the_same_queries_for_many_events(
    admin_client, events_index, meeting, django_assert_max_num_queries
):
    SubscriberFactory.create_batch(5)
    admin_client.get(ANNOUNCE_INDEX)
    one_event = count_queries(admin_client, ANNOUNCE_INDEX)
    for _ in range(10):
        EventPageFactory(parent=events_index).save_revision().publish()
    admin_client.get(ANNOUNCE_INDEX)  # what the publishing emptied is read again once

    with django_assert_max_num_queries(one_event):
        response = admin_client.get(ANNOUNCE_INDEX)

    assert response.content.decode().count("Preview and announce") == 11


def test_the_announce_page_takes_the_same_queries_for_many_subscribers(
    admin_client, meeting, django_assert_max_num_queries
):
    url = f"/admin/notifications/announce/{meeting.pk}/"
    SubscriberFactory()
    admin_client.get(url)
    few = count_queries(admin_client, url)
    SubscriberFactory.create_batch(50)

    with django_assert_max_num_queries(few):
        response = admin_client.get(url)

    assert "Send to 51 subscribers" in response.content.decode()
