"""New and contacted join requests older than two years are listed for a decision."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from tests.membership.factories import JoinRequestFactory


def dashboard(client):
    return BeautifulSoup(client.get("/admin/").content, "html.parser").get_text(" ", strip=True)


def test_requests_undecided_for_two_years_are_listed_on_the_dashboard(
    client_for, membership_user, site_sections
):
    long_ago = timezone.now() - timedelta(days=731)
    JoinRequestFactory(full_name="Old New", submitted_at=long_ago)
    JoinRequestFactory(full_name="Old Contacted", status="contacted", submitted_at=long_ago)
    JoinRequestFactory(full_name="Old Accepted", status="accepted", submitted_at=long_ago)
    JoinRequestFactory(full_name="Recent New", submitted_at=timezone.now() - timedelta(days=729))

    client = client_for(membership_user)
    assert "2 requests have been new or contacted for longer" in dashboard(client)
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    link = page.find("a", string="List requests waiting for a decision")["href"]
    listed = BeautifulSoup(client.get(link).content, "html.parser").select("tbody tr")
    assert len(listed) == 2
    assert "Old New" in str(listed) and "Old Contacted" in str(listed)
    assert "Old Accepted" not in str(listed) and "Recent New" not in str(listed)


def test_the_decision_period_is_configurable(client_for, membership_user, site_sections, settings):
    settings.JOIN_REQUEST_DECISION_DAYS = 30
    JoinRequestFactory(full_name="A Month Old", submitted_at=timezone.now() - timedelta(days=31))

    assert "One request has been new or contacted" in dashboard(client_for(membership_user))
