"""Person names, photo credits and titles."""

import pytest

from conftest import load_cases
from extractor.rules.names.persons import expand_abbreviations, find_names, find_photo_credits, title_case, titles_around


@pytest.mark.parametrize("case", load_cases("persons.jsonl"))
def test_persons_cases(case):
    assert [m.name for m in find_names(case["text"])] == case["expect"]


def test_persons_alias_keeps_its_surface():
    text = "Làm theo lời Bác Hồ dạy."
    [match] = find_names(text)
    assert (text[match.start:match.end], match.name, match.rule) == ("Bác Hồ", "Hồ Chí Minh", "person_alias")


@pytest.mark.parametrize("text, names", [
    ("Trao cờ cho chi bộ. (Ảnh: Thu Hằng)", ["Thu Hằng"]),
    ("Ảnh: K. Linh", ["K. Linh"]),
    ("Chi bộ chụp ảnh lưu niệm: tập thể đảng viên.", []),
])
def test_persons_photo_credits(text, names):
    assert [text[s:e] for s, e in find_photo_credits(text)] == names


def test_persons_titles_before_and_after_the_name():
    text = "Ngày 3-2, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy Đinh Văn Long đã dự."
    start = text.index("Đinh")
    assert titles_around(text, start, start + len("Đinh Văn Long"), (0, len(text))) == [
        "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"]
    text = "Đồng chí Hà Văn Tuấn, TUV, Bí thư Huyện ủy Yên Thế trao quyết định."
    start = text.index("Hà")
    assert titles_around(text, start, start + len("Hà Văn Tuấn"), (0, len(text))) == [
        "Tỉnh ủy viên", "Bí thư Huyện ủy Yên Thế"]


def test_persons_title_case_and_abbreviations():
    assert title_case("HOÀNG MY") == "Hoàng My"
    assert expand_abbreviations("Phó Chủ tịch UBND tỉnh, ĐBQH") == "Phó Chủ tịch Ủy ban nhân dân tỉnh, Đại biểu Quốc hội"
