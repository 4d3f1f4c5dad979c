"""Metadata lexicons: every entry exercised (style.md: a lexicon entry needs an example that exercises it)."""

import pytest

from extractor.meta import author_names, find_byline, find_outlet
from extractor.resources import load_list


@pytest.mark.parametrize("name", load_list("outlet_names.txt"))
def test_meta_outlet_name_after_the_dash_is_the_outlet(name):
    lines = ["Đoạn cuối của bài viết.", f"Hải Yến - {name}"]
    assert find_byline(lines) == ("Hải Yến", name)


@pytest.mark.parametrize("kind", load_list("outlet_kinds.txt"))
def test_meta_outlet_kind_after_the_dash_is_the_outlet(kind):
    outlet = f"{kind[0].upper()}{kind[1:]} Phú Thọ"
    assert find_byline(["Đoạn cuối.", f"Hải Yến - {outlet}"]) == ("Hải Yến", outlet)


@pytest.mark.parametrize("trailer", ["ghi", "lược ghi", "ghi chép", "thực hiện", "(tổng hợp)", "tổng hợp"])
def test_meta_byline_trailer_is_no_part_of_the_name(trailer):
    assert len(load_list("byline_trailers.txt")) == 5
    assert find_byline(["Đoạn cuối.", f"Minh Tâm {trailer}"]) == ("Minh Tâm", None)


@pytest.mark.parametrize("text, reporter", [
    ("Theo ghi nhận của phóng viên Báo Lạng Sơn, hội nghị diễn ra sôi nổi.", "Báo Lạng Sơn"),
    ("Trao đổi với PV Dân Trí, ông cho biết thêm.", "Dân Trí"),
    ("Trao đổi với phóng viên báo chí, ông cho biết thêm.", None),
])
def test_meta_reporter_of_a_paper(text, reporter):
    assert find_outlet([text, "Đoạn cuối."], None) == reporter


@pytest.mark.parametrize("author, names", [
    ("Minh An - Thu Hà", ["Minh An", "Thu Hà"]),
    ("P.T - P.D", ["P.T", "P.D"]),
    ("Lê Thị Hồng-Nhung", ["Lê Thị Hồng-Nhung"]),
    ("Lê Hà-Quốc Việt", ["Lê Hà", "Quốc Việt"]),
    ("Y-Moan Niê", ["Y-Moan Niê"]),
    (None, []),
])
def test_meta_author_names(author, names):
    assert author_names(author) == names


@pytest.mark.parametrize("outlet, names", [
    ("TTXVN, Dân Việt", ["TTXVN", "Dân Việt"]),
    ("Vietnam + / TTXVN", ["Vietnam +", "TTXVN"]),
    ("Báo Kinh tế & Đô thị", ["Báo Kinh tế & Đô thị"]),
    (None, []),
])
def test_meta_outlet_names(outlet, names):
    from extractor.meta import outlet_names

    assert outlet_names(outlet) == names


@pytest.mark.parametrize("text, author", [
    (("Nhân dịp kỷ niệm 90 năm, đồng chí Lê Văn Tâm, Bí thư Huyện ủy, đã có bài viết về truyền thống quê "
      "hương. Báo Bắc Giang trân trọng giới thiệu toàn văn bài viết.\nĐoạn một.\nĐoạn cuối."), "Lê Văn Tâm"),
    ("LTS: Báo Sơn La xin giới thiệu bài viết của đồng chí Cầm Văn Chính về công tác dân vận.\nĐoạn cuối.",
     "Cầm Văn Chính"),
    # No note presenting the article: a person who "có bài viết" in a report is no author.
    ("Hội nghị nghe đồng chí Lê Văn Tâm, Bí thư Huyện ủy, có bài viết tham luận.\nĐoạn cuối.", None),
    # A closing byline wins over the note.
    ("LTS: Báo Sơn La xin giới thiệu bài viết của đồng chí Cầm Văn Chính.\nĐoạn cuối.\nThu Hà", "Thu Hà"),
])
def test_meta_author_named_by_the_editors_note(text, author):
    from extractor.meta import extract_meta

    assert extract_meta(text)["author"] == author


def test_meta_editors_note_author_is_the_name_nearest_the_article():
    from extractor.meta import extract_meta

    text = ("Kỷ niệm 100 năm ngày sinh đồng chí Trần Văn Lâm (1920 - 2020), đồng chí Vũ Thị Hạnh, Phó Bí thư "
            "Tỉnh ủy, đã có bài viết về cuộc đời của ông. Báo Hòa Bình trân trọng giới thiệu toàn văn bài viết.\n"
            "Đoạn một.\nĐoạn cuối.")
    assert extract_meta(text)["author"] == "Vũ Thị Hạnh"


@pytest.mark.parametrize("opener", load_list("caption_openers.txt"))
def test_meta_caption_opener_starts_a_glued_caption(opener):
    from extractor.meta import find_title

    headline = "Đảng bộ phường chăm lo phát triển đảng viên trong khu dân cư đô thị mới"
    caption = f"{opener[0].upper()}{opener[1:]} dự lễ kết nạp đảng viên tại chi bộ khu phố 4. Ảnh: Hồng Vân"
    lead = ("(NLĐ) - Năm qua, Đảng bộ phường đã kết nạp 25 đảng viên mới, phần lớn là quần chúng ưu tú "
            "trong các khu dân cư.")
    line = f"{headline} {caption} {lead}"
    assert find_title([line], "dang-bo-phuong-cham-lo-phat-trien-dang-vien-trong") == headline


@pytest.mark.parametrize("lead", [
    "Sáng 23-1, Quận ủy đã tổ chức hội nghị sơ kết công tác năm.",
    "Chiều nay, 24-4, các đại biểu nghe báo cáo kết quả kiểm phiếu.",
    "Tối qua, Ban Thường vụ đã họp phiên bất thường về công tác cán bộ.",
    "Ngày 25-4, nhiều hãng tin đã đưa tin về kết quả đại hội.",
    "(TTXVN) - Ban Bí thư vừa ban hành chỉ thị về công tác kết nạp đảng viên.",
])
def test_meta_lead_opener_ends_a_fused_headline(lead):
    from extractor.meta import find_title

    headline = "Quận ủy sơ kết một năm thực hiện chỉ thị về học tập và làm theo tư tưởng Hồ Chí Minh"
    padding = " Các chi bộ trực thuộc báo cáo kết quả thực hiện và đề ra phương hướng năm tới." * 2
    assert find_title([f"{headline} {lead}{padding}"], None) == headline


@pytest.mark.parametrize("name", load_list("outlet_names.txt"))
def test_meta_outlet_name_in_an_agency_credit_after_the_last_sentence(name):
    line = f"Hợp tác xã đã mở thêm một xưởng sấy chè. TTXVN/{name}"
    assert find_outlet(["Đoạn đầu.", line], None) == f"TTXVN/{name}"


@pytest.mark.parametrize("text, credit", [
    ("Theo TTXVN Lương Ngọc Khuê", ("TTXVN", "Lương Ngọc Khuê")),
    ("Theo Đất Việt", ("Đất Việt", "")),
    ("TTXVN/Tin Tức", ("TTXVN/Tin Tức", "")),
    ("Infonet / VTV.", ("Infonet / VTV", "")),
    # Without "Theo", one outlet alone or codes alone are no credit: a name, a body, a place.
    ("TTXVN", None),
    ("UBND/HĐND", None),
    ("Lai Châu/Điện Biên", None),
    # "Theo" opening a sentence: a person, a plan, a document, or an agency told in the sentence.
    ("Theo ông Mạc Văn Tư, dự án sẽ mở rộng.", None),
    ("Theo kế hoạch, tuyến đường sẽ thông xe.", None),
    ("Theo Nghị quyết Hội đồng nhân dân", None),
    ("Theo TTXVN, đoàn khảo sát sẽ quay lại.", None),
    ("Theo TTXVN cho biết thêm", None),
    ("Theo TTXVN Hội nghị đã bế mạc.", None),
])
def test_meta_outlet_split_credit(text, credit):
    from extractor.outlet import split_credit

    assert split_credit(text) == credit


@pytest.mark.parametrize("text, author, outlet", [
    ("Đoạn đầu.\nĐường liên thôn đã thông xe. Theo TTXVN Lương Ngọc Khuê", "Lương Ngọc Khuê", "TTXVN"),
    ("Đoạn đầu.\nĐường liên thôn đã thông xe. Theo VTV", None, "VTV"),
    ("Đoạn đầu.\nĐường liên thôn đã thông xe.\nVăn Khải (Tổng hợp theo báo Tiền Phong, Kenh14)", "Văn Khải",
     "báo Tiền Phong, Kenh14"),
    ("Đoạn đầu.\nĐường liên thôn đã thông xe.\nVăn Khải (Tổng hợp)", "Văn Khải", None),
    ("Đoạn đầu.\nĐường liên thôn đã thông xe. Theo đánh giá của xã, mặt đường còn tốt.", None, None),
])
def test_meta_agency_credit_closing_the_article(text, author, outlet):
    from extractor.meta import extract_meta

    meta = extract_meta(text)
    assert (meta["author"], meta["outlet"]) == (author, outlet)
