"""Announcing an event: who gets it, what it says, and announcing again after a status change."""

from bs4 import BeautifulSoup
from icalendar import Calendar

from events.models import EventPage
from notifications.models import Announcement, Subscriber
from outbox.models import OutgoingEmail
from tests.notifications.factories import SubscriberFactory


def announce_url(event):
    return f"/admin/notifications/announce/{event.pk}/"


def announce(client, event, capture):
    with capture(execute=True):
        return client.post(announce_url(event))


def set_status(event, status, note=""):
    event.status = status
    event.status_note = note
    event.save_revision().publish()
    return EventPage.objects.select_related("event_type").get(pk=event.pk)


def test_a_group_meeting_reaches_exactly_the_confirmed_subscribers_who_asked_for_meetings(
    admin_client, meeting, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="all@example.org", interests=Subscriber.Interests.ALL)
    SubscriberFactory(email="meetings@example.org", interests=Subscriber.Interests.GROUP_MEETINGS)
    SubscriberFactory(email="education@example.org", interests=Subscriber.Interests.EDUCATIONAL)
    SubscriberFactory(email="pending@example.org", pending=True)
    SubscriberFactory(email="gone@example.org", unsubscribed=True)

    response = announce(admin_client, meeting, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    received = sorted(address for mail in smtp_server.messages for address in mail.envelope_to)
    assert received == ["all@example.org", "meetings@example.org"]
    announcement = Announcement.objects.get()
    assert announcement.recipient_count == 2
    assert announcement.status == EventPage.Status.SCHEDULED
    assert announcement.delivery_counts() == {"sent": 2, "waiting": 0}


def test_an_educational_event_reaches_those_who_asked_for_educational_events(
    admin_client, webinar, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="all@example.org", interests=Subscriber.Interests.ALL)
    SubscriberFactory(email="meetings@example.org", interests=Subscriber.Interests.GROUP_MEETINGS)
    SubscriberFactory(email="education@example.org", interests=Subscriber.Interests.EDUCATIONAL)

    announce(admin_client, webinar, django_capture_on_commit_callbacks)

    received = sorted(address for mail in smtp_server.messages for address in mail.envelope_to)
    assert received == ["all@example.org", "education@example.org"]


def test_the_email_gives_the_event_in_uk_time_with_links_a_calendar_file_and_a_way_out(
    admin_client, meeting, smtp_server, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(email="sam@example.org")

    announce(admin_client, meeting, django_capture_on_commit_callbacks)

    [mail] = smtp_server.to("sam@example.org")
    assert mail["Subject"] == f"Spring meeting of the group: {meeting.when}"
    assert "UK time" in meeting.when
    text = mail.part("text/plain")
    for expected in (
        meeting.when,
        "How: Online",
        "Join online: https://meet.example.org/spring",
        "Register: https://tickets.example.org/spring",
        "Full details: http://testserver/events/spring-meeting/",
        "http://testserver/events/spring-meeting/ics/",
    ):
        assert expected in text
    html = BeautifulSoup(mail.part("text/html"), "html.parser")
    assert html.find("a", string="Spring meeting of the group")["href"] == meeting.full_url
    # The calendar file is the site's own entry for the event.
    [attachment] = list(mail.message.iter_attachments())
    assert attachment.get_filename() == "spring-meeting.ics"
    [entry] = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert str(entry["uid"]) == str(meeting.translation_key)
    assert entry["dtstart"].dt == meeting.start
    # One-click unsubscribe (RFC 8058), with the subscriber's own signed link.
    unsubscribe = mail["List-Unsubscribe"].strip()
    assert unsubscribe.startswith("<http://testserver/notifications/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = unsubscribe.strip("<>").removeprefix("http://testserver")
    admin_client.logout()
    admin_client.post(path, "List-Unsubscribe=One-Click", content_type="text/plain")
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED


def test_the_announce_page_shows_the_count_and_a_preview(admin_client, webinar):
    SubscriberFactory.create_batch(3, interests=Subscriber.Interests.EDUCATIONAL)
    SubscriberFactory(interests=Subscriber.Interests.GROUP_MEETINGS)

    response = admin_client.get(announce_url(webinar))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert [b for b in soup.find_all("button") if "Send to 3 subscribers" in b.get_text()]
    preview = soup.find("iframe", title="Preview of the email")
    assert preview.has_attr("sandbox")
    assert "Example Lecture Theatre" in preview["srcdoc"]
    assert "Sedation in the PICU: a webinar" in soup.find("dd").get_text()
    assert not OutgoingEmail.objects.exists()  # previewing sends nothing


def test_the_preview_escapes_what_editors_typed(admin_client, webinar):
    webinar.title = '</iframe><script>alert("x")</script>'
    webinar.save_revision().publish()

    response = admin_client.get(announce_url(webinar))

    page = response.content.decode()
    assert "<script>alert" not in page
    soup = BeautifulSoup(page, "html.parser")
    assert '<script>alert("x")</script>' not in soup.find("iframe")["srcdoc"]
    assert "&lt;script&gt;" in soup.find("iframe")["srcdoc"]


def test_announcing_the_same_status_twice_is_refused(
    admin_client, meeting, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="sam@example.org")
    announce(admin_client, meeting, django_capture_on_commit_callbacks)

    response = announce(admin_client, meeting, django_capture_on_commit_callbacks)

    assert Announcement.objects.count() == 1
    assert len(smtp_server.messages) == 1
    page = admin_client.get(response["Location"]).content.decode()
    assert "already announced as “Going ahead”" in page
    assert "to 1 subscriber." in page
    assert "Send to" not in page


def test_a_cancellation_is_announced_and_then_going_ahead_again(
    admin_client, meeting, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="sam@example.org")
    announce(admin_client, meeting, django_capture_on_commit_callbacks)
    meeting = set_status(meeting, EventPage.Status.CANCELLED, "The room is no longer available.")

    announce(admin_client, meeting, django_capture_on_commit_callbacks)
    meeting = set_status(meeting, EventPage.Status.SCHEDULED)
    announce(admin_client, meeting, django_capture_on_commit_callbacks)

    first, cancelled, again = smtp_server.to("sam@example.org")
    assert cancelled["Subject"].startswith("Cancelled: Spring meeting of the group")
    assert "This event has been cancelled. The room is no longer available." in cancelled.part(
        "text/plain"
    )
    assert "Register:" not in cancelled.part("text/plain")
    assert again["Subject"] == first["Subject"]
    assert list(Announcement.objects.values_list("number", "status")) == [
        (1, "scheduled"),
        (2, "cancelled"),
        (3, "scheduled"),
    ]


def test_the_admin_shows_when_each_event_was_announced_and_to_how_many(
    admin_client, meeting, webinar, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(2)
    announce(admin_client, meeting, django_capture_on_commit_callbacks)

    listing = BeautifulSoup(
        admin_client.get("/admin/notifications/announce/").content, "html.parser"
    )
    page = BeautifulSoup(admin_client.get(announce_url(meeting)).content, "html.parser")

    rows = {row.find("td").contents[0].strip(): row for row in listing.select("tbody tr")}
    assert "as “Going ahead”, to 2" in rows["Spring meeting of the group"].get_text()
    assert "Not yet" in rows["Sedation in the PICU: a webinar"].get_text()
    history = [td.get_text() for td in page.select("table.listing tbody tr td")]
    assert history[1:] == ["Going ahead", "admin", "2", "2", "0"]


def test_a_draft_event_cannot_be_announced(
    admin_client, events_index, smtp_server, django_capture_on_commit_callbacks
):
    from tests.events.factories import EventPageFactory

    draft = EventPageFactory(parent=events_index, live=False)
    SubscriberFactory()

    shown = admin_client.get(announce_url(draft))
    announce(admin_client, draft, django_capture_on_commit_callbacks)

    assert "Only published events can be announced" in shown.content.decode()
    assert not Announcement.objects.exists()
    assert smtp_server.messages == []


def test_a_finished_event_cannot_be_announced(
    admin_client, admin_user, meeting, clock, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    clock.move_to(meeting.ends_at)
    admin_client.force_login(admin_user)  # admin sessions end after 12 hours

    announce(admin_client, meeting, django_capture_on_commit_callbacks)

    assert not Announcement.objects.exists()
    assert "already finished" in admin_client.get(announce_url(meeting)).content.decode()


def test_with_nobody_to_tell_nothing_is_recorded(
    admin_client, meeting, django_capture_on_commit_callbacks
):
    SubscriberFactory(interests=Subscriber.Interests.EDUCATIONAL)
    SubscriberFactory(pending=True)

    announce(admin_client, meeting, django_capture_on_commit_callbacks)

    assert not Announcement.objects.exists()
    page = admin_client.get(announce_url(meeting)).content.decode()
    assert "No confirmed subscribers have asked to hear about this kind of event" in page


def test_a_page_that_is_not_an_event_is_not_found(admin_client, events_index):
    assert admin_client.get(announce_url(events_index)).status_code == 404
    assert admin_client.get("/admin/notifications/announce/999999/").status_code == 404
