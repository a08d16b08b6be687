"""CPD certificates: who gets one, the record kept for verification, and the PDF itself.

The PDF is drawn with ReportLab, a pure-Python wheel, so `make install` is all a new machine
needs. Certificates are sent as signed download links rather than attachments: the outbox
stores text, and a link keeps working for as long as the certificate record is kept.
"""

import io

from django.db import transaction
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from portal.models import SiteSettings
from registrations import emails, tokens
from registrations.models import Certificate, Registration


def can_have_certificate(event):
    return bool(event.cpd_hours) and event.has_ended()


def issue(registration):
    """The registration's certificate, made now from the event's facts if it has none yet."""
    existing = Certificate.objects.filter(registration=registration).first()
    if existing is not None:
        return existing
    event = registration.event
    site = event.get_site()
    site_settings = SiteSettings.for_site(site) if site else None
    return Certificate.objects.create(
        registration=registration,
        event=event,
        attendee_name=registration.full_name,
        event_title=event.title,
        event_date=event.when,
        event_ended_at=event.ends_at or timezone.now(),
        event_format=event.get_format_display(),
        cpd_hours=event.cpd_hours,
        group_name=site_settings.group_name if site_settings else "",
        chair_name=site_settings.chair_name if site_settings else "",
    )


def send_certificates(event):
    """Email every attendee not yet asked: a feedback request first, or the certificate.

    Returns how many people were emailed; sending again reaches only those marked as attended
    since, so an organiser may press the button after each late check-in.
    """
    if not can_have_certificate(event):
        return 0
    pending = event.registrations.filter(
        status=Registration.Status.ATTENDED, certificate_requested_at__isnull=True
    )
    count = 0
    with transaction.atomic():
        for registration in pending.select_for_update():
            if event.ask_for_feedback and registration.feedback_given_at is None:
                emails.queue_feedback_request(registration)
            else:
                emails.queue_certificate(registration, issue(registration))
            registration.certificate_requested_at = timezone.now()
            registration.save(update_fields=["certificate_requested_at"])
            count += 1
    return count


def record_feedback(registration, rating, comments):
    """Keep the feedback and release the certificate, once however many posts arrive at once.

    The registration's row is locked and read again: a second post that passed the view's check
    before the first was saved finds the feedback already given and sends nothing.
    """
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.feedback_given_at is not None:
            return Certificate.objects.filter(registration=locked).first()
        locked.feedback_rating = rating
        locked.feedback_comments = comments
        locked.feedback_given_at = timezone.now()
        locked.save(update_fields=["feedback_rating", "feedback_comments", "feedback_given_at"])
        certificate = issue(locked)
        emails.queue_certificate(locked, certificate)
    return certificate


def _hours(value):
    text = f"{value.normalize():f}"
    return f"{text} CPD hour" + ("" if value == 1 else "s")


def render_pdf(certificate):
    """An A4 landscape certificate, as bytes."""
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"CPD certificate {certificate.number}")
    pdf.setAuthor(certificate.group_name)
    navy = colors.HexColor("#1d3557")
    pdf.setStrokeColor(navy)
    pdf.setLineWidth(4)
    pdf.rect(30, 30, width - 60, height - 60)

    def centred(y, text, font="Helvetica", size=14, colour=colors.black):
        pdf.setFont(font, size)
        pdf.setFillColor(colour)
        pdf.drawCentredString(width / 2, y, text)

    centred(height - 100, certificate.group_name, "Helvetica-Bold", 18, navy)
    centred(height - 150, "Certificate of attendance", "Helvetica-Bold", 30, navy)
    centred(height - 200, "This is to certify that")
    centred(height - 240, certificate.attendee_name, "Helvetica-Bold", 26)
    centred(height - 280, "attended")
    centred(height - 315, certificate.event_title, "Helvetica-Bold", 18)
    centred(height - 345, f"{certificate.event_date} ({certificate.event_format})")
    centred(
        height - 385,
        f"Continuing professional development: {_hours(certificate.cpd_hours)}",
        "Helvetica-Bold",
        16,
    )
    if certificate.chair_name:
        centred(130, certificate.chair_name, "Helvetica-Bold", 14)
        centred(112, f"Chair, {certificate.group_name}", size=12)
    pdf.setFont("Helvetica", 10)
    pdf.setFillColor(colors.black)
    pdf.drawString(60, 70, f"Certificate number: {certificate.number}")
    pdf.drawString(60, 56, f"Issued {certificate.issued_on}")
    pdf.drawRightString(width - 60, 70, "Check this certificate at")
    pdf.drawRightString(width - 60, 56, tokens.verification_url(certificate))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
