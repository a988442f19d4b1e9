"""PETRARCH/TABARI verb dictionaries read into blocks, patterns, synonym sets and forms."""

from __future__ import annotations

from pathlib import Path

from newsgraph.events.lexicon import default_verb_dictionary
from newsgraph.events.verbdict import parse_verb_dictionary, read_verb_tables, write_verb_tables

SAMPLE = """\
# comment line
####### SYNONYM SETS #######
&TIETYPES
+MILITARY
+ECONOMIC

####### VERB PATTERNS #######

---  HOST   [043:042]  ---
HOST   # jw 11/14/91
+SET_UP {+SETS_UP +SETTING_UP } [036]
WIRE_+TAP {WIRE_+TAPPED}
- * SUMMIT (WITH)                                     [036:036]     # HOST
- WILL *                                              [036]         # HOST
- * {&TIETYPES TIES}                                  [050]
- * NONSENSE                                          [075A]
- * NOTHING                                           [---]

---  DELAY   [120]---  ---
POSTPONE
"""


def test_blocks_verbs_and_codes() -> None:
    d = parse_verb_dictionary(SAMPLE, valid_codes=["043", "042", "036", "050", "120"], name="t")
    assert [b.name for b in d.blocks] == ["HOST", "DELAY"]
    host = d.lookup("host")
    assert host[0].code == "043" and host[0].reverse == "042"
    assert {p.text for p in host} >= {"* SUMMIT (WITH) [036:036]", "* NOTHING [---]"}
    # A pattern whose code is not in the codebook is skipped, not guessed.
    assert not any("NONSENSE" in p.text for p in host)
    assert d.lookup("postpone")[0].code == "120"  # header with a stray '---' after the code


def test_multiword_verbs_fold_their_particles_into_the_pattern() -> None:
    d = parse_verb_dictionary(SAMPLE, name="t")
    set_up = d.lookup("set")
    assert set_up[0].code == "036" and set_up[0].after == ("up",)
    tap = d.lookup("tap")
    assert tap[0].before == ("wire",)
    assert d.lookup("tapped") == tap  # irregular forms lead to the base verb
    # "# HOST" after a pattern names the verb it was written for: it does not apply to SET_UP.
    assert not any("SUMMIT" in p.text for p in set_up)
    summit = next(p for p in d.lookup("host") if "SUMMIT" in p.text)
    assert summit.after == ("summit", "(with")
    assert next(p for p in d.blocks[0].patterns if "SUMMIT" in p.text).verbs == ("host",)
    braced = next(p for p in d.lookup("host") if "TIES" in p.text)
    assert braced.after == ("&tietypes~ties",)  # a braced phrase is one contiguous element


def test_synonym_sets_are_read() -> None:
    d = parse_verb_dictionary(SAMPLE, name="t")
    assert d.synsets["&tietypes"] == ("military", "economic")


def test_tables_round_trip(tmp_path: Path) -> None:
    d = parse_verb_dictionary(SAMPLE, valid_codes=["043", "042", "036", "050", "120"], name="t")
    write_verb_tables(d, tmp_path, "# test\n")
    again = read_verb_tables(tmp_path, "t")
    assert again.patterns == d.patterns
    assert again.synsets == d.synsets and again.forms == d.forms


def test_shipped_cameo_dictionary_knows_visits() -> None:
    d = default_verb_dictionary()
    visit = d.lookup("visit")[0]
    assert (visit.code, visit.reverse) == ("042", "043")
    assert len(d.blocks) > 300


TABARI = """\
# A TABARI-style file: no block headers, each verb followed by its own patterns.
ACCEPT  [---]
- * PROPOSAL  [030]
- * OFFER  [040]
ATTACK  [190]
- * VERBALLY  [111]
"""


def test_tabari_files_without_block_headers() -> None:
    d = parse_verb_dictionary(TABARI, name="tabari")
    accept = d.lookup("accept")
    assert accept[0].code == "---" and {p.code for p in accept} == {"---", "030", "040"}
    attack = d.lookup("attack")
    assert {p.code for p in attack} == {"190", "111"}  # ACCEPT's patterns stay with ACCEPT
