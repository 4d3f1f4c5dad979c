"""Person names, photo credits and titles."""

import pytest

from conftest import load_cases

from extractor.api import extract
from extractor.resources import load_list, load_table
from extractor.rules.names.organizations import find_organizations
from extractor.rules.names.person_titles import titles_on_next_line
from extractor.rules.names.persons import (
    expand_abbreviations,
    find_names,
    find_photo_credits,
    title_case,
    titles_around,
)
from extractor.rules.names.places import known_place_length
from extractor.rules.text.tokens import tokenize
from extractor.segment import segment


@pytest.mark.parametrize("case", load_cases("persons.jsonl"))
def test_persons_cases(case):
    word_starts = {s for s, _ in segment(case["text"]).tokens}
    assert [m.name for m in find_names(case["text"], word_starts=word_starts)] == case["expect"]


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


def _titles_of(text: str, name: str) -> list[str]:
    """Titles of `name` as the pipeline reads them: every name in the text known, with word starts."""
    start = text.index(name)
    names = sorted((m.start, m.end) for m in find_names(text))
    word_starts = {s for s, _ in segment(text).tokens}
    return titles_around(text, start, start + len(name), (0, len(text)), names, word_starts)


@pytest.mark.parametrize("case", [c for c in load_cases("persons.jsonl") if "titles" in c.values[0]])
def test_persons_titles_cases(case):
    for name, titles in case["titles"].items():
        assert _titles_of(case["text"], name) == titles, name


@pytest.mark.parametrize("abbreviation, expansion", load_table("abbreviations.tsv", 2))
def test_persons_every_standard_abbreviation_is_expanded_as_a_whole_word(abbreviation, expansion):
    assert expand_abbreviations(f"Phó Giám đốc {abbreviation}") == f"Phó Giám đốc {expansion}"
    if abbreviation.isalpha():   # a longer word holding it is no abbreviation
        assert expand_abbreviations(f"Phó Giám đốc {abbreviation}X") == f"Phó Giám đốc {abbreviation}X"


def test_persons_title_case_and_abbreviations():
    assert title_case("HOÀNG MY") == "Hoàng My"
    assert expand_abbreviations("Phó Chủ tịch UBND tỉnh, ĐBQH") == "Phó Chủ tịch Ủy ban nhân dân tỉnh, Đại biểu Quốc hội"


@pytest.mark.parametrize("text, organizations", [
    ("Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh Trịnh Văn Sơn phát biểu.",
     ["Học viện Chính trị quốc gia Hồ Chí Minh"]),
    ("Phó Giám đốc Học viện Cán bộ TP Lưu Văn Hòa dự.", ["Học viện Cán bộ TP"]),
    ("Chủ tịch Hội Nhà báo TP Đào Văn Kiên dự.", ["Hội Nhà báo TP"]),
    # negatives: a school named after a person, a district named like a person, keep the name
    ("Học sinh Trường THPT Lê Quý Đôn đạt giải.", ["Trường THPT Lê Quý Đôn"]),
    ("Trung tâm Y tế huyện Trần Văn Thời khám bệnh.", ["Trung tâm Y tế huyện Trần Văn Thời"]),
])
def test_persons_organization_ends_before_the_person_its_title_names(text, organizations):
    word_starts = {s for s, _ in segment(text).tokens}
    found = find_organizations(text, known_place_length, tokens=tokenize(text, word_starts))
    assert [text[m.start:m.end] for m in found] == organizations


@pytest.mark.parametrize("text, names", [
    ("Quận ủy đã kỷ luật bà Hương vì gian dối trong báo cáo.", ["Hương"]),
    # negative: a short form of a person named in full is a mention of that person
    ("Ông Nguyễn Tiến Dũng dự họp. Ông Dũng cho biết chi bộ có 30 đảng viên.", ["Nguyễn Tiến Dũng"]),
])
def test_persons_short_form_alone_is_its_own_person(text, names):
    assert [p["name"] for p in extract(text)["persons"]] == names


@pytest.mark.parametrize("text, titles", [
    ("Chi bộ làm tốt công tác phát triển đảng viên.\n\nĐinh Thị Hà\nPhó Trưởng Ban Tổ chức Huyện ủy\n", [
        "Phó Trưởng Ban Tổ chức Huyện ủy"]),
    # negatives: a next line that is no title, or a title line that runs on into a sentence
    ("Chi bộ làm tốt công tác phát triển đảng viên.\n\nĐinh Thị Hà\nNguồn: Báo Lai Châu\n", []),
    ("Chi bộ làm tốt công tác.\n\nĐinh Thị Hà\nBí thư Chi bộ cho biết sẽ tiếp tục.\n", []),
])
def test_persons_byline_position_on_the_next_line(text, titles):
    end = text.index("Đinh Thị Hà") + len("Đinh Thị Hà")
    assert titles_on_next_line(text, end) == titles


def _word_starts(text):
    return {s for s, _ in segment(text).tokens}


def test_persons_article_tokens_window_is_the_tokenization_of_the_slice():
    from extractor.rules.names.title_window import ArticleTokens, _shifted

    text = "Ông Trần Văn Bình, Phó Chủ tịch UBND huyện, phát biểu. Bà Lê Thị Hoa, Bí thư Chi bộ, dự họp."
    starts = _word_starts(text)
    article = ArticleTokens(tokenize(text, starts))
    for low, high in ((0, len(text)), (text.index("Bà"), len(text)), (text.index("Bà"), text.index("dự"))):
        assert article.window(text, low, high) == _shifted(tokenize(text[low:high]), low, starts)


def test_persons_article_tokens_window_refuses_a_token_across_its_edge():
    from extractor.rules.names.title_window import ArticleTokens

    text = "Ông Lý Văn Tâm, Phó Chủ tịch UBND TT.Phú Lộc, cho biết thêm."
    article = ArticleTokens(tokenize(text, _word_starts(text)))
    assert article.window(text, 0, text.index("TT.") + 3) is None      # "TT.Phú" is one token of the article
    assert article.window(text, 0, text.index(", cho")) is not None


def test_persons_titles_are_the_same_from_the_article_tokens():
    from extractor.rules.names.title_window import ArticleTokens

    text = "Ông Lý Văn Tâm, Phó Chủ tịch UBND TT.Phú Lộc, cho biết thêm. Bà Đỗ Thị Mai, Phó Bí thư Đảng ủy xã, dự."
    starts = _word_starts(text)
    article = ArticleTokens(tokenize(text, starts))
    for name, sentence in (("Lý Văn Tâm", (0, text.index("TT.") + 3)), ("Đỗ Thị Mai", (text.index("Bà"), len(text)))):
        at = text.index(name)
        own = titles_around(text, at, at + len(name), sentence, [], starts)
        assert own and titles_around(text, at, at + len(name), sentence, [], starts, article) == own


def test_persons_article_tokens_window_leaves_out_a_token_its_own_cut_crosses():
    from extractor.rules.names.title_window import ArticleTokens

    text = "Ông Lý Văn Tâm, Phó Chủ tịch UBND TT.Phú Lộc, cho biết thêm."
    article = ArticleTokens(tokenize(text, _word_starts(text)))
    high = text.index("TT.") + 3          # a window cut hundreds of characters from a name, not a sentence end
    assert article.window(text, 0, high, cut_high=True)[-1].text == "UBND"
    low = text.index("Văn") + 1
    assert article.window(text, low, len(text), cut_low=True)[0].text == "Tâm"
    assert article.window(text, low, len(text)) is None


@pytest.mark.parametrize("word", load_list("name_stop_words.txt"))
def test_persons_a_stop_word_after_a_name_opens_the_next_sentence(word):
    capitalised = word[0].upper() + word[1:]
    text = f"Đồng chí Lê Văn Tâm {capitalised} 15 người dự họp."
    assert [m.name for m in find_names(text)] == ["Lê Văn Tâm"]
