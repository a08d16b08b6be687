"""Factories for join pages and join requests."""

import factory
import wagtail_factories
from django.utils import timezone

from membership.models import JoinPage, JoinRequest


class JoinPageFactory(wagtail_factories.PageFactory):
    title = "Join the group"
    slug = "join"
    notification_subject = "New request to join the group"
    thank_you_message = "<p>The chair will be in touch.</p>"

    class Meta:
        model = JoinPage


class JoinRequestFactory(factory.django.DjangoModelFactory):
    full_name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    role = JoinRequest.Role.NURSE
    organisation = "Example Children's Hospital PICU"
    region = JoinRequest.Region.ENGLAND
    clinically_active = True
    research_experience = JoinRequest.ResearchExperience.SOME
    interests = factory.LazyFunction(lambda: [JoinRequest.Interest.EDUCATION])
    consent_given_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = "Privacy notice (/home/privacy/), last published 1 May 2025 10:00 BST"

    class Meta:
        model = JoinRequest
