"""What a JSON line says about itself, kept in its record's `source`: its `id`, its `url`, and its other
scalar fields, so a researcher can join the records back to the feed they came from.

Values are kept as they are, with two exceptions that keep the output writable: lone surrogates become
U+FFFD, and what JSON output cannot hold (an int past the reader's digit limit, NaN, Infinity) becomes
its text.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

from extractor.clean import scrub_surrogates


def _scalar(value) -> str | int | float | bool | None:
    """A JSON scalar as the record can carry it, or None for null, objects and lists. What JSON output
    cannot hold becomes its text: an int past the reader's digit limit (a Decimal here), NaN, Infinity."""
    if isinstance(value, str):
        return scrub_surrogates(value)
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else json.dumps(value)    # "NaN", "Infinity" as JSON spells them
    if isinstance(value, Decimal):
        return str(value)
    return None


def own_fields(item: dict) -> dict:
    """What the line says about itself: `id` (as a string, an integer's digits included) and `url` when
    usable, every other scalar field in `fields`, in the line's key order (nested values and nulls are not
    kept; the text is the record's own)."""
    own: dict = {}
    fields: dict = {}
    for key, raw in item.items():
        value = _scalar(raw)
        key = scrub_surrogates(key)
        if value is None or key == "text":
            continue
        if key == "id" and isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            own["id"] = str(value)
        elif key == "url" and isinstance(value, str) and value.strip():
            own["url"] = value
        else:
            fields.setdefault(key, value)    # two keys equal once scrubbed: the first one counts
    if fields:
        own["fields"] = fields
    return own
