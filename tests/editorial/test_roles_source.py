"""One table of roles (portal/roles.py): the groups in the database, the README, the editor's
guide and the user's Roles tab all follow it."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from portal.roles import ROLES, roles_table

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.name)
def test_migrations_give_each_group_exactly_its_roles_permissions(db, role):
    group = Group.objects.get(name=role.name)

    held = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert held == set(role.permissions)
    pages = GroupPagePermission.objects.filter(group=group, page__depth=1)
    assert set(pages.values_list("permission__codename", flat=True)) == set(role.page_permissions)
    collections = GroupCollectionPermission.objects.filter(group=group, collection__depth=1)
    assert set(collections.values_list("permission__codename", flat=True)) == set(
        role.collection_permissions
    )


@pytest.mark.parametrize("document", ["docs/roles.md", "docs/editor-guide.md"])
def test_documentation_shows_the_roles_table_from_the_source(document):
    assert roles_table() in (ROOT / document).read_text()


def test_roles_tab_says_what_each_group_may_do(admin_client, admin_user):
    html = admin_client.get(f"/admin/users/edit/{admin_user.pk}/").content.decode()

    for role in ROLES:
        assert f"{role.name}: {role.description}" in html.replace("&#x27;", "'")
