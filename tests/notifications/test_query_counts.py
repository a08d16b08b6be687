"""Pages that must not slow down as the list of events or subscribers grows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.factories import EventPageFactory
from tests.notifications.factories import SubscriberFactory

ANNOUNCE_INDEX = "/admin/notifications/announce/"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_sign_up_form_adds_no_queries_to_the_events_listing(
    client, events_index, meeting, django_assert_max_num_queries
):
    client.get(events_index.url)  # warm the site and settings caches, as any earlier request

    with django_assert_max_num_queries(16):
        response = client.get(events_index.url)

    assert "signup-form" in response.content.decode()


def test_the_sign_up_page_takes_a_handful_of_queries(
    client, site_settings, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert client.get("/notifications/").status_code == 200


def test_the_announce_list_takes_the_same_queries_for_many_events(
    admin_client, events_index, meeting, django_assert_max_num_queries
):
    SubscriberFactory.create_batch(5)
    admin_client.get(ANNOUNCE_INDEX)
    one_event = count_queries(admin_client, ANNOUNCE_INDEX)
    for _ in range(10):
        EventPageFactory(parent=events_index).save_revision().publish()

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
