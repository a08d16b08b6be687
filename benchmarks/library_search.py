"""Benchmark: library and site search with 10,000 pages. Not a test: run it by hand.

    .venv/bin/python benchmarks/library_search.py                 # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python benchmarks/library_search.py             # PostgreSQL full-text search

It creates a throwaway database (Django's test database: `test_<name>`, dropped at the end),
builds a library of resources with made-up titles, summaries, bodies, authors and topics,
then times each search scenario several times and prints the median and slowest time for:

- the search itself: count plus the first page of results, as the listing or search page runs it;
- the whole page as a reader gets it, rendered through Django's test client with nothing kept
  (no page cache, no kept fragments), as the first reader after a change gets it.

Library scenarios search the library's resources; "site:" scenarios use the site search box,
which searches every page.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

# Each made-up resource is about a few subjects (so a subject's word is in about one resource in
# seven, as a clinical topic would be) and written in everyday words; every summary says
# "paediatric intensive care", the worst case: a word in every resource.
SUBJECTS = (  # noqa: SIM905 (a paragraph of words reads better than a list)
    "sedation ventilation delirium weaning nutrition feeding audit pathway checklist "
    "bundle family nursing pharmacy physiotherapy antibiotics sepsis transfusion pain "
    "mobilisation extubation handover rounds dashboard feedback champions barriers "
    "facilitators fidelity adoption sustainability context adaptation evaluation cost "
    "outcomes qualitative survey interviews protocol consent registry network regional"
).split()
SUBJECTS_PER_RESOURCE = 6
EVERYDAY = (  # noqa: SIM905
    "practice team staff unit children patients parents change study trial evidence "
    "guidance service hospital training teaching learning review plan report results data "
    "measure support local national shared group meeting early daily weekly time safety "
    "quality improvement process people use needs work design approach model tool"
).split()
SURNAMES = (  # noqa: SIM905
    "Ahmed Brown Chen Davies Evans Fraser Gill Hughes Iqbal Jones Khan Lewis Morgan Nair "
    "Owen Patel Quinn Roberts Singh Taylor Usman Vaughan Walker Young"
).split()
SCENARIOS = {
    "one word": {"q": "sedation"},
    "two words": {"q": "delirium audit"},
    "a word in every resource": {"q": "paediatric"},
    "author's name": {"q": "Vaughan"},
    "words + topics + type + sort": {
        "q": "feedback",
        "topic": ["trials", "education"],
        "type": "guideline",
        "sort": "title",
    },
    "filters only, page 3": {"topic": "implementation-science", "year": "2022", "page": "3"},
    "no match": {"q": "xylophone"},
}
SITE_SCENARIOS = {
    "site: one word": "sedation",
    "site: two words": "delirium audit",
    "site: a word in every resource": "paediatric",
    "site: no match": "xylophone",
}


def build_library(count, seed):
    from wagtail.models import Page, Site

    from home.models import HomePage
    from library.models import LibraryIndexPage, ResourcePage, ResourceType, Topic

    root = Page.get_first_root_node()
    root.get_children().delete()
    home = root.add_child(
        instance=HomePage(title="Home", slug="home", hero_title="Home", purpose="<p>x</p>")
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    library = home.add_child(instance=LibraryIndexPage(title="Library", slug="library"))

    # Indexed in one go at the end (as `update_index` does after an import), not page by page,
    # and with no reference index (what links to what): only search is measured here.
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import update_reference_index_on_save

    for model in (ResourcePage, LibraryIndexPage, HomePage):
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.disconnect(update_reference_index_on_save, sender=model)

    rng = random.Random(seed)  # noqa: S311 (repeatable made-up data, not security)
    topics = list(Topic.objects.all())
    types = list(ResourceType.objects.all())
    for number in range(count):
        subjects = rng.sample(SUBJECTS, SUBJECTS_PER_RESOURCE)

        def words(n, subjects=subjects):
            return " ".join(
                rng.choice(subjects if rng.random() < 0.3 else EVERYDAY) for _ in range(n)
            )

        library.add_child(
            instance=ResourcePage(
                title=f"{words(4).capitalize()} ({number})",
                slug=f"resource-{number}",
                summary=f"{words(20).capitalize()} in paediatric intensive care.",
                resource_type=rng.choice(types),
                topics=rng.sample(topics, rng.randint(1, 3)),
                authors=", ".join(rng.sample(SURNAMES, 3)),
                publication_date=f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-01",
                body=[("paragraph", f"<p>{words(120)}.</p>") for _ in range(3)],
            )
        )
    # Topic names reach the index once the topics are saved, as publishing does.
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # As autovacuum would have by now: statistics, so plans fit the data, and the tables'
            # visibility maps, so PostgreSQL can answer from indexes alone.
            cursor.execute("VACUUM ANALYZE")
    return library


def time_it(action, repeat):
    action()  # Warm up: compiled templates, site root paths, connection.
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings)


def run(count, repeat, seed, reuse):
    from wagtail.models import Page

    from library.forms import LibraryFilterForm
    from library.models import ResourceType, Topic

    started = time.perf_counter()
    if reuse:
        from library.models import LibraryIndexPage

        library = LibraryIndexPage.objects.get()
        print("Reusing the library of an earlier run kept with --keep.\n")
    else:
        print(f"Database: {connection.vendor}; building {count} resources…", flush=True)
        library = build_library(count, seed)
        print(f"Built and indexed in {time.perf_counter() - started:.0f} s.\n")

    client = Client()
    # Kept fragments would serve every repeat of a page; the page column measures building it.
    settings.CACHE_CONTENT = False
    rows = []
    for name, params in SCENARIOS.items():
        query = QueryDict(mutable=True)
        for key, value in params.items():
            query.setlist(key, value if isinstance(value, list) else [value])
        resources = library.resources_for_listing()

        def search(query=query, resources=resources):
            form = LibraryFilterForm(
                query,
                topics=Topic.objects.all(),
                resource_types=ResourceType.objects.all(),
                years=[],
            )
            results = form.search(resources)
            return results.count(), list(results[:10])

        found, _ = search()
        search_median, search_max = time_it(search, repeat)
        page_median, page_max = time_it(
            lambda params=params: client.get(library.url, params), repeat
        )
        rows.append((name, found, search_median, search_max, page_median, page_max))

    for name, words in SITE_SCENARIOS.items():

        def search(words=words):
            results = Page.objects.live().public().specific().search(words)
            return results.count(), list(results[:10])

        found, _ = search()
        search_median, search_max = time_it(search, repeat)
        page_median, page_max = time_it(
            lambda words=words: client.get("/search/", {"query": words}), repeat
        )
        rows.append((name, found, search_median, search_max, page_median, page_max))

    print(
        f"{'scenario':32} {'found':>6} {'search median':>14} {'max':>8} "
        f"{'page median':>12} {'max':>8}"
    )
    for name, found, search_median, search_max, page_median, page_max in rows:
        print(
            f"{name:32} {found:>6} {search_median:>11.1f} ms {search_max:>5.1f} ms "
            f"{page_median:>9.1f} ms {page_max:>5.1f} ms"
        )
    overall = statistics.median(row[2] for row in rows)
    print(f"\nMedian search time over all scenarios: {overall:.1f} ms ({count} resources).")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "EXPLAIN SELECT 1 FROM wagtailsearch_indexentry "
                "WHERE (title || body) @@ plainto_tsquery('xylophone')"
            )
            plan = " ".join(row[0] for row in cursor.fetchall())
        # A rare word: for one in every page, reading the whole table is rightly cheaper.
        print(
            "Index used for a rare word:",
            "yes" if "portal_search_title_body_gin" in plan else "NO",
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per scenario")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database to look into")
    parser.add_argument("--reuse", action="store_true", help="use the database kept by --keep")
    args = parser.parse_args()

    setup_test_environment()
    with tempfile.TemporaryDirectory() as scratch:
        if connection.vendor == "sqlite":
            # A file, as in production, rather than SQLite's in-memory test database.
            connection.settings_dict["TEST"]["NAME"] = str(Path(scratch) / "bench.db")
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, keepdb=args.reuse
        )
        try:
            run(args.resources, args.repeat, args.seed, args.reuse)
        finally:
            if args.keep:
                print(f"Kept the database {connection.settings_dict['NAME']}.")
            else:
                connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
