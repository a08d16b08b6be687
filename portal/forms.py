"""What the site's public forms share: one-line answers and the links their error summary shows."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# Characters that change the direction of the text around them: in an email subject or a CSV
# cell they make a name show as something other than what was typed.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


# What every public form says about a missing or wrong email address.
EMAIL_ERROR_MESSAGES = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
    "max_length": "Email address must be %(limit_value)d characters or fewer",
}
EMAIL_WIDGET_ATTRS = {"autocomplete": "email", "spellcheck": "false"}


def validate_deliverable_domain(value):
    """Only an address on a domain on the internet can be mailed: a name with a dot, such as
    example.org. Django accepts `root@localhost` and `x@[127.0.0.1]`, which would send the
    group's email to the portal's own machine or to an address typed as a number."""
    try:
        validate_email(value)
    except ValidationError:
        return  # the field's own check already says so, once
    domain = value.rpartition("@")[2].strip().rstrip(".")
    labels = domain.split(".")
    if (
        domain.startswith("[")
        or len(labels) < 2
        or not all(labels)
        or labels[-1].isdigit()  # 127.0.0.1 and the like
        or domain.lower().endswith(("localhost", ".local", ".localdomain"))
    ):
        raise ValidationError(EMAIL_ERROR_MESSAGES["invalid"], code="invalid")


def email_address_field(help_text):
    """The email question as every public form asks it; `help_text` says what it is used for."""
    return forms.EmailField(
        label="Email address",
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs=EMAIL_WIDGET_ATTRS),
        error_messages=EMAIL_ERROR_MESSAGES,
        validators=[validate_deliverable_domain],
    )


def single_line(value):
    """Names and organisations are one line: newlines and runs of spaces become one space.

    Control characters and text-direction overrides are refused with an error the person sees,
    so that emails and spreadsheets show exactly what was typed.
    """
    value = " ".join(value.split())
    if any(char in BIDI_CONTROLS or unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            "Remove the hidden control or text-direction characters from this answer (they can "
            "come with text pasted from elsewhere)",
            code="control_characters",
        )
    return value


def error_summary(form, form_id):
    """(target id, message) pairs for the error summary, in the order the questions appear.

    Each link goes to the field itself, or to the first option of a group of radios or
    checkboxes, so that following it puts the cursor where the answer is needed. Errors about
    the whole form link to the form, `form_id`.
    """
    items = [(form_id, error) for error in form.non_field_errors()]
    for field in form:
        if field.errors:
            target = field.auto_id + ("_0" if field.field.widget.use_fieldset else "")
            items.extend((target, error) for error in field.errors)
    return items
