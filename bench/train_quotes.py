"""Train the model that tells quoted speech from titles and scare quotes (kg/extract/quote_model.json).

    .venv/bin/python -m bench.train_quotes [--realdata DIR]

Data: SpkAtt-2023 task 2 training documents (German Wikinews, ``../shared/realdata/spkatt2023-task2/train``),
the tuning half only (documents at even positions in sorted order; the odd half stays held out for
``bench.extract_speech``). Every pair of quotation marks found by :func:`kg.extract.quotations.pair_quotes`
is one example: speech when at least half of its tokens lie inside a gold message of form Direct, not
speech otherwise. Features: :func:`kg.extract.quotations.quote_features`. Model: L2-regularised logistic
regression fitted by gradient descent (numpy); its L2 strength stays 0.01 unless 5-fold cross-validation over
whole documents of the tuning half finds another clearly better (:func:`choose_l2`), the decisions scored as
``find_quotations`` makes them (:func:`kg.extract.quotations.speech_rules` first, then the model). The
weights, the data they came from, the cross-validated and the training accuracy are written to the JSON
file, which is small and shipped with the package.
"""

from __future__ import annotations

import argparse
import glob
import json
from pathlib import Path

import numpy as np

from bench.extract_speech import DEFAULT_REALDATA, spkatt_doc
from kg.extract import quotations as Q

OUT = Path(Q.__file__).with_name("quote_model.json")


def examples(
    folder: Path, half: int = 0, docs: list[int] | None = None, rules: list[int] | None = None
) -> tuple[list[dict[str, float]], list[int]]:
    """The examples of one half; ``docs`` and ``rules``, when given, get the index of each example's document
    and what :func:`kg.extract.quotations.speech_rules` says of it."""
    files = sorted(glob.glob(str(folder / "*.json")))[half::2]
    xs, ys = [], []
    for n, path in enumerate(files):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        doc, index = spkatt_doc(data)
        direct = set()
        for a in data["Annotations"]:
            if a["Form"] == "Direct":
                direct |= {index[x] for x in a["Message"] if x in index}
        st = Q._state(doc, [])
        pairs = Q.pair_quotes(st.text)
        Q._set_quoted(st, [(a + 1, b) for a, b in pairs])
        for (a, b), rule in zip(pairs, Q.speech_rules(st, pairs), strict=True):
            toks = {t.i for t in doc.tokens_in(a + 1, b)}
            if not toks:
                continue
            xs.append(Q.quote_features(st, a, b))
            ys.append(int(len(toks & direct) >= 0.5 * len(toks)))
            if docs is not None:
                docs.append(n)
            if rules is not None:
                rules.append(rule)
    return xs, ys


def fit(xs: list[dict[str, float]], ys: list[int], l2: float = 0.01, steps: int = 3000, lr: float = 0.5):
    names = sorted({k for x in xs for k in x})
    X = np.array([[x.get(n, 0.0) for n in names] for x in xs])
    y = np.array(ys, dtype=float)
    w = np.zeros(len(names))
    b = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    p = 1 / (1 + np.exp(-(X @ w + b)))
    acc = float(((p >= 0.5) == (y == 1)).mean())
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True)} | {"bias": round(float(b), 4)}, acc


def accuracy(
    weights: dict[str, float], xs: list[dict[str, float]], ys: list[int], rules: list[int] | None = None
) -> float:
    """The share of examples the model decides right; with ``rules``, of those decided right as
    :func:`kg.extract.quotations.find_quotations` decides them (the rules first, then the model)."""
    said = np.array([Q.speech_probability(x, weights) >= Q.THRESHOLD for x in xs])
    if rules is not None:
        r = np.array(rules)
        said = np.where(r > 0, True, np.where(r < 0, False, said))
    return float((said == (np.array(ys) == 1)).mean())


L2S = (0.003, 0.01, 0.03, 0.1)
"""The regularisation strengths tried in cross-validation."""
L2 = 0.01
"""The strength kept unless another's decisions are right more often in cross-validation by more than one
standard error (on the tuning half 0.003, 0.01, 0.03, 0.1 give 0.921, 0.920, 0.915, 0.916 of 737: a tie;
0.003 and 0.1 scored worse on the tuning half's SpkAtt figures, direct message 0.939 and 0.937 against
0.946)."""


def choose_l2(cv: dict[float, float], n: int) -> float:
    best = max(cv, key=lambda v: cv[v])
    se = (cv[L2] * (1 - cv[L2]) / n) ** 0.5
    return best if cv[best] - cv[L2] > se else L2


def cross_validate(
    xs: list[dict[str, float]], ys: list[int], docs: list[int], rules: list[int], l2: float, k: int = 5
) -> float:
    """The share of decisions (the rules, then the model) right over ``k`` folds of whole documents (a
    document's quotations are never split)."""
    right = 0
    for fold in range(k):
        test = [i for i, d in enumerate(docs) if d % k == fold]
        train = [i for i, d in enumerate(docs) if d % k != fold]
        weights, _ = fit([xs[i] for i in train], [ys[i] for i in train], l2=l2)
        got = accuracy(weights, [xs[i] for i in test], [ys[i] for i in test], [rules[i] for i in test])
        right += round(got * len(test))
    return right / len(ys)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--realdata", default=str(DEFAULT_REALDATA))
    args = ap.parse_args()
    folder = Path(args.realdata) / "spkatt2023-task2" / "train"
    if not folder.is_dir():
        print(f"train_quotes: {folder} is absent; the model was not trained")
        return 1
    docs: list[int] = []
    rules: list[int] = []
    xs, ys = examples(folder, 0, docs, rules)
    cv = {l2: cross_validate(xs, ys, docs, rules, l2) for l2 in L2S}
    l2 = choose_l2(cv, len(ys))
    weights, acc = fit(xs, ys, l2=l2)
    hx, hy = examples(folder, 1)
    held = accuracy(weights, hx, hy)
    OUT.write_text(
        json.dumps(
            {
                "trained_on": "SpkAtt-2023 task 2 train, documents at even positions (tuning half)",
                "data_licence": "CC BY-NC-SA 4.0 (SpkAtt-2023 task 2); only these weights are shipped",
                "script": "bench/train_quotes.py",
                "examples": len(ys),
                "speech_share": round(sum(ys) / len(ys), 3),
                "l2": l2,
                "cross_validated_decisions": round(cv[l2], 3),
                "train_accuracy": round(acc, 3),
                "held_out_accuracy": round(held, 3),
                "weights": weights,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        "decisions right (the rules, then the model) in 5-fold cross-validation on the tuning half, by L2: "
        + ", ".join(f"{v} {a:.3f}" for v, a in cv.items())
    )
    print(
        f"{len(ys)} examples ({sum(ys)} speech); L2 {l2}; "
        f"accuracy {acc:.3f} tuning half, {held:.3f} held-out half"
    )
    print(json.dumps(weights, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
