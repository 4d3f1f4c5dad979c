"""Command line: `extractor run …` (and `python -m extractor run …`); the arguments are in `cli_args.py`.

Exit codes: 0 every article gave a valid record; 1 some inputs failed (the rest were processed and
written); 2 bad usage, or outputs that cannot be used (refused before any work); 130 interrupted (what
was finished is written); 141 stdout's reader went away (`| head`), the run stopped quietly.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from extractor.cli_args import EXIT_INTERRUPTED, EXIT_OK, EXIT_PIPE_CLOSED, EXIT_SOME_FAILED, EXIT_USAGE, build_parser
from extractor.resources import bundled_path
from extractor.writers import output_problem


def default_jobs() -> int:
    from extractor.parallel import usable_cores

    return usable_cores()


def default_inputs() -> list[str]:
    return [str(bundled_path("corpus") / "articles")]


def stdin_brings_input() -> bool:
    """Whether stdin is a pipe, a file or a socket (`cat feed.jsonl | extractor run`), so that no INPUT
    means stdin. A terminal, /dev/null (a device, as `< /dev/null` and `subprocess.DEVNULL` give) or no
    stdin at all brings none: there no INPUT keeps meaning the bundled corpus."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (AttributeError, OSError, ValueError):     # no stdin, or one replaced by an object without a file
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


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

    inputs = args.inputs or (["-"] if stdin_brings_input() else default_inputs())
    if args.dask_scheduler:
        return _run_on_dask(args, inputs)
    errors_path = args.errors or (str(Path(args.output).with_name("errors.jsonl")) if args.output else None)
    clash = _output_clash(inputs, args.output, errors_path)
    if args.resume and not args.output:
        clash = "--resume needs -o OUT (the records to resume)"
    if clash:
        print(f"extractor run: {clash}", file=sys.stderr)
        return EXIT_USAGE
    from extractor.resume import ResumeBusy

    try:
        records, errors, resumption = _sinks(args.output, errors_path, args.resume, named_errors=bool(args.errors))
    except ResumeBusy as busy:
        print(f"extractor run: {busy}", file=sys.stderr)
        return EXIT_USAGE
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
    finally:
        if resumption is not None:
            resumption.release()
    if not args.quiet or summary.failed:
        print(summary.line(errors_path or "stderr"), file=sys.stderr)
    failed_before = resumption.errors if resumption else 0
    return EXIT_SOME_FAILED if summary.failed or failed_before else EXIT_OK


def _sinks(output: str | None, errors_path: str | None, resume: bool, named_errors: bool):
    """The records' and errors' sinks, and with --resume what earlier runs finished. OUT is always written
    (empty when no record). The default errors file (errors.jsonl beside OUT) is made only when there is an
    error; a file named with --errors was asked for, so it is written even empty."""
    from extractor.writers import AppendingSink, JsonlSink

    if not resume:
        return (JsonlSink(output, sys.stdout), JsonlSink(errors_path, sys.stderr, keep_empty=named_errors),
                None)
    from extractor.resume import resume as resume_outputs

    resumption = resume_outputs(output, errors_path)
    return (AppendingSink(output, sys.stdout), AppendingSink(errors_path, sys.stderr, keep_empty=named_errors),
            resumption)


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
    from extractor.cli_explain import explain

    return explain(args.input, args.line, args.published, args.all)


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
    args = build_parser().parse_args(argv)
    command = {"run": _run, "explain": _explain, "evaluate": _evaluate, "export": _export, "review": _review}
    try:
        return command[args.command](args)
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """stdout's reader went away (`extractor run | head -1`): the run has stopped, and ends quietly, as
    `yes | head -1` does. stdout is pointed at /dev/null (the Python documentation's recipe), so that the
    flush at exit does not fail again with a traceback. The code is 141 (128 + SIGPIPE), what a shell shows
    for a tool that SIGPIPE ended: the output is not whole, and `set -o pipefail` scripts can tell."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_PIPE_CLOSED


if __name__ == "__main__":
    sys.exit(main())
