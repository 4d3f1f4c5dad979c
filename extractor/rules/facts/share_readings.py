"""Reading rules for shares (N%), in the order they are tried; each returns a Reading or None (spec §5
`percentage`: a share of organizations or members; growth rates, votes, polls, appointees, planning pools and
shares of non-members are `other`)."""

from __future__ import annotations

import regex

from extractor.folding import fold, folded_words
from extractor.rules.facts.cues import (
    non_members,
    rating_after,
)
from extractor.rules.facts.share_cues import about_party_people, share_cue
from extractor.rules.facts.site import Reading, Site

_FOLLOWING = regex.compile(r"[^;.\n]{0,100}")


def share_cue_reading(site: Site) -> Reading | None:
    """A share a cue word makes no membership share (data/fact_share_cues.tsv: "1.033 phiếu, chiếm 87%")."""
    reason = share_cue(site.folded, site.start, site.end, site.clause_start)
    return Reading("other", None, site.about, reason, site.end) if reason else None


def share_of_something_else(site: Site) -> Reading | None:
    """A share whose sentence speaks of no party people ("kinh tế tư nhân chiếm 59%"); what a speaker's title
    names before a reporting verb is not what the share measures (data/reporting_verbs.txt)."""
    folded, start = site.folded, site.start
    sentence = max(folded.rfind("\n", 0, start), folded.rfind(". ", 0, start)) + 1
    speech = folded_words("reporting_verbs.txt", flags=regex.REVERSE).search(folded, sentence, start)  # the last
    if speech:
        sentence = speech.end()
    context = fold(site.about) + " " + folded[sentence:start] + " " + _FOLLOWING.match(folded, site.end).group()
    if about_party_people(context):
        return None
    return Reading("other", None, site.about, "share_of_something_else", site.end)


def share_of_non_members(site: Site) -> Reading | None:
    """A share of voters, youth or post-holders (data/non_member_words.txt)."""
    measured = fold(site.about) + " " + site.folded[site.clause_start:site.start]
    if any(regex.search(rf"\b{regex.escape(w)}\b", measured) for w in non_members()):
        return Reading("other", None, site.about, "share_of_non_members", site.end)
    return None


def share(site: Site) -> Reading:
    """A membership share; a share of those rated ("92,4% đảng viên được xếp loại hoàn thành tốt") is a year's
    rating, read over a period."""
    rule = "percent_rated" if rating_after(site.folded, site.end) else "percent"
    return Reading("percentage", None, site.about, rule, site.end)


SHARE_RULES = (share_cue_reading, share_of_something_else, share_of_non_members, share)
