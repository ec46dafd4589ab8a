"""A realistic synthetic council estate (issue 5): Anyshire's systems as separate databases and files, the true
people behind them, and ground truth (record -> person, with the hazard that makes each record hard to match).

``generate_estate(people=..., seed=..., out=...)`` writes, in ``out``: ``systems.yaml`` (connected systems,
``connectors.load_systems`` format), ``ground_truth.csv`` (system, table, key, person_id, hazard), ``people.csv``
(each person's true current details), ``mentions.csv`` (people named in free text: system, table, key, person_id,
role), ``invalid_identifiers.csv`` (the deliberately invalid NHS numbers) and the systems themselves.
"""

from .generate import SYSTEMS, EstateSummary, generate_estate
from .quirks import Hazard

__all__ = ["SYSTEMS", "EstateSummary", "Hazard", "generate_estate"]
