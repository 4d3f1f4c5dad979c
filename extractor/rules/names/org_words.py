"""Single-word tests on where an organization's name goes on: a person's name starting, a run of lower-case
field words that a field noun closes (names in sentence case: "Cục Kiểm soát hoạt động bảo vệ môi trường"),
a next sentence whose full stop a scrape lost, a number that counts what follows, and a head that is
capitalised past its first word."""

from __future__ import annotations

from extractor.rules.names.org_lexicon import counters, heads, inner_words, surnames
from extractor.rules.names.phrases import honorifics, name_stop_words
from extractor.rules.text.dictionary import is_compound
from extractor.rules.text.tokens import Token, joined_by_space


def person_starts(tokens: list[Token], index: int) -> bool:
    """A family name followed by capitalised syllables: a person, where an organization's name ends.
    Not the second syllable of a two-syllable word the segmenter made ("Tân Lạc" is one place)."""
    if tokens[index].folded not in surnames() or index + 1 >= len(tokens):
        return False
    if tokens[index].continues and not tokens[index - 1].continues and not tokens[index + 1].continues:
        return False
    following = tokens[index + 1]
    return joined_by_space(following) and following.capitalised and not following.shouted


def field_run_end(tokens: list[Token], i: int) -> int | None:
    """Where a run of lower-case field words from token i ends, if a field noun closes it: verb-like fields
    ("quản lý", "bảo vệ") belong to a name only before one ("… hoạt động bảo vệ môi trường")."""
    end = None
    while i < len(tokens) and joined_by_space(tokens[i]) and not tokens[i].capitalised:
        inner = inner_words().match(tokens, i)
        if inner is None or inner[1] not in ("field", "act"):
            break
        i += inner[0]
        end = i if inner[1] == "field" else end
    return end


def next_sentence_starts(tokens: list[Token], i: int) -> bool:
    """Capitalised token i opens the next sentence, whose full stop the scrape lost ("Tỉnh ủy Bình Định Ngày
    25.5", "… quốc gia Ông Lê Văn A"): a stop word of names before a number or a lower-case word ("Tối cao",
    "Hai Bà Trưng" go on), or an honorific before a person ("Bà Rịa", "Cụ Hồ" go on)."""
    stop = name_stop_words().match(tokens, i)
    after = i + stop[0] if stop else len(tokens)
    if after < len(tokens) and (not tokens[after].capitalised or tokens[after].text[0].isdigit()) \
            and not is_compound(tokens[after - 1].folded, tokens[after].folded):
        return True
    honorific = honorifics().match(tokens, i)
    return bool(honorific) and person_starts(tokens, i + honorific[0])


def act_follows_act(tokens: list[Token], i: int) -> bool:
    """The name word before token i is verb-like too ("Kiểm soát", "Phối hợp", "Chỉ đạo"): the name tells
    an activity, so the lower-case activity after it is its own ("Cục Kiểm soát hoạt động bảo vệ …"); after
    a field noun ("Sở Tài nguyên quản lý đất đai") the verb is the sentence's."""
    return any(i >= n and inner_words().match(tokens, i - n) == (n, "act") for n in (1, 2))


def capitalised_past_first_word(tokens: list[Token], index: int) -> bool:
    """The head ending before `index` is capitalised past its first syllable ("Viện Kiểm sát", not "Trung tâm")."""
    for length in range(2, heads().longest + 1):
        start = index - length
        match = heads().match(tokens, start) if start >= 0 else None
        if match and match[0] == length:
            return any(t.capitalised for t in tokens[start + 1:index])
    return False


def counts_what_follows(tokens: list[Token], i: int) -> bool:
    """Token i is a number that counts the noun after it ("Bệnh viện Thận Hà Nội 20 bệnh nhân", "Sở Y tế 5
    cán bộ"): a count, not the number a body is named with ("Bệnh viện 108", "Công ty Sông Đà 9 thi công")."""
    return tokens[i].text.isdigit() and i + 1 < len(tokens) and joined_by_space(tokens[i + 1]) \
        and not tokens[i + 1].capitalised and counters().match(tokens, i + 1) is not None


def word_opens_sentence(tokens: list[Token], i: int) -> bool:
    """Capitalised token i makes a common word with the lower-case syllable after it ("… tỉnh Bình Định Ngôi mộ
    …", "… tỉnh Hà Giang Chỉ đạo …"): after a body's place, the next sentence whose full stop was lost; a field
    of a name ("Môi trường") is no such word."""
    token = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return (following is not None and not token.shouted and joined_by_space(following)
            and not following.capitalised and is_compound(token.folded, following.folded)
            and inner_words().match(tokens, i) is None)
