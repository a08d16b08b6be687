"""Reading the library's pages the way a reader sees them."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response):
    return [link.get_text(strip=True) for link in soup(response).select(".resource-summary h3 a")]


def result_count(response):
    return soup(response).select_one(".result-count").get_text(" ", strip=True)
