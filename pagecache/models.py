"""The page cache's one table: its generation, kept where no change can miss it."""

import uuid

from django.db import models


def _random_hex():
    return uuid.uuid4().hex


class PageCacheGeneration(models.Model):
    """The page cache's generation (`pagecache/cache.py`): the newest row's value.

    A row is added by every content change, in the change's own transaction, so the cache can
    never miss one, as it could when the generation lived in Redis (full, paused or down at the
    moment of the change). Random values, so a database restored from a backup cannot revive
    entries made under its old rows.
    """

    # Its own rows are the change, not content: adding one must not add another.
    shown_on_public_pages = False

    value = models.CharField(max_length=32, default=_random_hex)

    def __str__(self):
        return self.value
