"""Join request routing moves from the join page (editable by Editors and Moderators) to a
setting only superusers and the Membership group may change. Each site keeps the address its
requests went to: the join page's own, else the site's contact email."""

import django.db.models.deletion
from django.db import migrations, models


def keep_each_sites_routing(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    JoinPage = apps.get_model("membership", "JoinPage")
    SiteSettings = apps.get_model("portal", "SiteSettings")
    MembershipSettings = apps.get_model("membership", "MembershipSettings")
    for site in Site.objects.all():
        root = site.root_page
        page = (
            JoinPage.objects.filter(path__startswith=root.path, depth__gte=root.depth)
            .exclude(recipient="")
            .first()
        )
        contact = SiteSettings.objects.filter(site=site).values_list("contact_email", flat=True)
        recipient = page.recipient if page else (contact.first() or "")
        MembershipSettings.objects.update_or_create(
            site=site, defaults={"join_request_recipient": recipient}
        )


def let_membership_change_the_routing(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="membership", model="membershipsettings"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_membershipsettings",
        defaults={"name": "Can change join request routing"},
    )
    for group in Group.objects.filter(name="Membership"):
        group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('membership', '0003_alter_joinrequest_status'),
        ('wagtailcore', '0098_apitoken'),
        ('portal', '0002_sitesettings_outgoingemail'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='MembershipSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('join_request_recipient', models.EmailField(blank=True, help_text='Who receives each join request by email, e.g. the chair. Left blank, requests are only listed under Join requests in the admin.', max_length=254)),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'join request routing',
            },
        ),
        migrations.RunPython(keep_each_sites_routing, migrations.RunPython.noop),
        migrations.RunPython(let_membership_change_the_routing, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='joinpage',
            name='recipient',
        ),
    ]
