"""The examples in corpus/cases/: every rule's positive and negative cases, one parametrized test each."""

import pytest

from conftest import load_cases
from extractor.clean import _is_furniture, clean
from extractor.folding import fold
from extractor.meta import extract_meta, find_byline, find_outlet, find_title
from extractor.rules.dates import find_dates, parse_date_line


@pytest.mark.parametrize("case", load_cases("date_lines.jsonl"))
def test_dates_parse_date_line(case):
    assert parse_date_line(case["text"]) == case["expect"]


@pytest.mark.parametrize("case", load_cases("dates.jsonl"))
def test_dates_find_dates(case):
    assert [d.iso for d in find_dates(case["text"])] == case["expect"]


@pytest.mark.parametrize("case", load_cases("cleaning.jsonl"))
def test_clean_furniture_line(case):
    assert _is_furniture(fold(case["text"])) == (case["expect"] == "furniture")
    cleaned = clean(case["text"]).text
    assert cleaned == ("" if case["expect"] == "furniture" else case["text"])


@pytest.mark.parametrize("case", load_cases("trailers.jsonl"))
def test_clean_trailers_and_repeats(case):
    assert clean(case["text"]).text == case["expect"]


@pytest.mark.parametrize("case", load_cases("bylines.jsonl"))
def test_meta_byline_and_outlet(case):
    lines = clean(case["text"]).text.split("\n")
    author, byline_outlet = find_byline(lines)
    assert {"author": author, "outlet": find_outlet(lines, byline_outlet)} == case["expect"]


@pytest.mark.parametrize("case", load_cases("titles.jsonl"))
def test_meta_title(case):
    assert find_title(clean(case["text"]).text.split("\n"), case["slug"]) == case["expect"]


def test_meta_text_date_wins_over_hints():
    from extractor.meta import Hints

    meta = extract_meta("Tiêu đề\n05/06/2021\nThân bài.", Hints(published="2020-01-01", published_from="html"))
    assert (meta["published"], meta["published_from"]) == ("2021-06-05", "text")
    meta = extract_meta("Tiêu đề\nThân bài.", Hints(published="2020-01-01", published_from="html"))
    assert (meta["published"], meta["published_from"]) == ("2020-01-01", "html")
