"""A committee's size (spec §5 `committee_members`): a body named, then what it holds — `Ban Chấp hành gồm
45 đồng chí`, `Bộ Chính trị (14 người)`, `danh sách ủy viên dự khuyết có 21 người`, `số lượng Ban Chấp hành là
61`, `Ban chấp hành lâm thời gồm 5 ủy viên` — or people elected into it (`14 người được bầu vào Bộ Chính
trị`). The bodies and their categories are data (`data/fact_committees.tsv`).
"""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold
from extractor.resources import load_table

# what may stand between the body and its size: a few words of name or term, no other number, no clause end,
# no attribute word (a template: {not_attribute} is filled from the data)
_HOLDS = r"(?P<between>(?:{not_attribute}[^;:.\d\n]){{0,60}}?)(?:\s*\(\s*(?:gồm\s+|có\s+)?|\s+(?:gồm|gồm có|có|với|là|còn)\s+|\s*:\s*)" \
         r"(?:(?:tổng cộng|tất cả|hơn|gần|khoảng|trên|chưa đầy|dưới)\s+)?$"
_MEMBERS = regex.compile(r"\s*(?:người|đồng chí|ủy viên|thành viên|vị)?(?:\s*\)|\s*[,;.\n]|\s+(?:và|trong|được|trúng|"
                         r"chính thức|dự khuyết)\b|\s*$)")


@functools.cache
def _bodies() -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    table = load_table("fact_committees.tsv", 2)
    rows = {fold(phrase): category for phrase, category in table if category != "attribute"}
    names = "|".join(regex.escape(p) for p in sorted(rows, key=len, reverse=True))
    attributes = "|".join(regex.escape(fold(p)) for p, category in table if category == "attribute")
    holds = _HOLDS.format(not_attribute=rf"(?!{attributes})")  # no attribute between body and number
    return regex.compile(rf"(?<!\w)(?P<body>{names})(?!\w){holds}"), regex.compile(rf"(?:{names})(?!\w)"), rows


_FRACTION = regex.compile(r"\d[.,]\d{1,2}$")
_QUALIFIES = regex.compile(r"\s*,?\s*(?:của\s+)?")
# "bầu 59 người vào Ban Chấp hành", "14 người được bầu vào Bộ Chính trị"
_ELECTED_INTO = regex.compile(r"\s+(?:người|đồng chí|ủy viên)\s+(?:(?:đã|vừa)\s+)?(?:được\s+)?(?:bầu\s+|chỉ định\s+)?"
                              r"(?:vào|làm)\s+")


def _category(body: str, phrase: str, rows: dict[str, str]) -> str | None:
    category = rows[body]
    if category == "other":
        return "other"
    return "alternate" if "dự khuyết" in phrase else (None if category == "-" else category)


def committee_size(folded: str, start: int, end: int, floor: int) -> tuple[str | None, int] | None:
    """The category of a committee size counted by the number at [start, end), and where its noun ends;
    ("other", …) for a body whose size is no fact; None when the number is no committee's size."""
    holds, body_at, rows = _bodies()
    if _FRACTION.search(folded, start, end):
        return None  # "độ tuổi bình quân … là 52,4": no size
    found = None
    for match in holds.finditer(folded, max(floor, start - 90), start, overlapped=True):
        if match.end() != start:
            continue
        # the nearest body before the number wins ("BCH TƯ … bầu Bộ Chính trị (16 người)", "… Bộ Chính trị,
        # Ban Bí thư gồm 8 người"), unless it is the parent committee that only qualifies the one before it
        # ("Bộ Chính trị, Ban chấp hành TƯ khóa X (14 người)")
        if found is None or not (rows[match.group("body")] == "-"
                                 and _QUALIFIES.fullmatch(folded, found.end("body"), match.start())):
            found = match
    members = _MEMBERS.match(folded, end)
    if found and members:
        phrase = folded[max(floor, found.start() - 40):start]  # "ủy viên dự khuyết BCH T.Ư có 21 người"
        return _category(found.group("body"), phrase, rows), members.end()
    elected = _ELECTED_INTO.match(folded, end)
    body = elected and body_at.match(folded, elected.end())
    if body:
        return _category(body.group(), body.group(), rows), body.end()
    return None
