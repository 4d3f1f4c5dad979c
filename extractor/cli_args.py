"""The command line's arguments: the parser of `extractor run|explain|evaluate|export|review` and the
types that check option values before any work."""

from __future__ import annotations

import argparse
import datetime as dt

import regex

from extractor import __version__
from extractor.readers import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE_CLOSED = 0, 1, 2, 130, 141
DEFAULT_TIMEOUT = 30.0
_SIZE = regex.compile(r"^(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?$", regex.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def _iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def _size(value: str) -> int:
    match = _SIZE.match(value.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"expected a size like 5MB or 500000, got {value!r}")
    unit = (match.group(2) or "").lower()[:1]
    return int(float(match.group(1)) * _UNITS[unit])


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < 10**6:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}")
    return seconds


def _whole_number(what: str):
    """An argparse type: a whole number of 1 or more, named `what` in the message."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise argparse.ArgumentTypeError(f"expected {what} (1 or more), got {value!r}")
        return number
    return parse


_jobs = _whole_number("a number of processes")
_line_number = _whole_number("a line number")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description=(
        "Turn scraped Vietnamese party-building news into schema-validated JSON records."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_run(commands)
    _add_explain(commands)
    _add_evaluate(commands)
    _add_export(commands)
    _add_review(commands)
    return parser


def _add_run(commands) -> None:
    run = commands.add_parser("run", help="extract records from articles", description=(
        "Read articles (files, folders searched recursively for .txt/.html/.htm/.jsonl, or - for stdin) "
        "and write one JSON record per article as JSON Lines. With no INPUT: stdin when something is piped or "
        "redirected into it, else (a terminal, /dev/null) the bundled corpus."))
    run.add_argument("inputs", nargs="*", metavar="INPUT")
    run.add_argument("-o", "--output", metavar="OUT", help="JSON Lines file for the records (default: stdout)")
    run.add_argument("--errors", metavar="FILE",
                     help="JSON Lines file for error records (default: errors.jsonl beside OUT, or stderr)")
    run.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                     help="publication date for articles that state none (anchors relative dates)")
    run.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                     help="inputs larger than this are refused (default: 5MB)")
    run.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help="time budget per article; over it, the article is an E_TIMEOUT error "
                          "(default: 30; 0: none)")
    run.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                     help="worker processes (default: the usable cores; 1: extract in this process)")
    run.add_argument("--resume", action="store_true",
                     help="with -o: skip the articles already in OUT or the errors file and append the rest, so "
                          "a killed run started again ends with every article once")
    run.add_argument("--dask-scheduler", metavar="ADDRESS",
                     help="run on a Dask cluster (tcp://HOST:PORT); -o is then a folder of part-NNNNN.jsonl files")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")


def _add_explain(commands) -> None:
    explain = commands.add_parser("explain", help="show one article's facts with their evidence and rules",
                                  description=("Extract the article(s) in INPUT and show, for a person to check, "
                                               "each fact with the words that state it and the rule that made it, "
                                               "then the entities, persons and documents."))
    explain.add_argument("input", metavar="INPUT", help="a file (a JSON Lines file: use --line), or - for stdin")
    explain.add_argument("--line", type=_line_number, default=None, metavar="N",
                         help="the line of a JSON Lines input to explain (1 is the first)")
    explain.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                         help="publication date for an article that states none")
    explain.add_argument("--all", action="store_true", help="also list the numbers that count nothing (other)")


def _add_evaluate(commands) -> None:
    evaluate = commands.add_parser("evaluate", help="score records against gold files (spec §6)", description=(
        "Score the records in OUT.jsonl against the gold files in GOLD_DIR: metadata accuracy, entity, person, "
        "document and fact precision/recall/F1, and attribute accuracies."))
    evaluate.add_argument("records", metavar="OUT.jsonl")
    evaluate.add_argument("gold", metavar="GOLD_DIR")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--errors", action="store_true",
                          help="list every scored fact (ok, fp, subject), every missed gold fact (fn) and every "
                               "entity found wrongly (fp) or missed (fn), one tab-separated line each, "
                               "instead of the scores")
    evaluate.add_argument("--baseline", choices=["underthesea"],
                          help="also score underthesea's NER on the same texts, for comparison")


def _add_export(commands) -> None:
    export = commands.add_parser("export", help="write records as tables (Parquet or CSV, and DuckDB)", description=(
        "Write the records in RECORDS.jsonl as five flat tables (articles, entities, persons, documents, facts), "
        "keyed by record_id and source_id, into DIR as Parquet or CSV files, and optionally into a DuckDB file."))
    export.add_argument("records", metavar="RECORDS.jsonl")
    export.add_argument("--to", required=True, metavar="DIR", help="folder for the table files (made if missing)")
    export.add_argument("--format", choices=["parquet", "csv"], default="parquet", help="default: parquet")
    export.add_argument("--duckdb", metavar="FILE", help="also load the tables into this DuckDB file")
    export.add_argument("-q", "--quiet", action="store_true", help="no summary line")


def _add_review(commands) -> None:
    review = commands.add_parser("review", help="write an HTML page to check records by eye", description=(
        "Write one self-contained HTML page of the records in RECORDS.jsonl: each article's text with its "
        "entities, documents and facts highlighted (click one for its fields and rule), a facts table per "
        "article and charts of members admitted and disciplined over the corpus."))
    review.add_argument("records", metavar="RECORDS.jsonl")
    review.add_argument("-o", "--output", required=True, metavar="PAGE.html", help="the HTML file to write")
