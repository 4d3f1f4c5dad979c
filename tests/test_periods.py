"""Periods (spec §5 time): `rules.facts.periods.find_periods` on every kind of data/period_words.tsv."""

import pytest

from extractor.rules.facts.periods import find_periods


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
