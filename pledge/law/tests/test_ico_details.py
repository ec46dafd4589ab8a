"""The ICO's details are read from one data file, notes left out, and re-read when the file changes."""

import json
import os
from pathlib import Path

from pledge.law.ico import DEFAULT_ICO_FILE, load_ico_details


def test_the_shipped_file_gives_the_ico_contact_details_without_notes() -> None:
    details = load_ico_details()
    assert details["phone"] == "0303 123 1113"
    assert not any(key.startswith("_") for key in details)
    assert DEFAULT_ICO_FILE.name == "ico.json"


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    file = tmp_path / "ico.json"
    file.write_text(json.dumps({"_note": "x", "phone": "0303 000 0001"}))
    assert load_ico_details(file) == {"phone": "0303 000 0001"}
    file.write_text(json.dumps({"phone": "0303 000 0002"}))
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_ico_details(file) == {"phone": "0303 000 0002"}
