"""The country an article is set in, lent to the persons it names whom no dictionary knows.

A news story about one country names its people without their nationality ("Sergeant Ford",
"journalist David DeBatto" in a story about US soldiers in Iraq); a reader takes them to be of
the country the story is about. The setting is the country the article's resolved actors and
places name most, when it is named at least `MIN_MENTIONS` times and by at least half of the
country-bearing mentions; without a clear setting nobody is given one. Only the country is set,
not an actor code: the person's side in an event stays unknown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsgraph.link.state import ArticleState

MIN_MENTIONS = 3
MIN_SHARE = 0.5


def setting_country(state: ArticleState) -> str | None:
    """The country most of the article's resolved mentions name, if one clearly leads."""
    counts: Counter[str] = Counter()
    for mention in state.mentions:
        if mention.resolved_by in {"unresolved", "setting"}:
            continue
        country = mention.country or (mention.code or "")[:3]
        if len(country) == 3 and country.isalpha():
            counts[country] += 1
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    if count < MIN_MENTIONS or count < MIN_SHARE * sum(counts.values()):
        return None
    return country


def unknown_persons_in_setting(state: ArticleState) -> None:
    """Give the setting's country to the unresolved person names of the article."""
    country = setting_country(state)
    if country is None:
        return
    for index, mention in enumerate(state.mentions):
        if (
            mention.resolved_by == "unresolved"
            and mention.label == "PERSON"
            and not mention.country
        ):
            state.mentions[index] = replace(mention, country=country, resolved_by="setting")
