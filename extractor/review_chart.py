"""The corpus view of the review page: members admitted and disciplined per period per subject, as inline SVG.

A figure is charted under the period its fact's `time` gives (one year, or `2020–2025` for a term), and
where several articles report the same subject and period the largest figure is drawn, not their sum:
bulletins restate one another's totals, and adding them would count the same people twice. Targets are
goals, not events: they are left out and counted under the chart. A fact with no time is drawn under
`no time`, after the years, so that a reviewer still sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.review_marks import escape

# (metric, category, heading, bar colour)
CHARTS = (
    ("members_admitted", None, "Members admitted", "#2e7d32"),
    ("disciplined", "members", "Members disciplined", "#c62828"),
    ("disciplined", "organizations", "Party organizations disciplined", "#6a1b9a"),
)
NO_TIME = "no time"     # sorts after the years
_ROW, _LEFT, _BAR, _WIDTH = 20, 120, 480, 760


@dataclass
class Bar:
    value: float = 0
    articles: list[int] = field(default_factory=list)   # 1-based article numbers, as the page lists them


@dataclass
class Series:
    bars: dict[str, dict[str, Bar]] = field(default_factory=dict)   # subject → period → bar
    targets: int = 0


def period(time) -> str:
    years = [value[:4] for value in (time.values() if isinstance(time, dict) else ()) if isinstance(value, str)]
    if not years:
        return NO_TIME
    first, last = min(years), max(years)
    return first if first == last else f"{first}–{last}"


def collect(records: list[dict]) -> list[Series]:
    """One series per chart of CHARTS, from the facts of every record."""
    series = [Series() for _ in CHARTS]
    for number, record in enumerate(records, 1):
        for fact in record["facts"]:
            for (metric, category, _, _), one in zip(CHARTS, series):
                if fact.get("metric") != metric or fact.get("category") != category:
                    continue
                if fact.get("target"):
                    one.targets += 1
                else:
                    subject = str(fact.get("subject") or "(no subject)")
                    _add(one, subject, period(fact.get("time")), fact.get("value"), number)
    return series


def _add(series: Series, subject: str, when: str, value, article: int) -> None:
    bar = series.bars.setdefault(subject, {}).setdefault(when, Bar())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        bar.value = max(bar.value, value)
    if article not in bar.articles:
        bar.articles.append(article)


def _number(value: float) -> str:
    return f"{value:,.10g}".replace(",", " ")


def chart_svg(series: Series, colour: str, label: str) -> str:
    """Horizontal bars, a heading row per subject (most admitted first) and a bar per period (oldest first)."""
    subjects = sorted(series.bars.items(), key=lambda item: (-max(b.value for b in item[1].values()), item[0]))
    top = max((bar.value for _, periods in subjects for bar in periods.values()), default=0) or 1
    rows: list[str] = []
    y = 0
    for subject, periods in subjects:
        y += _ROW
        rows.append(f'<text x="4" y="{y - 5}" class="subject">{escape(subject)}</text>')
        for when, bar in sorted(periods.items()):
            y += _ROW
            width = max(bar.value / top * _BAR, 1)
            tip = (f"{subject}, {when}: {_number(bar.value)} (article "
                   f"{', '.join(str(n) for n in bar.articles)})")
            rows.append(f'<g><title>{escape(tip)}</title>'
                        f'<text x="{_LEFT - 8}" y="{y - 5}" text-anchor="end">{escape(when)}</text>'
                        f'<rect x="{_LEFT}" y="{y - _ROW + 4}" width="{width:.1f}" height="{_ROW - 6}" '
                        f'fill="{colour}"/>'
                        f'<text x="{_LEFT + width + 6:.1f}" y="{y - 5}">{_number(bar.value)}</text></g>')
    height = y + 6
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{_WIDTH}" height="{height}" '
            f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{escape(label)}">'
            + "".join(rows) + "</svg>")


def corpus_html(records: list[dict]) -> str:
    """The corpus section: a chart per CHARTS entry, or a line saying there is nothing to chart."""
    parts = ['<section id="corpus"><h2>Corpus</h2>']
    for (_, _, heading, colour), series in zip(CHARTS, collect(records)):
        parts.append(f"<h3>{escape(heading)} per year and subject</h3>")
        if series.bars:
            parts.append(chart_svg(series, colour, heading))
        else:
            parts.append('<p class="note">No figure in these records.</p>')
        if series.targets:
            parts.append(f'<p class="note">Not charted: {series.targets} target(s).</p>')
    parts.append('<p class="note">Each bar is the largest figure the articles give for that subject and '
                 "period (restated totals are not added up); hover a bar for its articles.</p></section>")
    return "".join(parts)
