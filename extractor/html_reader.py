"""HTML pages: the article body and metadata by trafilatura, helped where Vietnamese portals trip it.

trafilatura finds the body; we prune the sidebars it keeps (`data/html_furniture.txt`), put back the lead
paragraph it drops (`data/html_lead_classes.txt`), and take the date from the page's metadata
(`data/html_date_meta.txt`) or else from the portal's date line printed next to the headline.
"""

from __future__ import annotations

import functools

import regex

from extractor.errors import ExtractorError
from extractor.folding import fold_key, fold_tones
from extractor.meta import Hints
from extractor.resources import load_list
from extractor.rules.dates import iso_day, parse_date_line

# Less article text than this is a page of menus and links (trafilatura returns what it can find).
MIN_BODY = 40
_DATE_NEAR_TITLE = 3
_HEADLINE_MAX = 250
_HEADINGS = {"h1", "h2", "h3"}
# trafilatura writes a table's row as "| cell | cell |".
_TABLE_ROW = "|"
_ISO_DAY = regex.compile(r"^\d{4}-\d{2}-\d{2}")
# Wrapper elements deeper than this are dropped before parsing (libxml2's limit is 256, other tags count too).
_MAX_DEPTH = 150
_WRAPPER = regex.compile(r"<(/?)(?:div|span|section|article|font|center)\b[^>]*>", regex.IGNORECASE)
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "li", "span", "time", "td", "header", "section", "article")


@functools.cache
def _lead_xpath() -> str:
    tests = " or ".join(f"contains(@class, '{name}')" for name in load_list("html_lead_classes.txt"))
    return f"//*[{tests}]"


def _visible_blocks(tree) -> list[tuple[str, str]]:
    """(tag, text) of every innermost block element, in document order: the page as a reader sees it."""
    blocks = []
    for element in tree.iter(*_BLOCKS):
        if any(child.tag in _BLOCKS for child in element):
            continue
        text = " ".join("".join(element.itertext()).split())
        if text:
            blocks.append((element.tag, text))
    return blocks


def _date_next_to_title(blocks: list[tuple[str, str]], title: str | None) -> str | None:
    """The date line nearest the headline, a few blocks above or below it at most."""
    if not title:
        return None
    key = fold_key(title)
    lines = [line for _, line in blocks]
    for index, line in enumerate(lines):
        if fold_key(line) == key:
            for distance in range(1, _DATE_NEAR_TITLE + 1):
                for near in (index - distance, index + distance):
                    iso = parse_date_line(lines[near]) if 0 <= near < len(lines) else None
                    if iso:
                        return iso
    return None


def _metadata_date(tree) -> str | None:
    for xpath in load_list("html_date_meta.txt"):
        for value in tree.xpath(xpath):
            value = str(value).strip()
            if _ISO_DAY.match(value):
                if iso_day(value[:10]):
                    return value[:10]
                continue        # "2024-02-30": no day, so no date from this field
            iso = parse_date_line(value)
            if iso:
                return iso
    return None


def _lead(tree, body: str) -> str | None:
    for element in tree.xpath(_lead_xpath()):
        text = " ".join("".join(element.itertext()).split())
        if len(text) >= MIN_BODY and fold_key(text[:80]) not in fold_key(body):
            return text
    return None


def _is_headline(line: str) -> bool:
    return (len(line.split()) >= 3 and len(line) <= _HEADLINE_MAX and not line.endswith((".", ":", ";"))
            and not line.isupper())


def _with_captions(tree, text: str) -> str:
    """Photo captions trafilatura leaves out, put back after the paragraph the figure follows: they name
    people, places and photo credits that belong to the article (spec §4: photo credits are persons)."""
    lines = text.split("\n")
    keys = [fold_key(line[:60]) for line in lines]
    for caption in tree.xpath("//figcaption"):
        words = " ".join("".join(caption.itertext()).split())
        if not words or fold_key(words[:60]) in keys:
            continue
        figure = caption.getparent()
        previous = figure.getprevious() if figure is not None else None
        while previous is not None and not " ".join("".join(previous.itertext()).split()):
            previous = previous.getprevious()
        if previous is None:
            continue
        anchor = fold_key(" ".join("".join(previous.itertext()).split())[:60])
        if anchor in keys:
            at = keys.index(anchor) + 1
            lines.insert(at, words)
            keys.insert(at, fold_key(words[:60]))
    return "\n".join(lines)


@functools.cache
def _date_label() -> regex.Pattern:
    words = "|".join(fold_tones(w) for w in load_list("date_line_words.txt"))
    return regex.compile(rf"^\s*(?:{words})(?!\w)", regex.IGNORECASE)


def _author_hint(author: str | None) -> str | None:
    """trafilatura's author guess, unless it is a date label ("Cập nhật lúc", "Thứ Hai, 08:15"): a
    name has no digits and no date-line word in front."""
    if not author or any(c.isdigit() for c in author) or _date_label().match(fold_tones(author)):
        return None
    return author


def _with_byline(text: str, author: str | None) -> str:
    """A byline printed in the page's header (outside the body) closes the record's text, where
    bylines stand, so the author is a person with offsets like any other."""
    if author and fold_key(author) not in fold_key(text[-300:]) and len(author.split()) <= 5:
        return f"{text}\n{author}"
    return text


def _headline(text: str, meta_title: str | None, blocks: list[tuple[str, str]]) -> str | None:
    """The body's opening line when it is a headline; else the heading printed just above the body;
    else the page's title, unless that is a shouted site banner. A table's row (a photo and its caption
    laid out in a `<table>`) is never the headline."""
    first = text.split("\n", 1)[0].strip()
    if _is_headline(first) and not first.startswith(_TABLE_ROW):
        return first
    opening = fold_key(first.strip(_TABLE_ROW + " ")[:60])
    for index, (_, line) in enumerate(blocks):
        if fold_key(line).startswith(opening):
            for tag, above in reversed(blocks[max(0, index - _DATE_NEAR_TITLE * 2): index]):
                if tag in _HEADINGS and _is_headline(above):
                    return above
            break
    return meta_title if meta_title and not meta_title.isupper() else None


def _shallow(html: str) -> str:
    """The page with wrapper tags nested past `_MAX_DEPTH` dropped, their text kept: libxml2 stops at 256
    levels, so a page nested 50,000 deep would otherwise give no body at all."""
    depth = 0

    def keep(match: regex.Match) -> str:
        nonlocal depth
        if match.group(1):      # a closing tag closes the level its opening tag made
            depth -= 1
            return match.group() if depth + 1 <= _MAX_DEPTH else ""
        depth += 1
        return match.group() if depth <= _MAX_DEPTH else ""

    return _WRAPPER.sub(keep, html)


def read_html(html: str, slug: str | None) -> tuple[str, Hints]:
    """(article text, hints) or E_NO_BODY."""
    import lxml.html
    import trafilatura  # heavy import, only for HTML inputs

    html = _shallow(html)
    try:
        tree = lxml.html.fromstring(html)
        for junk in tree.xpath("//script|//style|//noscript"):
            junk.drop_tree()
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            prune_xpath=list(load_list("html_furniture.txt")),
        )
    except Exception as error:  # lxml and trafilatura also fail by assertion (`<body><iframe></iframe>`)
        raise ExtractorError("E_NO_BODY", f"the HTML parser failed: {type(error).__name__}: {error}") \
            from None
    text = (document.text or "").strip() if document is not None else ""
    if len(text) < MIN_BODY:
        raise ExtractorError("E_NO_BODY", f"{len(text)} characters of text")
    blocks = _visible_blocks(tree)
    title = _headline(text, document.title, blocks)
    author = _author_hint(document.author)
    text = _with_byline(_with_captions(tree, text), author)
    lead = _lead(tree, text)
    if lead:
        first, _, rest = text.partition("\n")
        text = f"{first}\n{lead}\n{rest}" if title and fold_key(first) == fold_key(title) else f"{lead}\n{text}"
    # The page's own metadata first; else the date line the portal prints beside the headline.
    published = _metadata_date(tree)
    if published is None:
        published = _date_next_to_title(blocks, title)
    return text, Hints(title=title, published=published, published_from="html" if published else None,
                       author=author, slug=slug)
