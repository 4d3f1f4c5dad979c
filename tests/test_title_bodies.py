"""A person's title runs over the whole name of the body it heads, as the organization rules read it."""

import pytest

from extractor.api import extract


def _titles(text: str, name: str) -> list[str]:
    return next(p["titles"] for p in extract(text)["persons"] if p["name"] == name)


@pytest.mark.parametrize("text, name, titles", [
    ("Ông Trần Văn Lâm, Cục trưởng Cục Chống buôn lậu, phát biểu.", "Trần Văn Lâm",
     ["Cục trưởng Cục Chống buôn lậu"]),
    ("Ông Lê Hữu Tài, Giám đốc Bệnh viện đa khoa huyện Nông Cống, cho biết.", "Lê Hữu Tài",
     ["Giám đốc Bệnh viện đa khoa huyện Nông Cống"]),
    ("Phó Cục trưởng Cục Kiểm soát hoạt động bảo vệ trẻ em Hà Thị Lan phát biểu.", "Hà Thị Lan",
     ["Phó Cục trưởng Cục Kiểm soát hoạt động bảo vệ trẻ em"]),
    ("Ông Hồ Văn Mười, nguyên Chủ tịch Hội đồng thành viên Tổng công ty Lương thực, dự lễ.", "Hồ Văn Mười",
     ["nguyên Chủ tịch Hội đồng thành viên Tổng công ty Lương thực"]),
    ("Bà Võ Thị Hoa, nguyên Trưởng Ban biên tập Tạp chí Sông Lam, kể lại.", "Võ Thị Hoa",
     ["nguyên Trưởng Ban biên tập Tạp chí Sông Lam"]),
])
def test_title_bodies_a_title_takes_the_lower_case_words_of_its_body(text, name, titles):
    assert _titles(text, name) == titles


@pytest.mark.parametrize("text, name, titles", [
    ("Giám đốc Sở Tài nguyên Trần Văn Lâm quản lý đất đai rất chặt.", "Trần Văn Lâm",
     ["Giám đốc Sở Tài nguyên"]),
    ("Ông Lê Hữu Tài, Giám đốc Trung tâm y tế, cho biết.", "Lê Hữu Tài", ["Giám đốc Trung tâm"]),
])
def test_title_bodies_words_outside_any_body_stay_out(text, name, titles):
    assert _titles(text, name) == titles
