"""Reading an import file of national figures: CSV and YAML, Dutch numbers, and every refusal
named with its line and column."""

from __future__ import annotations

from datetime import date

import pytest

from commands.picture.national_import import read_import
from commands.texts import intake as intake_texts
from commands.texts import national as texts
from config.indicators import IndicatorKind, indicators
from storage.national import FigureValues

TODAY = date(2026, 11, 28)
HEADER = "regio;indicator;waarde;bron;peildatum"
GOOD_LINE = "VR06;arbeidsmigranten;12.400;RNI-registratie gemeenten;1-10-2026"


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def problems_of(name: str, content: bytes) -> list[str]:
    read = read_import(name, content, TODAY)
    assert read.figures == ()  # a file with a problem yields nothing to store
    return [str(problem) for problem in read.problems]


def test_a_csv_with_semicolons_and_a_bom_is_read_as_dutch_people_write_it() -> None:
    content = "\ufeff" + "\n".join(
        [
            "Regio;Indicator;Waarde;Bron;Peildatum",
            GOOD_LINE,
            "",
            "VNOG;bedden;1.500;Huisvestingsregister;2026-11-28",
            "Twente;huisvestingslocaties;0;GGD Twente;01/07/2026",
        ]
    )
    read = read_import("cijfers.csv", content.encode("utf-8"), TODAY)
    assert read.problems == ()
    assert read.figures == (
        FigureValues(
            "VR06", "arbeidsmigranten", 12400, None, "RNI-registratie gemeenten", date(2026, 10, 1)
        ),
        FigureValues("VR06", "bedden", 1500, None, "Huisvestingsregister", date(2026, 11, 28)),
        FigureValues("VR05", "huisvestingslocaties", 0, None, "GGD Twente", date(2026, 7, 1)),
    )


def test_a_csv_with_commas_reads_the_main_sectors_from_one_quoted_cell() -> None:
    content = csv(
        "regio,indicator,waarde,bron,peildatum",
        'VR05,hoofdsectoren,"vleesverwerking, Logistiek en distributie; slachterij",CBS,2026-10-01',
    )
    read = read_import("sectoren.csv", content, TODAY)
    assert read.problems == ()
    # The name and the alias are the sector keys; one named twice is kept once, in its place.
    assert read.figures == (
        FigureValues(
            "VR05",
            "hoofdsectoren",
            None,
            ("vleesverwerking", "logistiek"),
            "CBS",
            date(2026, 10, 1),
        ),
    )


def test_a_yaml_file_reads_its_values_exactly_like_a_csv() -> None:
    content = b"""
- regio: VR06
  indicator: arbeidsmigranten
  waarde: 1.234
  bron: RNI
  peildatum: 2026-10-01
- {regio: Twente, indicator: hoofdsectoren, waarde: [bouw, horeca], bron: CBS, peildatum: 1-7-2026}
"""
    read = read_import("cijfers.yml", content, TODAY)
    assert read.problems == ()
    assert read.figures == (
        FigureValues("VR06", "arbeidsmigranten", 1234, None, "RNI", date(2026, 10, 1)),
        FigureValues("VR05", "hoofdsectoren", None, ("bouw", "horeca"), "CBS", date(2026, 7, 1)),
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "VR06;bedden;twaalf;GGD;2026-10-01",
            "regel 3, kolom waarde: 'twaalf' is geen getal. Schrijf bijvoorbeeld 1234 of 1.234.",
        ),
        (
            "VR06;bedden;12,5;GGD;2026-10-01",
            "regel 3, kolom waarde: '12,5' is geen geheel aantal. De komma is het decimaalteken; "
            "schrijf duizendtallen als 1.234 of 1234.",
        ),
        (
            "VR06;bedden;1,234;GGD;2026-10-01",
            "regel 3, kolom waarde: '1,234' is geen geheel aantal.",
        ),
        ("VR06;bedden;1.5;GGD;2026-10-01", "regel 3, kolom waarde: '1.5' is geen getal."),
        (
            "VR06;bedden;-3;GGD;2026-10-01",
            "regel 3, kolom waarde: '-3' is negatief; een aantal is 0 of meer.",
        ),
        ("VR06;bedden;;GGD;2026-10-01", "regel 3, kolom waarde: leeg."),
        (
            "Atlantis;bedden;3;GGD;2026-10-01",
            "regel 3, kolom regio: onbekende regio 'Atlantis'. Gebruik een code (VR01 t/m VR25) "
            "of een naam.",
        ),
        (
            "VR06;inwoners;3;GGD;2026-10-01",
            "regel 3, kolom indicator: onbekende indicator 'inwoners'. Indicatoren: "
            "arbeidsmigranten, hoofdsectoren, huisvestingslocaties, bedden, pendelvervoerders.",
        ),
        (
            "VR06;hoofdsectoren;vleesverwerking, ruimtevaart;CBS;2026-10-01",
            "regel 3, kolom waarde: onbekende sector 'ruimtevaart'. Sectoren: vleesverwerking,",
        ),
        (
            "VR06;hoofdsectoren; , ;CBS;2026-10-01",
            "regel 3, kolom waarde: noem een of meer sectoren",
        ),
        (
            "VR06;bedden;3; ;2026-10-01",
            "regel 3, kolom bron: noem de bron: de partner of publicatie van het cijfer.",
        ),
        (
            "VR06;bedden;3;" + "x" * 201 + ";2026-10-01",
            "regel 3, kolom bron: de bron is 201 tekens; maximaal 200.",
        ),
        ("VR06;bedden;3;GGD;31-02-2026", "regel 3, kolom peildatum: '31-02-2026' is geen datum."),
        ("VR06;bedden;3;GGD;gisteren", "regel 3, kolom peildatum: 'gisteren' is geen datum."),
        (
            "VR06;bedden;3;GGD;2026-11-29",
            "regel 3, kolom peildatum: 29 november 2026 ligt in de toekomst.",
        ),
        (
            "Noord- en Oost-Gelderland;arbeidsmigranten;3;GGD;2026-10-01",
            "regel 3: VR06, arbeidsmigranten staat ook op regel 2.",
        ),
        ("VR06;bedden;3;GGD;2026-10-01;extra", "regel 3: meer waarden dan kolommen."),
    ],
)
def test_a_wrong_cell_is_named_by_its_line_and_column(line: str, expected: str) -> None:
    (problem,) = problems_of("cijfers.csv", csv(HEADER, GOOD_LINE, line))
    assert problem.startswith(expected)


def test_every_problem_is_named_at_once_in_the_order_of_the_lines() -> None:
    content = csv(
        "regio;indicator;aantal;bron",
        "VR99;bedden;;2026-10-01",
        "VR05;hoofdsectoren;;",
    )
    assert problems_of("cijfers.csv", content) == [
        "regel 1: onbekende kolom 'aantal'. Kolommen: regio, indicator, waarde, bron, peildatum.",
        "regel 1: de kolom 'waarde' ontbreekt.",
        "regel 1: de kolom 'peildatum' ontbreekt.",
        "regel 2, kolom regio: onbekende regio 'VR99'. Gebruik een code (VR01 t/m VR25) of een "
        "naam. Bedoelde u Utrecht (VR09) of Zeeland (VR19)?",
        "regel 3, kolom bron: noem de bron: de partner of publicatie van het cijfer.",
    ]


def test_one_wrong_line_among_good_ones_leaves_nothing_to_store() -> None:
    content = csv(
        HEADER,
        GOOD_LINE,
        "VR05;bedden;1.500;GGD;2026-10-01",
        "VR05;huisvestingslocaties;veel;GGD;2026-10-01",
    )
    assert problems_of("cijfers.csv", content) == [
        "regel 4, kolom waarde: 'veel' is geen getal. Schrijf bijvoorbeeld 1234 of 1.234."
    ]


def test_a_yaml_problem_is_named_at_the_line_of_its_value_or_its_figure() -> None:
    content = b"""- regio: VR06
  indicator: bedden
  waarde: twaalf
  bron: GGD
  peildatum: 2026-10-01
- regio: VR05
  aantal: 3
- gewoon tekst
"""
    assert problems_of("cijfers.yaml", content) == [
        "regel 3, kolom waarde: 'twaalf' is geen getal. Schrijf bijvoorbeeld 1234 of 1.234.",
        "regel 6: de kolom 'indicator' ontbreekt.",
        "regel 6: de kolom 'waarde' ontbreekt.",
        "regel 6: de kolom 'bron' ontbreekt.",
        "regel 6: de kolom 'peildatum' ontbreekt.",
        "regel 7: onbekende kolom 'aantal'. Kolommen: regio, indicator, waarde, bron, peildatum.",
        "regel 8: verwacht de velden regio, indicator, waarde, bron, peildatum van één cijfer.",
    ]


def test_yaml_that_is_no_list_of_figures_is_refused() -> None:
    assert problems_of("cijfers.yaml", b"regio: VR06\n") == [
        "regel 1: verwacht een lijst met per cijfer de velden regio, indicator, waarde, bron, "
        "peildatum."
    ]
    assert problems_of("cijfers.yaml", b"- regio: VR06\n\tbron: GGD\n") == [
        "regel 2: dit is geen geldige YAML."
    ]
    nested = b"- {regio: VR06, indicator: hoofdsectoren, waarde: [[bouw]], bron: CBS, peildatum: 2026-10-01}\n"
    assert problems_of("cijfers.yaml", nested) == [
        "regel 1, kolom waarde: noem een of meer sectoren, gescheiden door komma's."
    ]


def test_a_file_that_cannot_be_read_as_figures_is_refused() -> None:
    assert problems_of("cijfers.csv", "regio;bron\nFryslân;GGD\n".encode("latin-1")) == [
        texts.FILE_NOT_UTF8
    ]
    assert problems_of("cijfers.xlsx", b"PK") == [
        "cijfers.xlsx: gebruik een CSV-bestand (.csv) of een YAML-bestand (.yaml, .yml)."
    ]
    assert problems_of("leeg.csv", b"\n\n") == ["het bestand bevat geen cijfers."]
    assert problems_of("leeg.csv", csv(HEADER)) == ["het bestand bevat geen cijfers."]
    assert problems_of("leeg.yaml", b"") == ["het bestand bevat geen cijfers."]


def test_every_indicator_belongs_to_an_aspect_a_signal_can_name() -> None:
    assert list(texts.ASPECT_HEADINGS) == list(intake_texts.ASPECTS)
    for indicator in indicators():
        assert indicator.aspect in intake_texts.ASPECTS, indicator.code
        if indicator.kind == IndicatorKind.COUNT:
            assert indicator.unit and indicator.unit_one, indicator.code
    assert {indicator.aspect for indicator in indicators()} == set(intake_texts.ASPECTS)
