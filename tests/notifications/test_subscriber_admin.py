"""The Subscribers admin: list, search, filters, CSV export safe for spreadsheets, and erasure."""

import csv
import io

from django.utils import timezone

from notifications.models import Announcement, Subscriber
from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from tests.notifications.factories import SubscriberFactory

LIST_URL = "/admin/notifications/subscriber/"


def export(client, query=""):
    response = client.get(LIST_URL + "?" + query + ("&" if query else "") + "export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert 'filename="subscribers.csv"' in response["Content-Disposition"]
    return list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )


def test_the_list_shows_email_interests_state_confirmed_date_and_source(
    client, membership_user, home_page
):
    SubscriberFactory(
        email="sam@example.org",
        interests=Subscriber.Interests.GROUP_MEETINGS,
        source=Subscriber.Source.JOIN_REQUEST,
    )
    client.force_login(membership_user)

    page = client.get(LIST_URL).content.decode()

    for text in ("sam@example.org", "Group meetings only", "Confirmed", "Join request"):
        assert text in page


def test_search_and_filters_narrow_the_list(admin_client, home_page):
    SubscriberFactory(email="sam@example.org")
    SubscriberFactory(email="kim@example.org", pending=True)
    SubscriberFactory(email="lee@example.org", unsubscribed=True)

    searched = admin_client.get(LIST_URL + "?q=kim").content.decode()
    pending = admin_client.get(LIST_URL + "?state=pending").content.decode()

    assert "kim@example.org" in searched
    assert "sam@example.org" not in searched
    assert "kim@example.org" in pending
    assert "lee@example.org" not in pending


def test_the_csv_export_holds_the_filtered_list(admin_client, home_page):
    SubscriberFactory(email="sam@example.org", name="Sam Example")
    SubscriberFactory(email="kim@example.org", pending=True)

    rows = export(admin_client, "state=confirmed")

    assert [row["Email address"] for row in rows] == ["sam@example.org"]
    assert rows[0]["Name"] == "Sam Example"
    assert rows[0]["Interests"] == "All meetings and educational events"
    assert rows[0]["State"] == "Confirmed"
    assert rows[0]["Source"] == "Sign-up form"


def test_the_csv_export_never_holds_a_spreadsheet_formula(admin_client, home_page):
    SubscriberFactory(name='=HYPERLINK("http://evil.example","click")')

    [row] = export(admin_client)

    assert row["Name"] == '\'=HYPERLINK("http://evil.example","click")'


def test_filters_that_are_not_on_the_page_are_ignored_and_bad_ones_cleared(admin_client, home_page):
    SubscriberFactory(email="sam@example.org")

    sneaky = admin_client.get(LIST_URL + "?key__startswith=0")
    broken = admin_client.get(LIST_URL + "?created_at__gte=not-a-date")

    assert sneaky.status_code == 200
    assert "sam@example.org" in sneaky.content.decode()
    assert broken.status_code in (200, 302)


def test_nobody_can_add_or_edit_subscribers_in_the_admin(admin_client, home_page):
    subscriber = SubscriberFactory()

    assert admin_client.get(LIST_URL + "create/").status_code in (302, 403)
    assert admin_client.get(f"{LIST_URL}edit/{subscriber.pk}/").status_code in (302, 403)


def test_deleting_a_subscriber_erases_the_emails_sent_to_them(
    client, membership_user, meeting, home_page
):
    subscriber = SubscriberFactory(email="sam@example.org")
    other = SubscriberFactory(email="kim@example.org")
    announcement = Announcement.objects.create(event=meeting, status=meeting.status)
    for person in (subscriber, other):
        queue_email(recipient=person.email, subject="News", text_body="…", about=announcement)
    queue_email(recipient=subscriber.email, subject="Confirm", text_body="…", about=subscriber)
    client.force_login(membership_user)

    response = client.post(f"{LIST_URL}delete/{subscriber.pk}/")

    assert response.status_code == 302
    assert list(Subscriber.objects.all()) == [other]
    assert list(OutgoingEmail.objects.values_list("recipient", flat=True)) == ["kim@example.org"]


def test_the_inspect_view_shows_when_they_confirmed(client, membership_user, home_page):
    subscriber = SubscriberFactory(confirmed_at=timezone.now())
    client.force_login(membership_user)

    response = client.get(f"{LIST_URL}inspect/{subscriber.pk}/")

    assert response.status_code == 200
    assert subscriber.email in response.content.decode()
