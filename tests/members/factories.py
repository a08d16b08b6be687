"""Members, invited or joined."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from members.models import MEMBERS_GROUP, Member
from membership.models import JoinRequest


class MemberFactory(factory.django.DjangoModelFactory):
    full_name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    role = JoinRequest.Role.NURSE
    organisation = "Example Children's Hospital PICU"
    consent_given_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = "Privacy notice (/privacy/), last published 1 May 2025 10:00 BST"

    class Meta:
        model = Member
        skip_postgeneration_save = True

    class Params:
        joined = factory.Trait(joined_at=factory.LazyFunction(timezone.now))

    @factory.post_generation
    def with_user(self, create, extracted, **kwargs):
        if create and self.joined_at and self.user_id is None:
            user = get_user_model().objects.create_user(
                f"member-{self.key.hex}", email=self.email, password=None
            )
            user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
            self.user = user
            self.save(update_fields=["user"])
