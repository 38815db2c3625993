"""Regenerates tests/data/notes-fingerprints.txt from the source notes beside the project."""

import sys

from originality import FINGERPRINTS as OUTPUT  # tests/ is on the path
from originality import NOTES_DIR, fingerprints


def main() -> int:
    notes = sorted(NOTES_DIR.glob("*.txt")) if NOTES_DIR else []
    if not notes:
        print(f"No source notes found in {NOTES_DIR}", file=sys.stderr)
        return 1
    prints = fingerprints(path.read_text(encoding="utf-8", errors="replace") for path in notes)
    OUTPUT.write_text("\n".join(sorted(prints)) + "\n", encoding="utf-8")
    print(f"Wrote {len(prints)} fingerprints of {len(notes)} notes to tests/data/{OUTPUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
