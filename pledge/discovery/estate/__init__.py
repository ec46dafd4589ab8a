"""A realistic synthetic council estate (issue 5): Anyshire's systems as separate databases and files, the true
people behind them, and ground truth (record -> person, with the hazard that makes each record hard to match).

``generate_estate(people=..., seed=..., out=...)`` (or ``pledge demo estate --people N --seed S --out DIR``) writes
in ``out``:

- ``systems.yaml``: the connected systems, in the format ``pledge.discovery.connectors.load_systems`` reads.
- the systems: SQLite files (council tax, benefits, adult social care, children's services, housing, parking and
  ANPR, webchat, CRM, electoral register), CSV folders (libraries, CCTV incident log, newsletters), an XLSX folder
  (garden waste) and a folder of .eml files (the customer services mailbox). With ``db_url`` (``--db URL``) every
  SQL system goes into that one database instead, each table prefixed with its system (``council_tax__accounts``,
  ``crm__calls``) and ``systems.yaml`` names the prefixed tables; the file systems stay in ``out``.
- ``ground_truth.csv``: ``system,table,key,person_id,hazard``, one row per record that belongs to a person (linked
  rows that hold a person, such as joint holders, carers and tenancies, included; notes and transcripts not).
- ``people.csv``: each person's true current details, as they would give them on a request form.
- ``mentions.csv``: ``system,table,key,person_id,role,name``: who free text names (the subject, relatives,
  neighbours; staff are not listed), for checking third-party passages are marked before release.
- ``invalid_identifiers.csv``: the NHS numbers deliberately mistyped (failing Modulus 11), labelled ``typo``.

Every record carries one hazard (``quirks.Hazard``); apart from it, and each system's own formatting, it holds the
truth. Twins' and namesakes' records are always labelled ``twin`` and ``namesake``. Identifier choices (NHS test
range, NI format, Ofcom drama phone ranges, the "AY" postcode area) are explained in ``identifiers``.
"""

from .generate import SYSTEMS, EstateSummary, generate_estate
from .quirks import Hazard

__all__ = ["SYSTEMS", "EstateSummary", "Hazard", "generate_estate"]
