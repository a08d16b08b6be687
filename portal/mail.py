"""The outbox: queue mail in the database, then deliver it now and retry it later.

Callers queue messages inside their own transaction; delivery starts once that transaction
commits. A message stays pending until a mail server accepts it, and
`manage.py send_queued_mail` (run from cron, or in a loop) retries whatever is still pending.
"""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from portal.models import OutgoingEmail

logger = logging.getLogger(__name__)

CLAIM_DURATION = timedelta(minutes=5)
MAX_RETRY_DELAY = timedelta(hours=1)


def render_email(template_prefix, context):
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` into message parts."""
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    return {
        # A subject is one line: newlines from user data must never become header breaks.
        "subject": " ".join(subject.split())[:255],
        "text_body": render_to_string(f"{template_prefix}.txt", context),
        "html_body": render_to_string(f"{template_prefix}.html", context),
    }


def queue_email(
    *,
    recipient,
    subject,
    text_body,
    html_body="",
    reply_to="",
    headers=None,
    attachments=None,
    about=None,
    send_now=True,
):
    """Store one message for one recipient; deliver it after the current transaction commits.

    Addresses are checked here, where the caller can still act, so that a bad one (or one
    carrying a header break) is never stored to fail on every retry.
    """
    validate_email(recipient)
    if reply_to:
        validate_email(reply_to)
    message = OutgoingEmail.objects.create(
        recipient=recipient,
        subject=subject,
        text_body=text_body,
        html_body=html_body,
        reply_to=reply_to,
        headers=headers or {},
        attachments=attachments or [],
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=str(about.pk) if about is not None else "",
    )
    if send_now:
        # robust: a delivery problem is logged, never turned into an error for the visitor
        # whose request has already been saved.
        transaction.on_commit(lambda: deliver([message.pk]), robust=True)
    return message


def emails_about(obj):
    return OutgoingEmail.objects.filter(
        about_type=ContentType.objects.get_for_model(obj), about_id=str(obj.pk)
    )


def deliver(pks=None, *, limit=None):
    """Try to send pending messages (those given, or all that are due). Returns the number sent."""
    now = timezone.now()
    due = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
    due = due.filter(next_attempt_at__lte=now) if pks is None else due.filter(pk__in=pks)
    pks_to_try = list(due.order_by("created_at", "pk").values_list("pk", flat=True)[:limit])

    sent = 0
    connection = get_connection(fail_silently=False)
    try:
        for pk in pks_to_try:
            message = _claim(pk)
            if message is not None and _send(message, connection):
                sent += 1
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken connection must not hide the sends
            logger.debug("Closing the mail connection failed", exc_info=True)
    return sent


def _claim(pk):
    """Mark a message as being sent by this process; None if another sender holds it."""
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.filter(pk=pk, status=OutgoingEmail.Status.PENDING)
        .exclude(claimed_until__gt=now)
        .update(claimed_until=now + CLAIM_DURATION)
    )
    return OutgoingEmail.objects.get(pk=pk) if claimed else None


def _send(message, connection):
    now = timezone.now()
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text_body,
        to=[message.recipient],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers=message.headers,
        connection=connection,
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])

    message.attempts += 1
    message.last_attempt_at = now
    message.claimed_until = None
    try:
        if not email.send():
            raise SMTPException("The mail backend accepted no recipients.")
    except Exception as error:  # noqa: BLE001 - any failure leaves the message queued for a retry
        logger.warning("Email %s to %s not sent: %s", message.pk, message.recipient, error)
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.next_attempt_at = now + min(
            timedelta(minutes=2 ** min(message.attempts, 10)), MAX_RETRY_DELAY
        )
        message.save()
        # A fresh connection for the next message: this one may be broken, and closing it
        # may fail too (a server that already hung up), which must not stop the other sends.
        try:
            connection.close()
        except Exception:
            logger.debug("Closing the broken mail connection failed", exc_info=True)
        return False
    message.status = OutgoingEmail.Status.SENT
    message.sent_at = now
    message.last_error = ""
    message.save()
    return True
