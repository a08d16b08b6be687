"""Factories for subscribers: confirmed unless a test says otherwise."""

import factory
from django.utils import timezone

from notifications.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"subscriber{n}@example.org")
    interests = Subscriber.Interests.ALL
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_given_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = "Privacy notice (/privacy/), last published 1 May 2026 10:00 BST"

    class Meta:
        model = Subscriber

    class Params:
        pending = factory.Trait(confirmed_at=None)
        unsubscribed = factory.Trait(unsubscribed_at=factory.LazyFunction(timezone.now))
