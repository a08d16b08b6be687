"""Mail backends for environments without a real mail server."""

from smtplib import SMTPException

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class ConsoleAndFileBackend(ConsoleBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_backend = FileBackend(*args, **kwargs)

    def send_messages(self, email_messages):
        self.file_backend.send_messages(email_messages)
        return super().send_messages(email_messages)


class UnconfiguredBackend(BaseEmailBackend):
    """Refuses to send, so queued mail stays pending (and visible) until EMAIL_HOST is set."""

    def send_messages(self, email_messages):
        raise SMTPException("No mail server is configured: set EMAIL_HOST.")
