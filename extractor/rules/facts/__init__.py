"""Numeric facts (spec §5): what a number counts (`metrics`, from the cue words `cues` reads), when
(`periods`), whose (`subjects`), and whether it is a goal (`extract`); restated facts merge
(`restatements`); whose discipline counts (`discipline`)."""

from extractor.rules.facts.extract import extract_facts
from extractor.rules.facts.subjects import Org, organization_of

__all__ = ["Org", "extract_facts", "organization_of"]
