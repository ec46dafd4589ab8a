"""The identity engine (issue 5, P070, P072, P076): find one person's records across every connected system.

    index = IdentityIndex.build(connectors=[...], path=Path, progress=None)
    index = IdentityIndex.open(path)
    matches = index.find(Query(name="Bob Smith", date_of_birth="1980-02-03"), limit=50, exclude=set())

How it works, module by module:

* ``names``, ``normalise``, ``profile``: every identifier made comparable (names in any order with titles, initials,
  hyphens, Mc/Mac and apostrophes; nicknames from ``data/nicknames.csv``; dates of birth in UK formats; emails;
  phones in E.164; postcodes; house and flat numbers; NHS numbers with the Modulus 11 check, invalid ones refused
  and counted; NI numbers) and the blocking keys each record files under.
* ``building``, ``store``: the index on disk (SQLite records and counts, numpy blocking arrays), read from the
  connectors one system per core. Never the Django database.
* ``compare``, ``model``: Fellegi-Sunter levels and weights, term-frequency adjustment, and the household rules.
* ``training``: m and u learned from the records themselves (u from random pairs, m by EM over blocked pairs).
* ``index``: lookups, with second looks at households, initials and contacts held by namesakes.
* ``linkage``: the same engine over two tables (``pledge identity link``); ``evaluate``: figures by hazard.

The candidate threshold (``CANDIDATE_THRESHOLD``, 0.5): ``find`` returns records at or above it for a caseworker to
confirm or reject. On a generated 10,000-person estate (1,500 people looked up) 0.5 was the only threshold tried
that kept recall and precision at or above 0.95 in every hazard class: at 0.2 a twin's records crept in (twin
precision 0.88), at 0.8 records with only an initial dropped out (initials recall 0.88). A probability is the
engine's estimate that the record is the person's; a person still confirms every candidate.

Framework-free: no Django import anywhere in this package.
"""

from pledge.discovery.matching.index import CANDIDATE_THRESHOLD, IdentityIndex
from pledge.discovery.matching.linkage import link
from pledge.discovery.matching.model import FieldEvidence, Match
from pledge.discovery.matching.profile import Query

__all__ = ["CANDIDATE_THRESHOLD", "FieldEvidence", "IdentityIndex", "Match", "Query", "link"]
