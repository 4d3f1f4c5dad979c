import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = ROOT / "corpus" / "cases"


def load_cases(name: str) -> list:
    """A dimension's example file: one JSON object per line, shown by its `why` in test ids."""
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [pytest.param(case, id=case.get("why", case["text"][:40]))
            for case in (json.loads(line) for line in lines if line.strip())]


def assert_offsets(record: dict) -> None:
    """Rule 1 of the house: every span lies in the text and entities' text is their span's surface."""
    text = record["text"]
    spans = [(s, None) for s in record["sentences"]]
    spans += [(e, e["text"]) for e in record["entities"]]
    spans += [(m, None) for part in ("documents", "persons") for item in record[part] for m in item["mentions"]]
    spans += [(f["evidence"], None) for f in record["facts"]]
    for span, surface in spans:
        assert 0 <= span["start"] < span["end"] <= len(text)
        if surface is not None:
            assert text[span["start"]:span["end"]] == surface
    previous_end = 0
    for sentence in record["sentences"]:
        assert sentence["start"] >= previous_end
        piece = text[sentence["start"]:sentence["end"]]
        assert piece == piece.strip() and "\n" not in piece
        previous_end = sentence["end"]


@pytest.fixture(scope="session")
def shared_articles() -> Path:
    folder = SHARED / "articles"
    if not folder.is_dir():
        pytest.skip("../shared/articles is not here")
    return folder


@pytest.fixture(scope="session")
def shared_records(shared_articles):
    """The 20 shared articles run once through the whole CLI path (reader → record)."""
    from extractor.api import extract_many
    from extractor.readers import read_inputs

    return [("error" not in item, item) for item in extract_many(read_inputs([str(shared_articles)]))]


# ---- shared by the robustness tests -----------------------------------------------------------------------

VI = ("Đảng bộ xã Tân Hòa vừa tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm, "
      "với sự tham dự của bí thư các chi bộ thôn và đông đảo đảng viên trong toàn Đảng bộ.")
GOOD = ("Đảng ủy phường Tân Lập tổng kết công tác năm\n\n09/01/2024\n\n"
        "Đảng bộ phường Tân Lập hiện có 18 chi bộ trực thuộc với 620 đảng viên.\n\nVũ Thanh Hải")


def read_jsonl(path) -> list:
    """JSON Lines split on \\n only (a text may hold U+2028)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def run_cli(tmp_path, inputs, *extra):
    """`extractor run INPUTS -o tmp/out/records.jsonl -q`: (exit code, records path, errors path)."""
    from extractor.cli import main

    out = tmp_path / "out" / "records.jsonl"
    code = main(["run", *map(str, inputs), "-o", str(out), "-q", *extra])
    return code, out, out.with_name("errors.jsonl")


@pytest.fixture(autouse=True)
def _extract_in_process(monkeypatch):
    """`extractor run` without --jobs runs in this process here: many tests patch the extraction's internals,
    which worker processes would not see. The tests of worker processes ask for them with --jobs."""
    import extractor.cli

    monkeypatch.setattr(extractor.cli, "default_jobs", lambda: 1)
