"""spaCy components: thin factories that run the pure rules over the Doc and set its annotations.

Every custom attribute is registered here, once, under the `vx_` prefix:
  Doc._.vx_meta        the article's metadata (set by the caller before the pipes run)
  Doc._.vx_candidates  candidate mentions from every rule, before resolution
  Doc._.vx_entities    the resolved entities (exact character offsets, label, rule, canonical)
  Doc._.vx_documents   cited documents, one per distinct document, with their mentions
  Doc._.vx_persons     persons with titles, role and mentions
  Doc._.vx_facts       numeric facts with their evidence
Entity offsets are characters, not tokens: a name may end inside an underthesea word, and the record
must hold the exact surface. `doc.spans["vx_entities"]` carries token-aligned copies for spaCy users.
"""

from spacy.tokens import Doc

for _name, _default in (("vx_meta", None), ("vx_candidates", None), ("vx_entities", None),
                        ("vx_documents", None), ("vx_persons", None), ("vx_facts", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

from extractor.components import entities, facts, persons  # noqa: E402,F401  (registers the factories)
