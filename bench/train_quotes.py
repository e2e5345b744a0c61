"""Train the model that tells quoted speech from titles and scare quotes (kg/extract/quotations/
``quote_model.json``).

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

Choosing features:

    .venv/bin/python -m bench.train_quotes --cv [--without NEW1,NEW2]

The model's share of right decisions is not the criterion (a feature can raise it and still cost the bench's
figures), nor is the bench on the tuning half (the model's own training data), nor the held-out half (which
must stay an independent check). :func:`cv_bench` gives cross-validated bench figures within the tuning
half: 5 folds of whole documents (:func:`doc_folds`); per fold a model trained on the other four as this
script trains (its L2 chosen by the same cross-validation, within those four) decides for
``find_quotations`` on the fold's documents, scored by ``bench.extract_speech``'s scorer; the figures
(:data:`FIGURES`) pooled over the folds, and by fold. A candidate feature is computed in
:func:`kg.extract.quotations.quote_features` and compared by ``--cv --without`` it: it is kept only when the
cross-validated direct message F1 with it is higher and the direct speaker and all-forms figures do not fall
by more than noise, the standard error over the folds of the per-fold difference. Then the model is
retrained (without ``--cv``) and the held-out half is looked at once.

So tried (2026-12-07, commit fe4f932, which computes them): a word in lower case that is no verb of saying
right after the closing mark, a preposition right before the opening mark, the share of words in capitals,
the sentence ending right after the closing mark. They raised the cross-validated share of right decisions
(0.921 -> 0.928 of 737) but lowered the cross-validated direct message F1, together (0.932 -> 0.928, per
fold -0.005 +- 0.007) and each alone (-0.003 to -0.014); direct speaker 0.844 -> 0.843, all forms message
0.706 -> 0.709, speaker+message 0.662 -> 0.663. Not adopted.

Tried again (2026-12-07, branch s20-detect, with the rules of that branch), each added alone to the features
then shipped: a determiner before a capitalised passage without a sentence's end (``name_like``) raised the
cross-validated direct message F1 0.935 -> 0.937 (per fold +0.003 +- 0.003), direct speaker 0.870 -> 0.872,
all forms 0.707 -> 0.708 / 0.669 -> 0.671: adopted. Not adopted: the passage after a verb of saying and a
comma (in a reported clause; direct message -0.000, direct speaker -0.005), an adjective right before the
opening mark (+0.002 alone, +0.000 with ``name_like``), brackets around the passage and no word of it in the
German dictionary (both +0.000). Later, with more rules: words in lower case in a sentence with no verb of
saying, Konjunktiv or colon (a scare-quoted fragment) raised the cross-validated direct message F1 0.937 ->
0.941 (+0.004 +- 0.002) but, retrained, lowered the tuning half's own figures (direct message 0.9457 ->
0.9452, direct speaker 0.8748 -> 0.8715): not adopted.
"""

from __future__ import annotations

import argparse
import glob
import json
from pathlib import Path

import numpy as np

from bench.extract_speech import DEFAULT_REALDATA, spkatt_doc
from kg.extract.quotations import marks, speech, state

OUT = speech._MODEL_PATH


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
        st = state._state(doc, [])
        pairs = marks.pair_quotes(st.text)
        state._set_quoted(st, [(a + 1, b) for a, b in pairs])
        for (a, b), rule in zip(pairs, speech.speech_rules(st, pairs), strict=True):
            toks = {t.i for t in doc.tokens_in(a + 1, b)}
            if not toks:
                continue
            xs.append(speech.quote_features(st, a, b))
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
    said = np.array([speech.speech_probability(x, weights) >= speech.THRESHOLD for x in xs])
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


def doc_folds(docs: list[int], k: int = 5) -> list[tuple[list[int], list[int]]]:
    """(training, test) example indices of ``k`` folds by document: the examples of document ``d`` (its
    position in the half) are tested in fold ``d % k`` and trained on in the others, never both."""
    return [
        ([i for i, d in enumerate(docs) if d % k != fold], [i for i, d in enumerate(docs) if d % k == fold])
        for fold in range(k)
    ]


def cross_validate(
    xs: list[dict[str, float]], ys: list[int], docs: list[int], rules: list[int], l2: float, k: int = 5
) -> float:
    """The share of decisions (the rules, then the model) right over ``k`` folds of whole documents (a
    document's quotations are never split)."""
    right = 0
    for train, test in doc_folds(docs, k):
        weights, _ = fit([xs[i] for i in train], [ys[i] for i in train], l2=l2)
        got = accuracy(weights, [xs[i] for i in test], [ys[i] for i in test], [rules[i] for i in test])
        right += round(got * len(test))
    return right / len(ys)


def train(
    xs: list[dict[str, float]], ys: list[int], docs: list[int], rules: list[int]
) -> tuple[dict[str, float], float, dict[float, float]]:
    """The weights as :func:`main` makes them: L2 by :func:`choose_l2` over 5-fold cross-validation of these
    examples' documents, then a fit on all of them. Also the L2 and the cross-validated shares by L2."""
    cv = {l2: cross_validate(xs, ys, docs, rules, l2) for l2 in L2S}
    l2 = choose_l2(cv, len(ys))
    weights, _ = fit(xs, ys, l2=l2)
    return weights, l2, cv


FIGURES = (
    ("direct", "message"),
    ("direct", "speaker"),
    ("all forms", "message"),
    ("all forms", "speaker+message"),
)
"""The bench figures (macro F1) by which a feature set is chosen."""


def cv_bench(folder: Path, sets: dict[str, frozenset[str]], k: int = 5) -> dict[str, list[dict]]:
    """Cross-validated bench figures of feature sets on the tuning half: for each of ``k`` folds of whole
    documents (:func:`doc_folds`), a model trained on the other folds as :func:`train` trains (its L2 chosen
    by cross-validation within them) decides for :func:`kg.extract.quotations.find_quotations` on the fold's
    documents, scored by ``bench.extract_speech``'s scorer. ``sets`` maps a name to the features left out of
    :func:`kg.extract.quotations.quote_features`'s. Per set, per fold: {"l2", "all forms", "direct"}, the
    last two the scorer's roles (:class:`bench.extract_speech.Role`), to pool with ``add``."""
    from bench import extract_speech as B

    docs: list[int] = []
    rules: list[int] = []
    xs, ys = examples(folder, 0, docs, rules)
    files = sorted(glob.glob(str(folder / "*.json")))[0::2]
    folds = doc_folds(docs, k)
    mentions: dict[int, list] = {}
    out: dict[str, list[dict]] = {}
    for name, without in sets.items():
        xs_set = [{f: v for f, v in x.items() if f not in without} for x in xs]
        out[name] = []
        for fold, (tr, _) in enumerate(folds):
            # the training documents numbered afresh, so that the inner cross-validation has k folds too
            rank = {d: r for r, d in enumerate(sorted({docs[i] for i in tr}))}
            weights, l2, _ = train(
                [xs_set[i] for i in tr],
                [ys[i] for i in tr],
                [rank[docs[i]] for i in tr],
                [rules[i] for i in tr],
            )
            got = {"l2": l2, "all forms": B._zero(), "direct": B._zero()}
            with speech.model_weights(weights):
                for n in range(fold, len(files), k):
                    data = json.loads(Path(files[n]).read_text(encoding="utf-8"))
                    doc, index = spkatt_doc(data)
                    if n not in mentions:
                        mentions[n] = B._mentions_for(doc)
                    gs = B.groups(B.spkatt_gold(data, index), B._predicted(doc, mentions[n]))
                    for part, sc in (
                        ("all forms", B.score_groups(gs)),
                        ("direct", B.score_groups([x for x in gs if B._direct(*x)])),
                    ):
                        for role, c in sc.items():
                            got[part][role].add(c)
            out[name].append(got)
    return out


def cv_summary(res: dict[str, list[dict]]) -> list[str]:
    """Lines of :func:`cv_bench`'s figures: per set and figure, the pooled F1 over the tuning half, the mean
    and standard error over folds; per set after the first, the per-fold difference from the first (mean and
    standard error, the noise a choice must beat)."""
    from bench import extract_speech as B

    def stats(v: list[float]) -> tuple[float, float]:
        m = sum(v) / len(v)
        return m, (sum((x - m) ** 2 for x in v) / (len(v) - 1) / len(v)) ** 0.5 if len(v) > 1 else 0.0

    def f1(roles: dict, form: str, role: str) -> float:
        return roles[form][role].prf()[2]

    lines = []
    first = next(iter(res))
    for name, folds in res.items():
        pooled = {"all forms": B._zero(), "direct": B._zero()}
        for got in folds:
            for form in pooled:
                for role, c in got[form].items():
                    pooled[form][role].add(c)
        lines.append(f"{name} (L2 by fold: {', '.join(str(g['l2']) for g in folds)})")
        for form, role in FIGURES:
            m, se = stats([f1(g, form, role) for g in folds])
            line = f"  {form} {role}: pooled {f1(pooled, form, role):.3f}, folds {m:.3f} ± {se:.3f}"
            if name != first:
                d, dse = stats(
                    [f1(g, form, role) - f1(h, form, role) for g, h in zip(folds, res[first], strict=True)]
                )
                line += f"; minus {first}: {d:+.3f} ± {dse:.3f}"
            lines.append(line)
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--realdata", default=str(DEFAULT_REALDATA))
    ap.add_argument(
        "--cv",
        action="store_true",
        help="print the cross-validated bench figures of the features (the model is not trained)",
    )
    ap.add_argument(
        "--without",
        default="",
        help="with --cv, also of the features without these (comma-separated), and the difference",
    )
    args = ap.parse_args()
    folder = Path(args.realdata) / "spkatt2023-task2" / "train"
    if not folder.is_dir():
        print(f"train_quotes: {folder} is absent; the model was not trained")
        return 1
    if args.cv:
        without = frozenset(f for f in args.without.split(",") if f)
        sets = {"without " + ",".join(sorted(without)): without} if without else {}
        sets["all features"] = frozenset()
        print("\n".join(cv_summary(cv_bench(folder, sets))))
        return 0
    docs: list[int] = []
    rules: list[int] = []
    xs, ys = examples(folder, 0, docs, rules)
    weights, l2, cv = train(xs, ys, docs, rules)
    _, acc = fit(xs, ys, l2=l2)
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
