"""The demo has one example event people can register for on the portal."""

from bs4 import BeautifulSoup

from demo.events import build_events
from demo.group_text import read_group_text
from events.models import EventPage


def test_demo_has_an_example_event_with_registration_on_the_portal(client, home_page):
    build_events(home_page, read_group_text())

    [event] = EventPage.objects.filter(registration=EventPage.RegistrationMode.PORTAL)
    page = BeautifulSoup(client.get(event.url).content, "html.parser")

    assert "(example)" in event.title
    assert "Example event for the demonstration site" in event.summary
    assert page.find("form", id="registration-form")
    assert "30 places left." in page.get_text()
    assert "join-example-masterclass" not in str(page)
