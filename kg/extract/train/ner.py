"""Train the German name tagger: a linear-chain CRF (CRFsuite) over :mod:`kg.extract.features`.

Data: GermEval 2014 NER (CC BY 4.0), the development set in ``../shared/realdata/germeval2014/``, never
copied into this repository. The shipped model ``kg/extract/data/ner-de.crfsuite`` is trained on the
whole development set; the benchmark (``python -m bench.extract_mentions``) never scores that model on
GermEval, it trains one model on each half (by sentence position) and scores it on the news sentences of the
other half.

Before training it writes ``kg/extract/data/lemmas-de.tsv``: the forms of simplemma's German dictionary
whose lemma is the lemma of a word of the training set (a lemma no training word has gets no weight, so
the rest of the dictionary, 1.1 million forms that take 2-3 s to load, is not needed when tagging).

``.venv/bin/python -m kg.extract.train.ner [GERMEVAL_TSV] [--out PATH]``
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.extract.features import sentence_features

REALDATA = Path(__file__).resolve().parents[3].parent / "shared" / "realdata"
GERMEVAL_DEV = REALDATA / "germeval2014" / "NER-de-dev.tsv"
GERMEVAL_NEWS = REALDATA / "germeval2014" / "NER-de-dev.news-only.tsv"
DATA = Path(__file__).resolve().parent.parent / "data"
MODEL = DATA / "ner-de.crfsuite"
LEMMAS = DATA / "lemmas-de.tsv"
SCORED = ("PER", "LOC", "ORG")
PARAMS = {"c1": 0.01, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass(frozen=True)
class Sentence:
    source: str
    """The ``#`` line that starts the sentence (its URL and date)."""
    words: tuple[str, ...]
    labels: tuple[str, ...]
    """Outer BIO labels as GermEval gives them (``B-PER``, ``I-LOCderiv``, ``O``)."""

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return (self.source, self.words)


def read_germeval(path: Path) -> list[Sentence]:
    out: list[Sentence] = []
    source, words, labels = "", [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            source = line
            continue
        if not line.strip():
            if words:
                out.append(Sentence(source, tuple(words), tuple(labels)))
            words, labels = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        labels.append(cols[2])
    if words:
        out.append(Sentence(source, tuple(words), tuple(labels)))
    return out


def halves(sentences: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """The first and the second half of the set, by sentence position."""
    mid = len(sentences) // 2
    return list(sentences[:mid]), list(sentences[mid:])


def train(sentences: Iterable[Sentence], out: Path, params: dict | None = None) -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features(list(s.words)), list(s.labels))
    trainer.set_params(params or PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def spans(labels: Sequence[str], types: Sequence[str] = SCORED) -> set[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of the outer level, for the types scored."""
    out: set[tuple[int, int, str]] = set()
    start, kind = None, None
    for i, lab in enumerate([*labels, "O"]):
        if lab.startswith("I-") and kind == lab[2:]:
            continue
        if kind is not None and kind in types:
            out.add((start, i, kind))
        start, kind = (i, lab[2:]) if lab != "O" else (None, None)
    return out


def _cased(word: str) -> str:
    return word.lower() if word[:1].isupper() else word.capitalize()


def lemma_table(words: Iterable[str]) -> dict[str, str]:
    """The forms of simplemma's German dictionary that :func:`kg.extract.lexicon.lemma_de` needs to give
    ``words`` (and every other form of their lemmas) the dictionary's lemma: a form whose lemma is the form
    itself only where its other capitalisation has another lemma, and a form whose lemma is none of these
    only where its other capitalisation has one (so that it does not take that one)."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    forms = {k.decode("utf-8"): v.decode("utf-8") for k, v in _load_dictionary_from_disk("de").items()}

    def lemma(word: str) -> str:
        return forms.get(word) or forms.get(_cased(word)) or word

    wanted = {lemma(w) for w in words}
    out: dict[str, str] = {}
    for form, lem in forms.items():
        other = forms.get(_cased(form))
        if lem in wanted:
            if form != lem or (other is not None and other != lem):
                out[form] = lem
        elif other in wanted:
            out[form] = lem
    return out


def write_lemmas(sentences: Iterable[Sentence], out: Path = LEMMAS) -> Path:
    from kg.extract import features, lexicon

    table = lemma_table({w for s in sentences for w in s.words})
    out.write_text("".join(f"{f}\t{lem}\n" for f, lem in sorted(table.items())), encoding="utf-8")
    lexicon.lemmas_de.cache_clear()
    features.word_features.cache_clear()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=GERMEVAL_DEV)
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data}: not found (GermEval 2014 NER, see ../shared/realdata/README.md)")
    sentences = read_germeval(args.data)
    path = write_lemmas(sentences)
    print(f"{path}: {len(path.read_text(encoding='utf-8').splitlines())} forms")
    t = time.perf_counter()
    train(sentences, args.out)
    print(f"{args.out}: {len(sentences)} sentences, {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()
