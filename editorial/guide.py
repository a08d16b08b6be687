"""The group's own editor's guide, shown inside the admin to signed-in users.

`docs/editor-guide.md` stays the one copy: this renders it, and serves its screenshots from
`docs/screenshots/` to the same users only (the guide shows the admin, not public pages).
"""

import re

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse

GUIDE = settings.BASE_DIR / "docs" / "editor-guide.md"
SCREENSHOTS = settings.BASE_DIR / "docs" / "screenshots"
SCREENSHOT_NAME = re.compile(r"^[\w-]+\.png$")


def render_guide():
    html = markdown.markdown(
        GUIDE.read_text(encoding="utf-8"),
        # Alignment as attributes, not inline styles, which the admin's CSP would refuse.
        extensions=["tables", "toc", "sane_lists"],
        extension_configs={"tables": {"use_align_attribute": True}},
    )
    prefix = reverse("editor_guide_screenshot", args=["x.png"]).removesuffix("x.png")
    return html.replace('src="screenshots/', f'src="{prefix}')


def guide(request):
    return render(request, "editorial/guide.html", {"guide": render_guide()})


def screenshot(request, name):
    path = SCREENSHOTS / name
    if not SCREENSHOT_NAME.match(name) or not path.is_file():
        raise Http404("No such screenshot.")
    return FileResponse(path.open("rb"), content_type="image/png")
