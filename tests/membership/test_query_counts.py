"""The join page and its thank-you page run the same few queries for 10 requests as for 1,000."""

from membership.models import JoinRequest
from tests.membership.factories import JoinRequestFactory
from tests.query_counts import FEW, MANY, query_counts


def test_the_join_pages_run_the_same_few_queries_for_10_and_1000_join_requests(client, join_page):
    requests = {
        "join page": (join_page.url, None),
        "thank-you page": (join_page.thank_you_url(), None),
    }
    JoinRequest.objects.bulk_create(JoinRequestFactory.build_batch(FEW))
    few = query_counts(client, requests)

    JoinRequest.objects.bulk_create(JoinRequestFactory.build_batch(MANY - FEW))
    assert JoinRequest.objects.count() == MANY

    assert query_counts(client, requests) == few
