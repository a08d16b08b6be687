"""CPD certificates: who gets one, the record kept for verification, and the PDF itself.

The PDF is drawn with ReportLab, a pure-Python wheel, so `make install` is all a new machine
needs. Certificates are sent as signed download links rather than attachments: the outbox
stores text, and a link keeps working for as long as the certificate record is kept.
"""

import io
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from portal.models import SiteSettings
from registrations import emails, tokens, typesetting
from registrations.models import Certificate, Registration, email_digests

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
NAVY = colors.HexColor("#1d3557")
# The frame's line is centred this far in from the edge of the paper.
BORDER = 30
# Nothing is printed closer to the edge than this, nor wider than the space between.
MARGIN = 60
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
# The first line's baseline, and the lowest the lines above the chair's name may come.
TOP_BASELINE = PAGE_HEIGHT - 100
FLOW_BOTTOM = 172


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
        email_digest=email_digests(registration.email)[0],
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


@dataclass(frozen=True)
class Block:
    """Lines set at one size, with the space left above them."""

    lines: list
    size: float
    bold: bool = False
    colour: object = colors.black
    space_before: float = 0


def _block(text, size, *, max_lines=1, smallest=9, **style):
    size, lines = typesetting.fit(text, size, TEXT_WIDTH, max_lines=max_lines, smallest=smallest)
    return Block(lines, size, **style)


def _leading(block):
    return block.size * 1.2


def render_pdf(certificate):
    """An A4 landscape certificate, as bytes.

    Names and titles are set in the fonts of their script and wrapped (made smaller first, for
    a name) so nothing crosses the margins; the middle of the page closes up its spacing when
    long lines need the room, and never runs into the chair's signature.
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    pdf.setTitle(f"CPD certificate {certificate.number}")
    pdf.setAuthor(certificate.group_name)
    pdf.setStrokeColor(NAVY)
    pdf.setLineWidth(4)
    pdf.rect(BORDER, BORDER, PAGE_WIDTH - 2 * BORDER, PAGE_HEIGHT - 2 * BORDER)

    blocks = [
        _block(certificate.group_name, 18, max_lines=2, bold=True, colour=NAVY),
        _block("Certificate of attendance", 30, bold=True, colour=NAVY, space_before=14),
        _block("This is to certify that", 14, space_before=33),
        _block(certificate.attendee_name, 26, max_lines=2, smallest=14, bold=True, space_before=9),
        _block("attended", 14, space_before=23),
        _block(certificate.event_title, 18, max_lines=3, smallest=11, bold=True, space_before=13),
        _block(
            f"{certificate.event_date} ({certificate.event_format})",
            14,
            max_lines=2,
            space_before=13,
        ),
        _block(
            f"Continuing professional development: {_hours(certificate.cpd_hours)}",
            16,
            bold=True,
            space_before=21,
        ),
    ]
    lines_height = sum(_leading(block) * len(block.lines) for block in blocks)
    spaces = sum(block.space_before for block in blocks)
    room = TOP_BASELINE - FLOW_BOTTOM + _leading(blocks[0])
    squeeze = min(1, max(0, (room - lines_height) / spaces))
    y = TOP_BASELINE + _leading(blocks[0])
    for block in blocks:
        y -= block.space_before * squeeze
        for line in block.lines:
            y -= _leading(block)
            typesetting.draw_line(
                pdf, line, PAGE_WIDTH / 2, y, block.size, bold=block.bold, colour=block.colour
            )

    if certificate.chair_name:
        for text, size, bold, y in (
            (certificate.chair_name, 14, True, 138),
            (f"Chair, {certificate.group_name}", 12, False, 120),
        ):
            size, lines = typesetting.fit(text, size, TEXT_WIDTH, smallest=6)
            typesetting.draw_line(
                pdf, " ".join(lines), PAGE_WIDTH / 2, y, size, bold=bold, colour=colors.black
            )
    half = TEXT_WIDTH / 2 - 10
    for text, y, x, align in (
        (f"Certificate number: {certificate.number}", 86, MARGIN, "left"),
        (f"Issued {certificate.issued_on}", 72, MARGIN, "left"),
        ("Check this certificate at", 86, PAGE_WIDTH - MARGIN, "right"),
        (tokens.verification_url(certificate), 72, PAGE_WIDTH - MARGIN, "right"),
    ):
        size, lines = typesetting.fit(text, 10, half, smallest=6)
        typesetting.draw_line(pdf, " ".join(lines), x, y, size, colour=colors.black, align=align)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
