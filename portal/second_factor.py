"""The second factor for the admin: accounts that can see people's details need a code.

django-otp keeps each person's authenticator (a `TOTPDevice`: the secret key an app such as
Google Authenticator, Microsoft Authenticator or FreeOTP shares) and marks a session verified
once a code from it is accepted. `SecondFactorMiddleware` sends anyone signed in to the admin
whose account needs a second factor, and whose session is not yet verified, to type a code, or
to set up an authenticator first if they have none. Who needs one is decided by permissions
(`roles.PERSONAL_DATA_PERMISSIONS`), so a group made by hand in the admin is covered too.
Wagtail's own sign-in form, its lock-outs and password resets are left as they are.
"""

import base64
import time

import segno
from django import forms
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.roles import sees_personal_data

# Pages a signed-in person who still owes a code may reach: signing out, and the two below.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "portal_second_factor",
    "portal_second_factor_enrol",
}
DEVICE_NAME = "Authenticator app"


def needs_second_factor(user):
    return user.is_authenticated and sees_personal_data(user)


def _url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class SecondFactorMiddleware:
    """Under /admin/, an account that needs a second factor gets no further without one.

    Put it after django-otp's `OTPMiddleware`, which tells whether this session is verified.
    Checked on every request, so someone added to the Membership group while signed in is
    asked for a code on their next click.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(reverse("wagtailadmin_home"))
            and needs_second_factor(request.user)
            and not request.user.is_verified()
            and _url_name(request) not in OPEN_BEFORE_SECOND_FACTOR
        ):
            to = (
                "portal_second_factor"
                if user_has_device(request.user, confirmed=True)
                else "portal_second_factor_enrol"
            )
            return redirect_to_login(request.get_full_path(), reverse(to))
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="6 digits. A new code shows every 30 seconds.",
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:
            wait = _seconds_until_next_try(self.device)
            raise forms.ValidationError(
                f"Too many wrong codes. Wait {wait} seconds, then type the newest code.",
                code="throttled",
            )
        if not (code.isdigit() and self.device.verify_token(code)):
            raise forms.ValidationError(
                "That code is not right. Type the code your app shows now; if it is right and "
                "still refused, check that your phone's clock is set automatically.",
                code="wrong",
            )
        return code


def _seconds_until_next_try(device):
    if not device.throttling_failure_timestamp:
        return 1
    delay = device.get_throttle_factor() * (2 ** (device.throttling_failure_count - 1))
    waited = time.time() - device.throttling_failure_timestamp.timestamp()
    return max(1, int(delay - waited) + 1)


def current_code(device):
    """The code `device`'s app shows now (for the development admin's `--code`)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Type a code from the authenticator set up before."""
    if not needs_second_factor(request.user) or request.user.is_verified():
        return redirect(_next_url(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse('portal_second_factor_enrol')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "portal/admin/second_factor.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


def enrol(request):
    """Set up an authenticator app: scan the QR code (or type the key), then type a code.

    The key is kept unconfirmed until a code from it is accepted, so reloading the page shows
    the same one; only someone with no confirmed authenticator reaches this page.
    """
    if not needs_second_factor(request.user) or request.user.is_verified():
        return redirect(_next_url(request))
    if user_has_device(request.user, confirmed=True):
        return redirect(f"{reverse('portal_second_factor')}?{request.GET.urlencode()}")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    key = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "portal/admin/second_factor_enrol.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
            # In groups of four, as authenticator apps show keys.
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        },
        status=400 if form.errors else 200,
    )


def urls():
    return [
        path("second-factor/", verify, name="portal_second_factor"),
        path("second-factor/set-up/", enrol, name="portal_second_factor_enrol"),
    ]
