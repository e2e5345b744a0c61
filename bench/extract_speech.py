"""Benchmark of the speech, date and event extractor (kg.extract.quotations, .events) on third-party gold.

    .venv/bin/python -m bench.extract_speech [--out FILE] [--realdata DIR]

Sets (read from ``../shared/realdata``, never copied into the repo; when that folder is absent this says so
and exits 1, it does not pass silently):

- SpkAtt-2023 task 2 (German Wikinews, 700 training documents), scored as the organisers' scorer
  (``eval/classes.py`` of the task's repository) scores subtrack 2, "message and source": annotations nested
  in another are left out (predictions nested in another prediction's message too); each gold message is
  paired one-to-one with a prediction by the largest total message token F1 (same form breaks ties); per
  quotation, precision and recall of the message tokens and of the source tokens; the published figures are
  their averages over quotations (macro; "speaker+message" averages both roles' values). Token-pooled
  (micro) figures are printed beside them. "direct" takes the groups of that scoring whose gold is direct
  speech, or whose prediction is and has no gold partner (a direct prediction paired with indirect gold
  is a form error, counted in "all forms" only). Gold
  direct messages include their quotation marks, so predicted ones are widened to them. Documents are
  given to the extractor with the gold tokens and sentences (so scores measure attribution, not
  tokenization); the text is the tokens joined as printed. For direct speech the report counts, by half,
  why a speaker is not right (:data:`SPEAKER_ERRORS`: no quotation found, none in the gold, another form,
  words partly right, wrong words in the same or in another sentence, ...).
- PolNeAR dev (English, brat standoff): the same pairing and figures over words, for contents and sources.
- The seed article (``data/articles/dw-2025-10-17-trump-putin-budapest``) without its annotations: direct
  quotations found with the editor's speaker, and the editor's events found with the editor's attendees.
  Mentions come from the registry's names and aliases (``data/entities``), so the figure measures this
  module, not the recogniser.

With ``--out FILE`` the figures of issue 20's targets also go to ``bench.summary`` (``out/summary/`` beside
FILE), which puts them in ``bench/RESULTS.md``.

Tuning discipline: the documents are split by their sorted position into two halves (even: tuning, odd:
held-out). The quotation model is trained on the tuning half only (``bench/train_quotes.py``); every figure
is reported for the whole set and for each half.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.summary import COLUMNS, POLNEAR, SPKATT, Row, write
from bench.summary import SEED as SEED_SET
from kg.extract.doc import Doc, Sentence, Token, analyse
from kg.extract.events import find_events
from kg.extract.quotations import find_quotations
from kg.extract.types import Mention
from kg.model import Span

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REALDATA = ROOT.parent / "shared" / "realdata"
SEED = ROOT / "data" / "articles" / "dw-2025-10-17-trump-putin-budapest"
SPKATT_TARGETS = {
    ("direct", "message"): 0.90,
    ("direct", "speaker"): 0.85,
    ("all forms", "message"): 0.65,
    ("all forms", "speaker+message"): 0.55,
}
"""Issue 20's macro F1 targets on SpkAtt, by form and role."""
SPKATT_BASELINE = {("all forms", "message"): 0.49, ("all forms", "speaker+message"): 0.42}
"""The organisers' rule baseline (test set, macro; their "source+message" is our "speaker+message")."""
POLNEAR_TARGETS = {"content": 0.60, "source": 0.50}
SEED_QUOTATIONS = 11
"""Of the editor's 12 direct quotations, at least this many found with the editor's speaker."""
SEED_EVENTS = 0.80
"""Share of the editor's events found with the editor's attendees."""

# ---- registry mentions (for the seed) ---------------------------------------------------------------------

_TYPE = {
    "Person": "Person",
    "Country": "Place",
    "City": "Place",
    "State": "Place",
    "Place": "Place",
    "GovernmentBuilding": "Place",
    "Continent": "Place",
}


def registry_entities(data: Path = ROOT / "data" / "entities") -> list[dict]:
    out = []
    for path in sorted(data.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out.append(item)
    return out


def registry_mentions(text: str, entities: list[dict] | None = None) -> list[Mention]:
    """Mentions of registry entities by name and alias, longest first, whole words only."""
    entities = registry_entities() if entities is None else entities
    names: list[tuple[str, dict]] = []
    for e in entities:
        if e.get("type") in ("Event", "Product", "WebSite"):
            continue
        for n in list((e.get("name") or {}).values()) + list(e.get("aliases") or []):
            names.append((str(n), e))
    names.sort(key=lambda x: -len(x[0]))
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for name, e in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?![\w])", text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            typ = _TYPE.get(e["type"], "Organization")
            canonical = (e.get("name") or {}).get("de", name)
            out.append(Mention(Span(a, b), name, typ, e["id"], True, 0.9, e.get("wikidata"), canonical))
    out.sort(key=lambda m: m.span.start)
    return out


def _mentions_for(doc: Doc) -> list[Mention]:
    """The other recogniser's mentions when it exists (kg.extract.mentions), else none."""
    try:
        from kg.extract import mentions as mod  # type: ignore[attr-defined]
    except ImportError:
        return []
    for name in ("find_mentions", "mentions"):
        fn = getattr(mod, name, None)
        if callable(fn):
            try:
                return list(fn(doc))
            except TypeError:
                continue
    return []


# ---- scoring ----------------------------------------------------------------------------------------------
#
# The SpkAtt-2023 task 2 scorer (the organisers' eval/classes.py, subtrack 2 "simplified": Message and
# Source of the annotations that are not nested in another), reimplemented here: every gold message is paired
# one-to-one with a predicted one by linear_sum_assignment over the pairs' token F1 (the same form breaks
# ties); a pair, a prediction left without gold and gold left without prediction are each one group. Per
# group and role, precision is the overlapping tokens over the predicted ones and recall over the gold ones
# (undefined, and left out, when there are none). The figures the task publishes are macro averages over the
# groups (every quotation weighs the same, however long); the joint figure averages the message and source
# values together. Token-pooled (micro) figures are kept beside them.


@dataclass
class Counts:
    overlap: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.overlap += other.overlap
        self.pred += other.pred
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.overlap / self.pred if self.pred else 0.0
        r = self.overlap / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Role:
    """One role's figures over many groups: token counts (micro) and each group's precision and recall
    where defined (macro)."""

    micro: Counts = field(default_factory=Counts)
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)

    def add(self, other: Role) -> None:
        self.micro.add(other.micro)
        self.precisions += other.precisions
        self.recalls += other.recalls

    def group(self, gold: set, pred: set) -> None:
        both = len(gold & pred)
        self.micro.add(Counts(both, len(pred), len(gold)))
        if pred:
            self.precisions.append(both / len(pred))
        if gold:
            self.recalls.append(both / len(gold))

    def prf(self) -> tuple[float, float, float]:
        """The task's (macro) precision, recall and F1."""
        p = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        r = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _joint(*roles: Role) -> Role:
    out = Role()
    for r in roles:
        out.add(r)
    return out


@dataclass(frozen=True)
class Item:
    """An attribution as the scorer sees it: message and source tokens, and the form."""

    message: frozenset
    source: frozenset
    form: str = ""


def _f1(gold: frozenset, pred: frozenset) -> float:
    both = len(gold & pred)
    return 2 * both / (len(gold) + len(pred)) if both else 0.0


def _assign(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with the largest total message F1, the same form a
    tie-breaker (0.01 when the messages overlap), as the task's scorer pairs them: every gold message is
    paired while predictions last, overlapping or not."""
    if not gold or not pred:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    m = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            f = _f1(g.message, p.message)
            m[i, j] = f + (0.01 if f > 0 and g.form == p.form else 0.0)
    rows, cols = linear_sum_assignment(m, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]


def groups(gold: list[Item], pred: list[Item]) -> list[tuple[Item | None, Item | None]]:
    """The task's groups of one document: each pair, each prediction left unpaired, each gold annotation
    left unpaired."""
    pairs = _assign(gold, pred)
    paired_g, paired_p = {i for i, _ in pairs}, {j for _, j in pairs}
    out: list[tuple[Item | None, Item | None]] = [(gold[i], pred[j]) for i, j in pairs]
    out += [(None, p) for j, p in enumerate(pred) if j not in paired_p]
    out += [(g, None) for i, g in enumerate(gold) if i not in paired_g]
    return out


def score_groups(gs: Iterable[tuple[Item | None, Item | None]]) -> dict[str, Role]:
    """The message, the speaker (source) and both, over groups."""
    msg, src = Role(), Role()
    none = frozenset()
    for g, p in gs:
        msg.group(g.message if g else none, p.message if p else none)
        src.group(g.source if g else none, p.source if p else none)
    return {"message": msg, "speaker": src, "speaker+message": _joint(msg, src)}


def score_doc(gold: list[Item], pred: list[Item]) -> dict[str, Role]:
    return score_groups(groups(gold, pred))


def _direct(g: Item | None, p: Item | None) -> bool:
    """A group of direct speech: the gold is direct, or an unpaired prediction is."""
    return g.form == "Direct" if g is not None else p is not None and p.form == "Direct"


# ---- SpkAtt ------------------------------------------------------------------------------------------------

_NO_SPACE_BEFORE = set(",.:;!?)]}“”«%") | {"''", "…"}
_NO_SPACE_AFTER = set("([{„»") | {"``"}


def spkatt_doc(data: dict) -> tuple[Doc, dict[str, int]]:
    """A Doc over the gold tokens (joined as printed), and "sentence:token" -> token index."""
    parts: list[str] = []
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    index: dict[str, int] = {}
    pos = 0
    straight_open = False
    for s in data["Sentences"]:
        first = len(tokens)
        for k, tok in enumerate(s["Tokens"]):
            tok = tok or "_"
            space = bool(tokens)
            if tok in _NO_SPACE_BEFORE:
                space = False
            if tokens and tokens[-1].text in _NO_SPACE_AFTER:
                space = False
            if tok == '"':
                if straight_open:
                    space = False
                straight_open = not straight_open
            elif tokens and tokens[-1].text == '"' and straight_open:
                space = False
            if space:
                parts.append(" ")
                pos += 1
            start = pos
            parts.append(tok)
            pos += len(tok)
            index[f"{s['SentenceId']}:{k}"] = len(tokens)
            tokens.append(Token(len(tokens), tok, start, pos, len(sentences), "regular", True))
        if len(tokens) > first:
            sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
    return Doc("".join(parts), "de", tuple(tokens), tuple(sentences)), index


def _span_tokens(doc: Doc, span: Span, widen_marks: bool = False) -> set[int]:
    toks = {t.i for t in doc.tokens_in(span.start, span.end)}
    if widen_marks and toks:
        lo, hi = min(toks), max(toks)
        if lo > 0 and doc.tokens[lo - 1].text in "„“”\"»«‚‘’'‹›":
            toks.add(lo - 1)
        if hi + 1 < len(doc.tokens) and doc.tokens[hi + 1].text in "„“”\"»«‚‘’'‹›":
            toks.add(hi + 1)
    return toks


def _predicted(doc: Doc, mentions: list[Mention]) -> list[Item]:
    """The extractor's quotations as scorer items, without those nested in another's message (the task's
    simplified subtrack leaves nested annotations out, of the system's output as of the gold)."""
    quotes = find_quotations(doc, mentions)
    out = []
    for q in quotes:
        if any(o is not q and o.span.start <= q.span.start and q.span.end <= o.span.end for o in quotes):
            continue
        msg = _span_tokens(doc, q.span, widen_marks=q.form == "direct")
        src = _span_tokens(doc, q.speaker.span) if q.speaker and q.speaker.span else set()
        out.append(Item(frozenset(msg), frozenset(src), q.form.capitalize()))
    return out


def spkatt_gold(data: dict, index: dict[str, int]) -> list[Item]:
    """The gold annotations the simplified subtrack scores: those not nested in another."""
    out = []
    for a in data["Annotations"]:
        if a.get("IsNested"):
            continue
        msg = frozenset(index[x] for x in a["Message"] if x in index)
        src = frozenset(index[x] for x in a["Source"] if x in index)
        out.append(Item(msg, src, a["Form"]))
    return out


SPEAKER_ERRORS = (
    "right, or no speaker on either side",
    "prediction with a speaker where gold has no quotation",
    "gold quotation not found",
    "gold quotation paired with a prediction of another form",
    "no speaker predicted",
    "a speaker predicted where gold marks none",
    "speaker words partly right",
    "wrong words in the quotation's sentences",
    "wrong words in another sentence",
)


def speaker_error(doc: Doc, g: Item | None, p: Item | None) -> str:
    """Why a direct-speech group's speaker is not right (one of :data:`SPEAKER_ERRORS`)."""
    if g is None:
        return SPEAKER_ERRORS[1] if p is not None and p.source else SPEAKER_ERRORS[0]
    if p is None:
        return SPEAKER_ERRORS[2] if g.source else SPEAKER_ERRORS[0]
    if p.form != g.form:
        return SPEAKER_ERRORS[3] if g.source != p.source else SPEAKER_ERRORS[0]
    if g.source == p.source:
        return SPEAKER_ERRORS[0]
    if not p.source:
        return SPEAKER_ERRORS[4]
    if not g.source:
        return SPEAKER_ERRORS[5]
    if g.source & p.source:
        return SPEAKER_ERRORS[6]
    around = {doc.tokens[i].sentence for i in g.message | p.message}
    return SPEAKER_ERRORS[7] if {doc.tokens[i].sentence for i in p.source} <= around else SPEAKER_ERRORS[8]


def _loss(g: Item | None, p: Item | None) -> float:
    """What a group costs the speaker's macro precision and recall: 1 - P plus 1 - R, where defined."""
    gold, pred = (g.source if g else frozenset()), (p.source if p else frozenset())
    both = len(gold & pred)
    return (1 - both / len(pred) if pred else 0.0) + (1 - both / len(gold) if gold else 0.0)


def run_spkatt(
    folder: Path,
) -> tuple[dict[str, dict[str, dict[str, Role]]], dict[str, dict[str, list[float]]]]:
    """The figures by half and form, and the direct-speech speaker errors by half and kind (their number and
    cost in :func:`_loss`)."""
    files = sorted(glob.glob(str(folder / "*.json")))
    halves = {
        "all": set(range(len(files))),
        "tune": set(range(0, len(files), 2)),
        "held-out": set(range(1, len(files), 2)),
    }
    result = {h: {"all forms": _zero(), "direct": _zero()} for h in halves}
    errors = {h: {kind: [0.0, 0.0] for kind in SPEAKER_ERRORS} for h in halves}
    for n, path in enumerate(files):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        doc, index = spkatt_doc(data)
        gold = spkatt_gold(data, index)
        pred = _predicted(doc, _mentions_for(doc))
        gs = groups(gold, pred)
        direct = [x for x in gs if _direct(*x)]
        scores = {"all forms": score_groups(gs), "direct": score_groups(direct)}
        for h, members in halves.items():
            if n in members:
                for part, sc in scores.items():
                    for k, c in sc.items():
                        result[h][part][k].add(c)
                for g, p in direct:
                    kind = errors[h][speaker_error(doc, g, p)]
                    kind[0] += 1
                    kind[1] += _loss(g, p)
    return result, errors


def _zero() -> dict[str, Role]:
    return {"message": Role(), "speaker": Role(), "speaker+message": Role()}


# ---- PolNeAR ----------------------------------------------------------------------------------------------


def _ann(path: Path) -> list[tuple[list[Span], list[Span]]]:
    """(content fragments, source fragments) of every attribution of a brat file; a span of brat may be
    discontinuous ("315 448;463 553": a quotation around its frame), its words are those of its fragments."""
    spans: dict[str, list[Span]] = {}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _kind, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = [
                    Span(int(x), int(y)) for x, y in (frag.split() for frag in offsets.split(";"))
                ]
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(x.split(":", 1) for x in parts[1].split() if ":" in x)
            content = spans.get(roles.get("Content", ""))
            if content is not None:
                out.append((content, spans.get(roles.get("Source", ""), [])))
    return out


_WORD = re.compile(r"\w+")


def _words(text: str, span: Span | list[Span] | None, offsets: list[int]) -> frozenset[int]:
    if span is None:
        return frozenset()
    if isinstance(span, list):
        return frozenset().union(*(_words(text, s, offsets) for s in span))
    import bisect

    lo = bisect.bisect_left(offsets, span.start)
    hi = bisect.bisect_left(offsets, span.end)
    return frozenset(range(lo, hi))


def _attributions(quotes: list) -> list[list]:
    """The extractor's quotations grouped as PolNeAR groups them: a direct quotation with no verb of saying
    of its own whose speaker is the words of the direct quotation just before it continues that one (one
    attribution, its content in fragments: “A,” he said. “B.”)."""
    out: list[list] = []
    for q in quotes:
        last = out[-1][-1] if out else None
        if (
            last is not None
            and q.form == "direct"
            and last.form == "direct"
            and q.cue is None
            and q.speaker is not None
            and last.speaker is not None
            and q.speaker.span == last.speaker.span
        ):
            out[-1].append(q)
        else:
            out.append([q])
    return out


def run_polnear(folder: Path) -> dict[str, dict[str, Role]]:
    """PolNeAR has no scorer of its own: the SpkAtt pairing and figures over words, every attribution of
    the first annotator's file as gold (PolNeAR marks no nesting), every predicted quotation (no form)."""
    texts = sorted((folder / "text").glob("*.txt"))
    result = {
        h: {"content": Role(), "source": Role(), "source+content": Role()}
        for h in ("all", "tune", "held-out")
    }
    for n, path in enumerate(texts):
        text = path.read_text(encoding="utf-8")
        # one file per annotator ("<stem>_<annotator>.ann"); a text annotated twice counts with the first
        anns = sorted((folder / "attributions").glob(path.stem + "_*.ann")) or sorted(
            (folder / "attributions").glob(path.stem + ".ann")
        )
        if not anns:
            continue
        ann = anns[0]
        offsets = [m.start() for m in _WORD.finditer(text)]
        gold = [Item(_words(text, c, offsets), _words(text, s, offsets)) for c, s in _ann(ann)]
        doc = analyse(text, "en")
        pred = [
            Item(
                frozenset().union(*(_words(text, q.span, offsets) for q in group)),
                _words(text, group[0].speaker.span if group[0].speaker else None, offsets),
            )
            for group in _attributions(find_quotations(doc, _mentions_for(doc)))
        ]
        sc = score_doc(gold, pred)
        for h in ("all", "tune" if n % 2 == 0 else "held-out"):
            result[h]["content"].add(sc["message"])
            result[h]["source"].add(sc["speaker"])
            result[h]["source+content"].add(sc["speaker+message"])
    return result


# ---- the seed ---------------------------------------------------------------------------------------------


def recogniser_mentions(doc: Doc) -> list[Mention] | None:
    """The extractor's own mentions (kg.extract.mentions with the registry's names), or None without it."""
    try:
        from kg.extract.mentions import find_mentions, registry_lookup
    except ImportError:
        return None
    entries = []
    for e in registry_entities():
        names = list((e.get("name") or {}).values()) + list(e.get("aliases") or [])
        entries.append((e["id"], e["type"], e.get("wikidata"), [str(n) for n in names]))
    return list(find_mentions(doc, registry_lookup(entries)))


def run_seed(own_mentions: bool = False) -> dict[str, object]:
    """The seed; mentions from the registry's names (this module alone), or with ``own_mentions`` from the
    extractor's recogniser (the whole pipeline)."""
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    ann = yaml.safe_load((SEED / "annotations.yaml").read_text(encoding="utf-8"))
    published = dt.date(2025, 10, 17)
    doc = analyse(text, "de")
    mentions = registry_mentions(text)
    if own_mentions:
        got = recogniser_mentions(doc)
        if got is None:
            return {}
        mentions = got
    quotes = find_quotations(doc, mentions)
    direct = [q for q in quotes if q.form == "direct"]
    rows = []
    right = 0
    for gq in ann.get("quotations", []):
        at = text.find(gq["text"])
        hit = next(
            (q for q in direct if at >= 0 and q.span.start < at + len(gq["text"]) and at < q.span.end), None
        )
        got = hit.speaker.key if hit and hit.speaker else None
        ok = got == gq["speaker"]
        right += ok
        rows.append((gq["text"][:50], gq["speaker"], got, ok))
    out: dict[str, object] = {
        "quotations": (right, len(ann.get("quotations", []))),
        "quote_rows": rows,
        "direct_found": len(direct),
    }
    try:
        from kg.extract.events import find_events
    except ImportError:
        return out
    events = find_events(doc, mentions, published)
    erows = []
    good = 0
    for ge in ann.get("events", []):
        want = set(ge.get("attendees") or []) | set(ge.get("organizers") or [])
        evidence = [e if isinstance(e, str) else e.get("phrase", "") for e in ge.get("evidence", [])]
        spans = [(text.find(e), text.find(e) + len(e)) for e in evidence if text.find(e) >= 0]
        hits = [ev for ev in events if any(s.start < b and a < s.end for s in ev.spans for a, b in spans)]
        ok = any(set(ev.attendees) == want for ev in hits)
        good += ok
        erows.append((ge["id"], sorted(want), [sorted(ev.attendees) for ev in hits][:3], ok))
    out["events"] = (good, len(ann.get("events", [])))
    out["event_rows"] = erows
    return out


# ---- speed ------------------------------------------------------------------------------------------------


def run_speed(realdata: Path) -> dict[str, float]:
    """Milliseconds per 1,000 words for these modules alone, one core (tokenizing excluded: that is
    kg.extract.doc's; the part-of-speech tagging the rules ask for is included), and the load of the machine
    while measuring (other processes slow it)."""
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    words = len(text.split())
    doc = analyse(text, "de")
    mentions = registry_mentions(text)
    n = 50

    def fresh() -> Doc:  # the same tokens, no tags yet: tagging that the rules ask for is counted
        return Doc(doc.text, doc.lang, doc.tokens, doc.sentences)

    find_quotations(fresh(), mentions)  # loads the tagger's model once, outside the timing
    t0 = time.perf_counter()
    for _ in range(n):
        find_quotations(fresh(), mentions)
    t_quotes = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for _ in range(n):
        find_events(fresh(), mentions, dt.date(2025, 10, 17))
    t_events = (time.perf_counter() - t0) / n
    return {
        "words": words,
        "load average (1 min) while measuring": os.getloadavg()[0],
        "quotations_ms_per_1000_words": 1000 * t_quotes * 1000 / words,
        "events_ms_per_1000_words": 1000 * t_events * 1000 / words,
    }


# ---- report -----------------------------------------------------------------------------------------------


def _f(c: Role, micro: bool = False) -> str:
    p, r, f = c.micro.prf() if micro else c.prf()
    return f"{p:.3f} / {r:.3f} / **{f:.3f}**"


def _targets(targets: dict) -> str:
    """The targets as the report states them ("direct message F1 >= 0.90, ...")."""
    names = {k: " ".join(k) if isinstance(k, tuple) else k for k in targets}
    return ", ".join(f"{names[k]} F1 >= {v:.2f}" for k, v in targets.items())


def spkatt_rows(res: dict[str, dict[str, dict[str, Role]]]) -> list[Row]:
    """The rows of issue 20's targets for ``bench.summary``, the baseline beside those it has."""
    return [
        Row.at_least(
            SPKATT,
            f"{form}, {role} F1 (macro)",
            {h: res[h][form][role].prf()[2] for h in COLUMNS},
            target,
            f"{SPKATT_BASELINE[form, role]:.2f} (organisers' rule baseline, test set)"
            if (form, role) in SPKATT_BASELINE
            else "",
        )
        for (form, role), target in SPKATT_TARGETS.items()
    ]


def polnear_rows(res: dict[str, dict[str, Role]]) -> list[Row]:
    return [
        Row.at_least(
            POLNEAR,
            f"{role} F1 (macro)",
            {h: res[h][role].prf()[2] for h in COLUMNS},
            target,
            "no published system figure",
        )
        for role, target in POLNEAR_TARGETS.items()
    ]


def seed_rows(seed: dict[str, object], mentions: str) -> list[Row]:
    """The seed's quotations and events (when counted) against the editor's, the mentions named."""
    q_right, q_all = seed["quotations"]  # type: ignore[misc]
    rows = [
        Row(
            SEED_SET,
            f"direct quotations with the editor's speaker ({mentions})",
            {"all": f"{q_right} of {q_all}"},
            f">= {SEED_QUOTATIONS} of {q_all}",
            {"all": q_right >= SEED_QUOTATIONS},
            "no peer",
        )
    ]
    if "events" in seed:
        e_right, e_all = seed["events"]  # type: ignore[misc]
        share = e_right / e_all if e_all else 0.0
        rows.append(
            Row(
                SEED_SET,
                f"the editor's events with the editor's attendees ({mentions})",
                {"all": f"{e_right} of {e_all} ({share:.0%})"},
                f">= {SEED_EVENTS:.0%}",
                {"all": share >= SEED_EVENTS},
                "no peer",
            )
        )
    return rows


def report(realdata: Path) -> tuple[str, list[Row], dict[str, str]]:
    """The markdown, the rows for ``bench.summary`` and the sets not measured (with the reason)."""
    rows: list[Row] = []
    absent: dict[str, str] = {}
    lines = ["# Speech, dates and events (bench/extract_speech.py)", ""]
    lines.append(f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC. Figures are precision / recall / F1.")
    lines.append("")
    lines += [
        "Scoring: the SpkAtt-2023 task 2 scorer, subtrack 2 (message and source of annotations not nested in "
        "another; nested predictions left out likewise): one-to-one pairing by message token F1, then per "
        "quotation and role precision and recall of the tokens, averaged over quotations (macro, the task's "
        "published figures); the token-pooled (micro) figures follow. Direct: the groups whose gold is "
        "direct speech, or whose prediction is and has no gold partner (a direct prediction paired "
        "with other gold counts under all forms only). The bench's figures before 2026-12-07 pooled "
        "tokens, kept nested annotations and paired direct speech alone; they are not comparable.",
        "",
    ]
    spk = realdata / "spkatt2023-task2" / "train"
    if spk.is_dir():
        t0 = time.perf_counter()
        res, errors = run_spkatt(spk)
        took = time.perf_counter() - t0
        rows += spkatt_rows(res)
        lines += ["## SpkAtt-2023 task 2 (German Wikinews, 700 documents)", ""]
        for micro in (False, True):
            lines += [
                "Tokens pooled over all quotations (micro):" if micro else "The task's figures (macro):",
                "",
                "| documents | form | message | speaker | speaker+message |",
                "|---|---|---|---|---|",
            ]
            for h in ("all", "tune", "held-out"):
                for part in ("direct", "all forms"):
                    r = res[h][part]
                    lines.append(
                        f"| {h} | {part} | {_f(r['message'], micro)} | {_f(r['speaker'], micro)} | "
                        f"{_f(r['speaker+message'], micro)} |"
                    )
            lines.append("")
        lines += [
            f"Targets (macro): {_targets(SPKATT_TARGETS)}. Published rule baseline (test set, macro): "
            + ", ".join(f"{role} {v:.2f}" for (_form, role), v in SPKATT_BASELINE.items())
            + f". ({took:.1f} s)",
            "",
            "Direct speech, why the speaker is not right: quotations, and what they cost the speaker's macro "
            "precision and recall together (1 - P plus 1 - R, where defined):",
            "",
            "| kind | tune | held-out |",
            "|---|---|---|",
        ]
        for kind in SPEAKER_ERRORS:
            tune, held = errors["tune"][kind], errors["held-out"][kind]
            lines.append(f"| {kind} | {tune[0]:.0f} ({tune[1]:.1f}) | {held[0]:.0f} ({held[1]:.1f}) |")
        lines.append("")
    else:
        absent[SPKATT] = f"{spk} is absent"
        lines += [f"SpkAtt-2023: **not measured**, {spk} is absent.", ""]
    pol = realdata / "polnear" / "dev"
    if pol.is_dir():
        res2 = run_polnear(pol)
        rows += polnear_rows(res2)
        lines += ["## PolNeAR dev (English, 84 articles)", ""]
        for micro in (False, True):
            lines += [
                "Tokens pooled (micro):" if micro else "Macro, as for SpkAtt:",
                "",
                "| documents | content | source | source+content |",
                "|---|---|---|---|",
            ]
            for h in ("all", "tune", "held-out"):
                r = res2[h]
                lines.append(
                    f"| {h} | {_f(r['content'], micro)} | {_f(r['source'], micro)} | "
                    f"{_f(r['source+content'], micro)} |"
                )
            lines.append("")
        lines += [f"Targets: {_targets(POLNEAR_TARGETS)}.", ""]
    else:
        absent[POLNEAR] = f"{pol} is absent"
        lines += [f"PolNeAR: **not measured**, {pol} is absent.", ""]
    seed = run_seed()
    rows += seed_rows(seed, "the registry's names as mentions")
    q_right, q_all = seed["quotations"]  # type: ignore[misc]
    lines += [
        "## The seed article without its annotations",
        "",
        "Mentions from the registry's names and aliases (this module's own figure):",
        "",
        f"- direct quotations with the editor's speaker: **{q_right} of {q_all}** (target >= "
        f"{SEED_QUOTATIONS} of {q_all}); "
        f"direct quotations found: {seed['direct_found']}",
    ]
    for t, want, got, ok in seed["quote_rows"]:  # type: ignore[attr-defined]
        if not ok:
            lines.append(f'  - missed: "{t}" (editor: {want}, machine: {got})')
    if "events" in seed:
        e_right, e_all = seed["events"]  # type: ignore[misc]
        pct = 100 * e_right / e_all if e_all else 0
        lines.append(
            f"- editor's events found with the editor's attendees (and organizers): **{e_right} of "
            f"{e_all}** ({pct:.0f} %; target >= {SEED_EVENTS:.0%})"
        )
        for eid, want, got, ok in seed["event_rows"]:  # type: ignore[attr-defined]
            if not ok:
                lines.append(f"  - missed: {eid} (editor: {want}, machine: {got})")
    own = run_seed(own_mentions=True)
    if own:
        rows += seed_rows(own, "the extractor's own, the registry as its lookup")
        q_right, q_all = own["quotations"]  # type: ignore[misc]
        e_right, e_all = own.get("events", (0, 0))  # type: ignore[misc]
        lines += [
            "",
            "With the extractor's own recogniser (kg.extract.mentions, the registry as its lookup): "
            f"direct quotations with the editor's speaker **{q_right} of {q_all}**, events with the "
            f"editor's attendees **{e_right} of {e_all}**.",
        ]
    sp = run_speed(realdata)
    lines += ["", "## Speed (one core, this module only)", ""]
    for k, v in sp.items():
        lines.append(f"- {k}: {v:.2f}" if isinstance(v, float) else f"- {k}: {v}")
    return "\n".join(lines) + "\n", rows, absent


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write the markdown table to this file too")
    ap.add_argument("--realdata", default=os.environ.get("NEWSKG_REALDATA", str(DEFAULT_REALDATA)))
    args = ap.parse_args(list(argv) if argv is not None else None)
    realdata = Path(args.realdata)
    if not realdata.is_dir():
        print(f"extract_speech: {realdata} is absent: SpkAtt and PolNeAR are NOT measured", file=sys.stderr)
    text, rows, absent = report(realdata)
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        write(Path(args.out), rows, absent)
    return 0 if realdata.is_dir() else 1


if __name__ == "__main__":
    raise SystemExit(main())
