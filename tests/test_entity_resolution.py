"""Resolution of candidates into one set of entities."""

from extractor.rules.names.resolution import Candidate, resolve

TEXT = "Bí thư Tỉnh ủy Cà Mau tới thành phố Hồ Chí Minh, theo tư tưởng Hồ Chí Minh; Tỉnh ủy họp."


def _at(word, nth=0, label="LOC", rule="r", **extra):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Candidate(start, start + len(word), label, rule, **extra)


def test_entity_resolution_longest_wins_and_places_inside_organizations_go():
    org = _at("Tỉnh ủy Cà Mau", label="ORG")
    loc = _at("Cà Mau")
    [entity] = resolve(TEXT, [loc, org])
    assert (entity.label, entity.text) == ("ORG", "Tỉnh ủy Cà Mau")


def test_entity_resolution_a_place_counts_with_its_level_word():
    city = _at("Hồ Chí Minh", 0)
    city = Candidate(city.start, city.end, "LOC", "level_word+name", outer_start=TEXT.index("thành phố"))
    person = _at("Hồ Chí Minh", 0, label="PER", rule="surname+name")
    thought = _at("Hồ Chí Minh", 1, label="PER", rule="surname+name")
    entities = resolve(TEXT, [person, city, thought])
    assert [(e.label, e.start) for e in entities] == [("LOC", city.start), ("PER", thought.start)]


def test_entity_resolution_equal_spans_go_to_the_stronger_kind():
    assert resolve(TEXT, [_at("Cà Mau", label="PER"), _at("Cà Mau")])[0].label == "LOC"
    assert resolve(TEXT, [_at("Cà Mau", label="PER", rule="byline"), _at("Cà Mau")])[0].label == "PER"


def test_entity_resolution_back_reference_gets_the_full_name():
    entities = resolve(TEXT, [_at("Tỉnh ủy Cà Mau", label="ORG"), _at("Tỉnh ủy", 1, label="ORG")])
    assert [(e.text, e.canonical) for e in entities] == [("Tỉnh ủy Cà Mau", None), ("Tỉnh ủy", "Tỉnh ủy Cà Mau")]


def test_entity_resolution_ambiguous_back_reference_stays_unresolved():
    text = "Tỉnh ủy Cà Mau và Tỉnh ủy Bạc Liêu; Tỉnh ủy họp."
    spans = [(0, 14), (18, 35), (37, 44)]
    entities = resolve(text, [Candidate(s, e, "ORG", "r") for s, e in spans])
    assert entities[2].canonical is None
