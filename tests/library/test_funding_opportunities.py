import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from portal.dates import UK_TIME
from tests.library.factories import ResourcePageFactory, resource_type
from tests.library.helpers import listed_titles, soup

WINTER_CLOSING = datetime.date(2026, 1, 30)
SUMMER_CLOSING = datetime.date(2026, 7, 31)


def funding(library, title, closing_date, **fields):
    return ResourcePageFactory(
        parent=library,
        title=title,
        resource_type=resource_type("funding-opportunity"),
        closing_date=closing_date,
        **fields,
    )


def closing_text(client, page):
    return (
        soup(client.get(page.url))
        .select_one(".resource-details__closing")
        .get_text(" ", strip=True)
    )


def test_an_opportunity_is_open_until_the_end_of_its_closing_day_in_the_uk(client, library):
    call = funding(library, "Winter call", WINTER_CLOSING)

    with time_machine.travel(
        datetime.datetime(2026, 1, 30, 23, 59, 59, tzinfo=UK_TIME), tick=False
    ):
        last_moment = closing_text(client, call)
    with time_machine.travel(datetime.datetime(2026, 1, 31, 0, 0, 0, tzinfo=UK_TIME), tick=False):
        next_morning = closing_text(client, call)

    assert last_moment == "Open Closes on Friday 30 January 2026"
    assert next_morning == "Closed Closed on Friday 30 January 2026"


def test_the_closing_day_follows_uk_summer_time_not_utc(client, library):
    call = funding(library, "Summer call", SUMMER_CLOSING)

    # 23:30 UTC on the closing day is already 00:30 the next day in the UK (BST).
    with time_machine.travel(datetime.datetime(2026, 7, 31, 23, 30, tzinfo=datetime.UTC)):
        after_midnight_in_uk = closing_text(client, call)
    with time_machine.travel(datetime.datetime(2026, 7, 31, 22, 59, tzinfo=datetime.UTC)):
        before_midnight_in_uk = closing_text(client, call)

    assert after_midnight_in_uk.startswith("Closed")
    assert before_midnight_in_uk.startswith("Open")


def test_an_opportunity_without_a_closing_date_is_open(client, library):
    call = funding(library, "Rolling call", None)

    assert closing_text(client, call) == "Open No closing date"


def test_the_listing_marks_open_and_closed_opportunities(client, library):
    funding(library, "Winter call", WINTER_CLOSING)

    with time_machine.travel(datetime.datetime(2026, 2, 1, 12, 0, tzinfo=UK_TIME)):
        status = soup(client.get(library.url)).select_one(".resource-summary__closing")

    assert status.get_text(" ", strip=True) == "Closed Closed on Friday 30 January 2026"


@pytest.fixture
def mixed(library):
    funding(library, "Closes today", WINTER_CLOSING)
    funding(library, "Closed yesterday", WINTER_CLOSING - datetime.timedelta(days=1))
    funding(library, "No deadline", None)
    ResourcePageFactory(parent=library, title="A paper, not funding")


def test_open_opportunities_only_lists_funding_still_open_today(client, library, mixed):
    with time_machine.travel(datetime.datetime(2026, 1, 30, 18, 0, tzinfo=UK_TIME)):
        response = client.get(library.url, {"open": "on", "sort": "title"})

    assert listed_titles(response) == ["Closes today", "No deadline"]
    assert "Open funding opportunities only" in soup(response).select_one(".library-applied").text


def test_open_opportunities_only_combines_with_search(client, library, mixed):
    with time_machine.travel(datetime.datetime(2026, 1, 30, 18, 0, tzinfo=UK_TIME)):
        response = client.get(library.url, {"open": "on", "q": "deadline"})

    assert listed_titles(response) == ["No deadline"]


def test_only_funding_opportunities_take_a_closing_date(library):
    paper = ResourcePageFactory.build(
        title="A paper",
        resource_type=resource_type("article-or-paper"),
        closing_date=WINTER_CLOSING,
    )

    with pytest.raises(ValidationError) as error:
        paper.clean()

    assert "closing_date" in error.value.message_dict
