"""Numeric facts (spec §5): the corpus in corpus/cases/facts.jsonl run through `extract`, plus the period
finder (`rules.facts.periods.find_periods`) and the committee → organization mapping (`rules.facts.organization_of`).

Each case lists its non-`other` facts exactly (a multiset of metric, category, value, approx, target, time);
an expected fact may also name a `subject` substring, an `about` substring, and `previous` / `total` / `high`.
Cases where the code still disagrees with the spec are kept in corpus/cases/facts_gaps.jsonl, run as strict
expected failures so that a fixed gap is noticed and moved here.
"""

import json
import re

import pytest
from conftest import assert_offsets, load_cases

from extractor.api import extract
from extractor.folding import fold
from extractor.rules.facts import organization_of
from extractor.rules.facts.periods import find_periods
from extractor.rules.facts.taxonomy import taxonomy

_KEY = ("metric", "category", "value", "approx", "target", "time")
_EXACT_EXTRAS = ("previous", "total", "high")

# The spec's taxonomy: every (metric, category) the corpus must prove with a positive case.
# the metrics and categories the corpus must cover: the taxonomy table, itself checked against the schema
_TAXONOMY = {name: set(metric.categories) for name, metric in taxonomy().items()}


def _key(fact: dict) -> tuple:
    return tuple(json.dumps(fact.get(k), sort_keys=True, ensure_ascii=False) for k in _KEY)


def _view(fact: dict) -> dict:
    return {k: fact.get(k) for k in _KEY}


def _fits(expected: dict, actual: dict) -> bool:
    """The optional checks of one expected fact: subject and about as folded substrings, the rest equal."""
    if "subject" in expected and fold(expected["subject"]) not in fold(actual.get("subject") or ""):
        return False
    if "about" in expected and fold(expected["about"]) not in fold(actual.get("about") or ""):
        return False
    return all(actual.get(k) == expected[k] for k in _EXACT_EXTRAS if k in expected)


def _unmatched(expected: list, actual: list) -> list:
    """Expected facts left without a partner in a one-to-one pairing with actual facts of the same key
    that fit (augmenting paths, so an easy fact never steals the partner a stricter one needs)."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set) -> bool:
        for j, fact in enumerate(actual):
            if j in seen or _key(fact) != _key(expected[i]) or not _fits(expected[i], fact):
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    return [expected[i] for i in range(len(expected)) if not place(i, set())]


def _cases() -> list:
    return [param.values[0] for param in load_cases("facts.jsonl")]


@pytest.mark.parametrize("case", load_cases("facts.jsonl"))
def test_facts_corpus(case):
    record = extract(case["text"], published=case["published"])
    assert_offsets(record)
    facts = [f for f in record["facts"] if f["metric"] != "other"]
    order = lambda view: json.dumps(view, sort_keys=True, ensure_ascii=False)
    assert sorted(map(_view, facts), key=order) == sorted(map(_view, case["expect"]), key=order)
    missing = _unmatched(case["expect"], facts)
    assert not missing, {"expected": missing, "got": [{k: f.get(k) for k in ("metric", "value", "subject", "about",
                                                                        *_EXACT_EXTRAS)} for f in facts]}


@pytest.mark.parametrize("case", [pytest.param(*p.values, id=p.id, marks=pytest.mark.xfail(strict=True))
                                  for p in load_cases("facts_gaps.jsonl")])
def test_facts_known_gaps_still_fail(case):
    """Cases of the unseen-article patterns the extractor does not yet read right (corpus/cases/facts_gaps.jsonl).
    Strict: a gap that starts to pass fails here, and moves to facts.jsonl."""
    test_facts_corpus(case)


def test_facts_corpus_covers_the_taxonomy():
    cases = _cases()
    expected = [fact for case in cases for fact in case["expect"]]
    assert len(cases) >= 60
    assert sum(not case["expect"] for case in cases) >= 20
    assert {(f["metric"], f["category"]) for f in expected} == {(m, c) for m, cs in _TAXONOMY.items() for c in cs}
    assert {f["approx"] for f in expected} == {"exact", "over", "under", "about"}
    assert {f["target"] for f in expected} == {True, False}
    assert any("previous" in f for f in expected) and any("total" in f for f in expected)


def test_facts_corpus_cases_are_well_formed():
    for case in _cases():
        assert set(case) == {"text", "published", "expect", "why"}, case["why"]
        assert case["published"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", case["published"])
        assert "\n" in case["text"], case["why"]  # a headline line, then the body
        for fact in case["expect"]:
            assert set(_KEY) <= set(fact) <= set(_KEY) | {"subject", "about", *_EXACT_EXTRAS}, case["why"]
            assert fact["metric"] in _TAXONOMY and fact["category"] in _TAXONOMY[fact["metric"]], case["why"]
            assert fact["time"] is None or set(fact["time"]) == {"start", "end"}, case["why"]


def _span(start, end):
    return {"start": start, "end": end}


_PUB = "2023-06-30"

# (text, published, [(kind, surface, time)]): every kind of data/period_words.tsv, as its header defines it.
_PERIODS = [
    ("Từ đầu nhiệm kỳ 2020 - 2025 đến nay", _PUB,
     [("term_to_now", "Từ đầu nhiệm kỳ 2020 - 2025 đến nay", _span("2020-01-01", _PUB))]),
    ("Nhiệm kỳ 2020 - 2025, Đảng bộ đề ra mục tiêu. Từ đầu nhiệm kỳ đến nay", _PUB,
     [("span", "Nhiệm kỳ 2020 - 2025", _span("2020-01-01", "2025-12-31")),
      ("term_to_now", "Từ đầu nhiệm kỳ đến nay", _span("2020-01-01", _PUB))]),
    ("Nhiệm kỳ 2020 - 2025 đã qua nửa chặng. Từ sau Đại hội đến nay", _PUB,
     [("span", "Nhiệm kỳ 2020 - 2025", _span("2020-01-01", "2025-12-31")),
      ("term_to_now", "Từ sau Đại hội đến nay", _span("2020-01-01", _PUB))]),
    ("Từ đầu nhiệm kỳ đến nay", None, [("term_to_now", "Từ đầu nhiệm kỳ đến nay", None)]),
    ("nhiệm kỳ 2015 - 2020", None, [("span", "nhiệm kỳ 2015 - 2020", _span("2015-01-01", "2020-12-31"))]),
    ("giai đoạn 2016–2020", None, [("span", "giai đoạn 2016–2020", _span("2016-01-01", "2020-12-31"))]),
    ("thời kỳ 2011-2015", None, [("span", "thời kỳ 2011-2015", _span("2011-01-01", "2015-12-31"))]),
    ("5 năm (2000-2004)", None, [("span", "(2000-2004)", _span("2000-01-01", "2004-12-31"))]),
    ("từ năm 2016 đến năm 2020", None, [("span", "từ năm 2016 đến năm 2020", _span("2016-01-01", "2020-12-31"))]),
    ("từ năm 2021 đến hết tháng 6/2024", None,
     [("span_to_month", "từ năm 2021 đến hết tháng 6/2024", _span("2021-01-01", "2024-06-30"))]),
    ("Những tháng đầu năm 2022", "2022-07-12",
     [("year_to_now", "Những tháng đầu năm 2022", _span("2022-01-01", "2022-07-12"))]),
    ("Từ đầu năm 2023 đến nay", _PUB, [("since_year", "Từ đầu năm 2023 đến nay", _span("2023-01-01", _PUB))]),
    ("Từ năm 2019 đến nay", _PUB, [("since_year", "Từ năm 2019 đến nay", _span("2019-01-01", _PUB))]),
    ("từ năm 2019 đến nay", None, [("since_year", "từ năm 2019 đến nay", None)]),
    ("Đại hội đại biểu Đảng bộ cơ quan Sở Tư pháp lần thứ 7 nhiệm kỳ 2010-2015", None,
     [("body_term", "nhiệm kỳ 2010-2015", _span("2010-01-01", "2015-12-31"))]),
    ("Từ đầu nhiệm kỳ 2020 - 2025 đến hết tháng 6/2023", _PUB,
     [("term_to_month", "Từ đầu nhiệm kỳ 2020 - 2025 đến hết tháng 6/2023", _span("2020-01-01", "2023-06-30"))]),
    ("Từ đầu nhiệm kỳ 2020 - 2025 đến hết năm 2022", _PUB,
     [("term_to_year", "Từ đầu nhiệm kỳ 2020 - 2025 đến hết năm 2022", _span("2020-01-01", "2022-12-31"))]),
    ("Nhiệm kỳ 2020 - 2025. Từ đầu nhiệm kỳ, Đảng bộ đã kết nạp", _PUB,
     [("span", "Nhiệm kỳ 2020 - 2025", _span("2020-01-01", "2025-12-31")),
      ("term_to_now", "Từ đầu nhiệm kỳ", _span("2020-01-01", _PUB))]),
    ("Từ đầu năm đến nay", _PUB, [("now_year", "Từ đầu năm đến nay", _span("2023-01-01", _PUB))]),
    ("Từ đầu năm đến nay", None, [("now_year", "Từ đầu năm đến nay", None)]),
    ("9 tháng năm 2020", None, [("months", "9 tháng năm 2020", _span("2020-01-01", "2020-09-30"))]),
    ("6 tháng đầu năm 2021", None, [("months", "6 tháng đầu năm 2021", _span("2021-01-01", "2021-06-30"))]),
    ("9 tháng đầu năm", "2020-10-15", [("months", "9 tháng đầu năm", _span("2020-01-01", "2020-09-30"))]),
    ("9 tháng đầu năm", None, [("months", "9 tháng đầu năm", None)]),
    ("Tính đến 30/11/2020", None, [("asof", "Tính đến 30/11/2020", _span("2020-11-30", "2020-11-30"))]),
    ("đến hết ngày 31/12/2022", None, [("asof", "đến hết ngày 31/12/2022", _span("2022-12-31", "2022-12-31"))]),
    ("đến năm 2025", None, [("until_year", "đến năm 2025", _span("2025-12-31", "2025-12-31"))]),
    ("dịp 2/9/2021", None, [("event", "dịp 2/9/2021", _span("2021-09-02", "2021-09-02"))]),
    ("Tháng 3/1930", None, [("month", "Tháng 3/1930", _span("1930-03-01", "1930-03-31"))]),
    ("Ngày 3/2/2023", None, [("event", "Ngày 3/2/2023", _span("2023-02-03", "2023-02-03"))]),
    ("năm 2021", None, [("year", "năm 2021", _span("2021-01-01", "2021-12-31"))]),
    ("Trong năm 2019", None, [("year", "Trong năm 2019", _span("2019-01-01", "2019-12-31"))]),
    ("Hằng năm", None, [("yearly", "Hằng năm", None)]),
    ("hàng năm", None, [("yearly", "hàng năm", None)]),
    ("mỗi năm", None, [("yearly", "mỗi năm", None)]),
    ("năm nào cũng", None, [("yearly", "năm nào cũng", None)]),
    ("Trong các năm 2012-2016", None, [("span", "Trong các năm 2012-2016", _span("2012-01-01", "2016-12-31"))]),
    ("năm 2019 - 2020", None, [("span", "năm 2019 - 2020", _span("2019-01-01", "2020-12-31"))]),
    # a term that names a body or a meeting written before it dates only targets (period_term_bodies.tsv)
    ("Đại hội đại biểu Đảng bộ huyện Kim Sơn lần thứ XXII, nhiệm kỳ 2020 - 2025", None,
     [("body_term", "nhiệm kỳ 2020 - 2025", _span("2020-01-01", "2025-12-31"))]),
    ("tham gia ban chấp hành nhiệm kỳ 2010-2015", None,
     [("body_term", "nhiệm kỳ 2010-2015", _span("2010-01-01", "2015-12-31"))]),
    ("Ủy viên Ban Thường vụ Đảng ủy Khối nhiệm kỳ 2015 - 2020", None,
     [("body_term", "nhiệm kỳ 2015 - 2020", _span("2015-01-01", "2020-12-31"))]),
    ("đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030", None,
     [("body_term", "nhiệm kỳ 2025 - 2030", _span("2025-01-01", "2030-12-31"))]),
    ("Phó Bí thư Đảng ủy Cục Hải quan tỉnh nhiệm kỳ 2020 - 2025", None,
     [("body_term", "nhiệm kỳ 2020 - 2025", _span("2020-01-01", "2025-12-31"))]),
    # … but a term after a verb, a place or a count is the period counted
    ("Đảng bộ đã kết nạp 900 đảng viên mới nhiệm kỳ 2010 - 2015", None,
     [("span", "nhiệm kỳ 2010 - 2015", _span("2010-01-01", "2015-12-31"))]),
    ("Đảng bộ đã kết nạp 900 đảng viên trong nhiệm kỳ 2010 - 2015", None,
     [("span", "nhiệm kỳ 2010 - 2015", _span("2010-01-01", "2015-12-31"))]),
    ("kỷ luật 300 đảng viên ở Bình Dương, nhiệm kỳ 2010-2015", None,
     [("span", "nhiệm kỳ 2010-2015", _span("2010-01-01", "2015-12-31"))]),
    ("Đại hội đã thành công. Nhiệm kỳ 2015 - 2020", None,
     [("span", "Nhiệm kỳ 2015 - 2020", _span("2015-01-01", "2020-12-31"))]),
    # negatives: a date without a year and a vague time give no period
    ("Ngày 14/9", _PUB, []),
    ("thời gian qua", _PUB, []),
]


@pytest.mark.parametrize("text, published, expected", _PERIODS, ids=[f"{t}|{p}" for t, p, _ in _PERIODS])
def test_periods_find_periods(text, published, expected):
    assert [(p.kind, text[p.start:p.end], p.time) for p in find_periods(text, published)] == expected


def test_periods_cover_every_kind_of_the_table():
    from extractor.resources import load_table

    kinds = {kind for _, kind in load_table("period_words.tsv", 2)} | {"body_term"}
    assert kinds == {kind for _, _, found in _PERIODS for kind, _, _ in found}


@pytest.mark.parametrize("name, organization", [
    ("Đảng ủy Khối Doanh nghiệp tỉnh", "Đảng bộ Khối Doanh nghiệp tỉnh"),
    ("Đảng uỷ xã Sơn Kim", "Đảng bộ xã Sơn Kim"),
    ("Đảng ủy Công an tỉnh", "Đảng bộ Công an tỉnh"),
    ("Tỉnh ủy Hà Tĩnh", "Đảng bộ tỉnh Hà Tĩnh"),
    ("Tỉnh uỷ Nghệ An", "Đảng bộ tỉnh Nghệ An"),
    ("Thành ủy Hà Nội", "Đảng bộ thành phố Hà Nội"),
    ("Thành ủy TP HCM", "Đảng bộ TP HCM"),
    ("Thành ủy thành phố Vinh", "Đảng bộ thành phố Vinh"),
    ("Huyện ủy Yên Định", "Đảng bộ huyện Yên Định"),
    ("Huyện ủy huyện Can Lộc", "Đảng bộ huyện Can Lộc"),
    ("Quận ủy Gò Vấp", "Đảng bộ quận Gò Vấp"),
    ("Thị ủy Hoàng Mai", "Đảng bộ thị xã Hoàng Mai"),
    ("Chi ủy thôn 3", "Chi bộ thôn 3"),
    ("Tỉnh ủy", "Đảng bộ tỉnh"),
    # central organs: their figures are the whole Party's
    ("Bộ Chính trị", "Đảng Cộng sản Việt Nam"),
    ("Ban Bí thư", "Đảng Cộng sản Việt Nam"),
    ("Ban Tổ chức Trung ương", "Đảng Cộng sản Việt Nam"),
    ("Ủy ban Kiểm tra Trung ương", "Đảng Cộng sản Việt Nam"),
    ("toàn Đảng", "Đảng Cộng sản Việt Nam"),
    # negatives: an organization already, or no party body, stays as named
    ("Đảng bộ xã An Hòa", "Đảng bộ xã An Hòa"),
    ("Chi bộ thôn Đông Hưng", "Chi bộ thôn Đông Hưng"),
    ("Sở Nội vụ", "Sở Nội vụ"),
])
def test_facts_organization_of(name, organization):
    assert organization_of(name) == organization


# (text, the share's reading): every row of data/fact_share_cues.tsv, and shares that stay shares.
_SHARES = [
    ("Số đảng viên tăng 12% so với năm trước.", "growth"),
    ("Số chi bộ yếu kém giảm 30% so với đầu nhiệm kỳ.", "growth"),
    ("Tốc độ tăng trưởng đảng viên đạt 5%.", "growth"),
    ("Đảng viên trẻ chiếm 21%, cao hơn 3,5% so với năm trước.", "growth"),
    ("Ban chấp hành còn thiếu 4 ủy viên (chiếm 8%).", "shortfall_share"),
    ("Đại hội bỏ phiếu với 96% tán thành.", "vote_share"),
    ("Hội nghị biểu quyết thông qua với 98% đại biểu.", "vote_share"),
    ("Ông được 412 phiếu, chiếm 88,2%.", "vote_share"),
    ("Ban Thường vụ thống nhất 100% đề nghị kỷ luật.", "vote_share"),
    ("Hội nghị nhất trí 100% thông qua.", "vote_share"),
    ("Đa số ủng hộ, khoảng 70% đảng viên được hỏi.", "poll_share"),
    ("Qua khảo sát, 64% đảng viên trẻ muốn học thêm lý luận.", "poll_share"),
    ("Kết quả thăm dò cho thấy 58% đảng viên đồng tình.", "poll_share"),
    ("Các ý kiến góp ý của đảng viên, 81% đề nghị sửa đổi.", "poll_share"),
    ("Trong quy hoạch cấp ủy nhiệm kỳ tới có 32% cán bộ nữ.", "planning_pool_share"),
    ("Tỉnh ủy đã đề bạt 120 cán bộ, trong đó nữ chiếm 18%.", "appointee_share"),
    ("Huyện ủy bổ nhiệm 45 cán bộ, trong đó cán bộ trẻ chiếm 20%.", "appointee_share"),
    ("Thành ủy luân chuyển 60 cán bộ trẻ (chiếm 25%).", "appointee_share"),
    ("Tỷ lệ đảng viên trong Quốc hội khóa mới là 88%.", "share_in_other_body"),
    ("Đảng viên trong QH chiếm khoảng 90%.", "share_in_other_body"),
    ("Đảng viên là đại biểu hội đồng nhân dân xã chiếm 95%.", "share_in_other_body"),
    ("Đảng viên trong HĐND huyện chiếm 91%.", "share_in_other_body"),
    ("Đảng viên nữ tham gia: 28% cấp ủy, 31% phiếu bầu hợp lệ.", "vote_share"),
    ("Đảng viên nữ có 40% ý kiến đề xuất.", "poll_share"),
    ("Đại hội thông qua nghị quyết với 99% nhất trí.", "vote_share"),
    ("Đảng viên của chi bộ có 75% đồng ý phương án.", "vote_share"),
    ("Đảng viên của chi bộ có 68% tán thành chủ trương.", "vote_share"),
    ("Cán bộ nữ của tỉnh có 27% tham gia cấp ủy, 30% quốc hội khóa này.", "share_in_other_body"),
    ("Cán bộ nữ của tỉnh có 27% tham gia cấp ủy, 33% QH khóa này.", "share_in_other_body"),
    ("Cán bộ nữ của tỉnh có 27% tham gia cấp ủy, 35% hội đồng nhân dân.", "share_in_other_body"),
    ("Cán bộ nữ của tỉnh có 27% tham gia cấp ủy, 36% HĐND.", "share_in_other_body"),
    ("Quy hoạch cấp ủy huyện nhiệm kỳ tới có 33% cán bộ nữ, 18,5% cán bộ trẻ.", "planning_pool_share"),
    ("Mười chi bộ có tỷ lệ đảng viên trẻ cao hơn 20%.", "threshold_of_a_count"),
    ("12 đảng bộ có tỉ lệ nữ dưới 10%.", "threshold_of_a_count"),
    # negatives: shares of members or bodies stay shares
    ("Đảng viên nữ chiếm 41% tổng số đảng viên của Đảng bộ.", None),
    ("Có 95% chi bộ được xếp loại hoàn thành tốt nhiệm vụ.", None),
    ("Đảng bộ có tỷ lệ đảng viên nữ là 38%.", None),
    ("Cán bộ nữ của tỉnh có 27% tham gia cấp ủy, 30% quốc hội khóa này.", None),  # the first share, 27
]


@pytest.mark.parametrize("text, reading", _SHARES, ids=[t for t, _ in _SHARES])
def test_cues_share_cue(text, reading):
    from extractor.rules.facts.share_cues import share_cue

    folded = fold(text)
    shares = list(re.finditer(r"\d+(?:,\d+)?%", folded))
    share = shares[0] if reading is None and "27%" in text else shares[-1]
    assert share_cue(folded, share.start(), share.end(), 0) == reading


def test_cues_every_share_cue_has_an_example():
    from extractor.resources import load_table

    examples = " ".join(fold(text) for text, reading in _SHARES if reading)
    missing = [phrase for _, phrase, _ in load_table("fact_share_cues.tsv", 3) if fold(phrase) not in examples]
    assert missing == []


# (text, counted metric, whether the count is of those that act): every row of data/fact_acting_words.tsv.
_ACTING = [
    ("Có 45 chi bộ đã tổ chức đại hội xong.", "party_organizations", True),
    ("Toàn huyện có 8 đảng bộ cơ sở vừa kiện toàn cấp ủy.", "party_organizations", True),
    ("Còn 6 chi bộ thôn không có đảng viên trẻ.", "party_organizations", True),
    ("Vẫn còn 3 chi bộ chưa có phòng sinh hoạt.", "party_organizations", True),
    ("Có 9 đảng bộ có tỷ lệ đảng viên nữ trên 40%.", "party_organizations", True),
    ("Có 4 chi bộ có tỉ lệ đảng viên trẻ cao.", "party_organizations", True),
    ("Trong đó 30 ủy viên ban chấp hành có trình độ thạc sĩ.", "committee_members", True),
    ("Có 3 ủy viên ban thường vụ không phải là người địa phương.", "committee_members", True),
    ("Có 2 đảng viên không phải là người địa phương.", "party_members", True),
    ("Có 5 đảng viên gây thất thoát vốn.", "party_members", True),
    ("Phát hiện 11 đảng viên vi phạm quy định.", "party_members", True),
    ("Ba đảng viên nhận Huy hiệu 60 năm tuổi Đảng.", "party_members", True),
    ("Có 70 đảng viên tham gia hội thi.", "party_members", True),
    # negatives: stocks stay stocks
    ("Đảng bộ có 1.200 đảng viên đang sinh hoạt tại 40 chi bộ.", "party_members", False),
    ("Đảng bộ có 68 đảng bộ trực thuộc Trung ương.", "party_organizations", False),
    ("Chi bộ có 40 đảng viên, trong đó 12 đảng viên nữ.", "party_members", False),
    ("Có 5 đảng viên vi phạm quy định.", "party_organizations", False),  # a members' word ends no bodies' count
]


@pytest.mark.parametrize("text, metric, acting", _ACTING, ids=[t for t, _, _ in _ACTING])
def test_cues_acts_after(text, metric, acting):
    from extractor.rules.facts.cues import acts_after, noun_after

    folded = fold(text)
    number = re.search(r"\d[\d.]*|một|ba", folded)
    noun = noun_after(folded, number.end())
    assert acts_after(folded, noun[2] if noun else number.end(), metric) is acting


def test_cues_every_acting_word_has_an_example():
    from extractor.resources import load_table

    examples = " ".join(fold(text) for text, _, acting in _ACTING if acting)
    assert [w for _, w in load_table("fact_acting_words.tsv", 2) if fold(w) not in examples] == []


@pytest.mark.parametrize("before, category", [
    ("Chi bộ có 120 đảng viên, trong đó đảng viên nữ ", "female"),
    ("Trong tổng số đảng viên, dân tộc thiểu số có ", "ethnic_minority"),
    # negatives: a sub-population word right after a number is that number's noun, not the next one's
    ("Xét tuyển 117 trường hợp, có 39 nữ, ", None),
    ("gồm 20 người dân tộc thiểu số, ", None),
])
def test_cues_breakdown_before(before, category):
    from extractor.rules.facts.cues import breakdown_before

    folded = fold(before + "54 đảng viên")
    assert breakdown_before(folded, len(fold(before))) == category


def test_taxonomy_matches_the_schema():
    from extractor.schema import validator

    metrics = set(validator("fact").schema["properties"]["metric"]["enum"]) - {"other"}
    assert set(taxonomy()) == metrics
    assert taxonomy()["percentage"].categories == (None,) and not taxonomy()["members_admitted"].stock


@pytest.mark.parametrize("row", [
    ("party_members", "people", "stock", "need_category", "- female"),  # a category the schema allows is missing
    ("party_members", "people", "stock", "need_category",
     "- female ethnic_minority youth_union religious probationary veterans"),  # one it does not allow
    ("party_members", "people", "sometimes", "need_category", "-"),  # an unknown time
])
def test_taxonomy_refuses_a_table_that_drifts_from_the_schema(monkeypatch, row):
    from extractor.resources import ResourceError, load_table
    from extractor.rules.facts import taxonomy as module

    rows = [r if r[0] != row[0] else row for r in load_table("fact_taxonomy.tsv", 5)]
    monkeypatch.setattr(module, "load_table", lambda name, columns: tuple(rows))
    module.taxonomy.cache_clear()
    try:
        with pytest.raises(ResourceError):
            module.taxonomy()
    finally:
        module.taxonomy.cache_clear()
