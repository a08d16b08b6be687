"""The join-request inbox works on a laptop: at 1280 px and 1024 px no word in the list is
broken across lines (the row buttons once read "Inspec t" and "Chang e status")."""

import pytest

from tests.browser.admin_sign_in import sign_in
from tests.membership.factories import JoinRequestFactory
from tests.second_factor import authenticator

pytestmark = pytest.mark.browser

LAPTOP_WIDTHS = [1280, 1024]
PASSWORD = "a long password for the browser test"
# Words whose letters land on more than one line (a break after a hyphen is a normal one).
BROKEN_WORDS = """() => {
    const broken = [];
    const walker = document.createTreeWalker(
        document.querySelector("table.listing tbody"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
            if (tops.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


def test_join_request_list_keeps_words_whole_on_a_laptop(demo_pages, page, django_user_model):
    JoinRequestFactory(
        full_name="Siobhán Example-Longname",
        email="siobhan.example-longname@example-children-hospital.nhs.uk",
        organisation="Example Children's Hospital Paediatric Intensive Care Unit",
    )
    chair = django_user_model.objects.create_superuser("chair", password=PASSWORD)
    sign_in(page, "chair", PASSWORD, device=authenticator(chair))

    for width in LAPTOP_WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/admin/membership/joinrequest/")
        assert page.evaluate(BROKEN_WORDS) == [], f"at {width}px"
