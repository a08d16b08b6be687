"""Benchmark: the portal under load, as production serves it. Not a test: run it by hand.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
    REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python benchmarks/load.py [--items 1000] [--duration 10] [--port 18150]

Needs PostgreSQL, Redis and `wrk` (Debian: `apt-get install wrk`). The database named in
DATABASE_URL is emptied and filled with the demo site plus `--items` events and `--items`
resources (`--reuse` keeps what an earlier run built). It then serves the portal with
production settings under gunicorn (2 sync workers) three times at once: on `--port` with the
page cache ("cached"); on `--port + 1` without it, as editors, readers with a session and
missed pages are served, with what pages keep until content changes (site, menus, rendered
fragments) in Redis ("uncached"); and on `--port + 2` keeping nothing at all, every request
rendered from the database ("nothing kept": the first reader after a change). For each page
type it prints requests per second and p50/p99 latency from wrk (20 connections, gzip accepted
as browsers do), with its ratio to a static CSS file served by the same server in the same run:
the ceiling. Then:

- one worker's memory (RSS) before and after 10,000 requests (`--soak`) that cycle through every
  page type, served by a one-worker server with the page cache;
- two app servers as one site: a change published by a third process sharing the database and
  Redis shows at once through both, and the sign-up form's rate limit counts posts to both.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "benchmark-only-key-benchmark-only-key-benchmark-only-key",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    # Production needs an https address; only emailed links use it.
    "WAGTAILADMIN_BASE_URL": "https://127.0.0.1",
}
# Collected static files (hashed and compressed, as in production) for this run only.
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-load-static-")
os.environ.update(SERVER_ENV, STATIC_ROOT=STATIC_ROOT)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402


def build_content(items):
    from datetime import timedelta

    from django.utils import timezone
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Page

    from events.models import EventIndexPage, EventPage, EventType
    from library.models import LibraryIndexPage, ResourcePage, ResourceType, Topic

    Page.get_first_root_node().get_children().delete()
    call_command("load_demo_content", verbosity=0)
    for model in (EventPage, ResourcePage):
        post_save.disconnect(post_save_signal_handler, sender=model)
    events = EventIndexPage.objects.get()
    library = LibraryIndexPage.objects.get()
    types, resource_types = list(EventType.objects.all()), list(ResourceType.objects.all())
    topics = list(Topic.objects.all())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n in range(items):
        start = now + timedelta(days=n - items // 2)
        events.add_child(
            instance=EventPage(
                title=f"Sedation and delirium meeting {n}",
                slug=f"bench-event-{n}",
                summary="A meeting about sedation, delirium and weaning audits.",
                event_type=types[n % len(types)],
                start=start,
                end=start + timedelta(hours=2),
                format=EventPage.Format.ONLINE,
                joining_details="The link is emailed the day before.",
            )
        )
        library.add_child(
            instance=ResourcePage(
                title=f"Sedation audit toolkit {n}",
                slug=f"bench-resource-{n}",
                summary="How to audit sedation and delirium practice on a paediatric unit.",
                resource_type=resource_types[n % len(resource_types)],
                topics=topics[n % len(topics) : n % len(topics) + 2],
                publication_date=f"{2015 + n % 10}-{1 + n % 12:02d}-01",
                body=[("paragraph", "<p>Sedation scores, delirium screening, audit.</p>")],
            )
        )
    call_command("update_index", verbosity=0)


def urls():
    from events.models import EventIndexPage, EventPage
    from library.models import LibraryIndexPage, ResourcePage

    event = EventPage.objects.live().filter(slug__startswith="bench-event").last()
    resource = ResourcePage.objects.live().filter(slug__startswith="bench-resource").last()
    return {
        "home": "/",
        "listing: events": EventIndexPage.objects.get().url,
        "listing: library": LibraryIndexPage.objects.get().url,
        "detail: event": event.url,
        "detail: resource": resource.url,
        "site search": "/search/?query=sedation",
        "calendar feed": "/events/feed.ics",
        "sitemap": "/sitemap.xml",
        "static CSS (ceiling)": "/static/css/portal.css",
    }


def start_server(port, page_cache, workers=2, cache_content=True):
    env = {
        **os.environ,
        "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
        "CACHE_CONTENT": "true" if cache_content else "false",
    }
    server = subprocess.Popen(  # noqa: S603 (our own command line)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not start on port {port}")


def wrk(url, duration, script=None):
    output = subprocess.run(  # noqa: S603
        [  # noqa: S607 (wrk from the system's packages, wherever it is on the PATH)
            "wrk",
            "--threads=2",
            "--connections=20",
            f"--duration={duration}s",
            "--latency",
            "--header=Accept-Encoding: gzip",
            *([f"--script={script}"] if script else []),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", output).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", output).group(1)
    return rate, p50, p99, requests


def workers_of(server):
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server.pid:
            children.append(int(stat.parent.name))
    return children


def rss_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def memory_after(requests, port, paths):
    """One worker's RSS after a first request of each page type, and after `requests` more that
    take the page types in turn (a leak would show as growth)."""
    server = start_server(port, page_cache=True, workers=1)
    try:
        [worker] = workers_of(server)
        for path in paths:
            get(f"http://127.0.0.1:{port}{path}")
        before = rss_mb(worker)
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            quoted = ", ".join(f'"{path}"' for path in paths)
            script.write(
                f"local paths = {{{quoted}}}\nlocal n = 0\n"
                "request = function()\n  n = n + 1\n"
                "  return wrk.format(nil, paths[n % #paths + 1])\nend\n"
            )
            script.flush()
            served = 0
            while served < requests:
                served += wrk(f"http://127.0.0.1:{port}/", 5, script.name)[3]
        return before, rss_mb(worker), served
    finally:
        server.terminate()
        server.wait()


def get(url):
    # Generous: a server may still be answering the last load test's queued requests.
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310
        return response.read().decode()


def post_status(url, data):
    request = urllib.request.Request(url, data=data.encode(), method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def two_servers_as_one_site(cached_port, other_port):
    from home.models import HomePage

    for port in (cached_port, other_port):
        get(f"http://127.0.0.1:{port}/")  # both fill the shared cache
    home = HomePage.objects.get()
    home.hero_title = f"Published at {time.time():.0f}"
    home.save_revision().publish()
    seen = [
        home.hero_title in get(f"http://127.0.0.1:{port}/") for port in (cached_port, other_port)
    ]
    print(f"\nA change published by a third process shows at once on both servers: {all(seen)}")

    statuses = [
        post_status(f"http://127.0.0.1:{port}/notifications/", "signup-email=bench@example.org")
        for port in [cached_port, other_port] * 6
    ]
    print(
        "Sign-up posts alternating between the servers (limit 10 an hour): "
        f"{statuses.count(429)} of 12 refused, first refusal at post {statuses.index(429) + 1}"
        if 429 in statuses
        else f"Sign-up posts alternating between the servers: none refused ({statuses})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000, help="events, and resources")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--port", type=int, default=18150)
    parser.add_argument("--reuse", action="store_true", help="keep the content already built")
    parser.add_argument("--soak", type=int, default=10_000, help="requests for the memory figure")
    args = parser.parse_args()
    if "postgres" not in os.environ.get("DATABASE_URL", "") or not os.environ.get("REDIS_URL"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database and REDIS_URL (see above).")

    call_command("migrate", verbosity=0)
    if not args.reuse:
        print(f"Building the demo site with {args.items} events and resources…", flush=True)
        build_content(args.items)
    from django.core.cache import cache

    cache.clear()
    with connection.cursor() as cursor:
        # As autovacuum would have by now (this machine's server runs without it), so that plans
        # fit the data.
        cursor.execute("VACUUM ANALYZE")
    pages = urls()
    call_command("collectstatic", verbosity=0, interactive=False)
    cached = start_server(args.port, page_cache=True)
    uncached = start_server(args.port + 1, page_cache=False)
    nothing_kept = start_server(args.port + 2, page_cache=False, cache_content=False)
    try:
        results = {}
        for label, port in (
            ("cached", args.port),
            ("uncached", args.port + 1),
            ("nothing kept", args.port + 2),
        ):
            for name, path in pages.items():
                if label != "cached" and name.startswith("static"):
                    continue
                url = f"http://127.0.0.1:{port}{path}"
                get(url)
                results[(label, name)] = wrk(url, args.duration)
                print(label, name, *results[(label, name)], flush=True)
        ceiling = results[("cached", "static CSS (ceiling)")][0]
        print(f"\n{'page type':24} {'':12} {'req/s':>8} {'p50':>9} {'p99':>9} {'÷ static':>9}")
        for (label, name), (rate, p50, p99, _) in results.items():
            print(f"{name:24} {label:12} {rate:8.1f} {p50:>9} {p99:>9} {rate / ceiling:9.1%}")
        two_servers_as_one_site(args.port, args.port + 1)
    finally:
        for server in (cached, uncached, nothing_kept):
            server.terminate()
            server.wait()
    try:
        before, after, served = memory_after(args.soak, args.port + 3, list(pages.values()))
        print(
            f"\nOne worker's memory (RSS): {before:.0f} MB after one request of each page "
            f"type, {after:.0f} MB after {served:,} more"
        )
    finally:
        shutil.rmtree(STATIC_ROOT)


if __name__ == "__main__":
    main()
