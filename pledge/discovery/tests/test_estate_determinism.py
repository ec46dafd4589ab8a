"""The same seed writes byte-identical estates; another seed writes another one."""

import hashlib
from pathlib import Path

from pledge.discovery.estate import generate_estate


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    generate_estate(people=400, seed=11, out=tmp_path / "first")
    generate_estate(people=400, seed=11, out=tmp_path / "second")
    first = fingerprint(tmp_path / "first")
    assert len(first) > 20
    assert first == fingerprint(tmp_path / "second")


def test_another_seed_writes_another_estate(tmp_path: Path) -> None:
    generate_estate(people=400, seed=11, out=tmp_path / "first")
    generate_estate(people=400, seed=12, out=tmp_path / "second")
    assert fingerprint(tmp_path / "first")["people.csv"] != fingerprint(tmp_path / "second")["people.csv"]


def test_it_makes_exactly_the_people_asked_for(tmp_path: Path) -> None:
    summary = generate_estate(people=123, seed=1, out=tmp_path)
    assert summary.people == 123
    assert len((tmp_path / "people.csv").read_text().splitlines()) == 124


def test_a_smaller_estate_written_over_a_larger_one_leaves_no_stray_messages(tmp_path: Path) -> None:
    generate_estate(people=400, seed=11, out=tmp_path)
    generate_estate(people=50, seed=11, out=tmp_path)
    messages = {path.name for path in (tmp_path / "mailbox").glob("*.eml")}
    truth = (tmp_path / "ground_truth.csv").read_text()
    assert all(name in truth for name in messages)
