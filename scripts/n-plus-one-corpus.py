#!/usr/bin/env python3
"""Precision and recall of `n-plus-one` on its labelled corpus.

The corpus: every case under tests/fixtures/n-plus-one/ (expected sites are the
`//~ n-plus-one` markers; `pass*` cases expect none) and every
tests/projects/nplus1_*/ project (expected sites in expected.txt). Runs the
release binary on each with `--format json` and counts, per site (file:line):
found and expected (true positive), found only (false positive), expected only
(false negative).

    cargo build --release && python3 scripts/n-plus-one-corpus.py
"""
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "ormlint"
MARKER = re.compile(r"//~(\^*)\s+n-plus-one\b")


def found(directory):
    config = directory / "ormlint.toml"
    options = ["--config", str(config)] if config.exists() else ["--isolated"]
    out = subprocess.run(
        [str(BINARY), "check", str(directory), "--format", "json", *options],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    report = json.loads(out.stdout)
    return {
        (pathlib.Path(d["file"]).resolve(), d["start"]["line"])
        for d in report["diagnostics"] if d["rule"] == "n-plus-one"
    }


def markers(directory):
    expected = set()
    for path in sorted(directory.rglob("*.rs")):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            for m in MARKER.finditer(line):
                expected.add((path.resolve(), number - len(m.group(1))))
    return expected


def listed(directory):
    expected = set()
    for line in (directory / "expected.txt").read_text().splitlines():
        if line.strip().endswith(" n-plus-one"):
            location = line.split()[0]
            path, number = location.rsplit(":", 1)
            expected.add(((directory / path).resolve(), int(number)))
    return expected


def main():
    corpora = []
    for case in sorted((ROOT / "tests" / "fixtures" / "n-plus-one").iterdir()):
        corpora.append((f"fixtures/{case.name}", case, markers(case)))
    for project in sorted((ROOT / "tests" / "projects").glob("nplus1_*")):
        corpora.append((f"projects/{project.name}", project, listed(project)))
    tp = fp = fn = 0
    for name, directory, expected in corpora:
        actual = found(directory)
        hits, extra, missed = actual & expected, actual - expected, expected - actual
        tp, fp, fn = tp + len(hits), fp + len(extra), fn + len(missed)
        status = "ok" if not extra and not missed else f"{len(extra)} extra, {len(missed)} missed"
        print(f"{name:55} expected {len(expected):3}  found {len(actual):3}  {status}")
        for path, line in sorted(extra):
            print(f"    extra:  {path.relative_to(ROOT)}:{line}")
        for path, line in sorted(missed):
            print(f"    missed: {path.relative_to(ROOT)}:{line}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\n{len(corpora)} corpora, {tp + fn} labelled N+1 sites: "
          f"{tp} found, {fp} false positives, {fn} missed")
    print(f"precision {precision:.1%}  recall {recall:.1%}")
    return 0 if fp == 0 and fn == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
