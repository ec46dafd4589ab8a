"""The generated systems.yaml loads with the connectors, every system checks clean, and its records stream."""

from collections import Counter
from pathlib import Path

from pledge.discovery.connectors import connect, load_systems
from pledge.discovery.estate import generate_estate

from .estate_reading import read_csv


def test_every_generated_system_loads_checks_clean_and_streams_its_people(tmp_path: Path) -> None:
    summary = generate_estate(people=300, seed=5, out=tmp_path)
    configs = load_systems(summary.systems_yaml)
    assert len(configs) == 14
    truth = Counter((row["system"], row["table"]) for row in read_csv(tmp_path / "ground_truth.csv"))
    for config in configs:
        connector = connect(config)
        assert connector.check() == [], config.slug
        seen = Counter(
            (record.ref.system, record.ref.table)
            for batch in connector.iter_records(batch_size=100)
            for record in batch
        )
        for (system, table), count in truth.items():
            if system == config.slug:
                assert seen[(system, table)] >= count, (system, table)
    electoral = next(config for config in configs if config.slug == "electoral-register")
    assert electoral.controller == "anyshire-ero"
    assert next(config for config in configs if config.slug == "newsletters").writable
