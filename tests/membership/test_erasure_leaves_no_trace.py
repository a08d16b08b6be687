"""Erasing an address leaves it in no column of any table, whichever app stored it.

The scan reads every column of every table in the database, so a model added later that holds
an address and is not covered by `manage.py personal_data --erase` makes this test fail.
"""

import json
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.log_actions import log

from membership.models import JoinRequest
from notifications.models import Subscriber
from outbox.mail import deliver, queue_email

TYPED = "Alex.Applicant@Example.org"  # as the applicant typed it; erasure is asked in lower case
ADDRESS = TYPED.lower()


def columns_holding(text):
    """Every `table.column` whose value, read as text, contains `text` in any case."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608 - names from the schema
                    f"WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s",
                    [f"%{text.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


def test_erase_removes_the_address_from_every_table(
    client,
    admin_client,
    join_page,
    answers,
    smtp_server,
    settings,
    django_capture_on_commit_callbacks,
):
    # Tasks are stored, as in production, so the task queue's table is scanned too.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_page.url, {**answers, "email": TYPED})
    deliver()  # as the worker would: sent messages keep their bodies until retention ends
    join_request = JoinRequest.objects.get()
    admin_client.post(
        f"/admin/membership/joinrequest/edit/{join_request.pk}/",
        {"status": "contacted", "notes": f"Replied to {TYPED}."},
    )
    subscriber = Subscriber.objects.get()
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmed_at=timezone.now())
    log(instance=subscriber, action="wagtail.edit")
    queue_email(recipient=ADDRESS, subject="An announcement", text_body="...", send_now=False)
    held = columns_holding(ADDRESS)
    for where in ["membership_joinrequest.email", "notifications_subscriber.email"]:
        assert where in held
    assert any(where.startswith("outbox_outgoingemail.") for where in held)
    assert any(where.startswith("wagtailcore_modellogentry.") for where in held)

    exported = StringIO()
    call_command("personal_data", "--export", ADDRESS, stdout=exported)
    data = json.loads(exported.getvalue())
    assert [held["full_name"] for held in data["join_requests"]] == ["Alex Example"]
    assert [held["email"] for held in data["subscribers"]] == [ADDRESS]
    assert data["emails"] and data["log_entries"]

    call_command("personal_data", "--erase", ADDRESS, stderr=StringIO())

    assert columns_holding(ADDRESS) == []
    assert columns_holding("Alex Example") == []
    assert columns_holding("Example Children's Hospital PICU") == []
