"""A rate limit counts every hit, however many arrive at the same moment, on PostgreSQL."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.conf import settings
from django.db import connections

from portal.antispam import RateLimit
from portal.models import RateLimitCount

HITS = 64
WORKERS = 16


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite writes one transaction at a time: only PostgreSQL can race",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sixty_four_hits_at_once_are_all_counted_and_ten_let_through():
    limit = RateLimit("test-at-once", limit=10, period=60 * 60)
    start_together = Barrier(WORKERS)

    def hits(worker):
        try:
            start_together.wait()
            return [limit.hit_by("203.0.113.9") for _ in range(worker, HITS, WORKERS)]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        answers = [answer for batch in pool.map(hits, range(WORKERS)) for answer in batch]

    assert answers.count(True) == 10
    assert RateLimitCount.objects.get(scope="test-at-once").count == HITS
