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

    return [(ok, item) for ok, item in extract_many(read_inputs([str(shared_articles)]))]
