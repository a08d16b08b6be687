"""The outbox: queue mail in the database; a background worker delivers it and retries it.

Callers queue messages inside their own transaction. Once it commits, a `send_emails` task is
handed to the background worker (`manage.py db_worker`), so no web request waits for a mail
server. A message stays pending until a server accepts it; one the server keeps refusing is
retried with growing gaps until its `give_up_at` (EMAIL_RETRY_DAYS), and a permanent refusal
(an SMTP 5xx answer) fails at once. Failed messages wait for someone to retry them by hand.

Delivery is at least once. A sender claims each message before sending it (`CLAIM_DURATION`),
and first schedules another run for just after its claims run out: if the worker dies while
sending, that run (on any worker) sends what it left, within minutes. A message the mail server
had already accepted may then arrive twice; each message has one `Message-ID`, stored with it
and sent on every attempt, so mail clients show the copies as one.

Senders write back only to rows that still exist (conditional updates, never `save()`), so a
message erased while its send is in flight stays erased. Log lines name messages by id only.
"""

import logging
from datetime import timedelta
from functools import partial
from smtplib import SMTPDataError, SMTPException, SMTPRecipientsRefused

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import default_task_backend, task

from outbox.models import OutgoingEmail

logger = logging.getLogger(__name__)

# Longer than any one send takes (the SMTP timeout); a claim held longer was left by a sender
# that died, and the message is sent again.
CLAIM_DURATION = timedelta(minutes=5)
CLAIM_MARGIN = timedelta(minutes=1)
MAX_RETRY_DELAY = timedelta(hours=1)


def render_email(template_prefix, context):
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` into message parts."""
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    # A subject is one line: newlines from user data must never become header breaks.
    subject = " ".join(subject.split())[:255]
    # The layout every email extends (templates/email/) titles the HTML part with the subject.
    context = {**context, "subject": subject}
    return {
        "subject": subject,
        "text_body": render_to_string(f"{template_prefix}.txt", context),
        "html_body": render_to_string(f"{template_prefix}.html", context),
    }


def retry_period():
    return timedelta(days=settings.EMAIL_RETRY_DAYS)


def new_message_id():
    """A Message-ID in the portal's own domain (the sender address's), made without a DNS
    lookup of the machine's name."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"
    return make_msgid(domain=domain)


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
    """Store one message for one recipient; the worker sends it after the transaction commits.

    Addresses are checked here, where the caller can still act, so that a bad one (or one
    carrying a header break) is never stored to fail on every retry.
    """
    validate_email(recipient)
    if reply_to:
        validate_email(reply_to)
    now = timezone.now()
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
        created_at=now,
        give_up_at=now + retry_period(),
        message_id=new_message_id(),
    )
    if send_now:
        send_after_commit([message.pk])
    return message


def queue_emails(messages, *, about=None):
    """Store many messages (dicts of `queue_email`'s arguments) in one query, all about the
    same thing; the worker sends them after the current transaction commits."""
    now = timezone.now()
    about_type = ContentType.objects.get_for_model(about) if about is not None else None
    rows = []
    for message in messages:
        validate_email(message["recipient"])
        if message.get("reply_to"):
            validate_email(message["reply_to"])
        rows.append(
            OutgoingEmail(
                recipient=message["recipient"],
                subject=message["subject"],
                text_body=message["text_body"],
                html_body=message.get("html_body", ""),
                reply_to=message.get("reply_to", ""),
                headers=message.get("headers") or {},
                attachments=message.get("attachments") or [],
                about_type=about_type,
                about_id=str(about.pk) if about is not None else "",
                created_at=now,
                give_up_at=now + retry_period(),
                message_id=new_message_id(),
            )
        )
    created = OutgoingEmail.objects.bulk_create(rows)
    send_after_commit([message.pk for message in created])
    return created


def send_after_commit(pks):
    """Hand these messages to the background worker once the current transaction commits."""
    # robust: a queueing problem is logged, never turned into an error for the visitor whose
    # request has already been saved; `send_queued_mail` picks up anything left behind.
    transaction.on_commit(partial(_enqueue, list(pks)), robust=True)


def _enqueue(pks, run_after=None):
    if run_after is not None:
        if not default_task_backend.supports_defer:
            return  # a backend that cannot wait (tests): `send_queued_mail` retries instead
        send_emails.using(run_after=run_after).enqueue(pks)
    else:
        send_emails.enqueue(pks)


@task()
def send_emails(pks=None):
    """The worker's task: send these messages (or every one that is due). Returns how many.

    Only message ids travel through the task queue, so erasing a message erases its content.
    """
    return deliver(pks)


def emails_about(obj):
    return OutgoingEmail.objects.filter(
        about_type=ContentType.objects.get_for_model(obj), about_id=str(obj.pk)
    )


def retry(messages):
    """Put failed messages back in the queue, with a fresh retry period, and send them."""
    now = timezone.now()
    pks = list(messages.filter(status=OutgoingEmail.Status.FAILED).values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=pks, status=OutgoingEmail.Status.FAILED).update(
        status=OutgoingEmail.Status.PENDING,
        next_attempt_at=now,
        give_up_at=now + retry_period(),
        claimed_until=None,
    )
    if pks:
        send_after_commit(pks)
    return len(pks)


def deliver(pks=None, *, limit=None):
    """Try to send pending messages (those given, or all that are due). Returns the number sent.

    When some attempts fail and may be retried, one later run is scheduled for the earliest.
    """
    now = timezone.now()
    due = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
    due = due.filter(next_attempt_at__lte=now) if pks is None else due.filter(pk__in=pks)
    pks_to_try = list(due.order_by("created_at", "pk").values_list("pk", flat=True)[:limit])

    if pks_to_try:
        # Should this process die while it holds claims, this later run sends what it left.
        try:
            _enqueue(None, run_after=now + CLAIM_DURATION + CLAIM_MARGIN)
        except Exception:  # the cron safety net (`send_queued_mail`) retries instead
            logger.exception("Could not schedule the retry of mail a failed worker might leave")

    sent = 0
    retry_at = None
    connection = get_connection(fail_silently=False)
    try:
        for pk in pks_to_try:
            message = _claim(pk)
            if message is None:
                continue
            outcome = _send(message, connection)
            if outcome is True:
                sent += 1
            elif outcome is not None:
                retry_at = min(outcome, retry_at or outcome)
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken connection must not hide the sends
            logger.debug("Closing the mail connection failed", exc_info=True)
    if retry_at is not None:
        try:
            _enqueue(None, run_after=retry_at)
        except Exception:  # the cron safety net (`send_queued_mail`) retries instead
            logger.exception("Could not schedule the retry of unsent mail")
    return sent


def _claim(pk):
    """Mark a message as being sent by this process; None if another sender holds it."""
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.filter(pk=pk, status=OutgoingEmail.Status.PENDING)
        .exclude(claimed_until__gt=now)
        .update(claimed_until=now + CLAIM_DURATION)
    )
    return OutgoingEmail.objects.filter(pk=pk).first() if claimed else None


def is_permanent(error):
    """An SMTP 5xx refusal of the recipient or the message: trying again cannot help.

    Refusals of the sender or of the login are the portal's own configuration, fixed once for
    every message, so those stay temporary.
    """
    if isinstance(error, SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, SMTPDataError) and error.smtp_code >= 500


def _send(message, connection):
    """Send one claimed message. True when sent, else when to retry it (None: never)."""
    now = timezone.now()
    if not message.message_id:  # queued before messages had one: give it one for good
        message.message_id = new_message_id()
        OutgoingEmail.objects.filter(pk=message.pk).update(message_id=message.message_id)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text_body,
        to=[message.recipient],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={**message.headers, "Message-ID": message.message_id},
        connection=connection,
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])

    # Only this row, only if it still exists: an erased message must never come back.
    row = OutgoingEmail.objects.filter(pk=message.pk)
    attempts = message.attempts + 1
    try:
        if not email.send():
            raise SMTPException("The mail backend accepted no recipients.")
    except Exception as error:  # noqa: BLE001 - any failure leaves the message for a retry
        next_attempt_at = now + min(timedelta(minutes=2 ** min(attempts, 10)), MAX_RETRY_DELAY)
        give_up_at = message.give_up_at or message.created_at + retry_period()
        failed = is_permanent(error) or next_attempt_at > give_up_at
        logger.warning(
            "Email %s not sent (attempt %s%s): %s",
            message.pk,
            attempts,
            ", giving up" if failed else "",
            type(error).__name__,
        )
        row.update(
            status=OutgoingEmail.Status.FAILED if failed else OutgoingEmail.Status.PENDING,
            attempts=attempts,
            last_attempt_at=now,
            claimed_until=None,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=next_attempt_at,
        )
        # A fresh connection for the next message: this one may be broken, and closing it
        # may fail too (a server that already hung up), which must not stop the other sends.
        try:
            connection.close()
        except Exception:
            logger.debug("Closing the broken mail connection failed", exc_info=True)
        return None if failed else next_attempt_at
    row.update(
        status=OutgoingEmail.Status.SENT,
        attempts=attempts,
        last_attempt_at=now,
        claimed_until=None,
        sent_at=now,
        last_error="",
    )
    return True
