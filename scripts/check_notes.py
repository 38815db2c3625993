"""Check a file of revision notes from the command line (`make check-notes FILE=notes.txt`), with the page's rules.

The matching is docs/assets/javascripts/checker.js, run under Node: the same code the browser runs on the
"Check your notes" page, fed the same rules, so a teacher and a student see the same flags.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from studyguide.checker.node import NodeMissingError, check_texts
from studyguide.checker.rules import build_rules
from studyguide.data.load import load_guide_data
from studyguide.data.problems import DataError

LABELS = {"misconception": "Known mistake", "date": "Date to check", "spelling": "Spelling"}


def report(results: list[dict], name: str) -> str:
    """The results as plain text: each sentence with something to say, its flags and where to read more."""
    flags = sum(len(result["flags"]) for result in results)
    lines = [f"{name}: {flags} flag{'s' if flags != 1 else ''} in {len(results)} recognised sentence(s)."]
    for result in results:
        lines.append("")
        lines.append(f"  \u201c{result['text']}\u201d")
        for flag in result["flags"]:
            lines.append(f"    [{flag['kind']}: {flag['ref']}] {LABELS[flag['kind']]}: {flag['message']}")
        for section in result["readMore"]:
            lines.append(f"    Read more: {section['title']} (docs/{section['page']}#{section['anchor']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check each file named; exit 2 if a file or the data cannot be read (and, with --strict, 1 on any flag)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="plain-text notes (UTF-8)")
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 if anything is flagged")
    args = parser.parse_args(argv)
    try:
        texts = [path.read_text(encoding="utf-8") for path in args.files]
    except (OSError, UnicodeDecodeError) as error:
        print(f"Cannot read the notes: {error}. Fix: give a plain-text UTF-8 file, e.g. FILE=notes.txt",
              file=sys.stderr)
        return 2
    try:
        rules = build_rules(load_guide_data())
        results = check_texts(rules, texts)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 2
    except NodeMissingError as error:
        print(error, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(report(result, str(path)) for path, result in zip(args.files, results, strict=True)))
    flagged = any(result["flags"] for file in results for result in file)
    return 1 if args.strict and flagged else 0


if __name__ == "__main__":
    sys.exit(main())
