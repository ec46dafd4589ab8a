"""The identity engine (issue 5, P070, P072, P076): find one person's records across every connected system.

    index = IdentityIndex.build(connectors=[...], path=Path, progress=None)
    index = IdentityIndex.open(path)
    matches = index.find(Query(name="Bob Smith", date_of_birth="1980-02-03"), limit=50, exclude=set())

Framework-free: no Django import anywhere in this package.
"""

from pledge.discovery.matching.index import CANDIDATE_THRESHOLD, IdentityIndex
from pledge.discovery.matching.linkage import link
from pledge.discovery.matching.model import FieldEvidence, Match
from pledge.discovery.matching.profile import Query

__all__ = ["CANDIDATE_THRESHOLD", "FieldEvidence", "IdentityIndex", "Match", "Query", "link"]
