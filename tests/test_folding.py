import pytest

from extractor.folding import fold, fold_key, fold_tones, strip_accents


@pytest.mark.parametrize("old, new", [
    ("Tỉnh uỷ", "Tỉnh ủy"), ("khoá XII", "khóa XII"), ("hoà bình", "hòa bình"),
    ("Uỷ ban", "Ủy ban"), ("thuỳ", "thùy"), ("HOÀ", "HÒA"), ("xoè", "xòe"),
])
def test_folding_old_and_new_tone_placement_fold_alike(old, new):
    assert fold(old) == fold(new)
    assert len(fold(old)) == len(old)


def test_folding_keeps_offsets_on_a_whole_text():
    text = "Ban Thường vụ Tỉnh uỷ khoá XIII họp về công tác cán bộ; Tỉnh ủy hoà giải."
    folded = fold(text)
    assert len(folded) == len(text)
    start = folded.index("tỉnh ủy")
    assert text[start:start + 7] == "Tỉnh uỷ"
    assert folded.count("tỉnh ủy") == 2


def test_folding_distinct_words_stay_distinct():
    assert fold("hỏa") != fold("hóa")
    assert fold("quý") != fold("quỳ")


def test_folding_tones_keep_case_and_regex_escapes():
    assert fold_tones(r"Uỷ ban\S+") == r"Ủy ban\S+"


def test_folding_key_folds_space_and_unicode_form():
    import unicodedata

    assert fold_key("  Tỉnh   uỷ ") == fold_key(unicodedata.normalize("NFD", "tỉnh ủy"))


def test_folding_strip_accents_for_slugs():
    assert strip_accents("Đảng bộ Khối") == "dang bo khoi"
