"""What a number counts: metric and category from the words around it (spec §5 taxonomy), read by an ordered
registry of small named rules, Duckling style. Each rule looks at the number's `Site` and returns a `Reading`
or passes; the first reading wins and its rule's name is recorded in the fact's `rule`. Whatever fits no metric
is `other`, never a wrong metric.

The vocabulary is data: counted nouns (`data/fact_nouns.tsv`), verbs (`fact_verbs.tsv`), ratings
(`fact_ratings.tsv`), sub-populations (`fact_breakdowns.tsv`), cues that make a number or a share count nothing
(`fact_other_cues.tsv`, `fact_share_cues.tsv`), committees (`fact_committees.tsv`), the taxonomy itself
(`fact_taxonomy.tsv`). The rules, in order:
- `count_readings`: represented members, other cues; then for counts a total, the total reached, a committee's
  size, a proposal, another act's verb, and counts with no noun after them;
- `share_readings`: for shares, their cues, shares of something else or of non-members, rated shares;
- `noun_readings`: for counts with their noun, classes and trainees, sub-populations, what was done to the
  counted people or bodies, ratings and the stocks.
"""

from __future__ import annotations

from extractor.rules.facts.count_readings import (
    COUNT_RULES,
    another_party,
    other_cue,
    represented,
)
from extractor.rules.facts.noun_readings import NOUN_RULES
from extractor.rules.facts.share_readings import SHARE_RULES
from extractor.rules.facts.site import Reading, Site, Verb

FIRST_RULES = (another_party, represented, other_cue)


def rules_for(site: Site) -> tuple:
    """The registry a number is read by: the first rules, then those of shares or of counts and nouns."""
    return FIRST_RULES + (SHARE_RULES if site.percent else COUNT_RULES + NOUN_RULES)


def classify(text: str, folded: str, start: int, end: int, kind: str, floor: int,
             class_context: str | None, clause_start: int = 0, inherited_verb: Verb | None = None) -> Reading:
    """The metric of the number at [start, end) of `kind` (count, percent, ratio, range); `floor` is where
    the search for a verb stops (the clause start or the previous number); `class_context` the category of
    a class counted just before in the clause ("mở 3 lớp … cho 355 học viên")."""
    site = Site(text, folded, start, end, kind, floor, clause_start, class_context, inherited_verb)
    for rule in rules_for(site):
        reading = rule(site)
        if reading is not None:
            return reading
    raise AssertionError("the last rule of every registry reads every number")  # unclassified, share
