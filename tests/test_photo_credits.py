"""Photo credits (spec §4: a credited photographer is a person with role "photo"; an agency is not)."""

import pytest

from extractor.resources import load_list
from extractor.rules.names.photos import find_photo_credits


@pytest.mark.parametrize("text, names", [
    ("Đại biểu dự hội nghị. Ảnh: Thu Hằng", ["Thu Hằng"]),
    ("Đại biểu dự hội nghị - Ảnh: TRẦN LỘC.", ["TRẦN LỘC"]),
    ("Đại biểu dự hội nghị. (Ảnh: TTXVN / Minh Đức)", ["Minh Đức"]),
    ("Đại biểu dự hội nghị. Ảnh: K.HÒA Sáng nay, hội nghị bế mạc.", ["K.HÒA"]),
    ("Đại biểu góp ý kiến. Ảnh: V.THANH Năm qua, quận có 12 chi bộ mới.", ["V.THANH"]),
    ("Đại biểu dự hội nghị. Ảnh: Hoài Thu Sáng nay, hội nghị bế mạc.", ["Hoài Thu"]),
    ("Khu dân cư mới ở phường 9. Ảnh: T. Hùng Xây dựng nếp sống văn minh là việc lâu dài.", ["T. Hùng"]),
    ("Đại biểu dự hội nghị. Ảnh: Thu Hà chụp tại hội trường", ["Thu Hà"]),
    ("Đại biểu dự hội nghị. Ảnh: Minh Đức sưu tầm", ["Minh Đức"]),
    ("Bà mẹ Việt Nam anh hùng (Ảnh: Lan Anh cung cấp)", ["Lan Anh"]),
    ("Đại biểu dự hội nghị. Ảnh: Thu Hà và Minh Đức", ["Thu Hà"]),
])
def test_persons_photo_credit_is_the_name_only(text, names):
    assert [text[s:e] for s, e in find_photo_credits(text)] == names


@pytest.mark.parametrize("text", [
    "Quang cảnh hội nghị. Ảnh: Reuters",
    "Quang cảnh hội nghị. Ảnh: TTXVN",
    "Quang cảnh hội nghị - Ảnh: TTO",
    "Cháu bé tại bệnh viện (Ảnh: GĐCC)",
    "Đồng chí Bí thư thăm công nhân (1990) Ảnh: TƯ LIỆU LTS: Bài viết dưới đây …",
    "Quang cảnh phiên họp. Ảnh: Báo Tiền Phong. Mới đây, Sở đã họp.",
    "Quang cảnh phiên họp. Ảnh: Dân Trí",
    "Đồng chí Bí thư phát biểu - Ảnh: N G.Nam",
    "Đoạn cuối của bài viết. Tin, ảnh: Quang Hải (TTXVN)",
    "Đoạn cuối của bài viết. Bài và ảnh: Lê Hà",
    "Phiên tòa sơ thẩm mở sáng qua. Ảnh: Công lý",
    "Đoàn công tác thăm nhà máy. (Ảnh: Tin Tức)",
    "Đại biểu bấm nút biểu quyết. Ảnh: VPQH",
])
def test_persons_photo_credit_of_an_agency_or_archive_is_no_person(text):
    assert find_photo_credits(text) == []


@pytest.mark.parametrize("source", load_list("photo_credit_sources.txt"))
def test_persons_photo_credit_source_entry_is_no_person(source):
    text = f"Quang cảnh hội nghị. Ảnh: {source[0].upper()}{source[1:]}"
    assert find_photo_credits(text) == []


@pytest.mark.parametrize("surface, name", [
    ("L.MINH", "L.Minh"), ("NAM TRẦN", "Nam Trần"), ("K. Linh", "K. Linh"), ("Thu Hằng", "Thu Hằng"),
])
def test_persons_photo_credit_name_in_title_case(surface, name):
    from extractor.rules.names.photos import credit_name

    assert credit_name(surface) == name
