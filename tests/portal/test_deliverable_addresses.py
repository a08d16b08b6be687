"""Public forms take only addresses that can be mailed on the internet: a domain with a dot,
no `localhost`, no IP literal. The rule lives in `portal.forms.email_address_field`, so every
public form that asks for an email address has it."""

import pytest
from django.core.exceptions import ValidationError

from membership.forms import JoinForm
from notifications.forms import SignupForm
from registrations.forms import RegistrationForm

UNDELIVERABLE = [
    "root@localhost",
    "x@[127.0.0.1]",
    "x@[IPv6:::1]",
    "x@127.0.0.1",
    "name@example",
    "name@example.",
    "name@printer.local",
]
FORMS = [RegistrationForm, SignupForm, JoinForm]


@pytest.mark.parametrize("form_class", FORMS)
@pytest.mark.parametrize("address", UNDELIVERABLE)
def test_an_address_no_mail_server_on_the_internet_would_take_is_refused(form_class, address):
    field = form_class().fields["email"]
    with pytest.raises(ValidationError) as refused:
        field.clean(address)
    assert refused.value.messages == [
        "Enter an email address in the correct format, like name@example.com"
    ]


@pytest.mark.parametrize("form_class", FORMS)
@pytest.mark.parametrize(
    "address", ["name@example.org", "a.b+events@nhs.net", "x@sub.example.co.uk"]
)
def test_ordinary_addresses_are_accepted(form_class, address):
    assert form_class().fields["email"].clean(address) == address
