"""A real SMTP server on loopback for tests, a mail server that is down, one that never answers,
and the background worker that sends the outbox.

`smtp_server` starts aiosmtpd on 127.0.0.1 on a free port, points Django's SMTP backend at it
and collects what it receives, so tests see mail exactly as a real server would. For "the
server is down", `smtp_server_down` points Django at a port nobody listens on (connection
refused), and `with smtp_server.down():` does the same for part of a test. `silent_smtp_host`
accepts connections and never says a word, as a mail host that hangs does.

`task_worker` switches the test to the database task queue that production uses and runs the
real worker command (`db_worker`) over it, inside the test's transaction.
"""

import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


def free_port():
    """A loopback port nothing listens on right now (another process may take it later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def refused_port():
    """A loopback port that refuses connections for as long as the block runs.

    The port stays bound by this process but never listens, so connecting is refused and no
    other test process (or server) can start listening on it in the meantime.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@dataclass
class ReceivedMail:
    envelope_from: str
    envelope_to: list[str]
    message: EmailMessage

    def __getitem__(self, header):
        return self.message[header]

    def part(self, content_type):
        """The decoded text of the first part of this type, e.g. "text/html"."""
        for part in self.message.walk():
            if part.get_content_type() == content_type:
                return part.get_content()
        raise LookupError(f"No {content_type} part in {self.message['Subject']!r}")


class CollectingHandler:
    def __init__(self):
        self.messages = []
        self.refuse_recipients = False
        self.refusal = "550 5.1.1 Mailbox unavailable (refused by the test server)"
        self.on_message = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_recipients:
            return self.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        received = ReceivedMail(
            envelope_from=envelope.mail_from,
            envelope_to=list(envelope.rcpt_tos),
            message=message_from_bytes(envelope.content, policy=policy.default),
        )
        self.messages.append(received)
        if self.on_message is not None:
            # Runs in a worker thread: the callback may use the database.
            await server.loop.run_in_executor(None, self.on_message, received)
        return "250 Message accepted for delivery"


class SMTPTestServer:
    def __init__(self, settings):
        self.settings = settings
        self.handler = CollectingHandler()
        self.host = "127.0.0.1"
        self.port = None
        self.controller = None

    def start(self, tries=3):
        # Another process may grab the free port before the server binds it: try another.
        for attempt in range(tries):
            self.port = free_port()
            self.controller = Controller(self.handler, hostname=self.host, port=self.port)
            try:
                self.controller.start()
            except (OSError, RuntimeError):
                if attempt == tries - 1:
                    raise
            else:
                return

    def stop(self):
        self.controller.stop()

    @property
    def messages(self):
        return self.handler.messages

    def to(self, address):
        """Messages whose envelope includes this recipient."""
        return [mail for mail in self.messages if address in mail.envelope_to]

    def refuse_recipients(self, refuse=True, *, temporary=False):
        """Answer every RCPT TO with 550, as a server that rejects the address would, or with
        452 (`temporary`), as one that has reached a sending limit would."""
        self.handler.refuse_recipients = refuse
        self.handler.refusal = (
            "452 4.5.3 Sending limit reached, try again later (test server)"
            if temporary
            else "550 5.1.1 Mailbox unavailable (refused by the test server)"
        )

    def on_message(self, callback):
        """Call `callback(received_mail)` while the sender waits for the server's reply."""
        self.handler.on_message = callback

    def point_django_here(self, port=None):
        self.settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        self.settings.EMAIL_HOST = self.host
        self.settings.EMAIL_PORT = port or self.port
        self.settings.EMAIL_HOST_USER = ""
        self.settings.EMAIL_HOST_PASSWORD = ""
        self.settings.EMAIL_USE_TLS = False
        self.settings.EMAIL_USE_SSL = False
        self.settings.EMAIL_TIMEOUT = 5

    @contextmanager
    def down(self):
        """Within the block, Django's connections are refused, as if the server were off."""
        with refused_port() as port:
            self.point_django_here(port=port)
            try:
                yield
            finally:
                self.point_django_here()


@pytest.fixture
def smtp_server(settings):
    """A running SMTP server on loopback that Django sends to; `.messages` is what arrived."""
    server = SMTPTestServer(settings)
    server.start()
    server.point_django_here()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_server_down(settings):
    """Django sends over SMTP to a loopback port where nothing listens: connection refused."""
    with refused_port() as port:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        yield port


@pytest.fixture
def silent_smtp_host(settings):
    """Django sends to a loopback host that accepts every connection and never replies."""
    held = []
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.2)
        stop = threading.Event()

        def accept_and_say_nothing():
            while not stop.is_set():
                try:
                    held.append(listener.accept()[0])
                except OSError:  # the timeout: look at `stop` again
                    continue

        thread = threading.Thread(target=accept_and_say_nothing, daemon=True)
        thread.start()
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = listener.getsockname()[1]
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 2
        try:
            yield listener.getsockname()[1]
        finally:
            stop.set()
            thread.join()
            for connection in held:
                connection.close()


class TaskWorker:
    def run(self):
        """Run the worker command until the queue holds nothing that is due, as cron-less
        production runs it forever. Returns what it printed."""
        out = StringIO()
        call_command(
            "db_worker", batch=True, reload=False, startup_delay=False, interval=0, stdout=out
        )
        return out.getvalue()


@pytest.fixture
def task_worker(settings, monkeypatch):
    """Tasks are stored in the database and run only when `task_worker.run()` runs the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Between tasks the worker drops its database connection when it looks stale, as a request
    # does; in a test that connection holds the test's transaction, so it is kept.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return TaskWorker()
