"""Places (spec §2 LOC): the corpus of cases, the spans and levels, and every lexicon entry exercised."""

import pytest

from conftest import load_cases
from extractor.resources import load_list, load_table
from extractor.rules.names.places import PlaceMatch, find_places, known_place_level


def _surfaces(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_places(text)]


@pytest.mark.parametrize("case", load_cases("places.jsonl"))
def test_places_cases(case):
    assert _surfaces(case["text"]) == case["expect"]


@pytest.mark.parametrize("case", load_cases("places.jsonl"))
def test_places_spans_ordered_and_disjoint(case):
    matches = find_places(case["text"])
    for m in matches:
        assert m.outer_start <= m.start < m.end <= len(case["text"])
    for before, after in zip(matches, matches[1:]):
        assert before.end <= after.outer_start


def test_places_level_word_span_and_level():
    text = "Đoàn về tỉnh Bắc Kạn hôm qua."
    assert find_places(text) == [PlaceMatch(13, 20, "province", 8, "level_word+name")]
    assert text[8:20] == "tỉnh Bắc Kạn"


def test_places_numbered_and_fused_keep_their_level_word():
    text = "Ở phường 12, quận 5, TP.HCM"
    got = [(text[m.outer_start:m.end], text[m.start:m.end], m.level, m.rule) for m in find_places(text)]
    assert got == [("phường 12", "phường 12", "commune", "numbered_unit"),
                   ("quận 5", "quận 5", "district", "numbered_unit"),
                   ("TP.HCM", "TP.HCM", "city", "fused_city")]


def test_places_levels_of_each_rule():
    text = "Xã Ngọc Vân, huyện Tân Yên (Bắc Giang) và thôn Hội Phú; hàng sang Lào, Tây Nguyên; ở Hà Nội."
    got = {text[m.start:m.end]: m.level for m in find_places(text)}
    assert got == {"Ngọc Vân": "commune", "Tân Yên": "district", "Bắc Giang": "province", "Hội Phú": "village",
                   "Lào": "country", "Tây Nguyên": "region", "Hà Nội": "city"}


def test_places_offsets_survive_old_tone_placement():
    text = "tại tỉnh Thanh Hoá và Khánh Hoà"
    assert _surfaces(text) == ["Thanh Hoá", "Khánh Hoà"]


def test_places_gazetteer_holds_units_before_and_after_2025():
    assert known_place_level("Bắc Kạn") == "province"       # merged into Thái Nguyên in 2025
    assert known_place_level("Thái Nguyên") == "province"
    assert known_place_level("Trần Văn Thời") == "district"  # the district level ended in 2025
    assert known_place_level("Hà Nội") == "city"
    assert known_place_level("Lào") == "country"
    assert known_place_level("Nội Trung") is None           # villages are in no gazetteer


@pytest.mark.parametrize("name", load_list("place_countries.txt") + load_list("place_regions.txt")
                         + load_list("place_fused_cities.txt") + load_list("place_historic.txt")
                         + load_list("place_islands.txt"))
def test_places_every_listed_name_is_found(name):
    assert _surfaces(f"Đoàn công tác đến {name} hôm qua.") == [name]


@pytest.mark.parametrize("row", load_table("place_level_words.txt", 3), ids=lambda row: row[0])
def test_places_every_level_word_takes_what_it_says(row):
    word, _level, takes = row
    glue = "" if word.endswith(".") and takes == "number" else " "
    if takes in ("name", "both", "native"):
        assert _surfaces(f"Cán bộ ở {word} Tân Lập đã có mặt.") == ["Tân Lập"]
    if takes in ("number", "both"):
        assert _surfaces(f"Cán bộ ở {word}{glue}7 đã có mặt.") == [f"{word}{glue}7"]
    if takes == "number":
        assert _surfaces(f"Cán bộ ở {word} Tân Lập đã có mặt.") == []


@pytest.mark.parametrize("phrase", load_list("place_not_names.txt"))
def test_places_every_not_name_phrase_blocks(phrase):
    # an unknown capitalised name after the phrase must not turn it into a place
    assert _surfaces(f"Bài viết nói về {phrase} Đồng Chằm hôm nay.") == []


def test_places_a_known_name_outweighs_a_blocking_phrase():
    assert _surfaces("Bà con xã Hội Xuân đã góp công.") == ["Hội Xuân"]


@pytest.mark.parametrize("text", ["Sài gòn là món ăn quen.", "Ông Sài Gòn đã về.", "Hoàng sa mù phủ kín."])
def test_places_a_historic_or_island_name_needs_its_capitals_and_no_person_before_it(text):
    assert _surfaces(text) == []
