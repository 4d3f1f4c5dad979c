"""Numbers as Vietnamese bulletins write them: digits, words, qualifiers, ranges and ratios, with the kinds
that are never facts (years, dates, symbols, ordinals, ages …). `find` reads them; `words` is the
number-word grammar; `zones` marks the spans no count may come from."""

from extractor.rules.numbers.find import QUANTITIES, NumberMatch, find_numbers, normalise, parse_number, to_json

__all__ = ["QUANTITIES", "NumberMatch", "find_numbers", "normalise", "parse_number", "to_json"]
