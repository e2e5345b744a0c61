"""Fit the confidence of the German name tagger's names: how often a name tagged at a given probability is
right, on names of news text no model saw in training.

``.venv/bin/python -m kg.extract.train.calibration [--out PATH]``

The development set of GermEval 2014 (``../shared/realdata/germeval2014/``) is cut in two halves by sentence
position, as ``bench.extract_mentions`` cuts it; a CRF trained on each half tags the other, and every name
it tags in a news sentence (``NER-de-dev.news-only.tsv``) is a point: the tagger's mean marginal
probability over the name's tokens (:func:`kg.extract.mentions.span_probability`), and whether GermEval has
that very span and type. Isotonic regression (pool adjacent violators) over the points of both folds gives
the share of right names as a step function of the probability that never falls as the probability grows;
each step's confidence is ``(right + 1) / (names + 2)``, so that no step says 0 or 1 from a handful of
names. The steps are written to ``kg/extract/data/calibration-de.tsv``, which
:func:`kg.extract.mentions.calibrated` reads. The same inputs give the same file.

News only, because the extractor reads news: at the same probability the tagger's names in GermEval's
Wikipedia sentences are right less often. Fitted on one fold's names and checked on the other's news names,
a fit on the news names is off by at most 0.05 in the benchmark's four bands, a fit on all names
(Wikipedia too) by up to 0.10, always too low. The shipped tagger is trained on the whole set, twice what a
fold model sees, so its probabilities may be a little better than these.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.extract.train.ner import (
    DATA,
    GERMEVAL_DEV,
    GERMEVAL_NEWS,
    Sentence,
    halves,
    read_germeval,
    spans,
    train,
)

TABLE = DATA / "calibration-de.tsv"
Point = tuple[float, bool]
"""A tagged name: the tagger's probability for it, and whether it is right."""
HEADER = (
    "# The German name tagger's probability for a name (the mean marginal over its tokens) -> how often\n"
    "# such a name is right: isotonic steps over the names two-fold cross-validation on the GermEval 2014\n"
    "# development set tagged in its news sentences (kg/extract/train/calibration.py; never edit by hand).\n"
    "# from\tto\tconfidence\tnames\tright\n"
)


@dataclass(frozen=True)
class Step:
    low: float
    """The lowest probability of the step's names (the step holds from here)."""
    high: float
    names: int
    right: int

    @property
    def confidence(self) -> float:
        return round((self.right + 1) / (self.names + 2), 3)

    def __add__(self, later: Step) -> Step:
        return Step(self.low, later.high, self.names + later.names, self.right + later.right)


def fold_points(sentences: Sequence[Sentence], news: Collection[tuple[str, tuple[str, ...]]]) -> list[Point]:
    """``(probability, right)`` of every name a model trained on one half tags in the news sentences (their
    :attr:`~kg.extract.train.ner.Sentence.key` in ``news``) of the other half, both folds."""
    import pycrfsuite

    from kg.extract.features import sentence_features
    from kg.extract.mentions import span_probability

    parts = halves(sentences)
    points: list[Point] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in (0, 1):
            tagger = pycrfsuite.Tagger()
            tagger.open(str(train(parts[k], Path(tmp) / f"fold{k}.crfsuite")))
            for s in parts[1 - k]:
                if s.key not in news:
                    continue
                labels = tagger.tag(sentence_features(list(s.words)))
                gold = spans(s.labels)
                for start, end, kind in sorted(spans(labels)):
                    points.append((span_probability(tagger, labels, start, end), (start, end, kind) in gold))
            tagger.close()
    return points


def isotonic(points: Iterable[Point]) -> list[Step]:
    """Pool adjacent violators: steps of increasing probability whose shares of right names rise (names of
    the same probability always in one step), pooled again where the confidences would not rise."""
    ties: list[Step] = []
    for p, ok in sorted(points):
        point = Step(p, p, 1, int(ok))
        ties.append(ties.pop() + point if ties and ties[-1].high == p else point)
    return _pooled(_pooled(ties, lambda s: s.right / s.names), lambda s: s.confidence)


def _pooled(steps: Iterable[Step], share: Callable[[Step], float]) -> list[Step]:
    out: list[Step] = []
    for step in steps:
        while out and share(out[-1]) >= share(step):
            step = out.pop() + step
        out.append(step)
    return out


def write(steps: Sequence[Step], out: Path = TABLE) -> Path:
    rows = "".join(f"{s.low:.4f}\t{s.high:.4f}\t{s.confidence:.3f}\t{s.names}\t{s.right}\n" for s in steps)
    out.write_text(HEADER + rows, encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=TABLE)
    args = ap.parse_args()
    if not GERMEVAL_DEV.exists() or not GERMEVAL_NEWS.exists():
        raise SystemExit(
            f"{GERMEVAL_DEV.parent}: not found (GermEval 2014 NER, see ../shared/realdata/README.md)"
        )
    points = fold_points(read_germeval(GERMEVAL_DEV), {s.key for s in read_germeval(GERMEVAL_NEWS)})
    steps = isotonic(points)
    path = write(steps, args.out)
    print(f"{path}: {len(steps)} steps from {len(points)} names")
    for s in steps:
        print(f"  {s.low:.3f}-{s.high:.3f}: {s.right}/{s.names} right -> {s.confidence:.3f}")


if __name__ == "__main__":
    main()
