"""Mentions, roles and the extractor's speed, measured on real data and on the seed.

    .venv/bin/python -m bench.extract_mentions [--out FILE] [--realdata DIR] [--skip-germeval]

- **GermEval 2014** (``germeval2014/`` of ``../shared/realdata``, never copied into the repo): strict span F1
  of the German name tagger on the outer level, PER / LOC / ORG, on the news sentences. The shipped model
  is trained on the whole development set, so it is *not* scored here: two-fold cross-validation trains a
  model on each half of the set (by sentence position) and scores it on the news sentences of the other
  half; both folds are reported, and how often a name is right at each level of the tagger's probability,
  beside the confidence the extractor gives it (`kg/extract/data/calibration-de.tsv`).
- **The seed** (``data/articles/dw-2025-10-17-trump-putin-budapest``, without its annotations): the named
  persons the extractor finds against the persons the editor's registry names in the text and the
  photographers of its credit lines; with the registry and without it (discovery alone).
- **Speed**: ``kg.extract.extract`` on German news texts (SpkAtt's Wikinews documents cut into 1,000-word
  articles when the real data is there, the seed otherwise), in one process and in two; peak memory.

When the real data folder is absent this says so, and reports only what it could measure. With ``--out
FILE`` the figures of issue 20's targets also go to ``bench.summary`` (``out/summary/`` beside FILE), which
puts them in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.summary import GERMEVAL, SPEED, Row, write
from bench.summary import SEED as SEED_SET
from kg.extract.doc import Doc, Sentence, Token

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REALDATA = ROOT.parent / "shared" / "realdata"
SEED = ROOT / "data" / "articles" / "dw-2025-10-17-trump-putin-budapest"
ENTITIES = ROOT / "data" / "entities"
CLASSES = ("PER", "LOC", "ORG")
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
GERMEVAL_TARGET = 0.70
"""Issue 20: strict F1 of PER+LOC+ORG, the mean of the two folds."""
GERMEVAL_PUBLISHED = (
    "about 0.76 (the 2014 shared task's systems, trained on 24,000 sentences; all classes, test set)"
)
SEED_PERSONS, SEED_FALSE = 15, 1
"""Issue 20: at least this many of the seed's 16 persons found, at most this many false ones."""
TARGET_RATE, TARGET_MB = 10.0, 400
"""Issue 20: articles a second on two cores; peak memory of a process, MB (under)."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


# ---- GermEval ---------------------------------------------------------------------------------------------
def germeval(realdata: Path) -> list[dict] | None:
    from kg.extract.features import sentence_features
    from kg.extract.mentions import calibrated, span_probability
    from kg.extract.train import ner

    dev = realdata / "germeval2014" / "NER-de-dev.tsv"
    news_file = realdata / "germeval2014" / "NER-de-dev.news-only.tsv"
    if not dev.exists() or not news_file.exists():
        return None
    import pycrfsuite

    sentences = ner.read_germeval(dev)
    news = {s.key for s in ner.read_germeval(news_file)}
    first, second = ner.halves(sentences)
    folds = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, train, test in (
            ("1: train 1st half, test 2nd", first, second),
            ("2: train 2nd, test 1st", second, first),
        ):
            t0 = time.perf_counter()
            model = ner.train(train, Path(tmp) / "fold.crfsuite")
            seconds = time.perf_counter() - t0
            tagger = pycrfsuite.Tagger()
            tagger.open(str(model))
            per = {c: Counts() for c in CLASSES}
            bands = {b: Counts() for b in BANDS}
            used = dict.fromkeys(BANDS, 0.0)
            n = 0
            for s in test:
                if s.key not in news:
                    continue
                n += 1
                labels = tagger.tag(sentence_features(list(s.words)))
                gold, pred = ner.spans(s.labels), ner.spans(labels)
                for c in CLASSES:
                    per[c].add({g for g in gold if g[2] == c}, {p for p in pred if p[2] == c})
                for p in pred:
                    prob = span_probability(tagger, labels, p[0], p[1])
                    band = next(b for b in BANDS if b[0] <= prob < b[1])
                    bands[band].add(gold, {p})
                    used[band] += calibrated(prob)
            tagger.close()
            pipeline = _pipeline(model, [s for s in test if s.key in news])
            total = Counts(*(sum(getattr(c, f) for c in per.values()) for f in ("tp", "fp", "fn")))
            folds.append(
                {
                    "fold": name,
                    "train": len(train),
                    "test": n,
                    "seconds": seconds,
                    "all": total,
                    **per,
                    "bands": {b: (c.tp, c.tp + c.fp, used[b]) for b, c in bands.items()},
                    "pipeline": pipeline,
                }
            )
    return folds


_TYPES = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}


def gold_token_doc(words: list[str]) -> Doc:
    """One GermEval sentence as a Doc over its own tokens, joined by spaces: the tagger row, and the 2014
    systems, are scored on these tokens too. SoMaJo would split some of them ("München/Hamburg", "DFB."),
    and a name inside such a token then counts as wrong however right its words are."""
    tokens, pos = [], 0
    for k, w in enumerate(words):
        tokens.append(Token(k, w, pos, pos + len(w), 0, "regular", True))
        pos += len(w) + 1
    text = " ".join(words)
    return Doc(text, "de", tuple(tokens), (Sentence(0, len(text), 0, len(tokens)),))


def _pipeline(model: Path, sentences: list) -> Counts:
    """``kg.extract.mentions.find_mentions`` (no registry) with the fold's model on each sentence's own
    tokens (:func:`gold_token_doc`): the tagger and the rules after it, scored as the tagger alone."""
    from kg.extract import mentions
    from kg.extract.train import ner

    saved = mentions.MODEL
    mentions.MODEL = model
    mentions._tagger.cache_clear()
    try:
        total = Counts()
        for s in sentences:
            doc = gold_token_doc(list(s.words))
            starts = {t.start: t.i for t in doc.tokens}
            ends = {t.end: t.i + 1 for t in doc.tokens}
            found = mentions.find_mentions(doc)
            # a part of a token ("Taiwan" in "Taiwan-Dollar") is no name at GermEval's outer level: wrong
            pred = {(starts.get(m.span.start, "x"), ends.get(m.span.end, "x"), _TYPES[m.type]) for m in found}
            total.add(ner.spans(s.labels), pred)
        return total
    finally:
        mentions.MODEL = saved
        mentions._tagger.cache_clear()


# ---- the seed ---------------------------------------------------------------------------------------------
def registry_entries() -> list[tuple[str, str, str | None, list[str]]]:
    out = []
    for path in sorted(ENTITIES.glob("*.yaml")):
        for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            names = [*dict.fromkeys([*e["name"].values(), *e.get("aliases", [])])]
            out.append((e["id"], e["type"], e.get("wikidata"), names))
    return out


def _norm(name: str) -> str:
    from kg.vocab import slugify

    return slugify(name)


def seed_persons() -> dict:
    """Gold: registry persons named in the text, and the photographers of the credit lines."""
    from kg.extract import extract, registry_lookup

    text = (SEED / "article.txt").read_text(encoding="utf-8")
    entries = registry_entries()
    lookup = registry_lookup(entries)
    gold: dict[str, set[str]] = {}
    for key, kind, _wd, names in entries:
        if kind == "Person" and any(n in text for n in names):
            gold[key] = {_norm(n) for n in names}
    for credit in _credits(text):
        gold["photo:" + _norm(credit)] = {_norm(credit)}
    out = {"gold": len(gold)}
    for mode, lk in (("with the registry", lookup), ("without the registry", None)):
        ex = extract(text, lang="de", published=dt.date(2025, 10, 17), registry_lookup=lk)
        found: dict[str, str] = {}
        for m in ex.mentions:
            if m.type == "Person":
                found.setdefault(m.key, m.canonical or m.text)
        hits, false = set(), []
        for key, name in found.items():
            match = key if key in gold else next((g for g, ns in gold.items() if _norm(name) in ns), None)
            if match is None:
                false.append(name)
            else:
                hits.add(match)
        out[mode] = {"found": len(hits), "false": sorted(false), "missed": sorted(set(gold) - hits)}
    return out


def seed_roles() -> dict:
    """The editor's roles (person, organization or country, former) against the extractor's, with the
    registry: a role counts when the person matches, and the ``of`` and ``former`` when they match too."""
    from kg.extract import extract, registry_lookup

    text = (SEED / "article.txt").read_text(encoding="utf-8")
    ann = yaml.safe_load((SEED / "annotations.yaml").read_text(encoding="utf-8"))
    gold = [(r["person"], r.get("organization"), r.get("status") == "former") for r in ann.get("roles", [])]
    ex = extract(
        text, lang="de", published=dt.date(2025, 10, 17), registry_lookup=registry_lookup(registry_entries())
    )
    found = {(r.person, r.of, r.former) for r in ex.roles}
    persons = {r.person for r in ex.roles}
    return {
        "gold": len(gold),
        "person": sum(1 for g in gold if g[0] in persons),
        "exact": sum(1 for g in gold if g in found),
        "distinct_found": len(found),
        "false_persons": sorted({r.person for r in ex.roles} - {g[0] for g in gold}),
    }


def _credits(text: str) -> list[str]:
    """Photographers of the seed's credit lines, as the DW parser reads them (kg.read.dw)."""
    try:
        from kg.read.dw import parse_article
    except ImportError:
        return []
    lookup = {n for _k, kind, _w, names in registry_entries() if "Organization" in kind for n in names}
    article = parse_article(text, slug="seed", is_organization=lambda name: name in lookup)
    return sorted({img.photographer for img in article.images if img.photographer})


# ---- speed ------------------------------------------------------------------------------------------------
def articles(realdata: Path, words: int = 1000, limit: int = 200) -> tuple[list[str], str]:
    docs = sorted(glob.glob(str(realdata / "spkatt2023-task2" / "train" / "*.json")))
    if not docs:
        text = (SEED / "article.txt").read_text(encoding="utf-8")
        return [text] * 20, "the seed article (1,158 words) 20 times: real data absent"
    out: list[str] = []
    buf: list[str] = []
    for path in docs:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        for s in doc["Sentences"]:
            buf.append(" ".join(s["Tokens"]))
            if sum(len(x.split()) for x in buf) >= words:
                out.append("\n".join(buf))
                buf = []
                if len(out) >= limit:
                    return out, f"{len(out)} articles of {words} words cut from SpkAtt's Wikinews documents"
    return out, f"{len(out)} articles of {words} words cut from SpkAtt's Wikinews documents"


def _work(text: str) -> float:
    from kg.extract import extract

    t0 = time.process_time()
    extract(text, lang="de", published=dt.date(2025, 10, 17), registry_lookup=_LOOKUP)
    return time.process_time() - t0


_LOOKUP: dict = {}


def _init() -> None:
    global _LOOKUP
    from kg.extract import registry_lookup
    from kg.extract.doc import warm

    _LOOKUP = registry_lookup(registry_entries())
    warm("de")
    _work("Der Minister traf Emmanuel Macron in Paris. Er sagte, das Treffen sei gut gewesen.")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(realdata: Path) -> dict:
    texts, what = articles(realdata)
    _init()
    t0 = time.perf_counter()
    cpu = [_work(t) for t in texts]
    one = len(texts) / (time.perf_counter() - t0)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2, initializer=_init) as pool:
        pool.map(_peak_mb_after, range(2))  # start both workers
        t0 = time.perf_counter()
        pool.map(_work, texts, chunksize=4)
        two = len(texts) / (time.perf_counter() - t0)
        peaks = pool.map(_peak_mb_after, range(2))
    return {
        "what": what,
        "n": len(texts),
        "cpu_ms": 1000 * sum(cpu) / len(cpu),
        "one": one,
        "two": two,
        "peak_mb": max([_peak_mb(), *peaks]),
        "load": os.getloadavg()[0],
    }


def _peak_mb_after(_: int) -> float:
    time.sleep(0.05)
    return _peak_mb()


# ---- report -----------------------------------------------------------------------------------------------
def _prf(c: Counts) -> str:
    p, r, f = c.prf()
    return f"{p:.3f} | {r:.3f} | **{f:.3f}**"


def germeval_rows(folds: list[dict]) -> list[Row]:
    """The tagger's mean of the folds (the issue's figure) and the tagger with the rules after it."""
    rows = []
    for measure, key in (("the tagger", "all"), ("tagger and rules (`find_mentions`)", "pipeline")):
        f1 = [f[key].prf()[2] for f in folds]
        each = ", ".join(f"{x:.3f}" for x in f1)
        rows.append(
            Row.at_least(
                GERMEVAL,
                f"strict F1, PER+LOC+ORG, news sentences, {measure}: mean of 2 folds ({each})",
                {"all": sum(f1) / len(f1)},
                GERMEVAL_TARGET,
                GERMEVAL_PUBLISHED,
            )
        )
    return rows


def seed_rows(seed: dict) -> list[Row]:
    return [
        Row(
            SEED_SET,
            f"named persons found, false ones ({mode})",
            {"all": f"{seed[mode]['found']} of {seed['gold']}, {len(seed[mode]['false'])} false"},
            f">= {SEED_PERSONS} of {seed['gold']}, <= {SEED_FALSE} false",
            {"all": seed[mode]["found"] >= SEED_PERSONS and len(seed[mode]["false"]) <= SEED_FALSE},
            "no peer",
        )
        for mode in ("with the registry", "without the registry")
    ]


def speed_rows(sp: dict) -> list[Row]:
    return [
        Row(
            SPEED,
            f"`kg.extract.extract`, two processes: articles/s ({sp['what']}; load average {sp['load']:.2f} "
            f"while measuring, where two idle cores would give {2000 / sp['cpu_ms']:.1f} from the CPU time)",
            {"all": f"{sp['two']:.1f}"},
            f">= {TARGET_RATE:g}",
            {"all": sp["two"] >= TARGET_RATE},
        ),
        Row(
            SPEED,
            "`kg.extract.extract`: peak memory of a process, MB",
            {"all": f"{sp['peak_mb']:.0f}"},
            f"< {TARGET_MB}",
            {"all": sp["peak_mb"] < TARGET_MB},
        ),
    ]


def report(realdata: Path, skip_germeval: bool = False) -> tuple[str, list[Row], dict[str, str]]:
    """The markdown, the rows for ``bench.summary`` and the sets not measured (with the reason)."""
    rows: list[Row] = []
    absent: dict[str, str] = {}
    lines = ["# Mentions and speed (bench/extract_mentions.py)", ""]
    lines.append(f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {multiprocessing.cpu_count()} cores.")
    lines.append("")
    lines.append("## German names: GermEval 2014, news sentences, strict spans, outer level")
    lines.append("")
    folds = None if skip_germeval else germeval(realdata)
    if folds is None:
        why = "skipped (--skip-germeval)" if skip_germeval else f"{realdata / 'germeval2014'} not found"
        absent[GERMEVAL] = why
        lines.append(f"**Not measured**: {why}. No figure here stands for it.")
    else:
        rows += germeval_rows(folds)
        lines.append(
            "Two-fold cross-validation over the development set (2,200 sentences, Wikipedia and news): a CRF "
            "trained on one half (by sentence position), scored on the news sentences of the other half. "
            "The 2014 shared task's systems, trained on 24,000 sentences, reached about 0.76 (all classes, "
            f"test set); the issue's target is {GERMEVAL_TARGET:.2f}."
        )
        lines.append("")
        lines.append("| fold | class | precision | recall | F1 |")
        lines.append("|---|---|---|---|---|")
        for f in folds:
            label = f"{f['fold']} ({f['train']} train, {f['test']} test sentences)"
            lines.append(f"| {label} | PER+LOC+ORG | {_prf(f['all'])} |")
            for c in CLASSES:
                lines.append(f"| | {c} | {_prf(f[c])} |")
        mean = sum(f["all"].prf()[2] for f in folds) / len(folds)
        lines.append(f"| mean of the folds | PER+LOC+ORG | | | **{mean:.3f}** |")
        for f in folds:
            label = f"fold {f['fold'][0]}, tagger and rules (`find_mentions`)"
            lines.append(f"| {label} | PER+LOC+ORG | {_prf(f['pipeline'])} |")
        lines.append("")
        lines.append(
            "How often a tagged name is right at each level of the tagger's probability (both folds, news "
            "sentences), and the mean confidence the extractor gives those names (`kg/extract/data/"
            "calibration-de.tsv`, fitted on these very names by `kg.extract.train.calibration`: the two "
            "columns agree by construction, unless the features changed since the fit):"
        )
        lines.append("")
        lines.append("| probability | names | right | measured precision | confidence used |")
        lines.append("|---|---|---|---|---|")
        for b in BANDS:
            right = sum(f["bands"][b][0] for f in folds)
            n = sum(f["bands"][b][1] for f in folds)
            conf = sum(f["bands"][b][2] for f in folds)
            measured, mean = (f"{right / n:.3f}", f"{conf / n:.3f}") if n else ("-", "-")
            lines.append(f"| {b[0]:.1f}–{min(b[1], 1.0):.1f} | {n} | {right} | {measured} | {mean} |")
    lines.append("")
    seed = seed_persons()
    rows += seed_rows(seed)
    lines.append(
        f"## The seed: named persons (target: at least {SEED_PERSONS} of {seed['gold']}, at most "
        f"{SEED_FALSE} false)"
    )
    lines.append("")
    lines.append(
        f"Gold: {seed['gold']} persons (those of the editor's registry that the text names, and the "
        "photographers of its credit lines)."
    )
    lines.append("")
    lines.append("| | found | false persons | missed |")
    lines.append("|---|---|---|---|")
    for mode in ("with the registry", "without the registry"):
        r = seed[mode]
        false = ", ".join(r["false"]) or "none"
        missed = ", ".join(r["missed"]) or "none"
        lines.append(
            f"| {mode} | **{r['found']} of {seed['gold']}** | {len(r['false'])}: {false} | {missed} |"
        )
    lines.append("")
    roles = seed_roles()
    lines.append("## The seed: roles against the editor's")
    lines.append("")
    lines.append(
        f"{roles['gold']} editor roles; the extractor gives {roles['person']} of their persons a role, and "
        f"{roles['exact']} with the same organization or country and the same current/former status "
        f"({roles['distinct_found']} distinct roles found; persons with a role the editor gave none: "
        f"{', '.join(roles['false_persons']) or 'none'})."
    )
    lines.append("")
    lines.append("## Speed of `kg.extract.extract` (German, all stages)")
    lines.append("")
    sp = speed(realdata)
    rows += speed_rows(sp)
    lines.append(
        f"{sp['what']}. Wall-clock rates depend on what else the machine runs (load average "
        f"{sp['load']:.2f} when this ran); the CPU time per article does not."
    )
    lines.append("")
    lines.append("| | articles per second |")  # (the first row is a time)
    lines.append("|---|---|")
    lines.append(f"| CPU time per article | {sp['cpu_ms']:.0f} ms |")
    lines.append(f"| one process | {sp['one']:.1f} |")
    lines.append(f"| two processes (target: {TARGET_RATE:g}) | **{sp['two']:.1f}** |")
    lines.append(f"| two cores, from the CPU time (no other load) | {2000 / sp['cpu_ms']:.1f} |")
    lines.append(f"| peak memory of a process (target: under {TARGET_MB} MB) | {sp['peak_mb']:.0f} MB |")
    lines.append("")
    return "\n".join(lines), rows, absent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--realdata", type=Path, default=DEFAULT_REALDATA)
    ap.add_argument("--skip-germeval", action="store_true", help="no cross-validation (it trains two models)")
    args = ap.parse_args(argv)
    if not args.realdata.exists():
        print(f"real data not found at {args.realdata}: GermEval is not measured", file=sys.stderr)
    text, rows, absent = report(args.realdata, args.skip_germeval)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
        write(args.out, rows, absent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
