"""Which entities are likely one: names compared accent-folded, a surname against a full name, inflected
forms.

Pure: names in, groups out. A group is a suggestion for an editor ("Selenskyj" and "Wolodymyr Selenskyj",
"Orban" and "Orbán", "Putins" and "Putin"), never a fact: only ``newskg entities merge`` makes two one.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping

#: German endings an inflected name takes: genitive (Selenskyjs, Orbans), weak declension (Präsidenten).
ENDINGS = ("es", "en", "s", "n")
MIN_STEM = 3
"""A name token shorter than this after an ending is cut is not compared by its stem ("Ens" is not "En")."""
MAX_FORMS = 64
"""Variants of one name indexed at most (each token has up to three forms)."""


def fold(text: str) -> str:
    """Lower-case ASCII words: accents dropped, punctuation and hyphens as spaces.

    >>> fold("Viktor Orbán"), fold("Caballero-Reynolds"), fold("  Péter  SZIJJÁRTÓ ")
    ('viktor orban', 'caballero reynolds', 'peter szijjarto')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", bare.casefold()))


def token_forms(token: str) -> set[str]:
    """A folded token and its stems without a German ending: two tokens are one word if their forms meet.

    >>> sorted(token_forms("orbans")), sorted(token_forms("orban"))
    (['orban', 'orbans'], ['orba', 'orban'])
    """
    forms = {token}
    for ending in ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= MIN_STEM:
            forms.add(token[: -len(ending)])
    return forms


def keys(name: str) -> tuple[set[str], set[str]]:
    """The full-name keys of ``name`` (every token in any of its forms) and its surname keys (the last
    token's forms). Entities sharing a full-name key are likely one; so are a one-word name and a longer
    name that ends in it.

    >>> full, last = keys("Wolodymyr Selenskyjs")
    >>> "wolodymyr selenskyj" in full, sorted(last)
    (True, ['selenskyj', 'selenskyjs'])
    """
    tokens = fold(name).split()
    if not tokens:
        return set(), set()
    variants = itertools.islice(itertools.product(*(sorted(token_forms(t)) for t in tokens)), MAX_FORMS)
    return {" ".join(v) for v in variants}, token_forms(tokens[-1])


def group(names: Mapping[Hashable, Iterable[str]]) -> list[list[Hashable]]:
    """Entities (each with its names) in groups of likely duplicates, each group in the order of ``names``,
    the groups by their first member; an entity like no other is a group of its own.

    >>> group({"a": ["Selenskyj"], "b": ["Wolodymyr Selenskyj"], "c": ["Viktor Orbán"], "d": ["Orbans"],
    ...        "e": ["Donald Trump"], "f": ["Melania Trump"]})
    [['a', 'b'], ['c', 'd'], ['e'], ['f']]
    """
    order = {entity: n for n, entity in enumerate(names)}
    parent = {entity: entity for entity in names}

    def root(x: Hashable) -> Hashable:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: Hashable, b: Hashable) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=order.__getitem__)
            parent[second] = first

    by_full: dict[str, list[Hashable]] = defaultdict(list)
    by_last: dict[str, list[Hashable]] = defaultdict(list)
    single: dict[Hashable, set[str]] = {}
    for entity, entity_names in names.items():
        entity_names = list(entity_names)
        single[entity] = one_word_forms(entity_names)
        for name in entity_names:
            full, last = keys(name)
            for key in full:
                by_full[key].append(entity)
            for key in last:
                by_last[key].append(entity)
    for members in by_full.values():
        for other in members[1:]:
            union(members[0], other)
    for key, members in by_last.items():
        # a surname alone is likely the person of a full name ending in it; two full names sharing a surname
        # are not (Donald and Melania Trump): they meet only through a one-word name
        for one_word in [m for m in members if key in single[m]]:
            for other in members:
                union(one_word, other)
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for entity in names:
        groups[root(entity)].append(entity)
    return sorted(groups.values(), key=lambda g: order[g[0]])


def one_word_forms(names: Iterable[str]) -> set[str]:
    """The forms of an entity's one-word names (those that may stand for a full name)."""
    found: set[str] = set()
    for name in names:
        tokens = fold(name).split()
        if len(tokens) == 1 and len(tokens[0]) >= MIN_STEM:
            found |= token_forms(tokens[0])
    return found


def like(name: str, names: Mapping[Hashable, Iterable[str]]) -> list[Hashable]:
    """The entities of ``names`` that ``name`` likely names (as :func:`group` would put them together).

    >>> like("Selenskyj", {"z": ["Wolodymyr Selenskyj"], "p": ["Wladimir Putin"]})
    ['z']
    """
    asked = object()
    together = next(g for g in group({asked: [name], **names}) if asked in g)
    return [entity for entity in together if entity is not asked]
