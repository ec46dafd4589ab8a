"""Each deliberately leaky file in the corpus is reported with the kind of leak it hides."""

import pytest

from pledge.redaction.leaks import LeakKind, scan_file
from pledge.redaction.leaks.corpus import LEAKY, UNCHECKABLE, CorpusCase
from pledge.redaction.leaks.findings import EXCERPT_LIMIT

pytestmark = pytest.mark.db_independent


@pytest.mark.parametrize("case", LEAKY, ids=[case.name for case in LEAKY])
def test_it_finds_the_leak_each_corpus_file_hides(case: CorpusCase, built) -> None:
    findings = scan_file(built(case))
    assert case.kind in {finding.kind for finding in findings}
    assert all(finding.auto_fixable for finding in findings)


def test_the_corpus_has_a_file_for_every_kind_of_leak() -> None:
    assert {case.kind for case in [*LEAKY, *UNCHECKABLE]} == set(LeakKind)


@pytest.mark.parametrize("case", LEAKY, ids=[case.name for case in LEAKY])
def test_excerpts_never_quote_more_than_forty_characters(case: CorpusCase, built) -> None:
    assert all(len(finding.excerpt) <= EXCERPT_LIMIT for finding in scan_file(built(case)))


def test_each_finding_names_its_file_and_a_fingerprint(built) -> None:
    path = built(LEAKY[0])
    (finding,) = scan_file(path)
    assert finding.file == str(path)
    assert len(finding.fingerprint) == 20
