"""HTML pages: what trafilatura is helped with on Vietnamese portals (each with a case that must not fire)."""

import pytest

from extractor.html_reader import read_html

BODY = "".join(
    f"<p>Đoạn {i}: Đảng ủy xã Hương Sơn đã lãnh đạo các chi bộ thôn đổi mới nội dung sinh hoạt, "
    f"gắn với việc thực hiện nhiệm vụ chính trị ở địa phương và nâng cao chất lượng đảng viên.</p>" for i in range(4))


def page(head: str = "", before: str = "", after: str = "", banner: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Chi tiết tin</title>{head}</head><body>"
            f"<header><h1 class='site'>{banner}</h1><div class='topbar'>Thứ Sáu, 09/02/2024</div></header>"
            f"<nav><ul><li>Trang chủ</li><li>Tin tức</li><li>Xây dựng Đảng</li><li>Văn bản</li></ul></nav>"
            f"<div class='news-detail'>{before}<h2 class='title'>Xã Hương Sơn đổi mới sinh hoạt chi bộ</h2>"
            f"<div class='detail-content'>{BODY}</div>{after}</div>"
            f"<div class='box-right'><div>Văn bản mới</div><ul><li>Kế hoạch số 15-KH/ĐU về kiểm tra</li>"
            f"<li>Hướng dẫn số 03-HD/ĐU về sinh hoạt</li></ul></div></body></html>")


def test_html_reader_date_line_next_to_the_headline():
    text, hints = read_html(page(before="<div class='date'>Thứ 3, Ngày 14 / 11 / 2023 | Lượt xem: 532</div>"), None)
    assert (hints.published, hints.published_from) == ("2023-11-14", "html")


def test_html_reader_a_date_far_from_the_headline_is_not_the_publication_date():
    _, hints = read_html(page(), None)
    assert hints.published is None  # the top bar's "today" is no publication date


def test_html_reader_metadata_date_first():
    head = '<meta property="article:published_time" content="2023-05-18T07:30:00+07:00">'
    _, hints = read_html(page(head=head, before="<div>Thứ 3, Ngày 14 / 11 / 2023</div>"), None)
    assert hints.published == "2023-05-18"


def test_html_reader_sidebar_lists_are_pruned():
    text, _ = read_html(page(), None)
    assert "Đoạn 3" in text and "15-KH/ĐU" not in text


def test_html_reader_lead_paragraph_is_put_back_after_the_headline():
    lead = ("<div class='sapo'>Năm qua, Đảng bộ xã Hương Sơn tập trung đổi mới sinh hoạt chi bộ, "
            "coi đây là khâu then chốt nâng cao năng lực lãnh đạo.</div>")
    text, _ = read_html(page(after="").replace("<div class='detail-content'>", lead + "<div class='detail-content'>"),
                        None)
    assert text.index("Năm qua, Đảng bộ xã") < text.index("Đoạn 0")


def test_html_reader_shouted_site_banner_is_no_headline():
    _, hints = read_html(page(banner="ĐẢNG BỘ TỈNH HÀ TĨNH"), None)
    assert hints.title == "Xã Hương Sơn đổi mới sinh hoạt chi bộ"


def test_html_reader_page_title_when_the_body_opens_with_a_paragraph():
    from extractor.html_reader import _headline

    assert _headline("Năm qua, xã đã làm tốt công tác này.\nĐoạn hai.", "Tin xã Hương Sơn", []) == "Tin xã Hương Sơn"
    assert _headline("Năm qua, xã đã làm tốt công tác này.\nĐoạn hai.", "CỔNG THÔNG TIN", []) is None
    assert _headline("Xã Hương Sơn đổi mới\nĐoạn.", "CỔNG THÔNG TIN", []) == "Xã Hương Sơn đổi mới"


def test_html_reader_captions_and_header_byline_are_article_text():
    figure = ("<figure><img src='a.jpg'><figcaption>Đồng chí Lò Văn Mạnh trao quyết định. Ảnh: Thu Trang"
              "</figcaption></figure>")
    html = page(head="<meta name='author' content='Vi Thị Hoa'>").replace(
        "<p>Đoạn 1:", figure + "<p>Đoạn 1:")
    text, hints = read_html(html, None)
    lines = text.split("\n")
    assert lines.index("Đồng chí Lò Văn Mạnh trao quyết định. Ảnh: Thu Trang") == 1
    assert lines[-1] == "Vi Thị Hoa" and hints.author == "Vi Thị Hoa"


def test_html_reader_photo_in_a_table_is_no_headline_and_a_date_label_no_author():
    table = ("<table class='image'><tr><td><img src='a.jpg'></td></tr>"
             "<tr><td>Các đại biểu dự hội nghị sơ kết công tác xây dựng Đảng</td></tr></table>")
    html = page(before="<div class='time'>Cập nhật lúc 08:15 ngày 14/11/2023</div>"
                       "<div class='author'>Cập nhật lúc 08:15</div>").replace(
        "<div class='detail-content'>", "<div class='detail-content'>" + table)
    text, hints = read_html(html, None)
    assert hints.title == "Xã Hương Sơn đổi mới sinh hoạt chi bộ"
    assert hints.author is None and hints.published == "2023-11-14"
    assert "Cập nhật" not in text.split("\n")[-1]


def test_html_reader_headline_opening_the_body_stays():
    from extractor.html_reader import _headline

    blocks = [("h1", "Tin tức"), ("p", "Xã Hương Sơn đổi mới sinh hoạt chi bộ"), ("p", "Đoạn.")]
    assert _headline("Xã Hương Sơn đổi mới sinh hoạt chi bộ\nĐoạn.", "Tin", blocks) == \
        "Xã Hương Sơn đổi mới sinh hoạt chi bộ"


@pytest.mark.parametrize("author, kept", [
    ("Cập nhật lúc", None), ("Thứ Hai, 08:15", None), ("Ngày đăng", None), ("Lúc 08:15", None),
    ("Vi Thị Hoa", "Vi Thị Hoa"), ("Ngọc Lan", "Ngọc Lan"),
])
def test_html_reader_author_hint(author, kept):
    from extractor.html_reader import _author_hint

    assert _author_hint(author) == kept
