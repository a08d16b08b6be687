"""The public registration form and the feedback form, in the style of the join form."""

from django import forms

from portal.antispam import AntiSpamFormMixin
from portal.forms import email_address_field, single_line

# The form's id on the event page: errors about the whole form link to it.
FORM_ID = "registration-form"
RATINGS = [
    ("5", "Excellent"),
    ("4", "Good"),
    ("3", "Satisfactory"),
    ("2", "Poor"),
    ("1", "Very poor"),
]


class RegistrationForm(AntiSpamFormMixin, forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        help_text="As it should appear on your CPD certificate.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your full name",
            "max_length": "Full name must be %(limit_value)d characters or fewer",
        },
    )
    email = email_address_field(
        "We send your confirmation, the joining details and your certificate here."
    )
    role = forms.CharField(
        label="Professional role",
        max_length=100,
        help_text="For example, paediatric intensive care nurse or consultant.",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        error_messages={
            "required": "Enter your professional role",
            "max_length": "Professional role must be %(limit_value)d characters or fewer",
        },
    )
    organisation = forms.CharField(
        label="Organisation",
        max_length=200,
        help_text="For example, your hospital or university.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={
            "required": "Enter your organisation",
            "max_length": "Organisation must be %(limit_value)d characters or fewer",
        },
    )
    needs = forms.CharField(
        label="Access or dietary needs (optional)",
        max_length=1000,
        required=False,
        help_text="Anything the organisers should arrange so that you can take part.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Needs must be %(limit_value)d characters or fewer"},
    )
    consent = forms.BooleanField(
        label="I agree to my details being stored to manage my place, as the privacy notice "
        "describes",
        error_messages={
            "required": "Confirm that you agree to your details being stored to manage your place"
        },
    )

    def clean_full_name(self):
        return single_line(self.cleaned_data["full_name"])

    def clean_role(self):
        return single_line(self.cleaned_data["role"])

    def clean_organisation(self):
        return single_line(self.cleaned_data["organisation"])

    def clean_email(self):
        # One registration per address: Name@Example.org and name@example.org are the same.
        return self.cleaned_data["email"].strip().lower()


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="How would you rate the event overall?",
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a rating",
            "invalid_choice": "Select a rating",
        },
    )
    comments = forms.CharField(
        label="Comments (optional)",
        required=False,
        max_length=2000,
        help_text="What worked, and what could be better next time. Up to 2,000 characters.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Comments must be %(limit_value)d characters or fewer"},
    )
