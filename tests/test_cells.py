"""parse_number / parse_year: decimal commas, thousands separators, BPS markers, provisional years."""

from __future__ import annotations

import math

import pytest

from potensi.data.cells import CellError, parse_number, parse_year


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1.234.567,89", None, 1_234_567.89),  # BPS: dot thousands, decimal comma
        ("1,234,567.89", None, 1_234_567.89),
        ("1234,5", None, 1234.5),
        ("1234.5", None, 1234.5),
        ("1.234", ",", 1234.0),  # ambiguous: the table's decimal comma makes the dot a thousands mark
        ("1.234", ".", 1.234),
        ("1,5", ",", 1.5),
        ("1 234 567,89", None, 1_234_567.89),  # spaces as thousands marks
        ("1\u00a0234,5", None, 1234.5),  # non-breaking space
        (" 42 ", None, 42.0),
        (1234, None, 1234.0),
        (1234.5, None, 1234.5),
        ("-12,5", ",", -12.5),  # a negative number is parsed; the loader rejects it
        ("1e3", None, 1000.0),
    ],
)
def test_numbers(text, decimal, expected):
    assert parse_number(text, decimal=decimal) == (expected, "")


@pytest.mark.parametrize(
    ("text", "value", "marker"),
    [("-", 0.0, "-"), ("–", 0.0, "-"), ("—", 0.0, "-"), ("…", math.nan, "…"), ("...", math.nan, "…"),
     ("x", math.nan, "x"), ("X", math.nan, "x")],
)
def test_markers(text, value, marker):
    got, got_marker = parse_number(text)
    assert got_marker == marker
    assert (math.isnan(got) and math.isnan(value)) or got == value  # missing is never 0, 0 is never missing


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty cell (expected a number or a BPS marker -, …, x)"),
        (None, "empty cell (expected a number or a BPS marker -, …, x)"),
        (float("nan"), "empty cell"),
        ("12a", "'12a' is not a number"),
        ("n/a", "'n/a' is not a number"),
        (True, "True is not a number"),
    ],
)
def test_not_numbers(text, message):
    with pytest.raises(CellError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2023", (2023, "")), ("2023*", (2023, "sementara")), ("2024**", (2024, "sangat sementara")),
     (2020, (2020, "")), (2020.0, (2020, "")), ("2021 *", (2021, "sementara")), ("2021*)", (2021, "sementara"))],
)
def test_years(text, expected):
    assert parse_year(text) == expected


@pytest.mark.parametrize("text", ["20234", "tahun", "1850", "2023a", ""])
def test_not_years(text):
    with pytest.raises(CellError, match=r"is not a year \(expected e.g. 2020, 2023\* or 2024\*\*\)"):
        parse_year(text)


def test_decimal_comma_refused_where_the_table_uses_points():
    # A tidy CSV uses decimal points; "1234,5" there is a mixed separator, not 1234.5.
    from potensi.data.cells import CellError

    with pytest.raises(CellError, match="has a decimal comma, but this table uses decimal points"):
        parse_number("1234,5", decimal=".")
    assert parse_number("1234,5", decimal=",") == (1234.5, "")
