"""Gives Wagtail's "Editors" and "Moderators" groups the portal's editorial roles.

Wagtail's own migrations already create both groups with page permissions on the root page,
image and document permissions, admin access, and a "Moderators approval" workflow on the root
page. This migration builds on that rather than duplicating it: it makes sure each of those is
in place (a database set up by hand may lack some), then adds what the portal needs on top:

- Editors: add and edit pages and submit them for moderation (never publish); add and change
  images, documents and the editor-managed lists (event types, resource types, topics).
- Moderators: all of that, plus publish, unpublish, lock and unlock pages, approve in the
  workflow, delete entries from the lists, and change the site settings.
- Neither group may see join requests or subscribers: those belong to the Membership group.

Every step adds what is missing and leaves the rest alone, so it is safe on any database.
"""

from django.db import migrations

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderators approval"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    ("wagtailimages", "image"): ["add", "change", "choose"],
    ("wagtaildocs", "document"): ["add", "change", "choose"],
}
EDITOR_MODEL_PERMISSIONS = {
    ("wagtailadmin", "admin"): ["access"],
    ("events", "eventtype"): ["add", "change", "view"],
    ("library", "resourcetype"): ["add", "change", "view"],
    ("library", "topic"): ["add", "change", "view"],
    ("wagtailimages", "image"): ["add", "change"],
    ("wagtaildocs", "document"): ["add", "change"],
}
MODERATOR_EXTRA_MODEL_PERMISSIONS = {
    ("events", "eventtype"): ["delete"],
    ("library", "resourcetype"): ["delete"],
    ("library", "topic"): ["delete"],
    ("portal", "sitesettings"): ["change"],
}
# What the portal adds to Wagtail's defaults: taken away again if the migration is reversed.
ADDED_BY_THIS_MIGRATION = [
    ("events", "eventtype"),
    ("library", "resourcetype"),
    ("library", "topic"),
    ("portal", "sitesettings"),
]
# Personal data about applicants and subscribers: Membership only.
PERSONAL_DATA_MODELS = [
    ("membership", "joinrequest"),
    ("membership", "joinrequeststatuschange"),
    ("notifications", "subscriber"),
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Django creates model permissions after all migrations; create the ones needed now.
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    verb = codename.split("_", 1)[0]
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {verb} {model}"},
    )
    return permission


def _model_permissions(apps, table):
    return [
        _permission(apps, app_label, model, f"{action}_{model}")
        for (app_label, model), actions in table.items()
        for action in actions
    ]


def _give_page_permissions(apps, group, root, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_permission(apps, "wagtailcore", "page", codename)
        )


def _give_collection_permissions(apps, group, collection):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for (app_label, model), actions in MEDIA_PERMISSIONS.items():
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(apps, app_label, model, f"{action}_{model}"),
            )


def _make_sure_moderation_workflow(apps, root, moderators):
    """One approval step by Moderators on the root page, as Wagtail sets up on a new site."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    assigned = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    workflow = assigned.workflow if assigned else None
    if workflow is None:
        workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        WorkflowPage.objects.create(workflow=workflow, page=root)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if WorkflowTask.objects.filter(workflow=workflow).exists():
        return
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME, content_type=task_type, active=True
        )
    task.groups.add(moderators)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def set_up_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    editor_permissions = _model_permissions(apps, EDITOR_MODEL_PERMISSIONS)
    editors.permissions.add(*editor_permissions)
    moderators.permissions.add(
        *editor_permissions, *_model_permissions(apps, MODERATOR_EXTRA_MODEL_PERMISSIONS)
    )
    for group, page_permissions in [
        (editors, EDITOR_PAGE_PERMISSIONS),
        (moderators, MODERATOR_PAGE_PERMISSIONS),
    ]:
        for app_label, model in PERSONAL_DATA_MODELS:
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label=app_label, content_type__model=model
                )
            )
        if root is not None:
            _give_page_permissions(apps, group, root, page_permissions)
        if root_collection is not None:
            _give_collection_permissions(apps, group, root_collection)

    # Editors never publish: a publish permission given by hand anywhere is taken away.
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group=editors,
        permission__codename__in=["publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    ).delete()

    if root is not None:
        _make_sure_moderation_workflow(apps, root, moderators)


def remove_added_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    added = Permission.objects.none()
    for app_label, model in ADDED_BY_THIS_MIGRATION:
        added |= Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    for group in Group.objects.filter(name__in=[EDITORS, MODERATORS]):
        group.permissions.remove(*added)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0095_groupsitepermission"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
        ("events", "0002_seed_event_types"),
        ("library", "0002_seed_types_and_topics"),
        ("portal", "0002_sitesettings_outgoingemail"),
        ("membership", "0002_membership_group"),
    ]

    operations = [migrations.RunPython(set_up_roles, remove_added_permissions)]
