"""The record and error schemas (`schemas/*.schema.json`), loaded once, with their `$ref`ed parts."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import types

import fastjsonschema

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from extractor.resources import bundled_path


@functools.cache
def _registry() -> Registry:
    resources = []
    for path in sorted(bundled_path("schemas").glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def _inlined(node, registry: Registry):
    """The schema with every `$ref` to a part replaced by the part itself: the same constraints,
    without a registry look-up at each of the thousands of nodes a record has (validation is on the
    hot path: every record, before it is written)."""
    if isinstance(node, dict):
        if set(node) == {"$ref"}:
            part = dict(registry.contents(node["$ref"]))
            part.pop("$id", None)
            part.pop("$schema", None)
            return _inlined(part, registry)
        return {key: _inlined(value, registry) for key, value in node.items()}
    if isinstance(node, list):
        return [_inlined(item, registry) for item in node]
    return node


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """`record` or `error`."""
    schema = _registry().contents(f"{name}.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_inlined(schema, _registry()), format_checker=FormatChecker())


def _iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@functools.cache
def _compiled(name: str):
    """The same schema compiled to Python by fastjsonschema: it only uses draft-07 keywords, so it is read as
    draft-07, with the `date` format as strict as jsonschema's."""
    schema = dict(validator(name).schema, **{"$schema": "http://json-schema.org/draft-07/schema#"})
    return fastjsonschema.compile(schema, formats={"date": _iso_date})


def schema_errors(name: str, instance: dict) -> list[str]:
    """Every violation, as `path: message`, best first; empty when valid. A valid instance is checked by the
    compiled schema alone; an invalid one is walked by jsonschema for every message."""
    try:
        _compiled(name)(instance)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: (len(e.path), e.message))
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors]


def schema_names() -> list[str]:
    """The bundled schemas' names: `record`, `error` and the parts they `$ref` (`entity`, `fact` …)."""
    return sorted(path.name.removesuffix(".schema.json")
                  for path in bundled_path("schemas").glob("*.schema.json"))


def bundled_schema(name: str = "record") -> dict:
    """A bundled JSON Schema (draft 2020-12) as the file has it, a fresh copy each call. Its `$ref`s name the
    other schemas by their `$id` (`entity.schema.json`), each of which is `bundled_schema("entity")`."""
    if name not in schema_names():
        raise ValueError(f"no schema {name!r}; the schemas are {', '.join(schema_names())}")
    return json.loads((bundled_path("schemas") / f"{name}.schema.json").read_text(encoding="utf-8"))


class _CallableModule(types.ModuleType):
    """This module, callable as `extractor.schema(name)`. Python sets the package's `schema` attribute to
    this module when it is first imported (by the record stage), hiding the package's public `schema()`
    function of the same name; so the module itself answers the call, the same way."""

    def __call__(self, name: str = "record") -> dict:
        return bundled_schema(name)


sys.modules[__name__].__class__ = _CallableModule
