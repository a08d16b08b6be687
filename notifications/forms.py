"""The sign-up form: an email address, which events, and a name if the person wants to give one."""

from django import forms

from notifications.models import Subscriber
from portal.antispam import AntiSpamFormMixin
from portal.forms import email_address_field, single_line

FORM_ID = "signup-form"


class SignupForm(AntiSpamFormMixin, forms.Form):
    # The form appears on pages that have forms of their own, such as the events filters.
    prefix = "signup"

    email = email_address_field("We will only use this to send you news of meetings and events.")
    name = forms.CharField(
        label="Your name (optional)",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={"max_length": "Your name must be %(limit_value)d characters or fewer"},
    )
    interests = forms.ChoiceField(
        label="Which events do you want to hear about?",
        choices=Subscriber.Interests.choices,
        initial=Subscriber.Interests.ALL,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select which events you want to hear about",
            "invalid_choice": "Select which events you want to hear about",
        },
    )

    def clean_name(self):
        return single_line(self.cleaned_data["name"])
