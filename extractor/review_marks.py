"""A record's text as HTML with its spans highlighted: every character escaped, overlapping spans nested.

Spans may nest (a number inside its fact's evidence, a place inside an organization's name) or cross (an
evidence clause that ends inside an organization's name). HTML elements can only nest, so the text is cut at
every span boundary and, over each piece, the open elements are made to match the spans covering it, outer
before inner: a span that crosses another is closed and reopened, and comes out as two or more elements.
Each element carries `data-start`/`data-end`, the offsets of its own piece, so that its text content is
always `text[start:end]` of the record, split or not.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

# Outer before inner when two spans cover the same characters: an evidence clause holds the rest, and a
# fact's number is read inside whatever names it.
KIND_ORDER = ("evidence", "document", "org", "loc", "per", "number")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    refs: tuple[str, ...]   # the items it marks, as `f3` (fact 3), `e0`, `d1` …: the page's JSON keys

    def order(self) -> tuple[int, int, int]:
        return (self.start, -self.end, KIND_ORDER.index(self.kind))


def escape(text: str) -> str:
    """HTML-escaped text, quotes included (so it is safe in attributes too); a carriage return as a
    character reference, because a parser turns a raw one into a line feed and the offsets would drift."""
    return html.escape(text, quote=True).replace("\r", "&#13;")


def merge_spans(spans: list[Span], length: int) -> list[Span]:
    """The spans that lie in a text of `length`, one per (start, end, kind), their refs joined in order:
    three facts read from one sentence share one evidence element, not three nested ones."""
    merged: dict[tuple[int, int, str], list[str]] = {}
    for span in spans:
        if span.kind not in KIND_ORDER or not 0 <= span.start < span.end <= length:
            continue
        refs = merged.setdefault((span.start, span.end, span.kind), [])
        refs.extend(ref for ref in span.refs if ref not in refs)
    return sorted((Span(s, e, kind, tuple(refs)) for (s, e, kind), refs in merged.items()), key=Span.order)


def _open_tag(span: Span, start: int, end: int) -> str:
    split = "" if (start, end) == (span.start, span.end) else f' data-span="{span.start}-{span.end}"'
    return (f'<mark class="hl k-{span.kind}" data-kind="{span.kind}" data-start="{start}" data-end="{end}" '
            f'data-refs="{escape(" ".join(span.refs))}"{split}>')


def render_marks(text: str, spans: list[Span]) -> str:
    """`text` as escaped HTML with a `<mark>` per span (or per piece of a crossing span)."""
    spans = merge_spans(spans, len(text))
    cuts = sorted({0, len(text)} | {span.start for span in spans} | {span.end for span in spans})
    out: list[str] = []
    opened: list[tuple[Span, int, int]] = []     # (span, index of its open tag in out, piece start)

    def close_down_to(depth: int, at: int) -> None:
        while len(opened) > depth:
            span, index, start = opened.pop()
            out[index] = _open_tag(span, start, at)
            out.append("</mark>")

    covering: list[Span] = []    # the spans over the current piece, outer first
    waiting = iter(spans)           # by start: each joins `covering` once, when its start is reached
    upcoming = next(waiting, None)
    for a, b in zip(cuts, cuts[1:]):
        covering = [span for span in covering if span.end > a]
        while upcoming is not None and upcoming.start == a:
            covering.append(upcoming)
            upcoming = next(waiting, None)
        covering.sort(key=Span.order)
        keep = 0
        while keep < len(opened) and keep < len(covering) and opened[keep][0] == covering[keep]:
            keep += 1
        close_down_to(keep, a)
        for span in covering[keep:]:
            opened.append((span, len(out), a))
            out.append("")          # the open tag, written when the piece's end is known
        out.append(escape(text[a:b]))
    close_down_to(0, len(text))
    return "".join(out)
