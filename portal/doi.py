"""DOIs as editors paste them and readers follow them: one check for every page citing a paper."""

import re

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_URL_PREFIX = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
DOI_ERROR = "Enter a DOI such as 10.1186/1748-5908-7-37."


def normalise_doi(value):
    """The bare DOI, from what an editor pasted: a doi.org link and a 'doi:' prefix are dropped."""
    return DOI_URL_PREFIX.sub("", value.strip())


def is_doi(value):
    return bool(DOI_PATTERN.match(value))


def doi_url(doi):
    return f"https://doi.org/{doi}" if doi else ""
