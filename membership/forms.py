"""The public join form: questions, hints and error messages in the GOV.UK style."""

import uuid

from django import forms
from django.db import transaction
from wagtail.admin.forms import WagtailAdminModelForm

from membership.models import JoinRequest, JoinRequestStatusChange
from portal.antispam import AntiSpamFormMixin
from portal.forms import email_address_field, single_line

YES_NO = [("yes", "Yes"), ("no", "No")]
# The form's id on the join page: errors about the whole form link to it.
FORM_ID = "join-form"


class JoinForm(AntiSpamFormMixin, forms.ModelForm):
    clinically_active = forms.TypedChoiceField(
        label="Are you clinically active?",
        help_text="Clinically active means you currently care for patients, full or part time.",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you are clinically active"},
    )
    interests = forms.MultipleChoiceField(
        label="Which parts of the group's work interest you?",
        help_text="Select all that apply.",
        choices=JoinRequest.Interest.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select interests from the list"},
    )
    consent = forms.BooleanField(
        label="I agree to my answers being stored and emailed to the group, as the privacy "
        "notice describes",
        error_messages={
            "required": "Confirm that you agree to your answers being stored and emailed to the "
            "group"
        },
    )
    email = email_address_field("We will only use this to reply about joining the group.")
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = JoinRequest
        fields = [
            "full_name",
            "email",
            "role",
            "role_other",
            "organisation",
            "region",
            "clinically_active",
            "research_experience",
            "interests",
            "wants_meeting_updates",
            "message",
        ]
        labels = {
            "full_name": "Full name",
            "role": "What is your professional role?",
            "role_other": "If other, what is your role?",
            "organisation": "Organisation or unit",
            "region": "Where do you work?",
            "research_experience": "What research experience do you have?",
            "wants_meeting_updates": "Tell me about upcoming meetings",
            "message": "Anything else you would like to tell the group (optional)",
        }
        help_texts = {
            "role_other": "For example, physiotherapist or research nurse.",
            "organisation": "For example, your hospital and the paediatric critical care unit "
            "you work in.",
            "region": "Choose the UK nation, or outside the UK.",
            "wants_meeting_updates": "Your request will show the chair that you would like to "
            "hear about meetings and educational events.",
            "message": "Up to 2,000 characters.",
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
            "role": forms.RadioSelect,
            "role_other": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "region": forms.RadioSelect,
            "research_experience": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "full_name": {
                "required": "Enter your full name",
                "max_length": "Full name must be %(limit_value)d characters or fewer",
            },
            "role": {
                "required": "Select your professional role",
                "invalid_choice": "Select your professional role",
            },
            "role_other": {"max_length": "Your role must be %(limit_value)d characters or fewer"},
            "organisation": {
                "required": "Enter your organisation or unit",
                "max_length": "Organisation or unit must be %(limit_value)d characters or fewer",
            },
            "region": {
                "required": "Select where you work",
                "invalid_choice": "Select where you work",
            },
            "research_experience": {
                "required": "Select your research experience",
                "invalid_choice": "Select your research experience",
            },
            "message": {
                "max_length": "Your message must be %(limit_value)d characters or fewer",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio groups offer no empty choice: a person answers, or sees an error.
        for name in ("role", "region", "research_experience"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        self.fields["submission_token"].initial = uuid.uuid4

    def clean_full_name(self):
        return single_line(self.cleaned_data["full_name"])

    def clean_role_other(self):
        return single_line(self.cleaned_data["role_other"])

    def clean_organisation(self):
        return single_line(self.cleaned_data["organisation"])

    def clean_submission_token(self):
        """The form's own token; one that is missing or garbled is replaced, never an error."""
        try:
            return uuid.UUID(self.cleaned_data["submission_token"])
        except ValueError:
            return uuid.uuid4()

    def clean(self):
        cleaned_data = super().clean()
        role = cleaned_data.get("role")
        if role == JoinRequest.Role.OTHER:
            if not cleaned_data.get("role_other") and "role_other" not in self.errors:
                self.add_error("role_other", "Enter your role")
        elif role:
            cleaned_data["role_other"] = ""
        return cleaned_data

    def save(self, commit=True):
        self.instance.submission_token = self.cleaned_data["submission_token"]
        return super().save(commit=commit)


class JoinRequestAdminForm(WagtailAdminModelForm):
    """The membership team's form: a status change is saved with who made it and when."""

    def save(self, commit=True):
        with transaction.atomic():
            join_request = super().save(commit=commit)
            if commit and "status" in self.changed_data:
                JoinRequestStatusChange.objects.create(
                    join_request=join_request,
                    from_status=self.initial["status"],
                    to_status=join_request.status,
                    changed_by=self.for_user,
                )
        return join_request
