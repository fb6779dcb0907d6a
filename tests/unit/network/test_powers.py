"""The netwerkkaart's reference table: what ships, the Twm date split, the operator's powers
file adding and replacing rows, and a bad file refused with its row named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from commands.network import powers_line
from config.check import check_config
from config.powers import (
    Aspect,
    Holder,
    Marker,
    PowersFileError,
    load_powers,
    shipped_powers,
)

TWM = date(2020, 12, 1)
DAY_BEFORE = date(2020, 11, 30)

REPLACED_FINES = """
- id: iszw_boetes
  houder: ISZW
  aspecten: werken
  bevoegdheid: bestuurlijke boetes, ook bij herhaling hoger
  grondslag: Wav art. 19d
  status: V
  bron: Wet arbeid vreemdelingen
- id: iszw_eis_tot_naleving
  houder: iszw
  aspecten: [werken]
  bevoegdheid: een eis tot naleving opleggen
  grondslag: Arbowet art. 27
  status: S
  bron: toelichting van de inspectie
"""


def _file(tmp_path: Path, text: str, name: str = "powers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_every_shipped_row_has_a_marker_a_basis_and_a_source() -> None:
    table = shipped_powers()
    assert len(table) >= 20
    assert set(table.holders()) == set(Holder)
    for row in table:
        assert row.markers and set(row.markers) <= set(Marker)
        assert row.basis.strip() and row.source.strip() and row.aspects
    assert table["nvwa_slacht"].status == "V/U"
    assert table["ilt_afbakening_bedrijfsbusjes"].markers == (Marker.UNVERIFIED,)


def test_the_withdrawn_bill_is_not_a_power() -> None:
    for row in shipped_powers():
        said = f"{row.power} {row.basis} {row.note or ''}".replace(" ", "")
        assert "35817" not in said and "10dagen" not in said


def test_a_file_listing_the_withdrawn_bill_is_refused(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "- {id: sluiting, houder: burgemeester, aspecten: [werken], bevoegdheid: 10 dagen "
        "sluiten na een uitbraak, grondslag: wetsvoorstel 35 817, status: V, bron: Kamerstuk}\n",
    )
    with pytest.raises(PowersFileError) as refused:
        load_powers(path)
    assert "row 1 (id sluiting)" in str(refused.value) and "withdrawn" in str(refused.value)


def test_the_twm_splits_the_powers_on_1_december_2020() -> None:
    table = shipped_powers()
    before, after = table.on(DAY_BEFORE), table.on(TWM)
    assert "iszw_stillegging_covid" not in before and "iszw_stillegging_covid" in after
    assert table["iszw_stillegging_covid"].basis.startswith("Arbowet art. 28 lid 7")
    assert "burgemeester_twm" not in before and "burgemeester_twm" in after
    assert "vr_noodverordening" in before and "vr_noodverordening" not in after
    assert "iszw_stillegging" in before and "iszw_stillegging" in after  # no date: always
    assert "politie_toezichthouders_wpg" not in after  # from 15 December 2020


def test_lookups_by_holder_and_by_aspect() -> None:
    table = shipped_powers()
    assert [row.id for row in table.of_holder(Holder.SNF)] == ["snf_keurmerk"]
    transport = {row.holder for row in table.of_aspect(Aspect.VERVOER)}
    assert {Holder.ILT, Holder.POLITIE, Holder.BURGEMEESTER} <= transport
    assert Holder.GEMEENTE not in transport


def test_a_powers_file_replaces_rows_by_id_and_adds_new_ones(tmp_path: Path) -> None:
    table = load_powers(_file(tmp_path, REPLACED_FINES))
    assert len(table) == len(shipped_powers()) + 1
    fines = table["iszw_boetes"]
    assert fines.power == "bestuurlijke boetes, ook bij herhaling hoger" and fines.basis == (
        "Wav art. 19d"
    )
    ids = [row.id for row in table.of_holder(Holder.ISZW)]
    assert ids.index("iszw_boetes") == 3  # replaced in its place
    assert ids[-1] == "iszw_eis_tot_naleving"
    assert table["iszw_eis_tot_naleving"].markers == (Marker.SECONDARY,)
    assert shipped_powers()["iszw_boetes"].basis.startswith("Wav art. 19d; Wml")


def test_a_bad_powers_file_is_refused_naming_each_row(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "- {id: ok_row, houder: ggd, aspecten: [wonen], bevoegdheid: iets doen, grondslag: Wpg, "
        "status: V, bron: Wpg}\n"
        "- {id: geen_bron, houder: ggd, aspecten: [wonen], bevoegdheid: iets doen, "
        "grondslag: Wpg, status: V}\n"
        "- {id: fout_aspect, houder: rivm, aspecten: [reizen], bevoegdheid: iets doen, "
        "grondslag: Wpg, status: X, bron: Wpg}\n"
        "- {id: ok_row, houder: ggd, aspecten: [wonen], bevoegdheid: iets doen, grondslag: Wpg, "
        "status: V, bron: Wpg, vanaf: 2021-01-01, tot: 2020-01-01}\n",
    )
    with pytest.raises(PowersFileError) as refused:
        load_powers(path)
    problems = refused.value.problems
    assert f"{path}: row 2 (id geen_bron): bron: required key is missing" in problems[0]
    third = [problem for problem in problems if "row 3 (id fout_aspect)" in problem]
    assert {problem.split(": ")[2] for problem in third} == {"houder", "aspecten.0", "status.0"}
    assert any("row 4 (id ok_row)" in problem and "vanaf" in problem for problem in problems)


def test_check_config_reports_the_powers_file(tmp_path: Path) -> None:
    powers = _file(tmp_path, "- {id: kapot, houder: ggd}\n")
    config = _file(
        tmp_path,
        "matrix: {homeserver: 'http://hs', user_id: '@b:hs', access_token: t}\n"
        "platform: {room: '!r'}\n"
        f"network: {{powers_file: '{powers}'}}\n",
        "config.yaml",
    )
    problems = check_config(config)
    assert problems and all(
        problem.startswith(f"{powers}: row 1 (id kapot)") for problem in problems
    )
    assert any("aspecten: required key is missing" in problem for problem in problems)
    _file(tmp_path, REPLACED_FINES)
    assert check_config(config) == []


def test_a_powers_line_says_what_a_holder_may_do() -> None:
    line = powers_line("NLA")
    assert line == powers_line("iszw")
    assert "werk stilleggen bij ernstig gevaar (Arbowet art. 28)" in line
    assert "(Arbowet art. 28 lid 7 (Twm), vanaf 1-12-2020)" in line
    assert "controleert huisvesting" not in line  # a limit is not a power
    assert "lid 7" not in powers_line("ISZW", on=DAY_BEFORE)
    assert powers_line("VR", on=TWM).startswith("leiding over de bestrijding")
    assert powers_line("RIVM") == ""
