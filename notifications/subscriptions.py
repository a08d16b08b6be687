"""Joining and leaving the list: sign up, confirm, unsubscribe.

Whatever state an address is in, signing it up gives the visitor the same answer, so the form
cannot be used to find out who is on the list. What differs is only the email its owner gets:
a confirmation link if the address is new, pending or had unsubscribed, or a note that nothing
changed if it is already confirmed.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from notifications import emails
from notifications.models import Announcement, Subscriber
from outbox.models import OutgoingEmail
from people.consent import privacy_notice_version
from portal.antispam import SAME_ADDRESS_EMAIL_INTERVAL

SIGNUP_EMAIL_INTERVAL = SAME_ADDRESS_EMAIL_INTERVAL


def sign_up(*, email, interests, site, name="", source=Subscriber.Source.FORM):
    """Record a request to hear about events and email the address's owner about it.

    A confirmed subscriber is left exactly as they were: only they may change their choices.
    Anyone else (new, still unconfirmed, or unsubscribed) must confirm this request by email;
    an unsubscribed address stays unsubscribed, with its date, until then, so a stranger's
    sign-up cannot wipe the record that its owner left. Returns the subscriber.
    """
    now = timezone.now()
    consent = {
        "consent_given_at": now,
        "privacy_notice_version": privacy_notice_version(site, without_notice="Sign-up form text"),
    }
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email.strip().lower(),
            defaults={"name": name, "interests": interests, "source": source, **consent},
        )
        if not created and not subscriber.is_confirmed:
            subscriber.name = name
            subscriber.interests = interests
            subscriber.source = source
            subscriber.requested_at = now
            subscriber.consent_given_at = consent["consent_given_at"]
            subscriber.privacy_notice_version = consent["privacy_notice_version"]

        recently_emailed = (
            subscriber.confirmation_sent_at is not None
            and now - subscriber.confirmation_sent_at < SIGNUP_EMAIL_INTERVAL
        )
        if not recently_emailed:
            # Before the email: its link names the email it was sent in.
            subscriber.confirmation_sent_at = now
            if subscriber.is_confirmed:
                emails.queue_already_subscribed(subscriber, site)
            else:
                emails.queue_confirmation(subscriber, site)
        subscriber.save()
    return subscriber


def confirm(subscriber):
    """Start sending announcements to a subscriber waiting for confirmation (new, or asking to
    come back after unsubscribing); True if this link confirmed them."""
    return bool(
        Subscriber.objects.awaiting_confirmation()
        .filter(pk=subscriber.pk)
        .update(confirmed_at=timezone.now(), unsubscribed_at=None)
    )


def unsubscribe(subscriber):
    """Stop all mail to this subscriber at once, including announcements still queued for them.

    Messages a sender has claimed are already on their way and are left to finish.
    """
    now = timezone.now()
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=now
        )
        OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.PENDING,
            recipient=subscriber.email,
            about_type=ContentType.objects.get_for_model(Announcement),
        ).exclude(claimed_until__gt=now).delete()


def sign_up_join_applicant(join_request, site):
    """The join form's "Tell me about upcoming meetings": every kind of event, confirmed by email
    like any other sign-up, since the form does not prove the address is the applicant's."""
    return sign_up(
        email=join_request.email,
        name=join_request.full_name,
        interests=Subscriber.Interests.ALL,
        source=Subscriber.Source.JOIN_REQUEST,
        site=site,
    )
