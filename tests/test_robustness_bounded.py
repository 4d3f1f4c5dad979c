"""Robustness (issue 8): the same input gives the same bytes, and the rules' work grows with their input
(the pathological inputs of the issue, each timed on the rule that was quadratic)."""

import os
import sys

import pytest


# ---- 4. deterministic ---------------------------------------------------------------------------------

def test_batch_output_is_byte_identical_under_any_hash_seed(tmp_path):
    import subprocess

    from conftest import ROOT, SHARED

    feed = SHARED / "feed" / "baomoi-2017-sample.jsonl"
    if not feed.is_file():
        pytest.skip("../shared/feed is not here")
    with feed.open(encoding="utf-8") as stream:
        (tmp_path / "slice.jsonl").write_text("".join(next(stream) for _ in range(30)), encoding="utf-8")
    outputs = []
    for seed in ("1", "4242"):
        result = subprocess.run([sys.executable, "-m", "extractor", "run", str(tmp_path / "slice.jsonl"), "-q"],
                                capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr.decode()[-2000:]
        outputs.append(result.stdout)
    assert outputs[0].count(b"\n") == 30 and outputs[0] == outputs[1]


def test_entity_resolution_canonical_name_is_the_first_spelling():
    from extractor.rules.names.resolution import Candidate, resolve

    text = "Bộ Giáo dục và Đào Tạo họp; Bộ Giáo dục và Đào tạo cho biết; Bộ Giáo dục trả lời."
    names = ["Bộ Giáo dục và Đào Tạo", "Bộ Giáo dục và Đào tạo", "Bộ Giáo dục trả"]
    starts = [text.index(name) for name in names]
    spans = [(starts[0], starts[0] + 22), (starts[1], starts[1] + 22), (starts[2], starts[2] + 11)]
    entities = resolve(text, [Candidate(s, e, "ORG", "r") for s, e in spans])
    assert entities[2].text == "Bộ Giáo dục" and entities[2].canonical == "Bộ Giáo dục và Đào Tạo"


# ---- 6. bounded work, rule by rule --------------------------------------------------------------------
# Work is counted, not timed: the lines of our code (extractor/, and this file's own examples) that run on an
# input of n items and on one of 2n, after a warm run so that lexicons loading lazily count in neither.
# Near-linear work doubles; a quadratic loop quadruples. Counts do not depend on the machine or its load
# (speed itself is `bench/hostile.py`'s to measure).

_OURS = (os.sep + "extractor" + os.sep, __file__)


def _calls(function) -> int:
    count = 0

    def count_line(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return count_line

    def enter(frame, event, arg):
        return count_line if frame.f_code.co_filename.endswith(_OURS[1]) or _OURS[0] in frame.f_code.co_filename \
            else None

    sys.settrace(enter)
    try:
        function()
    finally:
        sys.settrace(None)
    return count


def _growth(run, make, n: int) -> float:
    """Calls on an input of 2n items over calls on one of n."""
    run(make(3))
    return _calls(lambda: run(make(2 * n))) / _calls(lambda: run(make(n)))


def test_robustness_work_counter_tells_linear_from_quadratic():
    def quadratic(items):
        return sum(1 for a in items for b in items if a == b)

    assert _growth(lambda items: sum(1 for _ in items), range, 500) < 2.2
    assert _growth(quadratic, range, 200) > 3.5


def test_numbers_a_run_of_number_words_costs_its_length():
    from extractor.folding import fold
    from extractor.rules.numbers.words import read_atoms

    def run(text):
        read_atoms(text, fold(text), bytearray(len(text)))

    assert _growth(run, lambda n: "Đảng bộ có " + "một triệu " * n + "đảng viên", 150) < 2.3


def test_numbers_a_long_list_of_numbers_costs_its_length():
    from extractor.folding import fold
    from extractor.rules.numbers.zones import find_zones

    def make(n):
        return "gồm các chi bộ " + ", ".join(str(i % 100) for i in range(n))

    assert _growth(lambda text: list(find_zones(text, fold(text))), make, 500) < 2.3


def test_places_a_long_title_cased_run_costs_its_length():
    from extractor.rules.names.places import find_places

    run = "Xã Hòa Bình Huyện Gia Lâm Tỉnh Bắc Ninh Thành Phố Hà Nội Quận Ba Đình"
    assert _growth(find_places, lambda n: " ".join([run] * n), 60) < 2.3


def test_organizations_a_long_title_cased_run_of_places_costs_its_length():
    """A body's head before a run of hundreds of capitalised place names: each name once, not the run again."""
    from extractor.rules.names.organizations import find_organizations
    from extractor.rules.names.places import known_place_length

    def make(n):
        return "Ủy ban nhân dân " + "Hà Nội Hải Phòng Nam Định Thái Bình Ninh Bình " * n

    assert _growth(lambda text: find_organizations(text, known_place_length), make, 60) < 2.3


def test_entity_resolution_many_candidates_cost_their_number():
    from extractor.rules.names.resolution import Candidate, resolve

    def make(n):
        candidates, at = [], 0
        for i in range(n):
            name = f"Chi bộ thôn {i}"
            candidates.append(Candidate(at, at + len(name), "ORG", "r"))
            at += len(name) + 2
        return "; ".join(f"Chi bộ thôn {i}" for i in range(n)), candidates

    assert _growth(lambda made: resolve(*made), make, 300) < 2.3


def test_persons_titles_of_many_names_in_one_sentence_cost_their_number():
    from extractor.rules.names.persons import titles_around

    def run(text):
        for name in names_in(text):
            at = text.index(name)
            titles_around(text, at, at + len(name), (0, len(text)))

    def names_in(text):
        return [f"Nguyễn Văn {chr(65 + i % 26)}{i}" for i in range(text.count(","))]

    def make(n):
        return "Bí thư " + ", ".join(f"Nguyễn Văn {chr(65 + i % 26)}{i}" for i in range(n)) + ", hết."

    assert _growth(run, make, 120) < 2.6   # every name's window is bounded, so titles cost each name alike


def test_persons_titles_from_the_article_tokens_cost_their_number():
    from extractor.rules.names.persons import titles_around
    from extractor.rules.names.title_window import ArticleTokens
    from extractor.rules.text.tokens import tokenize

    def run(text):
        article = ArticleTokens(tokenize(text, set()))
        for i in range(text.count(",")):
            name = f"Nguyễn Văn {chr(65 + i % 26)}{i}"
            at = text.index(name)
            titles_around(text, at, at + len(name), (0, len(text)), [], set(), article)

    def make(n):
        return "Bí thư " + ", ".join(f"Nguyễn Văn {chr(65 + i % 26)}{i}" for i in range(n)) + ", hết."

    assert _growth(run, make, 120) < 2.6


def test_segment_a_run_without_spaces_costs_its_length():
    from extractor.segment import segment

    assert _growth(segment, lambda n: "Chi bộ có " + ".".join(["1"] * n) + " đảng viên.", 2000) < 2.3


def test_clean_mark_flood_is_cut_before_the_heavy_stages():
    from extractor.clean import normalize

    assert normalize("Đảng a" + "\u0301" * 100_000 + " bộ") == "Đảng \u00e1\u0301 bộ"  # two marks kept (ệ)


def test_facts_a_bulletin_of_thousands_of_counts_costs_its_length():
    """Counts in one paragraph: every per-number look-up is a bisection (2,900 took 22 s when they scanned)."""
    import re

    from extractor.rules.facts import extract_facts

    def make(n):
        return "Đảng bộ xã An Hòa báo cáo\n" + " ".join(f"Chi bộ {i} có {i % 50 + 3} đảng viên." for i in range(n))

    facts = []

    def run(text):
        sentences = [m.span() for m in re.finditer(r"[^.\n]+\.?", text)]
        facts[:] = extract_facts(text, sentences, [], "2023-01-01")

    assert _growth(run, make, 300) < 2.3
    assert len([f for f in facts if f["metric"] == "party_members"]) >= 50  # distinct counts, restatements merged
