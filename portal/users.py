"""The admin's user forms: each group on the Roles tab says in a sentence what it may do."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from portal.roles import describe


def role_label(group):
    description = describe(group.name)
    return f"{group.name}: {description}" if description else group.name


class DescribedRolesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = role_label


class PortalUserCreationForm(DescribedRolesMixin, UserCreationForm):
    pass


class PortalUserEditForm(DescribedRolesMixin, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm
