"""The names the English rules of the recogniser find on real text, by type.

    .venv/bin/python -m bench.english_names [--realdata DIR] [--out FILE] [--names JSON] [--before JSON]

There is no English gold for names (PolNeAR marks attributions, not names), so this lists rather than
scores: ``kg.extract.mentions.find_mentions`` without the registry (the rules alone) on PolNeAR dev's 84
English articles (``polnear/dev/text`` of ``../shared/realdata``, never copied into the repo), and the
distinct names it types Person, Organization and Place (as written, spaces collapsed). ``--names`` saves
them as JSON; ``--before`` takes such a file from earlier code and lists every name that was a person then
and is not now (with what it is now), and every new person, to read through for real persons lost.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from kg.extract.doc import Doc, analyse
from kg.extract.mentions import find_mentions
from kg.extract.types import ENTITY_TYPES, Mention

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REALDATA = ROOT.parent / "shared" / "realdata"

Names = dict[str, list[str]]
"""Entity type -> its distinct names, sorted."""


def distinct_names(texts: Iterable[str], find: Callable[[Doc], Sequence[Mention]] = find_mentions) -> Names:
    """The distinct names ``find`` types Person, Organization and Place in English ``texts``."""
    names: dict[str, set[str]] = {t: set() for t in ENTITY_TYPES}
    for text in texts:
        for m in find(analyse(text, "en")):
            names.setdefault(m.type, set()).add(" ".join(m.text.split()))
    return {t: sorted(v) for t, v in names.items()}


def changes(before: Names, after: Names) -> tuple[list[tuple[str, str]], list[str]]:
    """Names that were persons and are not (with their types now, or "dropped"), and the new persons."""
    now = {name: t for t, names in after.items() for name in names if t != "Person"}
    persons = set(after.get("Person", []))
    gone = [(name, now.get(name, "dropped")) for name in before.get("Person", []) if name not in persons]
    return gone, sorted(persons - set(before.get("Person", [])))


def report(names: Names, before: Names | None, folder: Path, label: str = "") -> str:
    lines = [
        "# English names by rule (bench.english_names)",
        "",
        f"`find_mentions` without the registry on PolNeAR dev ({len(_texts(folder))} articles); distinct "
        "names as written. No gold: read the lists."
        + (f" Before: the names in {label}, from earlier code." if before else ""),
        "",
        "| type | distinct names |" + (" before |" if before else ""),
        "|---|---|" + ("---|" if before else ""),
    ]
    for t in sorted(names):
        row = f"| {t} | {len(names[t])} |"
        lines.append(row + (f" {len(before.get(t, []))} |" if before else ""))
    if before:
        gone, new = changes(before, names)
        lines += ["", f"## Persons before, not now ({len(gone)}): what they are now", ""]
        lines += [f"- {name}: {kind}" for name, kind in gone]
        lines += ["", f"## New persons ({len(new)})", "", ", ".join(new)]
    lines += ["", f"## Persons ({len(names.get('Person', []))})", "", ", ".join(names.get("Person", [])), ""]
    return "\n".join(lines)


def _texts(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--realdata", default=os.environ.get("NEWSKG_REALDATA", str(DEFAULT_REALDATA)))
    ap.add_argument("--out", help="write the markdown report to this file too")
    ap.add_argument("--names", help="save the distinct names by type to this JSON file")
    ap.add_argument("--before", help="a --names file from earlier code: list what changed")
    args = ap.parse_args(list(argv) if argv is not None else None)
    folder = Path(args.realdata) / "polnear" / "dev" / "text"
    if not _texts(folder):
        print(f"english_names: {folder} is absent: NOT measured", file=sys.stderr)
        return 2
    names = distinct_names(p.read_text(encoding="utf-8") for p in _texts(folder))
    before = json.loads(Path(args.before).read_text(encoding="utf-8")) if args.before else None
    text = report(names, before, folder, Path(args.before).name if args.before else "")
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    if args.names:
        Path(args.names).write_text(json.dumps(names, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
