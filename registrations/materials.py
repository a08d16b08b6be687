"""Event materials (slides, recordings): who may see them, and telling registered people.

An event's `materials_audience` says who sees them: people who registered (the default),
people who registered and members, or everyone. Each choice lets in more people; someone who
had a place always sees their event's materials, through the signed link emailed to them
(`tokens.materials_url`), or on the event page when signed in as a member with the same
address. Documents for a restricted audience are served only by the views here, which check
that; Wagtail's public document address refuses them (`events/wagtail_hooks.py`).

Publishing an event emails each person with a place once about the materials added since they
were last told (`Registration.materials_told_up_to`), from the same publish handler that sends
event changes (`registrations/signals.py`).
"""

from django.db import transaction
from django.db.models import Q

from events.models import EventMaterial, EventPage
from members.models import Member
from members.signin import is_member
from registrations import emails
from registrations.models import Registration

AUDIENCE = EventPage.MaterialsAudience


def shown_materials(event):
    """The event's materials that have something to open, in the editor's order."""
    return [
        material
        for material in event.materials.all().select_related("document")
        if material.link or material.document
    ]


def registration_of_member(event, user):
    """The place-holding registration of a signed-in member at this event, by their address."""
    email = (
        Member.objects.joined().filter(user=user).values_list("email", flat=True).first()
        if user.is_authenticated
        else None
    )
    if not email:
        return None
    return event.registrations.holding_places().filter(email__iexact=email).first()


def signed_in_access(event, request):
    """(may see, is a member) for the request's signed-in user: never for anonymous readers,
    whose answer (the page for everyone) may be cached."""
    user = request.user
    if not user.is_authenticated or not is_member(user):
        return False, False
    if event.materials_audience == AUDIENCE.MEMBERS:
        return True, True
    return registration_of_member(event, user) is not None, True


def registration_for_materials(registration):
    """Whether this registration's link opens its event's materials: a place, and a live event."""
    return (
        registration is not None
        and registration.status in Registration.PLACE_HOLDING
        and registration.event.live
    )


def material_of(event, material_id):
    found = EventMaterial.objects.filter(page=event, pk=material_id)
    return found.select_related("document").first()


def tell_about_new_materials(event):
    """Email everyone with a place about materials published since they were last told.

    Republishing with nothing new sends nothing: each registration remembers the newest
    material it was told about, and is locked while it is updated, so two publishes at once
    still send one email each.
    """
    materials = shown_materials(event)
    if not materials:
        return
    newest = max(material.pk for material in materials)
    with transaction.atomic():
        behind = (
            event.registrations.holding_places()
            .filter(Q(materials_told_up_to__lt=newest))
            .select_for_update()
        )
        for registration in behind:
            new = [m for m in materials if m.pk > registration.materials_told_up_to]
            registration.event = event
            if new:
                emails.queue_materials_added(registration, new)
            registration.materials_told_up_to = newest
            registration.save(update_fields=["materials_told_up_to"])
