"""The UK adequacy list is data that loads (spec §7)."""

import json
from datetime import date

from pledge.law.adequacy import DEFAULT_ADEQUACY_FILE, load_adequacy

EU_27 = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
EEA_EFTA = ["IS", "LI", "NO"]
WHOLE_COUNTRIES = ["GI", "CH", "AD", "AR", "GG", "IM", "JE", "IL", "UY", "NZ"]


def test_it_loads_the_shipped_data_file() -> None:
    adequacy = load_adequacy()

    raw = json.loads(DEFAULT_ADEQUACY_FILE.read_text(encoding="utf-8"))
    assert len(adequacy) == len(raw["countries"])
    assert all(entry.country == code for code, entry in adequacy.items())


def test_it_holds_every_eea_state_as_wholly_adequate_since_exit_day() -> None:
    adequacy = load_adequacy()

    for code in EU_27 + EEA_EFTA:
        assert adequacy[code].scope == ""
        assert adequacy[code].since == date(2021, 1, 1)


def test_it_holds_the_other_transitional_adequacy_destinations() -> None:
    adequacy = load_adequacy()

    assert all(adequacy[code].scope == "" for code in WHOLE_COUNTRIES)
    assert "PIPEDA" in adequacy["CA"].scope
    assert "APPI" in adequacy["JP"].scope


def test_it_holds_the_later_additions_with_their_dates_and_scopes() -> None:
    adequacy = load_adequacy()

    assert adequacy["KR"].since == date(2022, 12, 19)
    assert adequacy["KR"].source == "SI 2022/1213"
    assert adequacy["US"].since == date(2023, 10, 12)
    assert "UK Extension" in adequacy["US"].scope
    assert adequacy["US"].source == "SI 2023/1028"


def test_it_leaves_out_the_faroe_islands_until_confirmed() -> None:
    assert "FO" not in load_adequacy()


def test_it_reads_another_file_and_defaults_a_missing_scope_to_the_whole_country(tmp_path) -> None:
    path = tmp_path / "adequacy.json"
    path.write_text(
        json.dumps({"countries": [{"country": "XQ", "name": "Newland", "since": "2027-01-01", "source": "SI 2026/1"}]}),
        encoding="utf-8",
    )

    adequacy = load_adequacy(path)

    assert list(adequacy) == ["XQ"]
    assert adequacy["XQ"].since == date(2027, 1, 1)
    assert adequacy["XQ"].scope == ""
