"""Factories for the home app's pages; each app's factories sit in tests/<app>/factories.py."""

import factory
import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = factory.Faker("sentence")

    class Meta:
        model = StandardPage
