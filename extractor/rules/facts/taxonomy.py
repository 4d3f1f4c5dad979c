"""The fact taxonomy as data (`data/fact_taxonomy.tsv`), checked against the fact schema's enums when loaded:
a metric the schema does not know, a category it does not allow, or a schema metric missing from the table is a
resource error, so the table, the schema and the rules cannot drift apart."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from extractor.resources import ResourceError, load_table
from extractor.schema import validator

_COUNTS = {"people", "bodies", "classes", "share"}
_TIMES = {"stock", "flow"}
_PARTS = {"need_category", "same_category", "facts"}


@dataclass(frozen=True)
class Metric:
    name: str
    counts: str  # people, bodies, classes or share
    stock: bool  # as of a day (else a flow over a period)
    parts: str  # need_category: a part is a fact only with a category of its own; same_category: a part of the
    #             same category is none; facts: parts are facts
    categories: tuple[str | None, ...]


def _schema_categories() -> tuple[list[str], dict[str, list]]:
    schema = validator("fact").schema
    metrics = [m for m in schema["properties"]["metric"]["enum"] if m != "other"]
    allowed: dict[str, list] = {}
    for rule in schema.get("allOf", []):
        condition = rule["if"]["properties"]["metric"]
        names = [condition["const"]] if "const" in condition else condition["enum"]
        for name in names:
            category = rule["then"]["properties"]["category"]
            allowed[name] = category["enum"] if "enum" in category else [category["const"]]
    return metrics, allowed


@functools.cache
def taxonomy() -> dict[str, Metric]:
    table: dict[str, Metric] = {}
    for name, counts, time, parts, categories in load_table("fact_taxonomy.tsv", 5):
        if counts not in _COUNTS or time not in _TIMES or parts not in _PARTS:
            raise ResourceError(f"fact_taxonomy.tsv: {name}: unknown counts, time or parts value")
        cats = tuple(None if c == "-" else c for c in categories.split())
        table[name] = Metric(name, counts, time == "stock", parts, cats)
    metrics, allowed = _schema_categories()
    if sorted(table) != sorted(metrics):
        raise ResourceError(f"fact_taxonomy.tsv: metrics {sorted(table)} differ from the schema's {sorted(metrics)}")
    for name, metric in table.items():
        expected = allowed.get(name, [])
        if sorted(metric.categories, key=str) != sorted(expected, key=str):
            raise ResourceError(f"fact_taxonomy.tsv: {name}: categories {metric.categories} differ from the schema's")
    return table


def stock_counts() -> frozenset[str]:
    """Metrics that count what exists as of a day (members, organizations, committee sizes)."""
    return frozenset(m.name for m in taxonomy().values() if m.stock and m.counts != "share")


def parts_rule(metric: str) -> str:
    """How a part of a stated total of this metric is read (`facts` for `other` and unknown names)."""
    found = taxonomy().get(metric)
    return found.parts if found else "facts"
