"""Organization names: the cases in corpus/cases/organizations.jsonl, with the segmenter's words."""

import pytest

from conftest import load_cases
from extractor.resources import load_list, load_table
from extractor.rules.names.org_lexicon import heads_of_kind
from extractor.rules.names.organizations import MEETING_BODY, find_organizations
from extractor.rules.names.places import known_place_length
from extractor.segment import segment


@pytest.mark.parametrize("case", load_cases("organizations.jsonl"))
def test_organizations_cases(case):
    text = case["text"]
    word_starts = {start for start, _ in segment(text).tokens}
    found = find_organizations(text, known_place_length, word_starts=word_starts)
    assert [text[m.start:m.end] for m in found if m.rule != MEETING_BODY] == case["expect"]


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


def _orgs(text):
    word_starts = {start for start, _ in segment(text).tokens}
    return [text[m.start:m.end] for m in find_organizations(text, word_starts=word_starts) if m.rule != MEETING_BODY]


@pytest.mark.parametrize("head,needs,kind,leads", load_table("org_heads.tsv", 4))
def test_organizations_every_head_opens_a_named_body(head, needs, kind, leads):
    if needs == "none":
        assert _orgs(f"Đại diện {head} Tân Phong phát biểu.") == []
        return
    assert _orgs(f"Đại diện {head} Tân Phong phát biểu.") == [f"{head} Tân Phong"]
    if needs == "complete":
        assert _orgs(f"Đại diện {head} phát biểu.") == [head]


@pytest.mark.parametrize("name", load_list("org_names.txt"))
def test_organizations_every_known_name_is_one_body(name):
    assert _orgs(f"Đại diện {name}, các sở và ngành dự họp.") == [name]


_MEDIA = {h.lower() for h in heads_of_kind("media")}


@pytest.mark.parametrize("head", [h for h in load_list("org_lower_heads.txt") if h not in _MEDIA])
def test_organizations_a_lower_case_head_opens_a_name_of_two_words_or_more(head):
    assert _orgs(f"Ông làm việc ở {head} Kế hoạch Tài chính tỉnh.") == [f"{head} Kế hoạch Tài chính tỉnh"]
    assert _orgs(f"Ông làm việc ở {head} Kế hoạch, rồi chuyển công tác.") == []


@pytest.mark.parametrize("head", [h for h in load_list("org_lower_heads.txt") if h in _MEDIA])
def test_organizations_a_lower_case_paper_is_named_by_one_word(head):
    assert _orgs(f"Trả lời {head} Kiến Thức, ông cho biết.") == ["Kiến Thức"]
    assert _orgs(f"Ông đọc {head} mỗi sáng.") == []


@pytest.mark.parametrize("name", load_list("org_media_and_international.txt"))
def test_organizations_every_bare_media_or_international_name_is_one_body(name):
    assert _orgs(f"Theo {name}, hội nghị đã bế mạc.") == [name]


@pytest.mark.parametrize("text", ["Tuổi trẻ là mùa xuân của xã hội.", "Thanh niên xung kích làm đường.",
                                  "Lao động là vinh quang.", "Nhân dân tin yêu Đảng."])
def test_organizations_a_media_name_written_as_a_common_word_is_no_body(text):
    assert _orgs(text) == []


@pytest.mark.parametrize("text,expect", [
    ("Theo Chinhphu.vn, nghị quyết đã ban hành.", ["Chinhphu.vn"]),
    ("Báo điện tử dangcongsan.vn đưa tin.", ["dangcongsan.vn"]),
    ("Xem tại http://dangcongsan.vn/tin-tuc hoặc gửi thư tới toasoan@dangcongsan.vn.", []),
])
def test_organizations_a_news_site_named_by_its_address(text, expect):
    assert _orgs(text) == expect


@pytest.mark.parametrize("body", load_list("org_meeting_bodies.txt"))
def test_organizations_a_meeting_body_is_neither_organization_nor_person(body):
    from extractor import extract
    record = extract(f"Đại hội đã bầu {body}. {body} làm việc suốt phiên họp.")
    assert [e for e in record["entities"] if body.startswith(e["text"]) or e["text"].startswith(body[:4])] == []


@pytest.mark.parametrize("word", [w for w, kind in load_table("org_name_words.txt", 2) if kind == "field"])
def test_organizations_a_lower_case_field_goes_on_a_name_only_after_a_name_word(word):
    assert _orgs(f"Đại diện Cục Kiểm định {word} đã phát biểu.") == [f"Cục Kiểm định {word}"]
    text = f"Đại diện UBND tỉnh Bắc Ninh {word} đã phát biểu."
    assert [text[m.start:m.end] for m in find_organizations(text, known_place_length)] == ["UBND tỉnh Bắc Ninh"]


@pytest.mark.parametrize("word", [w for w, kind in load_table("org_name_words.txt", 2) if kind == "act"])
def test_organizations_a_verb_like_field_goes_on_a_name_only_before_a_field_noun(word):
    assert _orgs(f"Đại diện Cục Kiểm soát {word} môi trường đã phát biểu.") == [f"Cục Kiểm soát {word} môi trường"]
    assert _orgs(f"Đại diện Sở Nông nghiệp và {word} môi trường đã phát biểu.") == \
        [f"Sở Nông nghiệp và {word} môi trường"]
    assert _orgs(f"Cục Kiểm soát {word} các địa phương.") == ["Cục Kiểm soát"]
    assert _orgs(f"Sở Tài nguyên {word} môi trường tốt hơn.") == ["Sở Tài nguyên"]


@pytest.mark.parametrize("word", load_list("org_false_heads.txt"))
def test_organizations_a_common_word_opening_like_a_head_is_no_body_even_capitalised(word):
    capitalised = " ".join(w[0].upper() + w[1:] for w in word.split())
    assert _orgs(f"Tin về {capitalised} Quốc gia Mới được đăng.") == []
    assert _orgs(f"Tin về {capitalised.split()[0]} Quốc phòng được đăng.") != []


@pytest.mark.parametrize("word", load_list("org_function_words.txt"))
def test_organizations_a_capitalised_function_word_alone_after_a_head_names_nothing(word):
    capitalised = word[0].upper() + word[1:]
    assert _orgs(f"Đại diện Ban {capitalised} sự nghiệp chung phát biểu.") == []


@pytest.mark.parametrize("text,expect", [
    ("Tin đăng trên VnExpress và PetroVietnam xác nhận.", ["VnExpress"]),
    ("Tháng 5/1990 về Ban Kinh tế Trung ương.Năm 1992 về Bộ Tài chính12.", ["Ban Kinh tế Trung ương", "Bộ Tài chính"]),
    ("Ông làm ở Ban Dân vận Tỉnh ủyPhó Bí thư.", ["Ban Dân vận Tỉnh ủy"]),
])
def test_organizations_words_glued_by_lost_spaces_are_cut(text, expect):
    assert _orgs(text) == expect


@pytest.mark.parametrize("kind", load_list("org_kind_words.txt"))
def test_organizations_a_school_named_only_by_its_kind_is_no_body(kind):
    kind = kind[0].upper() + kind[1:]
    assert _orgs(f"Học sinh Trường {kind} được nghỉ học.") == []
    assert _orgs(f"Học sinh Trường {kind} Hoàng Hoa Thám được nghỉ học.") == [f"Trường {kind} Hoàng Hoa Thám"]
