"""Reading the trials' pages the way a reader sees them."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response):
    return [link.get_text(strip=True) for link in soup(response).select(".trial-summary h3 a")]


def text_of(response, selector):
    element = soup(response).select_one(selector)
    return element.get_text(" ", strip=True) if element else ""
