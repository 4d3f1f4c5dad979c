"""The review page (`extractor review`): escaping, nesting of overlapping highlights, the corpus charts, the
command's exit codes, and the page itself in a real headless Chromium (skipped where none is installed)."""

import html
import json
import shutil
from html.parser import HTMLParser

import pytest

from extractor.cli import main
from extractor.review import number_spans, page_data, render_page
from extractor.review_chart import NO_TIME, collect
from extractor.review_marks import Span, escape, render_marks

INJECTED = "<script>window.__pwned = 1; document.title = 'pwned';</script>"
TEXT = ("Đảng bộ xã Hòa Bình tổ chức hội nghị tổng kết năm 2024.\n\n"
        f"Trong năm, Đảng bộ xã Hòa Bình kết nạp 12 đảng viên mới {INJECTED} và thi hành kỷ luật 2 đảng viên.\n"
        "Bí thư Trần Văn An cho biết Chi bộ thôn Đông có 35 đảng viên, theo Nghị quyết số 05-NQ/ĐU.")


def _at(text: str, surface: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"start": start, "end": start + len(surface)}


def _fact(text, metric, category, value, evidence, rule, subject="Đảng bộ xã Hòa Bình", year="2024"):
    return {"metric": metric, "category": category, "value": value, "approx": "exact", "target": False,
            "subject": subject, "time": {"start": f"{year}-01-01", "end": f"{year}-12-31"},
            "evidence": _at(text, evidence), "rule": rule}


def own_record() -> dict:
    """A record written by hand around TEXT, its fields also carrying markup that must stay text."""
    t = TEXT
    second = t[t.index("Trong năm"):t.index("viên.\n") + 5]
    entities = [dict(_at(t, "Đảng bộ xã Hòa Bình"), label="ORG", text="Đảng bộ xã Hòa Bình", rule="org_head+name"),
                dict(_at(t, "Hòa Bình"), label="LOC", text="Hòa Bình", rule="place<b>bold</b>"),
                dict(_at(t, "Đảng bộ xã Hòa Bình", 1), label="ORG", text="Đảng bộ xã Hòa Bình", rule="org_head+name"),
                dict(_at(t, "Trần Văn An"), label="PER", text="Trần Văn An", rule="title+name"),
                dict(_at(t, "Chi bộ thôn Đông"), label="ORG", text="Chi bộ thôn Đông", rule="org_head+name")]
    facts = [_fact(t, "members_admitted", None, 12, second, "kết nạp+digits"),
             _fact(t, "disciplined", "members", 2, second, "kỷ luật+digits"),
             _fact(t, "party_members", None, 35, "thôn Đông có 35 đảng viên", "digits+noun:đảng viên",
                   subject='<img src=x onerror="window.__pwned = 2">')]
    document = {"type": "Nghị quyết", "number": "05", "symbol": "05-NQ/ĐU", "issuer": None, "issued": None,
                "term": None, "plenum": None, "mentions": [_at(t, "Nghị quyết số 05-NQ/ĐU")], "rule": "type+symbol"}
    person = {"name": "Trần Văn An", "titles": ["Bí thư"], "role": "mentioned", "mentions": [_at(t, "Trần Văn An")]}
    return {"id": "0" * 16, "source": {"path": "own.txt", "format": "txt", "sha256": "0" * 64},
            "meta": {"title": f"Hội nghị {INJECTED}", "published": "2025-01-05"}, "text": t, "sentences": [],
            "entities": entities, "documents": [document], "persons": [person], "facts": facts, "warnings": []}


class _Marks(HTMLParser):
    """Checks that the marks nest (every end closes the element last opened) and keeps each mark's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.marks, self.plain = [], [], []

    def handle_starttag(self, tag, attrs):
        self.open.append([tag, dict(attrs), ""])

    def handle_endtag(self, tag):
        assert self.open and self.open[-1][0] == tag, f"</{tag}> closes {self.open[-1:]}"
        _, attrs, text = self.open.pop()
        self.marks.append((int(attrs["data-start"]), int(attrs["data-end"]), attrs["data-kind"], text))

    def handle_data(self, data):
        self.plain.append(data)
        for element in self.open:
            element[2] += data


def _parse(fragment: str) -> _Marks:
    parser = _Marks()
    parser.feed(fragment)
    parser.close()
    assert not parser.open
    return parser


def test_review_escape_leaves_no_markup():
    escaped = escape("<script>alert(1)</script> & \"a\" 'b'\r")
    assert not set("<>\"'\r") & set(escaped)
    assert html.unescape(escaped) == "<script>alert(1)</script> & \"a\" 'b'\r"


@pytest.mark.parametrize("spans, pieces", [
    ([Span(0, 10, "evidence", ("f0",)), Span(2, 4, "number", ("f0",))], 2),
    ([Span(0, 6, "evidence", ("f0",)), Span(4, 9, "org", ("e0",))], 3),          # crossing: one split
    ([Span(0, 6, "evidence", ("f0",)), Span(0, 6, "evidence", ("f1",))], 1),     # same span: refs merged
    ([Span(2, 8, "org", ("e0",)), Span(2, 8, "loc", ("e1",)), Span(5, 8, "number", ("f0",))], 3),
    ([Span(3, 3, "org", ("e0",)), Span(5, 99, "org", ("e1",)), Span(1, 2, "unknown", ("x",))], 0),
], ids=["nested", "crossing", "identical", "same-start", "invalid"])
def test_review_marks_nest_and_split_overlaps(spans, pieces):
    text = "a<b>&c\r\nđêm\u2028"
    parsed = _parse(render_marks(text, spans))
    assert "".join(parsed.plain) == text
    assert len(parsed.marks) == pieces
    for start, end, _, surface in parsed.marks:
        assert surface == text[start:end]


def test_review_marks_merge_refs_of_one_span():
    fragment = render_marks("abcdef", [Span(0, 3, "evidence", ("f0",)), Span(0, 3, "evidence", ("f2",))])
    assert fragment.count("<mark") == 1 and 'data-refs="f0 f2"' in fragment


def test_review_page_data_cannot_end_its_script():
    data = page_data([own_record() | {"facts": [{"rule": "</script><!-- &amp; \u2028\u2029"}]}])
    assert not set("<>&\u2028\u2029") & set(data)
    assert json.loads(data)[0]["facts"][0]["rule"] == "</script><!-- &amp; \u2028\u2029"


def test_review_page_escapes_text_and_fields_and_is_deterministic():
    page = render_page([own_record()])
    assert INJECTED not in page and "<img" not in page
    assert page.count("<script") == 2 and render_page([own_record()]) == page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page


def test_review_number_of_each_fact_is_found_in_its_evidence():
    record = own_record()
    found = number_spans(record)
    assert [record["text"][s:e] for s, e in (found[i] for i in range(3))] == ["12", "2", "35"]


def test_review_chart_takes_the_largest_restated_figure_and_leaves_targets_out():
    record = own_record()
    again = _fact(TEXT, "members_admitted", None, 10, "Trong năm", "kết nạp+digits")
    target = dict(again, target=True, value=50)
    untimed = dict(again, time=None, value=7)
    admitted, members, _ = collect([record, record | {"facts": [again, target, untimed]}])
    assert admitted.bars["Đảng bộ xã Hòa Bình"]["2024"].value == 12
    assert admitted.bars["Đảng bộ xã Hòa Bình"]["2024"].articles == [1, 2]
    assert admitted.bars["Đảng bộ xã Hòa Bình"][NO_TIME].value == 7 and admitted.targets == 1
    assert members.bars["Đảng bộ xã Hòa Bình"]["2024"].value == 2


def test_review_cli_exit_codes(tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(own_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    page = tmp_path / "out" / "review.html"
    assert main(["review", str(records), "-o", str(page)]) == 0 and page.is_file()
    assert main(["review", str(tmp_path / "missing.jsonl"), "-o", str(page)]) == 2
    assert main(["review", str(records), "-o", str(tmp_path)]) == 2
    assert main(["review", str(records), "-o", str(records)]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["review", str(records)])
    assert usage.value.code == 2
    broken = own_record() | {"facts": [{"evidence": {"start": 0, "end": 10**6}}]}
    with records.open("a", encoding="utf-8") as out:
        out.write("{not json\n" + json.dumps(broken) + "\n")
    capsys.readouterr()
    assert main(["review", str(records), "-o", str(page)]) == 1
    err = capsys.readouterr().err
    assert "records.jsonl:2: skipped: not JSON" in err and "records.jsonl:3: skipped: a span" in err
    assert page.read_text(encoding="utf-8").count('class="article"') == 1


# ---- in a browser -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    sync_api = pytest.importorskip("playwright.sync_api")
    if not executable:
        pytest.skip("no chromium installed (.ci/run installs Debian's)")
    with sync_api.sync_playwright() as playwright:
        # Debian's Chromium, not a browser build of Playwright's own: nothing is downloaded
        launched = playwright.chromium.launch(executable_path=executable)
        yield launched
        launched.close()


def _open(browser, tmp_path, records: list[dict]):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert main(["review", str(path), "-o", str(tmp_path / "review.html")]) == 0
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    failures = []
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.goto((tmp_path / "review.html").as_uri())
    return page, failures


def _check_offsets(page, records: list[dict]) -> None:
    """Every highlight's text is its record's text[start:end], and each article's text is shown whole."""
    marks = page.eval_on_selector_all(".article mark.hl", "ms => ms.map(m => [Number(m.closest('.article')"
                                      ".dataset.article), Number(m.dataset.start), Number(m.dataset.end),"
                                      " m.textContent])")
    assert marks
    for article, start, end, surface in marks:
        assert surface == records[article]["text"][start:end]
    shown = page.eval_on_selector_all(".article .text", "ts => ts.map(t => t.textContent)")
    assert shown == [record["text"] for record in records]


def _click_a_fact(page, records: list[dict], tmp_path) -> None:
    number = page.locator(".article mark.k-number").first
    article = records[int(number.evaluate("m => m.closest('.article').dataset.article"))]
    ref = number.get_attribute("data-refs")
    number.click()
    fact = article["facts"][int(ref[1:])]
    item = page.locator(f'#panel-body .item[data-ref="{ref}"]')
    assert item.get_attribute("data-kind") == "number"
    for field in ("metric", "value", "subject", "rule"):
        expected = fact[field] if isinstance(fact[field], str) else json.dumps(fact[field])
        assert item.locator(f'tr[data-field="{field}"] td').inner_text() == expected
    shot = tmp_path / "review.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_review_page_of_the_shared_articles_in_a_browser(browser, shared_records, tmp_path):
    records = [item for ok, item in shared_records if ok]
    page, failures = _open(browser, tmp_path, records)
    _check_offsets(page, records)
    _click_a_fact(page, records, tmp_path)
    assert page.locator("#corpus svg.chart rect").count() > 0
    assert not failures


def test_review_page_keeps_injected_markup_inert_in_a_browser(browser, tmp_path):
    records = [own_record()]
    page, failures = _open(browser, tmp_path, records)
    _check_offsets(page, records)
    _click_a_fact(page, records, tmp_path)
    assert page.evaluate("window.__pwned") is None
    assert page.title().startswith("extractor review") and page.locator("img").count() == 0
    assert INJECTED in page.locator(".article h2").inner_text()
    page.locator(".article mark.k-evidence").last.click()
    subject = page.locator('#panel-body .item[data-ref="f2"] tr[data-field="subject"] td').inner_text()
    assert subject == records[0]["facts"][2]["subject"] and page.evaluate("window.__pwned") is None
    assert not failures


@pytest.mark.parametrize("change", [
    {"meta": "a string", "source": ["a list"]},
    {"facts": [{"evidence": {"start": 0, "end": 5}, "time": "2024", "subject": {"a": 1}, "value": "many",
                "metric": "members_admitted", "category": None}]},
    {"entities": [{"start": 0, "end": 4, "label": "XYZ"}], "documents": [{"mentions": [{"start": 1, "end": 2}]}]},
], ids=["meta-not-objects", "odd-fact-fields", "odd-labels"])
def test_review_odd_but_usable_records_still_give_a_page(change):
    page = render_page([own_record() | change])
    assert page.count('class="article"') == 1 and "<img" not in page


@pytest.mark.parametrize("line", [
    "[1, 2]", '{"error": {"code": "E_EMPTY"}}', '{"text": 5}',
    json.dumps(own_record() | {"documents": [{"mentions": {"start": 0, "end": 1}}]}),
    json.dumps(own_record() | {"persons": [{"mentions": ["x"]}]}),
    json.dumps(own_record() | {"entities": [{"start": True, "end": 3}]}),
    json.dumps(own_record() | {"facts": [{"evidence": None}]}),
])
def test_review_skips_a_line_that_is_not_a_record(tmp_path, capsys, line):
    records = tmp_path / "records.jsonl"
    records.write_text(line + "\n", encoding="utf-8")
    assert main(["review", str(records), "-o", str(tmp_path / "page.html")]) == 1
    assert "records.jsonl:1: skipped" in capsys.readouterr().err
