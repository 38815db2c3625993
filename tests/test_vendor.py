"""The vendored ts-fsrs is the pinned npm package byte for byte, with its licence."""

import json

from vendor_fsrs import FILES, LOCK, PACKAGE, VENDOR_DIR, pinned, pinned_files


def test_package_json_pins_the_locked_version_exactly():
    package = json.loads((LOCK.parent / "package.json").read_text(encoding="utf-8"))
    assert package["devDependencies"][PACKAGE] == pinned()[0], "an exact version, the one in package-lock.json"


def test_vendored_files_match_the_pinned_package_byte_for_byte():
    # From npm's cache, or the npm registry on a machine that has not fetched it yet; checked against
    # package-lock.json's sha512 either way.
    expected = pinned_files(offline=False)
    assert sorted(expected) == sorted(FILES.values())
    for name, content in expected.items():
        assert (VENDOR_DIR / name).read_bytes() == content, f"{name} is not {PACKAGE}@{pinned()[0]}: run make vendor"
