"""Whatever someone types, the search answers: quotes, operators and stray symbols are
words or nothing, never an error (an error's message could carry the words to a log)."""

import pytest
from django.urls import reverse
from django.utils import translation

ODD_QUERIES = [
    "o'brien",
    "fosa & clandestina",
    "fosa | !clandestina",
    "fosa:*",
    "((fosa",
    "\\",
    "<-> <2>",
    '"fosa clandestina',
    "%_",
    "fosa\x00clandestina",
    "AND OR NOT",
    "-fosa",
    "fosa*",
    "…",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_are_answered(client, curriculum, query):
    with translation.override("es"):
        url = reverse("search:search")
    assert client.get(url, {"q": query}).status_code == 200
