"""Factories for registrations: an event with registration on the portal, and people on it."""

import factory
from django.utils import timezone

from events.models import EventPage
from registrations.models import Registration
from tests.events.factories import EventPageFactory


class RegistrationEventFactory(EventPageFactory):
    """An online meeting a week away with 20 places and private joining details."""

    registration = EventPage.RegistrationMode.PORTAL
    places = 20
    private_joining_link = "https://meet.example.org/secret-room"
    private_joining_instructions = "Passcode 424242."
    cpd_hours = 2


class RegistrationFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(RegistrationEventFactory)
    full_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    role = "Nurse"
    organisation = "Example Children's Hospital"
    consent_given_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = "Privacy notice"
    status = Registration.Status.REGISTERED

    class Meta:
        model = Registration
