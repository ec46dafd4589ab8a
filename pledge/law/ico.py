"""The Information Commissioner's contact details, held once as data (promise P146).

Every notice, letter, page and the notice audit read them through ``load_ico_details`` so a change to
``data/ico.json`` shows everywhere. The file is cached until it changes on disk.
"""

import json
from functools import lru_cache
from pathlib import Path

DEFAULT_ICO_FILE = Path(__file__).parent / "data" / "ico.json"


def load_ico_details(path: Path | str = DEFAULT_ICO_FILE) -> dict[str, str]:
    """The ICO's name, address, phone and web addresses; keys starting with "_" are notes and left out."""
    file = Path(path)
    return dict(_read(file, file.stat().st_mtime_ns))


@lru_cache(maxsize=8)
def _read(file: Path, _mtime_ns: int) -> tuple[tuple[str, str], ...]:
    data = json.loads(file.read_text(encoding="utf-8"))
    return tuple((key, value) for key, value in data.items() if not key.startswith("_"))
