"""Organization names: the cases in corpus/cases/organizations.jsonl, with the segmenter's words."""

import pytest

from conftest import load_cases
from extractor.resources import load_list
from extractor.rules.names.organizations import find_organizations
from extractor.segment import segment


@pytest.mark.parametrize("case", load_cases("organizations.jsonl"))
def test_organizations_cases(case):
    text = case["text"]
    word_starts = {start for start, _ in segment(text).tokens}
    assert [text[m.start:m.end] for m in find_organizations(text, word_starts=word_starts)] == case["expect"]


def test_organizations_known_place_keeps_a_district_named_after_a_person():
    text = "Ban Thường vụ Huyện ủy Trần Văn Thời họp."

    def is_place(tokens, i):
        return 3 if [t.text for t in tokens[i:i + 3]] == ["Trần", "Văn", "Thời"] else 0

    word_starts = {start for start, _ in segment(text).tokens}
    [match] = find_organizations(text, is_place, word_starts=word_starts)
    assert text[match.start:match.end] == "Ban Thường vụ Huyện ủy Trần Văn Thời"
    [match] = find_organizations(text, word_starts=word_starts)
    assert text[match.start:match.end] == "Ban Thường vụ Huyện ủy"


@pytest.mark.parametrize("level", load_list("org_level_abbreviations.txt"))
def test_organizations_every_dotted_level_abbreviation_takes_its_place(level):
    text = f"Đảng bộ {level}. Tân Thành tổ chức đại hội."
    assert [text[m.start:m.end] for m in find_organizations(text)] == [f"Đảng bộ {level}. Tân Thành"]


@pytest.mark.parametrize("word", load_list("org_never_name_words.txt"))
def test_organizations_a_term_word_glued_to_the_name_stays_out(word):
    text = f"Ông là ủy viên BCH TƯ {word} mới."
    word_starts = {start for start, _ in segment(text).tokens} - {text.index(word)}   # glued, as the segmenter may
    assert [text[m.start:m.end] for m in find_organizations(text, word_starts=word_starts)] == [
        "BCH TƯ"]
