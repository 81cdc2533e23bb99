"""Codes and constants used by every layer (never written as literals elsewhere)."""

from __future__ import annotations

__all__ = ["NATIONAL_CODE", "TOTAL_CODE", "PRICE_BASES", "DEFAULT_PRICE_BASIS", "REFERENCE_MODES"]

#: BPS code of Indonesia (the national reference).
NATIONAL_CODE = "0000"
#: Sector code of a total row (PDRB, *jumlah*); totals are summed from sectors unless published.
TOTAL_CODE = "TOTAL"
#: Price bases: constant 2010 prices (*atas dasar harga konstan*) and current prices (*berlaku*).
PRICE_BASES = ("ADHK2010", "ADHB")
DEFAULT_PRICE_BASIS = "ADHK2010"
#: How a reference total is formed: the published figure or the sum of its members.
REFERENCE_MODES = ("published", "sum")
