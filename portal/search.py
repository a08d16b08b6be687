"""What every search box on the site shares: a length limit and plain-word queries."""

import re

MAX_QUERY_LENGTH = 200
QUERY_TOO_LONG_MESSAGE = f"Please search for {MAX_QUERY_LENGTH} characters or fewer."
# Search backends give some characters a meaning (quotes, brackets, '*') and some of them fail
# on unbalanced ones; readers mean words.
WORD = re.compile(r"\w+")


def plain_words(query):
    """The words of a reader's query, safe to hand to any search backend ("" if none)."""
    return " ".join(WORD.findall(query))
