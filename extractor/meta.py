"""Article metadata from the cleaned text: title (`headline`), publication date, author (`byline`), outlet
(`outlet`).

Hints from the container (an HTML page's metadata, a JSON line's fields, the file name's slug) are used
where the text itself is silent; what the text states on its own date line or byline wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.byline import Byline, author_names, intro_author
from extractor.byline import find_byline as read_byline
from extractor.headline import find_title
from extractor.outlet import find_outlet, outlet_line, outlet_names, presenting_outlet
from extractor.rules.dates import parse_date_line

__all__ = ["Hints", "author_names", "extract_meta", "find_byline", "find_outlet", "find_published", "find_title",
           "outlet_names"]

_HEADER_LINES = 6
# How much of the opening lines an editor's note may take.
_OPENING = 1500


@dataclass
class Hints:
    """What the container says about the article, used only where the text is silent."""

    title: str | None = None
    published: str | None = None
    published_from: str | None = None  # "html", "input" (a JSON line's field) or "option" (--published)
    author: str | None = None
    slug: str | None = None  # the file name's or URL's last part, often the headline in ASCII


def find_byline(lines: list[str]) -> Byline:
    """(author, outlet named in the byline) from the closing lines; source lines are no bylines."""
    return read_byline(lines, outlet_line)


def _introduced_author(lines: list[str]) -> str | None:
    """The author an editor's note at the top names, when the same note presents the article as the
    paper's own ("… đồng chí A đã có bài viết …. Báo X trân trọng giới thiệu …")."""
    opening = "\n".join([line for line in lines if line.strip()][:_HEADER_LINES])[:_OPENING]
    return intro_author(opening) if presenting_outlet(opening) else None


def find_published(lines: list[str]) -> str | None:
    text_lines = [line for line in lines if line]
    for line in text_lines[:_HEADER_LINES] + text_lines[-3:]:
        iso = parse_date_line(line)
        if iso:
            return iso
    return None


def extract_meta(text: str, hints: Hints | None = None) -> dict:
    hints = hints or Hints()
    lines = text.split("\n")
    author, byline_outlet = find_byline(lines)
    published = find_published(lines)
    published_from = "text" if published else None
    if published is None and hints.published:
        published, published_from = hints.published, hints.published_from
    return {
        "title": hints.title or find_title(lines, hints.slug),
        "published": published,
        "published_from": published_from,
        "author": author or hints.author or _introduced_author(lines),
        "outlet": find_outlet(lines, byline_outlet),
    }
