"""The small estate the demo (``make run``, ``pledge demo load``) connects to: a few thousand fictional people."""

from collections.abc import Callable
from pathlib import Path

from .generate import generate_estate

DEMO_ESTATE_PEOPLE = 3000
DEMO_ESTATE_SEED = 2026


def ensure_demo_estate(out: Path, *, progress: Callable[[str, int, int], None] | None = None) -> Path:
    """Generate the demo estate into ``out`` unless its ``systems.yaml`` is already there; returns that path."""
    systems = out / "systems.yaml"
    if systems.exists():
        return systems
    return generate_estate(people=DEMO_ESTATE_PEOPLE, seed=DEMO_ESTATE_SEED, out=out, progress=progress).systems_yaml
