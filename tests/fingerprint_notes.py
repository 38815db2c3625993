"""Regenerates tests/data/notes-fingerprints.txt from the source notes beside the project."""

import sys
from pathlib import Path

# tests/ is on the path as this script's folder; scripts/ holds studyguide.paths, which originality uses.
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "scripts"))

from originality import FINGERPRINTS as OUTPUT
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
