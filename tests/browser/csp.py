"""Catching Content-Security-Policy violations in Chromium.

Chromium reports each blocked script, style or frame on the console; a test collects those
lines for a tab and fails if there are any.
"""

CSP_CONSOLE_MARK = "Content Security Policy"


def watch_csp_violations(tab):
    """Start collecting `tab`'s CSP violations; returns the list they are added to."""
    violations = []

    def on_console(message):
        if CSP_CONSOLE_MARK in message.text:
            violations.append(f"{tab.url}: {message.text}")

    tab.on("console", on_console)
    return violations
