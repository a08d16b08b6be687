"""The roles migration builds on Wagtail's groups and workflow, and is safe to run again."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

roles = import_module("editorial.migrations.0001_editor_and_moderator_roles")


def snapshot():
    return {
        "group permissions": sorted(
            Permission.objects.filter(group__isnull=False).values_list("group__name", "codename")
        ),
        "page permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "workflows": sorted(WorkflowTask.objects.values_list("workflow__name", "task__name")),
    }


def test_running_the_setup_again_changes_nothing(db):
    before = snapshot()

    roles.set_up_roles(apps, None)

    assert snapshot() == before


def test_moderators_approval_is_the_one_step_workflow_on_every_page(db):
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow

    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_setup_puts_back_a_missing_workflow_and_takes_publishing_from_editors(db):
    root = Page.get_first_root_node()
    WorkflowPage.objects.filter(page=root).delete()
    Workflow.objects.update(active=False)
    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Editors"),
        page=root,
        permission=Permission.objects.get(codename="publish_page"),
    )

    roles.set_up_roles(apps, None)

    assert WorkflowPage.objects.get(page=root).workflow.active
    editors_page_permissions = GroupPagePermission.objects.filter(group__name="Editors")
    assert sorted(editors_page_permissions.values_list("permission__codename", flat=True)) == [
        "add_page",
        "change_page",
    ]
