"""The shared cache's backend: django-redis, stepping aside for a few seconds when Redis fails.

With Redis stopped or hanging, each cache call waits for its socket timeout (0.25 s) before it
is read as a miss. A page makes a dozen calls (the site, menus, settings, Wagtail's own site
root paths, rate limits), so an outage would cost every page seconds. After a call fails, this
backend answers the calls of the next `RETRY_SECONDS` at once as misses, without the network,
and logs only the failure that started them: an outage costs each process one timeout now and
then, not one per call.
"""

import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

RETRY_SECONDS = 5
logger = logging.getLogger(__name__)


class RedisCacheThatStepsAside(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.unavailable_until = 0.0

    @property
    def client(self):
        return _ClientThatStepsAside(super().client, self)


class _ClientThatStepsAside:
    """The django-redis client, whose calls fail at once while its cache steps aside."""

    def __init__(self, client, cache):
        self._client = client
        self._cache = cache

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            if time.monotonic() < self._cache.unavailable_until:
                raise ConnectionInterrupted(connection=None)
            try:
                return attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                self._cache.unavailable_until = time.monotonic() + RETRY_SECONDS
                logger.warning(
                    "The cache did not answer (%s); read as empty for %d s.",
                    error.__cause__ or error,
                    RETRY_SECONDS,
                )
                raise

        return call
