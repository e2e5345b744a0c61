"""Train the model that tells quoted speech from titles and scare quotes (kg/extract/quote_model.json).

    .venv/bin/python -m bench.train_quotes [--realdata DIR]

Data: SpkAtt-2023 task 2 training documents (German Wikinews, ``../shared/realdata/spkatt2023-task2/train``),
the tuning half only (documents at even positions in sorted order; the odd half stays held out for
``bench.extract_speech``). Every pair of quotation marks found by :func:`kg.extract.quotations.pair_quotes`
is one example: speech when at least half of its tokens lie inside a gold message of form Direct, not
speech otherwise. Features: :func:`kg.extract.quotations.quote_features`. Model: L2-regularised logistic
regression fitted by gradient descent (numpy); the weights, the data they came from and the training
accuracy are written to the JSON file, which is small and shipped with the package.
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


def examples(folder: Path, half: int = 0) -> tuple[list[dict[str, float]], list[int]]:
    files = sorted(glob.glob(str(folder / "*.json")))[half::2]
    xs, ys = [], []
    for path in files:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        doc, index = spkatt_doc(data)
        direct = set()
        for a in data["Annotations"]:
            if a["Form"] == "Direct":
                direct |= {index[x] for x in a["Message"] if x in index}
        st = Q._state(doc, [])
        pairs = Q.pair_quotes(st.text)
        st.quoted = [(a + 1, b) for a, b in pairs]
        for a, b in pairs:
            toks = {t.i for t in doc.tokens_in(a + 1, b)}
            if not toks:
                continue
            xs.append(Q.quote_features(st, a, b))
            ys.append(int(len(toks & direct) >= 0.5 * len(toks)))
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--realdata", default=str(DEFAULT_REALDATA))
    args = ap.parse_args()
    folder = Path(args.realdata) / "spkatt2023-task2" / "train"
    if not folder.is_dir():
        print(f"train_quotes: {folder} is absent; the model was not trained")
        return 1
    xs, ys = examples(folder, 0)
    weights, acc = fit(xs, ys)
    hx, hy = examples(folder, 1)
    names = [k for k in weights if k != "bias"]
    X = np.array([[x.get(n, 0.0) for n in names] for x in hx])
    p = 1 / (1 + np.exp(-(X @ np.array([weights[n] for n in names]) + weights["bias"])))
    held = float(((p >= 0.5) == (np.array(hy) == 1)).mean())
    OUT.write_text(
        json.dumps(
            {
                "trained_on": "SpkAtt-2023 task 2 train, documents at even positions (tuning half)",
                "data_licence": "CC BY-NC-SA 4.0 (SpkAtt-2023 task 2); only these weights are shipped",
                "script": "bench/train_quotes.py",
                "examples": len(ys),
                "speech_share": round(sum(ys) / len(ys), 3),
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
    print(f"{len(ys)} examples ({sum(ys)} speech); accuracy {acc:.3f} tuning half, {held:.3f} held-out half")
    print(json.dumps(weights, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
