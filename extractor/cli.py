"""Command line: `extractor run …` (and `python -m extractor run …`).

Exit codes: 0 every article gave a valid record; 1 some inputs failed (the rest were processed and
written); 2 bad usage, or outputs that cannot be used (refused before any work); 130 interrupted (what
was finished is written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import regex

from extractor import __version__
from extractor.readers import DEFAULT_MAX_BYTES
from extractor.resources import bundled_path
from extractor.writers import output_problem

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
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


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {value!r}")
    return jobs


def default_jobs() -> int:
    from extractor.parallel import usable_cores

    return usable_cores()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description=(
        "Turn scraped Vietnamese party-building news into schema-validated JSON records."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract records from articles", description=(
        "Read articles (files, folders searched recursively for .txt/.html/.htm/.jsonl, or - for stdin) "
        "and write one JSON record per article as JSON Lines. With no INPUT, runs the bundled corpus."))
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

    explain = commands.add_parser("explain", help="show one article's facts with their evidence and rules",
                                  description=("Extract the article(s) in INPUT and show, for a person to check, "
                                               "each fact with the words that state it and the rule that made it, "
                                               "then the entities, persons and documents."))
    explain.add_argument("input", metavar="INPUT", help="a file (a JSON Lines file: use --line), or - for stdin")
    explain.add_argument("--line", type=int, default=None, help="the line of a JSON Lines input to explain")
    explain.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                         help="publication date for an article that states none")
    explain.add_argument("--all", action="store_true", help="also list the numbers that count nothing (other)")

    evaluate = commands.add_parser("evaluate", help="score records against gold files (spec §6)", description=(
        "Score the records in OUT.jsonl against the gold files in GOLD_DIR: metadata accuracy, entity, person, "
        "document and fact precision/recall/F1, and attribute accuracies."))
    evaluate.add_argument("records", metavar="OUT.jsonl")
    evaluate.add_argument("gold", metavar="GOLD_DIR")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--errors", action="store_true",
                          help="list every scored fact (ok, fp, subject) and every missed gold fact (fn), "
                               "one tab-separated line each, instead of the scores")
    evaluate.add_argument("--baseline", choices=["underthesea"],
                          help="also score underthesea's NER on the same texts, for comparison")

    export = commands.add_parser("export", help="write records as tables (Parquet or CSV, and DuckDB)", description=(
        "Write the records in RECORDS.jsonl as five flat tables (articles, entities, persons, documents, facts), "
        "keyed by record_id and source_id, into DIR as Parquet or CSV files, and optionally into a DuckDB file."))
    export.add_argument("records", metavar="RECORDS.jsonl")
    export.add_argument("--to", required=True, metavar="DIR", help="folder for the table files (made if missing)")
    export.add_argument("--format", choices=["parquet", "csv"], default="parquet", help="default: parquet")
    export.add_argument("--duckdb", metavar="FILE", help="also load the tables into this DuckDB file")
    export.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    review = commands.add_parser("review", help="write an HTML page to check records by eye", description=(
        "Write one self-contained HTML page of the records in RECORDS.jsonl: each article's text with its "
        "entities, documents and facts highlighted (click one for its fields and rule), a facts table per "
        "article and charts of members admitted and disciplined over the corpus."))
    review.add_argument("records", metavar="RECORDS.jsonl")
    review.add_argument("-o", "--output", required=True, metavar="PAGE.html", help="the HTML file to write")
    return parser


def default_inputs() -> list[str]:
    return [str(bundled_path("corpus") / "articles")]


def _output_clash(inputs: list[str], output: str | None, errors: str | None) -> str | None:
    """Why the outputs cannot be used, found before any work: one file for both, an output that is an
    input (it would be overwritten), a folder, or a place that cannot be written."""
    outputs = [(name, path) for name, path in (("-o", output), ("--errors", errors)) if path]
    real = {name: os.path.realpath(path) for name, path in outputs}
    if len(real) == 2 and real["-o"] == real["--errors"]:
        return f"-o and --errors are the same file ({output})"
    read = {os.path.realpath(item) for item in inputs if item != "-"}
    for name, path in outputs:
        if real[name] in read:
            return f"{name} {path} is also an input"
        problem = output_problem(path)
        if problem:
            return f"{name}: {problem}"
    return None


def _run(args: argparse.Namespace) -> int:
    from extractor.batch import Interrupted, run_batch

    inputs = args.inputs or default_inputs()
    if args.dask_scheduler:
        return _run_on_dask(args, inputs)
    errors_path = args.errors or (str(Path(args.output).with_name("errors.jsonl")) if args.output else None)
    clash = _output_clash(inputs, args.output, errors_path)
    if args.resume and not args.output:
        clash = "--resume needs -o OUT (the records to resume)"
    if clash:
        print(f"extractor run: {clash}", file=sys.stderr)
        return EXIT_USAGE
    records, errors, resumption = _sinks(args.output, errors_path, args.resume)
    progress = not args.quiet and sys.stderr.isatty()
    try:
        summary = run_batch(inputs, records, errors, published=args.published, max_bytes=args.max_size,
                            progress=progress, timeout=args.timeout, jobs=args.jobs or default_jobs(),
                            exclude=tuple(p for p in (args.output, errors_path) if p), resumption=resumption)
    except Interrupted as stop:
        print(stop.summary.line(errors_path or "stderr"), file=sys.stderr)
        print(f"extractor: interrupted; the {stop.summary.records} record(s) finished are in "
              f"{args.output or 'stdout'}. To go on, run the same command again with --resume.", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet or summary.failed:
        print(summary.line(errors_path or "stderr"), file=sys.stderr)
    failed_before = resumption.errors if resumption else 0
    return EXIT_SOME_FAILED if summary.failed or failed_before else EXIT_OK


def _sinks(output: str | None, errors_path: str | None, resume: bool):
    """The records' and errors' sinks, and with --resume what earlier runs finished."""
    from extractor.writers import AppendingSink, JsonlSink

    if not resume:
        return JsonlSink(output, sys.stdout), JsonlSink(errors_path, sys.stderr), None
    from extractor.resume import resume as resume_outputs

    resumption = resume_outputs(output, errors_path)
    return AppendingSink(output, sys.stdout), AppendingSink(errors_path, sys.stderr), resumption


def _run_on_dask(args: argparse.Namespace, inputs: list[str]) -> int:
    if not args.output or args.resume or "-" in inputs:
        # The workers read the inputs themselves: stdin stays with this process.
        print("extractor run: --dask-scheduler needs -o FOLDER and input files (not -); it does not resume",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        from dask.distributed import Client
    except ImportError:
        print("extractor run: --dask-scheduler needs Dask: pip install 'extractor[cluster]'", file=sys.stderr)
        return EXIT_USAGE
    from extractor.distributed import run_on_dask

    with Client(args.dask_scheduler) as client:
        summary = run_on_dask(inputs, args.output, client, published=args.published, max_bytes=args.max_size,
                              timeout=args.timeout)
    if not args.quiet or summary.failed:
        print(summary.line(str(Path(args.output) / "errors-*.jsonl")), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from extractor.evaluate import evaluate, format_report, record_key
    from extractor.scoring_inputs import read_records

    records_path, gold_dir = Path(args.records), Path(args.gold)
    if not records_path.is_file() or not gold_dir.is_dir():
        print(f"extractor evaluate: need a records file and a gold folder ({records_path}, {gold_dir})",
              file=sys.stderr)
        return EXIT_USAGE
    records, problems = read_records(records_path, record_key)
    if args.errors:
        from extractor.fact_listing import list_facts

        print("\n".join(list_facts(records, gold_dir)))
        return EXIT_SOME_FAILED if problems else EXIT_OK
    summary = evaluate(records, gold_dir, problems).as_dict()
    for problem in dict.fromkeys(problems):   # each once (the baseline meets the same gold files)
        print(f"extractor evaluate: {problem}", file=sys.stderr)
    if args.baseline:
        from extractor.baseline import baseline_records

        baseline = evaluate(baseline_records(records), gold_dir, []).as_dict()
        if args.json:
            print(json.dumps({"extractor": summary, "underthesea": baseline}, ensure_ascii=False, indent=1))
        else:
            print(format_report(summary) + "\n\nbaseline: underthesea ner\n" + format_report(baseline))
    else:
        print(json.dumps(summary, ensure_ascii=False, indent=1) if args.json else format_report(summary))
    # 1: scored, but some file or line could not be (each named on stderr)
    return EXIT_SOME_FAILED if problems else EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from extractor.api import extract_many
    from extractor.explain import explain_record
    from extractor.readers import read_inputs

    shown = failed = 0
    for item in extract_many(read_inputs([args.input]), published=args.published):
        if args.line is not None and item["source"].get("line") != args.line:
            continue
        if "error" not in item:
            print(("\n" + "=" * 80 + "\n") * bool(shown) + explain_record(item, args.all))
            shown += 1
        else:
            print(f"{item['source']['path']}: {item['error']['code']}: {item['error']['message']}", file=sys.stderr)
            failed += 1
    return EXIT_SOME_FAILED if failed or not shown else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from extractor.export import ExportRefused, export_records

    folder = Path(args.to)
    try:
        summary = export_records(Path(args.records), folder, args.format, args.duckdb and Path(args.duckdb),
                                 report=lambda problem: print(f"extractor export: {problem}", file=sys.stderr))
    except ExportRefused as refused:
        print(f"extractor export: {refused}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet or summary.skipped:
        print(summary.line(folder), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.skipped else EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from extractor.review import write_review

    records, output = Path(args.records), Path(args.output)
    problem = (None if records.is_file() else f"{records} is not a records file") or output_problem(args.output)
    if not problem and output.exists() and output.samefile(records):
        problem = f"-o {output} is the records file"
    if problem:
        print(f"extractor review: {problem}", file=sys.stderr)
        return EXIT_USAGE
    skipped = write_review(records, output, lambda message: print(f"extractor review: {message}", file=sys.stderr))
    return EXIT_SOME_FAILED if skipped else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "explain":
        return _explain(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "export":
        return _export(args)
    if args.command == "review":
        return _review(args)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
