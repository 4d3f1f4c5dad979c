"""Numeric facts (spec §5): the corpus in corpus/cases/facts.jsonl run through `extract`, plus the committee →
organization mapping (`rules.facts.organization_of`); the period finder is tested in test_periods.py.

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
