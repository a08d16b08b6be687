"""Signing in to the admin in the browser, with the code from an authenticator when asked."""

from tests.second_factor import code_from_key


def sign_in(page, username, password, *, device=None):
    """Sign in with the form; with `device` (an authenticator set up before), type its code."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.wait_for_url("**/admin/second-factor/**")
        page.get_by_label("Code from your authenticator app").fill(code_from_key(device.bin_key))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/")
