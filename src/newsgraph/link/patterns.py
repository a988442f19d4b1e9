"""Title + nationality patterns over dictionary hits: who holds which office for which country.

"Azerbaijani Deputy Foreign Minister Khalaf Khalafov", "Iran's foreign minister Abbas
Araghchi", "the President of Russia Vladimir Putin": a country (name, demonym, capital) before
the title or after it with "of", optional modifiers (deputy, former), a title, then a name.
Without a name the same words are a role phrase ("the Russian president") for coreference.
The rules read only words and dictionary hits, so they run without spaCy (corpus memory); a spaCy
PERSON entity, when given, fixes where the name ends.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from newsgraph.dictionaries.words import Word, word_set
from newsgraph.link.index import Hit
from newsgraph.link.senses import ActorSense, AgentSense, PlaceSense, Sense, TitleSense
from newsgraph.link.titles import MODIFIERS, Title, TitleLexicon

# Capitalised words that do not start or continue a person's name.
NOT_NAMES = word_set(
    "the a an and or but in on at of for to from by with as this that these those he she it they "
    "his her its their we i you mr mrs ms dr sir monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october "
    "november december today yesterday tomorrow"
)
MAX_NAME_WORDS = 4
MAX_SKIPPED = 3  # adjectives between a possessive country and a title
_NAME_JOINERS = frozenset({" ", "\u00a0", "-"})
_INITIAL_JOINERS = frozenset({". ", "."})


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A title found with its country and, when present, the name of its holder (word spans)."""

    start: int  # first word of the whole descriptor (determiner and country included)
    end: int  # one past its last word
    title: Title
    title_start: int
    title_end: int
    country: str | None  # the code of the country or organisation the office belongs to
    country_actor: str | None
    name_start: int | None = None
    name_end: int | None = None
    person_id: str | None = None  # a known person named right after the title
    agent: AgentSense | None = None
    person_title: bool = True  # the title names an office held by one person
    named_by_entity: bool = False  # a spaCy PERSON entity marks the name
    absorbed_end: int | None = None  # a same-country dictionary name after the title ends here


def _gap(text: str, words: Sequence[Word], i: int) -> str:
    """The characters between word i-1 and word i."""
    return text[words[i - 1].end : words[i].start]


def _spaces(gap: str) -> bool:
    return gap in {" ", "\u00a0"}


def _country_sense(
    hit: Hit[Sense], is_country: Callable[[str], str | None]
) -> tuple[str, str] | None:
    for sense in hit.senses:
        if isinstance(sense, ActorSense):
            code = is_country(sense.actor_id)
            if code:
                return code, sense.actor_id
    for sense in hit.senses:
        if isinstance(sense, PlaceSense) and sense.feature == "capital" and sense.country:
            return sense.country, f"country:{sense.country}"
    return None


def _possessor_end(text: str, words: Sequence[Word], start: int, covered: set[int]) -> int:
    """Where a possessor before a title ends: the title's first word, or the "s" of "X's",
    skipping up to three lower-case words between ("Ithilen's awful and evil minister")."""
    i = start
    while i > 0 and start - i < MAX_SKIPPED and not words[i - 1].capitalised:
        if words[i - 1].norm == "s" or i - 1 in covered or _gap(text, words, i) not in {" "}:
            break
        i -= 1
    if i > 0 and words[i - 1].norm == "s" and _gap(text, words, i - 1) in {"'", "’"}:
        return i - 1
    return start


def _title_senses(hit: Hit[Sense]) -> tuple[TitleSense | None, AgentSense | None]:
    title = next((s for s in hit.senses if isinstance(s, TitleSense)), None)
    agent = next((s for s in hit.senses if isinstance(s, AgentSense)), None)
    return title, agent


def _joins(text: str, words: Sequence[Word], i: int) -> bool:
    """True when word i continues the name of word i-1: a space or hyphen, or the period of an
    initial ("L. Ron Hubbard"), never a sentence's full stop."""
    gap = _gap(text, words, i)
    return gap in _NAME_JOINERS or (gap in _INITIAL_JOINERS and len(words[i - 1].text) == 1)


def name_after(
    text: str,
    words: Sequence[Word],
    start: int,
    taken: set[int],
    person_end: dict[int, int] | None = None,
) -> int | None:
    """End (exclusive) of a capitalised name starting at word `start`, or None."""
    if start >= len(words) or start in taken or not _spaces(_gap(text, words, start)):
        return None
    if person_end and start in person_end:
        return person_end[start]
    end = start
    while (
        end < len(words)
        and end - start < MAX_NAME_WORDS
        and end not in taken
        and words[end].capitalised
        and not words[end].text.isdigit()
        and words[end].norm not in NOT_NAMES
        and (end == start or _joins(text, words, end))
    ):
        end += 1
    return end if end > start else None


def _country_after(
    words: Sequence[Word],
    at: int,
    by_start: Mapping[int, Hit[Sense]],
    is_country: Callable[[str], str | None],
    blocked: Mapping[int, int] | None,
) -> tuple[str, str, int] | None:
    """A country or IGO named by "of [the] X" at word `at`: (code, actor id, end)."""
    if at >= len(words) or words[at].norm != "of":
        return None
    k = at + 1 + (1 if at + 1 < len(words) and words[at + 1].norm == "the" else 0)
    following = by_start.get(k)
    if following is None or (blocked or {}).get(k, 0) > following.end:
        return None
    found = _country_sense(following, is_country)
    if found is None or not (len(found[0]) == 3 or found[0].startswith("IGO")):
        return None  # an organisation's code is no office's country
    return found[0], found[1], following.end


def find_roles(
    text: str,
    words: Sequence[Word],
    hits: Sequence[Hit[Sense]],
    titles: TitleLexicon,
    is_country: Callable[[str], str | None],
    is_person: Callable[[str], bool],
    person_end: dict[int, int] | None = None,
    blocked: Mapping[int, int] | None = None,
) -> list[RoleMatch]:
    """Titles with their country and holder's name, in text order.

    `blocked` maps words that start an organisation's name to the word after it: a country
    that only begins such a name ("representatives of Baku 2015 ... Committee") is not the
    title's country.
    """
    by_start = {hit.start: hit for hit in hits}
    by_end = {hit.end: hit for hit in hits}
    # Words another dictionary phrase claims cannot be a name; place names can (Jackson, Paris).
    covered = {
        i
        for hit in hits
        if any(not isinstance(s, PlaceSense) for s in hit.senses)
        for i in range(hit.start, hit.end)
    }
    matches = []
    for hit in hits:
        title_sense, agent = _title_senses(hit)
        if title_sense is None and agent is None:
            continue
        following_title = by_start.get(hit.end)
        if (
            all(w.norm in MODIFIERS for w in words[hit.start : hit.end])
            and following_title is not None
            and any(_title_senses(following_title))
        ):
            continue  # "Deputy" before "Foreign Minister" is that title's modifier
        start = hit.start
        while start > 0 and words[start - 1].norm in MODIFIERS and _gap(text, words, start) == " ":
            start -= 1
        # Country before the title: "Azerbaijani Deputy ...", "Iran's (new) foreign minister".
        country = None
        descriptor_start = start
        left = _possessor_end(text, words, start, covered)
        previous = by_end.get(left)
        if previous is not None and (left == start or _gap(text, words, left) in {"'", "’"}):
            country = _country_sense(previous, is_country)
            if country:
                descriptor_start = previous.start
                # A prefix agent before the country: "MSF Arnor diplomat" -> NGO + ARN + GOV.
                before = by_end.get(previous.start)
                before_agent = _title_senses(before)[1] if before else None
                if before and before_agent and before_agent.prefix:
                    country = (before_agent.code + country[0], country[1])
                    descriptor_start = before.start
        after = hit.end
        if country is None and agent is not None and agent.prefix:
            # "MSF Arnor": the agent goes before the country that follows it, unless a suffix
            # agent after that country takes both ("MSF Arnor diplomat").
            following = by_start.get(after)
            if following is not None and (found := _country_sense(following, is_country)):
                then = by_start.get(following.end)
                if then is not None and any(_title_senses(then)):
                    continue
                country, after = found, following.end
        # Country after the title: "the foreign minister of Iran", "soldiers from Gondor";
        # for agents also "police in Kabul" (an ambassador in Moscow is not Russia's).
        links = {"of", "from"} if title_sense else {"of", "from", "in"}
        if country is None and after < len(words) and words[after].norm in links:
            k = after + 1 + (1 if after + 1 < len(words) and words[after + 1].norm == "the" else 0)
            following = by_start.get(k)
            if following is not None and (blocked or {}).get(k, 0) <= following.end:
                country = _country_sense(following, is_country)
                if country:
                    after = following.end
        if descriptor_start > 0 and words[descriptor_start - 1].norm == "the":
            descriptor_start -= 1
        shown = text[words[start].start : words[hit.end - 1].end]
        title = titles.resolve(
            [w.norm for w in words[start : hit.end]], shown, agent.code if agent else None
        )
        if title is None:
            continue
        person_id = None
        name_end = None
        absorbed_end = None
        following = by_start.get(after)
        if following is not None and after < len(words) and _spaces(_gap(text, words, after)):
            person_id = next(
                (
                    s.actor_id
                    for s in following.senses
                    if isinstance(s, ActorSense) and is_person(s.actor_id)
                ),
                None,
            )
            if person_id:
                name_end = following.end
            elif (
                country
                and (named := _country_sense(following, is_country))
                and named[0][:3] == country[0][-3:]
            ):
                # "Bree Prime Minister Romendacil" where the dictionary codes the name BRE:
                # the name is the holder, part of the same phrase.
                absorbed_end = following.end
        if person_id is None:
            name_end = name_after(text, words, after, covered, person_end)
        end = name_end or after
        if country is None and name_end is not None:
            # "King Hassan of Morocco", "President Bouteflika of Algeria": the office's country
            # follows the name.
            named_after = _country_after(words, name_end, by_start, is_country, blocked)
            if named_after is not None:
                country, end = (named_after[0], named_after[1]), named_after[2]
        matches.append(
            RoleMatch(
                start=descriptor_start,
                end=end,
                title=title,
                title_start=start,
                title_end=hit.end,
                country=country[0] if country else None,
                country_actor=country[1] if country else None,
                name_start=after if name_end else None,
                name_end=name_end,
                person_id=person_id,
                agent=agent,
                person_title=title_sense is not None and not title_sense.plural,
                absorbed_end=absorbed_end,
                named_by_entity=bool(person_end and name_end and after in person_end),
            )
        )
    return matches
