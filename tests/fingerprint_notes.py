"""Regenerates tests/data/notes-fingerprints.txt from the source notes beside the project."""

import sys

from originality import fingerprints  # tests/ is on the path when this file is run
from sitebuild import REPO_ROOT

NOTES_DIR = REPO_ROOT.parent / "shared" / "source-notes"
OUTPUT = REPO_ROOT / "tests" / "data" / "notes-fingerprints.txt"


def main() -> int:
    notes = sorted(NOTES_DIR.glob("*.txt"))
    if not notes:
        print(f"No source notes found in {NOTES_DIR}", file=sys.stderr)
        return 1
    prints = fingerprints(path.read_text(encoding="utf-8", errors="replace") for path in notes)
    OUTPUT.write_text("\n".join(sorted(prints)) + "\n", encoding="utf-8")
    print(f"Wrote {len(prints)} fingerprints of {len(notes)} notes to {OUTPUT.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
