"""A real Redis for tests that need one: its own `redis-server` on a free loopback port.

Never the shared Redis on 6379: each test gets a server of its own, with no persistence, that
it may fill, cap or pause (`pause()` stops the process with SIGSTOP, as a Redis stuck on a
full disk or a long fork hangs) without touching any other test.
"""

import os
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager

import pytest
import redis

from config.settings.base import redis_cache
from tests.mail_server import free_port


def redis_server_program():
    """`redis-server`; without it a test is skipped, except in CI (`.ci/run` installs it)."""
    program = shutil.which("redis-server")
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")
    return program


class RedisServer:
    def __init__(self, *, maxmemory=None, policy="allkeys-lru"):
        program = redis_server_program()
        self.port = free_port()
        self.directory = tempfile.mkdtemp(prefix="test-redis-")
        arguments = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        arguments += ["--appendonly", "no", "--dir", self.directory]
        if maxmemory:
            arguments += ["--maxmemory", maxmemory, "--maxmemory-policy", policy]
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed arguments
            [program, *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = redis.Redis(port=self.port, socket_timeout=2)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise
                time.sleep(0.05)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def info(self, section):
        return self.client.info(section)

    @contextmanager
    def paused(self):
        """Redis hangs (SIGSTOP) for the block: connections open, nothing answered."""
        os.kill(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        self.client.close()
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture
def redis_server(settings):
    """A Redis of the test's own, used as Django's cache as production uses it."""
    server = RedisServer()
    settings.CACHES = {"default": redis_cache(server.url)}
    yield server
    server.stop()


@pytest.fixture
def capped_redis_server(settings, request):
    """A Redis capped at 1.5 MB, as a small managed plan is; the eviction policy is the test's
    `param` (default allkeys-lru)."""
    policy = getattr(request, "param", "allkeys-lru")
    server = RedisServer(maxmemory="1500kb", policy=policy)
    settings.CACHES = {"default": redis_cache(server.url)}
    yield server
    server.stop()
