"""Build the event coder's resources from ../shared/data (re-run after the sources change).

Writes, under src/newsgraph/resources/:
  ontology/cameo_codebook.csv   CAMEO codes, names, Goldstein scores, quad classes and their PLOVER
                                event/mode/context (CC BY-SA 4.0: derived from CAMEO2PLOVER-2021).
                                The CAMEO manual's usage-notes prose is deliberately left out.
  verbs/cameo2_*.tsv            the PETRARCH CAMEO.2.0 verb dictionary (MIT) as tables: verbs,
                                patterns, synonym sets, irregular forms.

Usage: python scripts/build_event_resources.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsgraph.events.verbdict import read_verb_dictionary, write_verb_tables  # noqa: E402

log = logging.getLogger("build_event_resources")

CODEBOOK_COLUMNS = (
    "cameo_code",
    "level",
    "root_code",
    "parent_code",
    "name",
    "goldstein_gdelt",
    "quad_class_gdelt",
    "goldstein_phoenix",
    "plover_event",
    "plover_mode",
    "plover_context",
)

CODEBOOK_HEADER = """\
# CAMEO codebook with PLOVER mappings, derived for newsgraph by scripts/build_event_resources.py
# Sources: CAMEO codes, names, Goldstein scores (GDELT and Phoenix) and quad classes (facts) from
#   cameo_codebook.csv; PLOVER event, mode and context from CAMEO2PLOVER-2021.txt (PLOVER manual
#   draft 0.8, 2021, Philip Schrodt / Open Event Data Alliance).
# Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0), as the PLOVER
#   mapping it contains: https://creativecommons.org/licenses/by-sa/4.0/
#   Attribution: PLOVER (c) 2016-2021 Open Event Data Alliance; CAMEO by Schrodt, Gerner et al.
# The CAMEO manual's usage notes (CC BY-NC-SA 3.0) are not included.
"""

VERBS_HEADER = """\
# CAMEO verb patterns for newsgraph, converted by scripts/build_event_resources.py
# Source: CAMEO.2.0.verbs.txt of the PETRARCH-2 / Phoenix dictionaries (last update 30 April 2015)
# Licence: MIT. Copyright (c) 2015 Open Event Data Alliance. Permission is hereby granted, free of
#   charge, to any person obtaining a copy of this software and associated documentation files, to
#   deal in the Software without restriction, subject to the inclusion of this notice; the software
#   is provided "as is", without warranty of any kind.
# Tables: verbs (block, block_code, head verb, particles before/after, own code), patterns (id,
#   block, code, words before/after the verb, text), synsets, forms (irregular verb forms).
# Codes: CAMEO; '---' = this use is not an event; 'a:b' = also code b with source and target
#   swapped. Pattern words: &NAME = synonym set; $ + ^ % = source, target, skip, compound.
"""


def build_codebook(shared: Path, out: Path) -> list[str]:
    """Write the codebook CSV without the usage-notes column; return the codes."""
    source = shared / "data" / "ontology" / "cameo_codebook.csv"
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(CODEBOOK_HEADER)
        writer = csv.DictWriter(handle, fieldnames=CODEBOOK_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    log.info("wrote %d codes to %s", len(rows), out)
    return [row["cameo_code"] for row in rows]


def build_verbs(shared: Path, out_dir: Path, codes: list[str]) -> None:
    """Write the CAMEO.2.0 verb blocks, patterns, synonym sets and irregular forms as TSV."""
    source = shared / "data" / "actors" / "petrarch2_phoenix" / "CAMEO.2.0.verbs.txt"
    dictionary = read_verb_dictionary(source, valid_codes=codes, name="cameo2")
    for old in out_dir.glob("cameo2_*.tsv"):
        old.unlink()
    write_verb_tables(dictionary, out_dir, VERBS_HEADER)
    log.info("wrote %d verb blocks to %s", len(dictionary.blocks), out_dir)


def main(argv: list[str] | None = None) -> None:
    """Build every event resource."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    resources = REPO / "src" / "newsgraph" / "resources"
    codes = build_codebook(args.shared, resources / "ontology" / "cameo_codebook.csv")
    build_verbs(args.shared, resources / "verbs", codes)


if __name__ == "__main__":
    main()
