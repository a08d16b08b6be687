"""What the notifications app holds about an email address: the subscriber row."""

from notifications.models import Subscriber


def subscribers_with(address):
    return Subscriber.objects.filter(email__iexact=address.strip())


def export(address):
    return [
        {
            "email": subscriber.email,
            "name": subscriber.name,
            "interests": subscriber.get_interests_display(),
            "state": subscriber.state_display(),
            "source": subscriber.get_source_display(),
            "signed_up": subscriber.created_at,
            "confirmed": subscriber.confirmed_at,
            "unsubscribed": subscriber.unsubscribed_at,
        }
        for subscriber in subscribers_with(address).order_by("created_at", "pk")
    ]


def erase(address):
    return subscribers_with(address).erase()
