"""The lists of people (join requests, registrations, subscribers) fit a laptop screen: at
1024x768 and 1280x800 each row's name, status, date and email delivery are in view with the
filters covering none, no word is broken across lines (a break after a hyphen is fine), and at
1280x800 at least ten people are visible without scrolling."""

import pytest

from events.models import EventPage
from registrations.models import Registration
from tests.browser.conftest import LAPTOPS, sign_in_as
from tests.membership.factories import JoinRequestFactory
from tests.notifications.factories import SubscriberFactory

pytestmark = [pytest.mark.browser]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")
PEOPLE = 12
# Real names of the length that broke mid-word, and an organisation as long as they come.
NAME = "Oluwaseun Featherstonehaugh-Montgomery"

LISTS = {
    "join requests": (
        "Membership",
        "/admin/membership/joinrequest/",
        ["Full name", "Status", "Submitted", "Email delivery"],
    ),
    "subscribers": (
        "Membership",
        "/admin/notifications/subscriber/",
        ["Email address", "State", "Signed up", "Email delivery"],
    ),
    "registrations": (
        "Event organisers",
        "/admin/registrations/registration/",
        ["Full name", "Status", "Registered", "Email delivery"],
    ),
}

# For each column heading asked for: is it in view, and is the thing on top of its middle the
# heading itself (not the filter panel)? For each cell: is any word split over two lines?
MEASURE = """(headings) => {
    const table = document.querySelector('.result-list table, table.listing');
    const ths = [...table.querySelectorAll('thead th')];
    const covered = [];
    for (const wanted of headings) {
        const th = ths.find(
            th => th.innerText.trim().toLowerCase().startsWith(wanted.toLowerCase())
        );
        if (!th) { covered.push(wanted + ' (missing)'); continue; }
        const box = th.getBoundingClientRect();
        const x = box.left + Math.min(box.width / 2, 20), y = box.top + box.height / 2;
        const onTop = document.elementFromPoint(x, y);
        if (box.right > window.innerWidth || box.left < 0 || !onTop || !th.contains(onTop)) {
            covered.push(wanted);
        }
    }
    const broken = [];
    const walker = document.createTreeWalker(table.querySelector('tbody'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        // A break after a hyphen ("Featherstonehaugh-|Montgomery") is not a broken word.
        const re = /[^\\s-]+/g;
        let match;
        while ((match = re.exec(node.data))) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (tops.size > 1) broken.push(match[0]);
        }
    }
    const rows = [...table.querySelectorAll('tbody tr')].filter(
        row => row.getBoundingClientRect().bottom <= window.innerHeight
    ).length;
    return {covered, broken, rows, headings: ths.map(th => th.innerText.trim())};
}"""


@pytest.fixture
def many_people(demo_pages):
    event = EventPage.objects.filter(registration=EventPage.RegistrationMode.PORTAL).first()
    for number in range(PEOPLE):
        JoinRequestFactory(full_name=f"{NAME} {number}", email=f"applicant{number}@example.org")
        SubscriberFactory(email=f"long.address.for.subscriber{number}@example.nhs.uk", pending=True)
        Registration.objects.create(
            event=event,
            full_name=f"{NAME} {number}",
            email=f"registered{number}@example.org",
            role="Advanced clinical practitioner",
            organisation="Great Ormond Street Hospital for Children NHS Foundation Trust",
            consent_given_at=event.start,
            privacy_notice_version="Privacy notice (example)",
        )


@laptops
@pytest.mark.parametrize("listing", LISTS)
def test_no_word_in_a_list_of_people_breaks_across_lines(
    account_in, many_people, page, screen, listing
):
    role, url, headings = LISTS[listing]
    account_in(role)
    page.set_viewport_size(screen)
    sign_in_as(page, role.lower())
    page.goto(url)

    measured = page.evaluate(MEASURE, headings)

    assert measured["rows"], "the list shows no one"
    assert not measured["broken"], f"words broken across lines: {measured['broken']}"


@laptops
@pytest.mark.parametrize("listing", LISTS)
def test_a_list_of_people_shows_who_and_where_they_stand_uncovered_ten_to_a_screen(
    account_in, many_people, page, screen, listing
):
    role, url, headings = LISTS[listing]
    account_in(role)
    page.set_viewport_size(screen)
    sign_in_as(page, role.lower())
    page.goto(url)

    measured = page.evaluate(MEASURE, headings)

    assert not measured["covered"], f"covered or out of view: {measured}"
    if screen["width"] >= 1280:
        assert measured["rows"] >= 10, f"only {measured['rows']} rows in view"
