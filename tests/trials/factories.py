"""Factories for the trials: the index page and trial pages."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from portal.dates import uk_today
from trials.models import Stage, TrialIndexPage, TrialPage


class TrialIndexPageFactory(wagtail_factories.PageFactory):
    title = "Trials into practice"
    slug = "trials"
    introduction = "What practice-changing trials found, and how far they are in practice."

    class Meta:
        model = TrialIndexPage


class TrialPageFactory(wagtail_factories.PageFactory):
    """A live trial page. Pass `publish=True` to publish it through a revision as the admin
    does, which is what puts its topic names into the search index."""

    title = factory.Sequence(lambda n: f"Example trial {n}")
    summary = factory.Sequence(lambda n: f"The bottom line of trial number {n}.")
    question = "In children in intensive care, does one approach beat another?"
    findings = "<p>The two approaches did about as well as each other.</p>"
    implications = "<p>Units may choose either approach.</p>"
    stage = Stage.RESULTS_PUBLISHED
    last_reviewed = factory.LazyFunction(lambda: uk_today() - datetime.timedelta(days=10))
    review_by = factory.LazyFunction(lambda: uk_today() + datetime.timedelta(days=700))
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = TrialPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.save_revision().publish()
