"""The spec's §6 scoring, on small hand-made records and gold."""

import json

import pytest

from extractor.cli import main
from extractor.evaluate import evaluate, roman


def _gold(**parts):
    base = {"article": "a.txt", "meta": {"title": "Tiêu đề", "published": None, "author": "Lê Hà", "outlet": None},
            "persons": [], "entities": [], "documents": [], "facts": []}
    base.update(parts)
    return base


def _record(**parts):
    base = {"source": {"path": "in/a.txt", "format": "txt", "sha256": None},
            "meta": {"title": "Tiêu  đề", "published": "2023-01-01", "author": "Lê Hà", "outlet": None},
            "entities": [], "documents": [], "persons": [], "facts": []}
    base.update(parts)
    return base


def _fact(value, metric="party_members", category=None, time=None, approx="exact", subject="Đảng bộ tỉnh X"):
    return {"metric": metric, "category": category, "value": value, "approx": approx, "target": False,
            "subject": subject, "time": time}


def _score(tmp_path, record, gold):
    (tmp_path / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return evaluate([record], tmp_path).as_dict()


def test_evaluate_meta_accuracy_and_false_fills(tmp_path):
    meta = _score(tmp_path, _record(), _gold())["meta"]
    assert meta["title"] == {"accuracy": 1.0, "stated": 1, "false_fills": 0}   # white space folded
    assert meta["published"] == {"accuracy": None, "stated": 0, "false_fills": 1}


def test_evaluate_entities_fold_tone_placement_and_case(tmp_path):
    record = _record(entities=[{"label": "ORG", "text": "Tỉnh uỷ"}, {"label": "ORG", "text": "Sở Nội vụ"},
                               {"label": "DOC", "text": "Chỉ thị 05"}])
    gold = _gold(entities=[{"label": "ORG", "text": "tỉnh ủy"}, {"label": "LOC", "text": "Lào Cai"}])
    scores = _score(tmp_path, record, gold)["entities"]
    assert (scores["ORG"]["tp"], scores["ORG"]["fp"], scores["LOC"]["fn"]) == (1, 1, 1)
    assert scores["all"]["precision"] == 0.5


def test_evaluate_facts_match_one_to_one_and_ignore_other(tmp_path):
    year = {"start": "2021-01-01", "end": "2021-12-31"}
    gold = _gold(facts=[_fact(90, "percentage"), _fact(90, "percentage"), _fact(303, "members_admitted", time=year)])
    record = _record(facts=[_fact(90, "percentage"), _fact(303, "members_admitted", time={"start": "2021-03-01",
                                                                                         "end": "2021-12-31"}),
                            _fact(7, "other")])
    facts = _score(tmp_path, record, gold)["facts"]
    assert (facts["tp"], facts["fp"], facts["fn"]) == (2, 0, 1)     # two 90s need two predictions
    assert facts["subject_accuracy"] == 1.0


def test_evaluate_fact_time_years_must_agree(tmp_path):
    gold = _gold(facts=[_fact(5, "members_admitted", time={"start": "2021-01-01", "end": "2021-12-31"})])
    record = _record(facts=[_fact(5, "members_admitted", time={"start": "2022-01-01", "end": "2022-12-31"})])
    assert _score(tmp_path, record, gold)["facts"]["tp"] == 0


def test_evaluate_documents_key_ignores_leading_zeros_and_reads_terms_as_roman(tmp_path):
    gold_doc = {"type": "Chỉ thị", "number": "05", "symbol": "05-CT/TW", "issuer": "Bộ Chính trị", "issued": None,
                "term": "XII", "plenum": None}
    got = dict(gold_doc, number="5", term="12", symbol="05- CT/TW", issuer="Ban Bí thư")
    scores = _score(tmp_path, _record(documents=[got]), _gold(documents=[gold_doc]))["documents"]
    assert scores["tp"] == 1
    assert (scores["symbol_accuracy"], scores["issuer_accuracy"]) == (1.0, 0.0)


def test_evaluate_persons_and_roles(tmp_path):
    gold = _gold(persons=[{"name": "Lê Hà", "titles": [], "role": "author"},
                          {"name": "Văn Huỳnh", "titles": [], "role": "photo"}])
    record = _record(persons=[{"name": "Lê Hà", "titles": [], "role": "mentioned", "mentions": []}])
    persons = _score(tmp_path, record, gold)["persons"]
    assert (persons["tp"], persons["fn"], persons["role_accuracy"]) == (1, 1, 0.0)


def test_evaluate_person_titles_are_a_bag_of_folded_words_averaged_over_matched_persons(tmp_path):
    clause = "Bí thư Chi bộ thôn trao tặng huy hiệu cho các đảng viên lão thành tại buổi lễ hôm qua"
    gold = _gold(persons=[{"name": "Lê Hà", "titles": ["Phó Bí thư Tỉnh ủy"], "role": "mentioned"},
                          {"name": "Văn Huỳnh", "titles": [], "role": "mentioned"},
                          {"name": "Trần Minh", "titles": ["Chủ tịch UBND xã"], "role": "mentioned"}])
    record = _record(persons=[
        {"name": "Lê Hà", "titles": ["Phó Bí thư Tỉnh uỷ", "Trưởng ban"], "role": "mentioned", "mentions": []},
        {"name": "Văn Huỳnh", "titles": [], "role": "mentioned", "mentions": []},
        {"name": "Trần Minh", "titles": [clause], "role": "mentioned", "mentions": []},
        {"name": "Ngô Lan", "titles": [clause], "role": "mentioned", "mentions": []}])
    persons = _score(tmp_path, record, gold)["persons"]
    # Lê Hà: 5 of 7 predicted words, 5 of 5 gold words (uỷ = ủy) -> 10/12; Văn Huỳnh: both empty -> 1;
    # Trần Minh: no word in common -> 0. Both clauses count as long, the unmatched person's too.
    assert persons["titles_f1"] == round((10 / 12 + 1 + 0) / 3, 4)
    assert persons["titles_over_12_words"] == 2


def test_evaluate_gold_without_record_counts_as_missed(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_gold(facts=[_fact(1, "percentage")])), encoding="utf-8")
    report = evaluate([], tmp_path).as_dict()
    assert report["gold_without_record"] == ["a.txt"] and report["facts"]["fn"] == 1


@pytest.mark.parametrize("value, expected", [("XII", "XII"), ("12", "XII"), ("25", "XXV"), (4, "IV"), (None, None)])
def test_evaluate_roman(value, expected):
    assert roman(value) == expected


def test_evaluate_cli_prints_and_exits(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(_gold(), ensure_ascii=False), encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps(_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["evaluate", str(records), str(tmp_path / "gold"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["meta"]["author"]["accuracy"] == 1.0
    assert main(["evaluate", str(tmp_path / "missing.jsonl"), str(tmp_path / "gold")]) == 2


def test_evaluate_errors_list_every_scored_fact_with_its_status(tmp_path):
    year = {"start": "2021-01-01", "end": "2021-12-31"}
    text = "Năm 2021 kết nạp 303 đảng viên."
    evidence = {"start": 0, "end": len(text)}
    gold = _gold(facts=[{**_fact(303, "members_admitted", time=year), "quote": "kết nạp 303"},
                        {**_fact(12, "disciplined", "members"), "quote": "kỷ luật 12"},
                        {**_fact(40, "party_members"), "quote": "40 đảng viên"}])
    record = _record(text=text, facts=[
        {**_fact(303, "members_admitted", time=year, subject="Đảng bộ tỉnh Y"), "evidence": evidence, "rule": "r"},
        {**_fact(12, "party_members"), "evidence": evidence, "rule": "r"},
        {**_fact(40, "party_members"), "evidence": evidence, "rule": "r"},
        {**_fact(7, "other"), "evidence": evidence, "rule": "r"}])
    (tmp_path / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    from extractor.fact_listing import list_facts

    lines = [line.split("\t") for line in list_facts([record], tmp_path)]
    assert [(line[1], line[2], line[3].split()[0]) for line in lines] == [
        ("fact", "subject", "members_admitted"), ("fact", "fp", "party_members"), ("fact", "ok", "party_members"),
        ("fact", "fn", "disciplined/members")]
    assert "[metric, category]" in lines[1][6]      # the gold fact of the same value, and what differs
    assert lines[0][5].startswith("Năm 2021 kết nạp 303")
    assert lines[3][4:6] == ["-", "kỷ luật 12"]     # a missed fact: no rule, the gold quote


def test_evaluate_errors_list_facts_of_records_without_gold_as_unscored(tmp_path):
    text = "Chi bộ có 9 đảng viên."
    record = _record(text=text, facts=[{**_fact(9), "evidence": {"start": 0, "end": len(text)}, "rule": "r"}])
    record["source"]["path"] = "feed/b.txt"
    from extractor.fact_listing import list_facts

    assert [line.split("\t")[:3] for line in list_facts([record], tmp_path)] == [["b.txt", "fact", "unscored"]]


# ---- robustness (issue 8): malformed files are named and skipped, duplicates count once -----------------

@pytest.mark.parametrize("content", [
    "{not json", "[]", '"a"', "[" * 5000, json.dumps({"article": 3}), json.dumps({**_gold(), "facts": "x"}),
    json.dumps({**_gold(), "facts": [{"metric": "party_members"}]}),      # no value: fails inside scoring
    json.dumps({**_gold(), "meta": None}), "\xff\xfe",
], ids=["broken", "list", "string", "deep", "article not a name", "facts not a list", "fact without value",
        "meta null", "not utf-8"])
def test_evaluate_malformed_gold_file_is_named_and_skipped(tmp_path, capsys, content):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps(_gold(article="b.txt"), ensure_ascii=False), encoding="utf-8")
    (gold / "bad.json").write_bytes(content.encode("utf-8", "surrogateescape") if content != "\xff\xfe"
                                    else b"\xff\xfe{")
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({**_record(), "source": {"path": "b.txt"}}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    assert main(["evaluate", str(records), str(gold), "--json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["articles"] == 1
    assert "bad.json" in err or "a.txt" in err


@pytest.mark.parametrize("line", [
    "{broken", "[1, 2]", json.dumps({"source": "a.txt"}), json.dumps({**_record(), "entities": [1]}),
    json.dumps({**_record(), "facts": [{"metric": "party_members", "value": "many"}]}),
], ids=["broken", "list", "source not an object", "entity not an object", "value not a number"])
def test_evaluate_malformed_record_line_is_named_and_the_rest_scored(tmp_path, capsys, line):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(_gold(facts=[_fact(1)]), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "gold" / "b.json").write_text(json.dumps(_gold(article="b.txt"), ensure_ascii=False), encoding="utf-8")
    good = json.dumps({**_record(), "source": {"path": "b.txt"}}, ensure_ascii=False)
    records = tmp_path / "r.jsonl"
    records.write_text(line.replace("in/a.txt", "a.txt") + "\n" + good + "\n", encoding="utf-8")
    assert main(["evaluate", str(records), str(tmp_path / "gold"), "--json"]) == 1
    out, err = capsys.readouterr()
    assert "extractor evaluate:" in err
    assert json.loads(out)["articles"] >= 1


def test_evaluate_duplicated_record_counts_once(tmp_path, capsys):
    from extractor.scoring_inputs import read_records
    from extractor.evaluate import record_key

    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(_gold(facts=[_fact(1)]), ensure_ascii=False), encoding="utf-8")
    line = json.dumps(_record(facts=[_fact(1)]), ensure_ascii=False)
    records = tmp_path / "r.jsonl"
    records.write_text(line + "\n" + line + "\n", encoding="utf-8")
    assert len(read_records(records, record_key)[0]) == 1
    assert main(["evaluate", str(records), str(tmp_path / "gold"), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 1 and report["facts"]["tp"] == 1 and report["facts"]["fp"] == 0
    assert evaluate([_record(facts=[_fact(1)])] * 2, tmp_path / "gold").as_dict()["facts"]["fp"] == 0


def test_evaluate_reads_records_whose_text_holds_line_separators(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(_gold(), ensure_ascii=False), encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({**_record(), "text": "một\u2028hai\x85ba"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    assert main(["evaluate", str(records), str(tmp_path / "gold"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1
