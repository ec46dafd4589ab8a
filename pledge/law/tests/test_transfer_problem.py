"""Whether an international transfer is safeguarded (UK GDPR Arts 45, 46, 49; spec §7)."""

from datetime import date

import pytest

from pledge.law.adequacy import AdequacyEntry, TransferMechanism, load_adequacy, transfer_problem

ON = date(2026, 11, 2)
SAFEGUARDS = [TransferMechanism.IDTA, TransferMechanism.ADDENDUM, TransferMechanism.BCR, TransferMechanism.DEROGATION]


@pytest.fixture(scope="module")
def adequacy() -> dict[str, AdequacyEntry]:
    return load_adequacy()


@pytest.mark.parametrize("mechanism", list(TransferMechanism))
def test_it_sees_no_transfer_when_the_data_stays_in_the_uk(mechanism: TransferMechanism, adequacy) -> None:
    assert transfer_problem(country="GB", mechanism=mechanism, on=ON, adequacy=adequacy) is None


@pytest.mark.parametrize("country", ["FR", "IE", "DE", "NO", "IS", "LI", "fr"])
@pytest.mark.parametrize("mechanism", [TransferMechanism.NONE, TransferMechanism.ADEQUACY])
def test_it_accepts_an_eea_country_without_a_safeguard(country: str, mechanism: TransferMechanism, adequacy) -> None:
    assert transfer_problem(country=country, mechanism=mechanism, on=ON, adequacy=adequacy) is None


def test_it_asks_for_an_explicit_mechanism_for_the_partially_adequate_us(adequacy) -> None:
    problem = transfer_problem(country="US", mechanism=TransferMechanism.NONE, on=ON, adequacy=adequacy)

    assert problem is not None
    assert problem.startswith("US is adequate only for organisations certified to the EU-US Data Privacy Framework")
    assert "'adequacy'" in problem


def test_it_accepts_the_us_data_bridge_when_claimed_as_adequacy(adequacy) -> None:
    assert transfer_problem(country="US", mechanism=TransferMechanism.ADEQUACY, on=ON, adequacy=adequacy) is None


@pytest.mark.parametrize("mechanism", SAFEGUARDS)
def test_it_accepts_a_safeguard_or_derogation_for_the_us(mechanism: TransferMechanism, adequacy) -> None:
    assert transfer_problem(country="US", mechanism=mechanism, on=ON, adequacy=adequacy) is None


def test_it_refuses_the_us_data_bridge_before_it_came_into_effect(adequacy) -> None:
    problem = transfer_problem(
        country="US", mechanism=TransferMechanism.ADEQUACY, on=date(2023, 10, 11), adequacy=adequacy
    )

    assert problem == "US has no UK adequacy regulations on 2023-10-11: an Art 46 safeguard is needed"


def test_it_accepts_the_us_data_bridge_from_the_day_it_came_into_effect(adequacy) -> None:
    assert (
        transfer_problem(country="US", mechanism=TransferMechanism.ADEQUACY, on=date(2023, 10, 12), adequacy=adequacy)
        is None
    )


def test_it_treats_the_faroe_islands_as_not_adequate(adequacy) -> None:
    problem = transfer_problem(country="FO", mechanism=TransferMechanism.NONE, on=ON, adequacy=adequacy)

    assert problem == (
        "transfer to FO has no UK adequacy and no safeguard (IDTA, UK Addendum, BCR) or Art 49 derogation"
    )


def test_it_refuses_adequacy_claimed_for_the_faroe_islands(adequacy) -> None:
    problem = transfer_problem(country="FO", mechanism=TransferMechanism.ADEQUACY, on=ON, adequacy=adequacy)

    assert problem == "FO has no UK adequacy regulations on 2026-11-02: an Art 46 safeguard is needed"


@pytest.mark.parametrize("mechanism", SAFEGUARDS)
def test_it_accepts_an_idta_addendum_bcr_or_derogation_for_a_country_without_adequacy(
    mechanism: TransferMechanism, adequacy
) -> None:
    assert transfer_problem(country="FO", mechanism=mechanism, on=ON, adequacy=adequacy) is None


def test_it_treats_korea_as_not_adequate_before_its_regulations() -> None:
    adequacy = load_adequacy()

    problem = transfer_problem(
        country="KR", mechanism=TransferMechanism.ADEQUACY, on=date(2022, 12, 18), adequacy=adequacy
    )

    assert problem == "KR has no UK adequacy regulations on 2022-12-18: an Art 46 safeguard is needed"
    assert (
        transfer_problem(country="KR", mechanism=TransferMechanism.ADEQUACY, on=date(2022, 12, 19), adequacy=adequacy)
        is None
    )


def test_it_makes_a_country_adequate_only_from_the_date_of_its_regulations() -> None:
    adequacy = {"XQ": AdequacyEntry(country="XQ", name="Newland", since=date(2027, 1, 1), scope="", source="SI 2026/1")}

    before = transfer_problem(country="XQ", mechanism=TransferMechanism.NONE, on=date(2026, 12, 31), adequacy=adequacy)
    from_the_day = transfer_problem(
        country="XQ", mechanism=TransferMechanism.NONE, on=date(2027, 1, 1), adequacy=adequacy
    )

    assert before is not None and "no UK adequacy" in before
    assert from_the_day is None
