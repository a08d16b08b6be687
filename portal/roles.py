"""Who may do what: the one table of the admin's groups that everything else follows.

The data migrations build the groups from it (`sync_roles`), the user's Roles tab shows each
description, and the roles tables in the README and the editor's guide are checked against it
by a test (`roles_table` prints the table to paste). To add a group, add a `Role` below and a
migration in the app that needs it that runs `sync_roles`.
"""

from dataclasses import dataclass, field

LISTS = ("events.eventtype", "library.resourcetype", "library.topic")
MEDIA = ("wagtailimages.image", "wagtaildocs.document")


@dataclass(frozen=True)
class Role:
    name: str
    description: str  # one sentence: what members may do
    # "app_label.codename", e.g. "events.add_eventtype".
    permissions: tuple[str, ...] = ()
    # Page permissions on the whole site (the root page).
    page_permissions: tuple[str, ...] = ()
    # Image and document permissions in the root collection.
    collection_permissions: tuple[str, ...] = field(default=())


def _model_permissions(models, actions):
    return tuple(
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in actions
    )


_EDITING = (
    "wagtailadmin.access_admin",
    *_model_permissions(LISTS, ("add", "change", "view")),
    *_model_permissions(MEDIA, ("add", "change", "choose", "delete")),
)
_MEDIA_IN_COLLECTION = (
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
)

ROLES = (
    Role(
        name="Editors",
        description="Add and change pages, events, resources, images, documents and the lists "
        "of event types, resource types and topics, and submit pages for a Moderator to "
        "publish; they cannot publish, and cannot see join requests or subscribers.",
        permissions=_EDITING,
        page_permissions=("add_page", "change_page"),
        collection_permissions=_MEDIA_IN_COLLECTION,
    ),
    Role(
        name="Moderators",
        description="Everything Editors do, and publish, unpublish, lock and approve pages, "
        "replace the files of images and documents that live pages use, decide which event "
        "types are group meetings, delete list entries, change the site settings and announce "
        "events to subscribers; they cannot see join requests or subscribers.",
        permissions=(
            *_EDITING,
            *_model_permissions(LISTS, ("delete",)),
            "wagtailimages.replace_live_file_image",
            "wagtaildocs.replace_live_file_document",
            "events.set_group_meeting_eventtype",
            "portal.change_sitesettings",
            "notifications.announce_event",
        ),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        collection_permissions=_MEDIA_IN_COLLECTION,
    ),
    Role(
        name="Membership",
        description="Read and answer join requests, invite accepted applicants to become "
        "members, see, correct and remove members, choose where new join requests are emailed, "
        "see and remove subscribers, and announce events to subscribers; nothing else.",
        permissions=(
            "wagtailadmin.access_admin",
            "membership.view_joinrequest",
            "membership.change_joinrequest",
            "membership.change_membershipsettings",
            "members.add_member",
            "members.view_member",
            "members.change_member",
            "members.delete_member",
            "notifications.view_subscriber",
            "notifications.delete_subscriber",
            "notifications.announce_event",
            "wagtaildocs.choose_document",
        ),
        collection_permissions=("choose_document",),
    ),
    Role(
        name="Event organisers",
        description="See and manage registrations for events: who is coming, the CSV download, "
        "check-in, emailing registered people, the slides and recordings of their events, "
        "certificates and feedback; nothing else.",
        permissions=(
            "wagtailadmin.access_admin",
            "registrations.view_registration",
            "registrations.change_registration",
            "registrations.view_certificate",
            "wagtaildocs.choose_document",
        ),
        collection_permissions=("choose_document",),
    ),
    Role(
        name="Members",
        description="Members of the group: read the members-only pages on the public site, "
        "signing in there with a code or link sent by email; no access to the admin.",
    ),
)
ROLES_BY_NAME = {role.name: role for role in ROLES}

# Seeing any of these is seeing people's details (names, email addresses, attendance): accounts
# with one of them, superusers included, sign in to the admin with a second factor
# (portal/second_factor.py). Today that is the Membership and Event organisers groups.
PERSONAL_DATA_PERMISSIONS = (
    "membership.view_joinrequest",
    "members.view_member",
    "notifications.view_subscriber",
    "registrations.view_registration",
    "registrations.view_certificate",
)


def sees_personal_data(user):
    return user.is_superuser or any(user.has_perm(name) for name in PERSONAL_DATA_PERMISSIONS)


def describe(group_name):
    """A group's one-sentence description, or '' for a group made by hand in the admin."""
    role = ROLES_BY_NAME.get(group_name)
    return role.description if role else ""


def roles_table():
    """The roles table in Markdown, as the README and the editor's guide show it."""
    rows = [f"| {role.name} | {role.description} |" for role in ROLES]
    return "\n".join(["| Group | What its members may do |", "| --- | --- |", *rows])


def _permission(apps, app_label, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    existing = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if existing:
        return existing
    # Django creates model permissions after all migrations; create the ones needed now.
    model = codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.create(
        content_type=content_type, codename=codename, name=f"Can {codename.replace('_', ' ')}"
    )


def sync_roles(apps, schema_editor):
    """Data migration step: make every group in ROLES exist with at least its permissions.

    It only adds, so it is safe on any database and after hand-made changes.
    """
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.add(
            *(_permission(apps, *name.split(".", 1)) for name in role.permissions)
        )
        if root is not None:
            for codename in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=_permission(apps, "wagtailcore", codename)
                )
        if root_collection is not None:
            for codename in role.collection_permissions:
                app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, codename),
                )
