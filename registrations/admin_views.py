"""Admin screens for organisers: events with registration, check-in, emailing attendees,
the event's materials (slides, recordings), certificates and feedback.

Reading needs `registrations.view_registration`; ticking attendance, emailing and sending
certificates need `registrations.change_registration`. Superusers and the Event organisers
group have both; Editors and Moderators have neither.
"""

from urllib.parse import urlencode

from django import forms
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents.widgets import AdminDocumentChooser

from events.models import EventMaterial, EventPage
from portal.forms import single_line
from registrations import attendance_reports, certificates, emails
from registrations.forms import RATINGS
from registrations.models import Certificate, Registration, registration_counts

VIEW_PERMISSION = "registrations.view_registration"
CHANGE_PERMISSION = "registrations.change_registration"
EVENTS_PER_PAGE = 25


def can_read(user):
    return user.has_perm(VIEW_PERMISSION) or user.has_perm(CHANGE_PERMISSION)


class OrganiserMixin(WagtailAdminTemplateMixin):
    permission = VIEW_PERMISSION
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        if "event_id" in kwargs:
            self.event = get_object_or_404(
                EventPage.objects.filter(registration=EventPage.RegistrationMode.PORTAL)
                .annotate(**registration_counts())
                .select_related("event_type"),
                pk=kwargs["event_id"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        event = getattr(self, "event", None)
        return event.title if event else ""

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if hasattr(self, "event"):
            items.append({"url": reverse("registrations_events"), "label": "Event registrations"})
        return [*items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if hasattr(self, "event"):
            context["event"] = self.event
            context["list_url"] = (
                reverse("registrations_registration_modeladmin_index") + f"?event={self.event.pk}"
            )
        context["can_change"] = self.request.user.has_perm(CHANGE_PERMISSION)
        return context


class EventListView(OrganiserMixin, TemplateView):
    template_name = "registrations/admin/events.html"
    page_title = "Event registrations"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = (
            EventPage.objects.filter(registration=EventPage.RegistrationMode.PORTAL)
            .annotate(**registration_counts())
            .order_by("-start", "-pk")
        )
        context["events"] = Paginator(events, EVENTS_PER_PAGE).get_page(self.request.GET.get("p"))
        return context


class CheckInView(OrganiserMixin, TemplateView):
    """One big button per person, usable on a phone at the door; works without JavaScript."""

    template_name = "registrations/admin/check_in.html"
    page_title = "Check people in"
    permission = CHANGE_PERMISSION

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        people = self.event.registrations.filter(status__in=Registration.PLACE_HOLDING)
        if query:
            people = people.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
        context.update(people=people.order_by("full_name", "pk"), query=query)
        return context

    def post(self, request, *args, **kwargs):
        pk = request.POST.get("registration", "")
        registration = get_object_or_404(
            self.event.registrations.filter(status__in=Registration.PLACE_HOLDING),
            pk=pk if pk.isdigit() else None,
        )
        attended = request.POST.get("attended") == "yes"
        registration.status = (
            Registration.Status.ATTENDED if attended else Registration.Status.REGISTERED
        )
        registration.save(update_fields=["status"])
        messages.success(
            request,
            f"{registration.full_name} {'checked in' if attended else 'no longer checked in'}.",
        )
        certificate = Certificate.objects.filter(
            registration=registration, revoked_at=None, erased_at=None
        ).first()
        if not attended and certificate:
            # Unticking does not take back a certificate already issued: say so, and where.
            messages.warning(
                request,
                f"{registration.full_name} already has certificate {certificate.number}, which "
                "is still valid. Revoke it if it was issued by mistake.",
                buttons=[
                    messages.button(
                        reverse("registrations_certificate", args=[self.event.pk, certificate.pk]),
                        "Correct or revoke",
                    )
                ],
            )
        url = reverse("registrations_check_in", args=[self.event.pk])
        query = request.POST.get("q", "").strip()[:100]
        search = f"?{urlencode({'q': query})}" if query else ""
        return redirect(f"{url}{search}#person-{registration.pk}")


class MessageForm(forms.Form):
    subject = forms.CharField(max_length=150, help_text="For example, 'Parking at the venue'.")
    message = forms.CharField(
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Plain text. The event's details and each person's cancel link are added "
        "below it.",
    )


class EmailAttendeesView(OrganiserMixin, FormView):
    template_name = "registrations/admin/email_attendees.html"
    page_title = "Email registered people"
    permission = CHANGE_PERMISSION
    form_class = MessageForm

    def recipients(self):
        return self.event.registrations.filter(status__in=Registration.PLACE_HOLDING)

    def get_context_data(self, **kwargs):
        return super().get_context_data(recipient_count=self.recipients().count(), **kwargs)

    def form_valid(self, form):
        with transaction.atomic():
            people = list(self.recipients().select_related("event"))
            for registration in people:
                emails.queue_message(
                    registration,
                    " ".join(form.cleaned_data["subject"].split()),
                    form.cleaned_data["message"],
                )
        messages.success(
            self.request,
            f"Your message is being sent to {len(people)} "
            f"{'person' if len(people) == 1 else 'people'}.",
        )
        return redirect("registrations_events")


class MaterialForm(forms.ModelForm):
    link = forms.URLField(
        required=False,
        assume_scheme="https",
        help_text=EventMaterial._meta.get_field("link").help_text,
    )

    class Meta:
        model = EventMaterial
        fields = ["title", "document", "link"]
        widgets = {"document": AdminDocumentChooser}


MaterialFormSet = forms.modelformset_factory(
    EventMaterial, form=MaterialForm, extra=2, can_delete=True
)


class AudienceForm(forms.Form):
    materials_audience = forms.ChoiceField(
        label="Who can see the materials",
        choices=EventPage.MaterialsAudience.choices,
        widget=forms.RadioSelect,
        help_text=EventPage._meta.get_field("materials_audience").help_text,
    )


class MaterialsView(OrganiserMixin, TemplateView):
    """The event's slides and recordings, for organisers who cannot edit pages.

    Saving publishes the live page with only its materials changed (a revision in the page's
    history, by this user), which emails people with a place about what is new. An event with
    changes waiting to be published is refused: publishing would put an editor's draft live.
    """

    template_name = "registrations/admin/materials.html"
    page_title = "Slides and recordings"
    permission = CHANGE_PERMISSION

    def forms(self, data=None):
        live = EventPage.objects.get(pk=self.event.pk)
        audience = AudienceForm(data, initial={"materials_audience": live.materials_audience})
        formset = MaterialFormSet(
            data, queryset=EventMaterial.objects.filter(page=live).order_by("sort_order", "pk")
        )
        return live, audience, formset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "formset" not in kwargs:
            _live, context["audience_form"], context["formset"] = self.forms()
        context["media"] = context["formset"].media
        return context

    def post(self, request, *args, **kwargs):
        live, audience, formset = self.forms(request.POST)
        if not (audience.is_valid() and formset.is_valid()):
            return self.render_to_response(
                self.get_context_data(audience_form=audience, formset=formset)
            )
        if not live.live or live.has_unpublished_changes:
            messages.error(
                request,
                "This event has changes waiting to be published (or is not published): ask an "
                "Editor or Moderator to publish it first, so that saving here puts nothing else "
                "live.",
            )
            return self.render_to_response(
                self.get_context_data(audience_form=audience, formset=formset)
            )
        deleted = set(formset.deleted_forms)
        kept = [
            form.save(commit=False)
            for form in formset.forms
            if form not in deleted and (form.instance.pk or form.has_changed())
        ]
        for order, material in enumerate(kept):
            material.sort_order = order
        live.materials_audience = audience.cleaned_data["materials_audience"]
        live.materials = kept
        revision = live.save_revision(user=request.user, log_action=True)
        # Organisers have no page permissions: this screen is their permission, for materials.
        revision.publish(user=request.user, skip_permission_checks=True)
        messages.success(request, f"Materials of '{live.title}' published.")
        return redirect("registrations_materials", self.event.pk)


class AttendanceReportForm(forms.Form):
    report = forms.FileField(
        label="Attendance report",
        help_text="The CSV file Teams (Download attendance list) or Zoom (Participants, Export) "
        "gives for the meeting.",
        error_messages={"required": "Choose the attendance report file"},
    )
    minimum_share = forms.IntegerField(
        label="Minimum share of the meeting (%)",
        min_value=1,
        max_value=100,
        initial=75,
        help_text="People who attended at least this much of the meeting are marked attended.",
        error_messages={
            "required": "Give the minimum share of the meeting, from 1 to 100",
            "invalid": "Give the minimum share of the meeting as a whole number, from 1 to 100",
            "min_value": "Give the minimum share of the meeting, from 1 to 100",
            "max_value": "Give the minimum share of the meeting, from 1 to 100",
        },
    )
    meeting_minutes = forms.IntegerField(
        label="Length of the meeting in minutes (optional)",
        required=False,
        min_value=1,
        max_value=60 * 24 * 7,
        help_text="Leave blank to use the length the report gives, or else the event's.",
        error_messages={
            "invalid": "Give the length of the meeting as a whole number of minutes",
            "min_value": "Give the length of the meeting as a whole number of minutes",
            "max_value": "Give the length of the meeting as a whole number of minutes",
        },
    )

    def clean_report(self):
        upload = self.cleaned_data["report"]
        if upload.size > attendance_reports.MAX_REPORT_BYTES:
            raise forms.ValidationError(
                "The file is larger than 2 MB: upload the attendance report itself."
            )
        try:
            return attendance_reports.read_report(upload.read())
        except attendance_reports.ReportError as error:
            raise forms.ValidationError(str(error)) from None


ATTENDANCE_SALT = "registrations.attendance-report"
# How long a checked report may wait for "Mark attended".
ATTENDANCE_CONFIRM_SECONDS = 60 * 60


class AttendanceReportView(OrganiserMixin, FormView):
    """Attendance from an online meeting's report: check the matches, then mark them at once.

    The report itself is not kept: the check shows the matches, and "Mark attended" carries the
    chosen registrations in a signed field, so the file is read once and nothing is stored.
    """

    template_name = "registrations/admin/attendance_report.html"
    page_title = "Attendance from an online meeting"
    permission = CHANGE_PERMISSION
    form_class = AttendanceReportForm

    def event_minutes(self):
        return max(round((self.event.end - self.event.start).total_seconds() / 60), 1)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.mark_attended(request.POST.get("confirm", ""))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        report = form.cleaned_data["report"]
        meeting_minutes = (
            form.cleaned_data["meeting_minutes"] or report.meeting_minutes or self.event_minutes()
        )
        minimum = form.cleaned_data["minimum_share"]
        people = {
            registration.email.lower(): registration
            for registration in self.event.registrations.order_by("pk")
        }
        matched, unmatched = [], []
        for row in sorted(report.rows, key=lambda row: (row.name.lower(), row.email)):
            registration = people.get(row.email)
            share = min(round(100 * row.minutes / meeting_minutes), 100)
            if registration is None or not registration.holds_place:
                reason = (
                    f"{registration.get_status_display()}, no place"
                    if registration is not None
                    else ("No email in the report" if not row.email else "Not registered")
                )
                unmatched.append({"row": row, "share": share, "reason": reason})
                continue
            matched.append(
                {
                    "row": row,
                    "registration": registration,
                    "share": share,
                    "enough": share >= minimum,
                    "to_mark": share >= minimum
                    and registration.status == Registration.Status.REGISTERED,
                }
            )
        to_mark = [item["registration"].pk for item in matched if item["to_mark"]]
        return self.render_to_response(
            self.get_context_data(
                form=form,
                checked=True,
                service=report.service,
                meeting_minutes=round(meeting_minutes),
                minimum=minimum,
                matched=matched,
                unmatched=unmatched,
                to_mark_count=len(to_mark),
                confirm=signing.dumps(
                    {"event": self.event.pk, "registrations": to_mark}, salt=ATTENDANCE_SALT
                ),
            )
        )

    def mark_attended(self, token):
        try:
            chosen = signing.loads(token, salt=ATTENDANCE_SALT, max_age=ATTENDANCE_CONFIRM_SECONDS)
        except signing.BadSignature:
            messages.error(
                self.request, "That check has expired or was altered: upload the report again."
            )
            return redirect("registrations_attendance_report", event_id=self.event.pk)
        if not isinstance(chosen, dict) or chosen.get("event") != self.event.pk:
            raise PermissionDenied
        pks = [pk for pk in chosen.get("registrations", []) if isinstance(pk, int)]
        count = self.event.registrations.filter(
            pk__in=pks, status=Registration.Status.REGISTERED
        ).update(status=Registration.Status.ATTENDED)
        messages.success(
            self.request,
            f"{count} {'person' if count == 1 else 'people'} marked as attended. "
            "Send certificates from here once the event has ended.",
        )
        return redirect("registrations_certificates", event_id=self.event.pk)


class CertificatesView(OrganiserMixin, TemplateView):
    """Send certificates (or feedback requests first), and see what attendees thought."""

    template_name = "registrations/admin/certificates.html"
    page_title = "Certificates and feedback"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attended = self.event.registrations.filter(status=Registration.Status.ATTENDED)
        given = attended.exclude(feedback_given_at=None)
        ratings = dict(given.order_by().values_list("feedback_rating").annotate(n=Count("pk")))
        context.update(
            can_send=certificates.can_have_certificate(self.event),
            not_yet_sent=attended.filter(certificate_requested_at=None).count(),
            certificates_issued=attended.exclude(certificate=None).count(),
            feedback_count=given.count(),
            average_rating=given.aggregate(avg=Avg("feedback_rating"))["avg"],
            rating_rows=[(label, ratings.get(int(value), 0)) for value, label in RATINGS],
            comments=given.exclude(feedback_comments="").values_list(
                "feedback_rating", "feedback_comments"
            ),
            issued=Certificate.objects.filter(event=self.event, erased_at=None).order_by(
                "attendee_name", "pk"
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        if not certificates.can_have_certificate(self.event):
            messages.error(
                request, "Certificates can be sent once an event with CPD hours has ended."
            )
        else:
            count = certificates.send_certificates(self.event)
            what = "a feedback request" if self.event.ask_for_feedback else "their certificate"
            messages.success(
                request,
                f"{count} {'attendee is' if count == 1 else 'attendees are'} being sent {what}.",
            )
        return redirect("registrations_certificates", event_id=self.event.pk)


class CertificateNameForm(forms.Form):
    attendee_name = forms.CharField(
        label="Name on the certificate",
        max_length=200,
        help_text="As the attendee wants it printed, in any script. Their registration is "
        "corrected too.",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={"required": "Enter the name to print on the certificate"},
    )

    def clean_attendee_name(self):
        name = single_line(self.cleaned_data["attendee_name"])
        if not name:
            raise forms.ValidationError("Enter the name to print on the certificate")
        return name


class RevokeForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that the certificate will no longer be valid, and its download "
        "link will stop working",
        error_messages={"required": "Tick to confirm that the certificate should be revoked"},
    )


class CertificateView(OrganiserMixin, TemplateView):
    """One certificate: correct the name and send it again, or revoke it.

    Sending goes through the outbox to the registration's address; once the registration has
    been purged the certificate keeps no address, so it can be corrected but not sent.
    """

    template_name = "registrations/admin/certificate.html"
    permission = CHANGE_PERMISSION

    def get_certificate(self):
        return get_object_or_404(
            Certificate.objects.filter(event=self.event, erased_at=None).select_related(
                "registration"
            ),
            pk=self.kwargs["certificate_id"],
        )

    page_title = "Certificate"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("registrations_events"), "label": "Event registrations"},
            {
                "url": reverse("registrations_certificates", args=[self.event.pk]),
                "label": "Certificates and feedback",
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = kwargs.get("certificate") or self.get_certificate()
        context.update(
            certificate=certificate,
            name_form=kwargs.get("name_form")
            or CertificateNameForm(initial={"attendee_name": certificate.attendee_name}),
            revoke_form=kwargs.get("revoke_form") or RevokeForm(),
            can_send=certificate.registration is not None,
            verification_path=reverse("registrations:verify", args=[certificate.number]),
        )
        return context

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            certificate = (
                # Only the certificate's row: PostgreSQL locks no row of an outer join.
                Certificate.objects.select_for_update(of=("self",))
                .filter(event=self.event, erased_at=None)
                .filter(pk=self.get_certificate().pk)
                .select_related("registration")
                .get()
            )
            if certificate.revoked_at:
                messages.error(request, "This certificate has been revoked: it cannot be changed.")
                return redirect(request.path)
            if request.POST.get("action") == "revoke":
                form = RevokeForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(
                        self.get_context_data(certificate=certificate, revoke_form=form)
                    )
                certificate.revoked_at = timezone.now()
                certificate.save(update_fields=["revoked_at"])
                messages.success(request, f"Certificate {certificate.number} revoked.")
                return redirect("registrations_certificates", event_id=self.event.pk)
            form = CertificateNameForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(certificate=certificate, name_form=form)
                )
            certificate.attendee_name = form.cleaned_data["attendee_name"]
            certificate.save(update_fields=["attendee_name"])
            registration = certificate.registration
            if registration is None:
                messages.warning(
                    request,
                    f"Name corrected. Certificate {certificate.number} was not sent: its "
                    "registration has been deleted, so no address is kept to send it to.",
                )
                return redirect(request.path)
            registration.full_name = certificate.attendee_name
            registration.save(update_fields=["full_name"])
            emails.queue_certificate(registration, certificate)
        messages.success(
            request,
            f"Certificate {certificate.number} is being sent again to {registration.email}.",
        )
        return redirect("registrations_certificates", event_id=self.event.pk)
