"""schema.org data as a JSON-LD script element: how every page type that has some writes it."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# Characters that could end the script element or start HTML, escaped inside JSON strings.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )
