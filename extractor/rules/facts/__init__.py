"""Numeric facts (spec §5): what a number counts (`metrics`, from the cue words `cues` reads), when
(`periods`), whose, and whether it is a goal (`extract`)."""

from extractor.rules.facts.extract import Org, extract_facts, organization_of

__all__ = ["Org", "extract_facts", "organization_of"]
