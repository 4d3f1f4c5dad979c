"""extractor/rules/numbers: the corpus in corpus/cases/numbers.jsonl, plus value and offset invariants."""

import itertools
import json
from decimal import Decimal

import pytest

from conftest import load_cases
from extractor.resources import DATA_DIR, load_list, load_table
from extractor.rules.numbers import find_numbers, normalise, parse_number, to_json

_KINDS = {"count", "percent", "ratio", "range", "year", "date", "time", "ordinal", "money", "age", "phone", "symbol",
          "slogan", "footnote"}


_BASE = ("surface", "value", "kind", "approx", "high", "total")


def _describe(text, match):
    return {"surface": text[match.start:match.end], "value": str(match.value), "kind": match.kind,
            "approx": match.approx, "high": None if match.high is None else str(match.high),
            "total": None if match.total is None else str(match.total),
            "qualifier": text[match.qualifier_start:match.start], "words": match.words}


@pytest.mark.parametrize("case", load_cases("numbers.jsonl"))
def test_numbers_find_numbers(case):
    """Each expected match names the fields it checks (`qualifier` and `words` are optional)."""
    got = [_describe(case["text"], m) for m in find_numbers(case["text"])]
    shown = [{k: g[k] for k in (e or _BASE)} for g, e in itertools.zip_longest(got, case["expect"]) if g]
    assert shown == case["expect"]


def test_numbers_corpus_has_positive_and_negative_cases():
    cases = [c.values[0] for c in load_cases("numbers.jsonl")]
    assert len(cases) >= 60
    assert sum(not c["expect"] for c in cases) >= 5
    assert {e["kind"] for c in cases for e in c["expect"]} == _KINDS


@pytest.mark.parametrize("written, value", [
    ("8.600", "8600"), ("15.990", "15990"), ("2.003", "2003"), ("1.056.000", "1056000"), ("8,2", "8.2"),
    ("8,2 vạn", "82000"), ("1,5 triệu", "1500000"), ("2,4 triệu", "2400000"), ("3 nghìn", "3000"), ("06", "6"),
    ("46,2%", "46.2"), ("100%", "100"), ("hai mươi lăm", "25"), ("một", "1"), ("mười hai", "12"),
    ("bốn", "4"),
    ("một trăm linh năm", "105"), ("ba nghìn", "3000"), ("hai mươi mốt", "21"), ("chín mươi tư", "94"),
    ("năm", "5"), ("Hai triệu ba trăm nghìn", "2300000"),
])
def test_numbers_parse_number(written, value):
    parsed = parse_number(written)
    assert isinstance(parsed, Decimal) and str(parsed) == value


@pytest.mark.parametrize("written", ["", "một số", "abc", "hai mươi năm", "mười mốt", "nghìn",
                                     "8.600 đảng viên", "lăm", "không"])
def test_numbers_parse_number_rejects(written):
    assert parse_number(written) is None


def test_numbers_values_are_exact_decimals_never_floats():
    for case in load_cases("numbers.jsonl"):
        for match in find_numbers(case.values[0]["text"]):
            for value in (match.value, match.high, match.total):
                if value is not None:
                    assert isinstance(value, Decimal) and not isinstance(value, float)
                    assert "E" not in str(value) and str(value) == str(normalise(value))


def test_numbers_to_json_gives_ints_and_short_floats():
    assert normalise(Decimal("8.2") * 10000) == Decimal("82000") and str(normalise(Decimal("8.2") * 10000)) == "82000"
    assert to_json(Decimal("8.2") * 10000) == 82000 and type(to_json(Decimal("8.2") * 10000)) is int
    assert type(to_json(Decimal("100"))) is int and to_json(Decimal("1E+2")) == 100
    assert json.dumps([to_json(Decimal("46.20")), to_json(Decimal("0.1") * 3)]) == "[46.2, 0.3]"


def test_numbers_offsets_order_and_kinds(shared_articles):
    for path in sorted(shared_articles.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        previous_end = 0
        for match in find_numbers(text):
            assert previous_end <= match.qualifier_start <= match.start < match.end <= len(text)
            assert match.kind in _KINDS and match.approx in ("exact", "over", "under", "about") and match.rule
            assert match.high is None or match.high > match.value
            previous_end = match.end


def test_numbers_data_files_say_what_they_are():
    files = sorted(DATA_DIR.glob("number_*"))
    assert len(files) >= 6
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


# Every lexicon row is exercised (style.md: "every lexicon entry needs an example that exercises it").

def _single(text):
    found = find_numbers(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("phrase, approx, side, kind", load_table("number_qualifiers.tsv", 4))
def test_numbers_every_qualifier(phrase, approx, side, kind):
    number = "20 tuổi" if kind == "age" else "20 đảng viên"
    text = {"before": f"Đơn vị có {phrase} {number}.", "after": f"Đơn vị có {number} {phrase}.",
            "opener": f"Đơn vị có {phrase} {number} trở lên.",
            "between": f"Đơn vị có 10 {phrase} {number}."}[side]
    match = _single(text)
    assert match.approx == approx and (match.kind == "range") == (side == "between")
    assert text[match.qualifier_start:match.start] == (
        f"{phrase} " if side in ("before", "opener") and approx != "exact" else "")


@pytest.mark.parametrize("unit, kind", load_table("number_units.tsv", 2))
def test_numbers_every_unit(unit, kind):
    match = _single(f"Có 5 {unit}.")
    assert match.kind == {"slogan_end": "slogan"}.get(kind, kind)


@pytest.mark.parametrize("word, kind", load_table("number_context.tsv", 2))
def test_numbers_every_context_word(word, kind):
    match = _single(f"Có {word} {2019 if kind == 'year' else 7} ở đây.")
    assert match.kind == {"rank": "ordinal"}.get(kind, kind)


@pytest.mark.parametrize("word, value, role", load_table("number_words.tsv", 3))
def test_numbers_every_number_word(word, value, role):
    written, expected = {"digit": (word, int(value)), "unit": (f"hai mươi {word}", 20 + int(value)),
                         "ten": (word, 10), "tens": (f"hai {word}", 20), "hundred": (f"hai {word}", 200),
                         "zero_tens": (f"một trăm {word} hai", 102), "scale": (f"hai {word}", 2 * int(value)),
                         "ordinal": (None, None)}[role]
    if role == "ordinal":
        match = _single(f"Thứ {word}, họp chi bộ.")
        assert (match.kind, match.value, match.words) == ("ordinal", int(value), True)
    elif expected == 0:                                   # "không" only inside a number
        assert parse_number(word) is None and parse_number(f"một nghìn {word} trăm linh một") == 1001
    else:
        assert parse_number(written) == expected


@pytest.mark.parametrize("idiom", load_list("number_idioms.txt"))
def test_numbers_every_idiom_hides_its_number_word(idiom):
    assert not [m for m in find_numbers(f"Họ nói {idiom} rồi.") if m.words]


@pytest.mark.parametrize("noun", load_list("number_counters.txt"))
def test_numbers_every_counted_noun_makes_a_count(noun):
    match = _single(f"Sau sắp xếp còn 2020 {noun} như cũ.")
    assert match.kind == "count"
