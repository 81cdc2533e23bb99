"""Small builders shared by the indicator tests."""

import pandas as pd


def tidy(values: dict, basis: str = "ADHK2010") -> pd.DataFrame:
    """{(region, year): {sector: value}} -> tidy PDRB table."""
    rows = [(r, y, s, v) for (r, y), secs in values.items() for s, v in secs.items()]
    df = pd.DataFrame(rows, columns=["region_code", "year", "sector_code", "value"])
    return df.assign(price_basis=basis)
