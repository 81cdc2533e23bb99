"""Input-output analysis: coefficients, Leontief and Ghosh inverses, multipliers, linkages, key sectors.

Pure numpy/pandas on the matrices of an :class:`~potensi.data.io_table.IOTable` (read by
:func:`potensi.data.io_table.read_io_table`); no I/O. Matrices are square DataFrames whose index
and columns are the same sector codes (row *i* sells to column *j*); vectors are Series indexed by
sector code. The sector table (:func:`io_sector_indicators`) is tidy: one row per sector.

Terms (BPS, *Kerangka Teori dan Analisis Tabel Input-Output*): *koefisien input* (technical
coefficient), *matriks kebalikan Leontief*, *angka pengganda output* (output multiplier), *angka
pengganda nilai tambah* (value-added multiplier), *daya penyebaran* (backward linkage, power of
dispersion), *derajat kepekaan* (forward linkage, sensitivity of dispersion), *sektor kunci* (key
sector).

References
----------
Miller, R. E. & Blair, P. D. (2009). *Input-Output Analysis: Foundations and Extensions*, 2nd ed.
Cambridge University Press (ch. 2, 6, 8, 12).
BPS (2021). *Kerangka Teori dan Analisis Tabel Input-Output*. Jakarta: Badan Pusat Statistik.
Rasmussen, P. N. (1956). *Studies in Inter-Sectoral Relations*. Amsterdam: North-Holland.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from potensi.core.validate import check_choice

if TYPE_CHECKING:
    from potensi.data.io_table import IOTable

__all__ = [
    "IO_INDICATOR_COLUMNS",
    "allocation_coefficients",
    "ghosh_inverse",
    "io_multipliers",
    "io_sector_indicators",
    "leontief_inverse",
    "technical_coefficients",
]

#: Columns of :func:`io_sector_indicators`, in order.
IO_INDICATOR_COLUMNS = [
    "sector_code", "output_multiplier", "value_added_multiplier", "backward_linkage",
    "forward_linkage", "key_sector", "export_share", "import_share",
]
FORWARD_OPTIONS = ("leontief", "ghosh")
#: A spectral radius this close to 1 counts as 1 (the table is not productive).
_RADIUS_MARGIN = 1e-12


# --------------------------------------------------------------------------- checks
def _square(matrix: object, func: str, argument: str) -> np.ndarray:
    if not isinstance(matrix, pd.DataFrame):
        raise TypeError(f"{func}: argument {argument}= must be a square pandas DataFrame; got {type(matrix).__name__}")
    if matrix.shape[0] != matrix.shape[1] or matrix.shape[0] == 0:
        raise ValueError(f"{func}: argument {argument}= must be square and non-empty; got shape {matrix.shape}")
    if list(map(str, matrix.index)) != list(map(str, matrix.columns)):
        raise ValueError(f"{func}: argument {argument}= must have the same sector codes, in the same order, as "
                         f"index and columns; index {list(matrix.index)}, columns {list(matrix.columns)}")
    try:
        values = matrix.to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{func}: argument {argument}= must hold numbers only") from None
    bad = ~np.isfinite(values)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ValueError(f"{func}: argument {argument}= cell ({matrix.index[i]}, {matrix.columns[j]}) is "
                         f"{values[i, j]}; expected a finite number")
    return values


def _vector(vector: object, sectors: pd.Index, func: str, argument: str) -> np.ndarray:
    if not isinstance(vector, pd.Series):
        raise TypeError(f"{func}: argument {argument}= must be a pandas Series indexed by sector code; "
                        f"got {type(vector).__name__}")
    missing = [s for s in sectors if s not in vector.index]
    if missing:
        raise ValueError(f"{func}: argument {argument}= has no value for sector(s) {missing}")
    values = vector.reindex(sectors).to_numpy(dtype=float)
    if not np.isfinite(values).all():
        s = sectors[int(np.argmin(np.isfinite(values)))]
        raise ValueError(f"{func}: argument {argument}= sector {s} is {vector[s]}; expected a finite number")
    return values


def _positive(values: np.ndarray, sectors: pd.Index, func: str, argument: str) -> None:
    if (values <= 0).any():
        s = sectors[int(np.argmax(values <= 0))]
        raise ValueError(f"{func}: argument {argument}= sector {s} is {values[sectors.get_loc(s)]:g}; a "
                         "coefficient divides by it, so it must be > 0 (a sector with no output has none)")


def _inverse(values: np.ndarray, sectors: pd.Index, func: str, argument: str, what: str) -> np.ndarray:
    """(I - M)^-1 after refusing negative entries and a spectral radius >= 1."""
    if (values < 0).any():
        i, j = np.argwhere(values < 0)[0]
        raise ValueError(f"{func}: argument {argument}= cell ({sectors[i]}, {sectors[j]}) is {values[i, j]:g}; "
                         f"{what} coefficients must be >= 0")
    radius = float(np.max(np.abs(np.linalg.eigvals(values))))
    if radius >= 1 - _RADIUS_MARGIN:
        raise ValueError(f"{func}: argument {argument}= is not productive: spectral radius {radius:.6g} >= 1 "
                         "(Hawkins-Simon condition fails; I - A is singular or its inverse has negative "
                         "entries); check that the coefficients are shares of total input/output, not flows")
    n = len(sectors)
    try:
        return np.linalg.solve(np.eye(n) - values, np.eye(n))
    except np.linalg.LinAlgError:  # pragma: no cover - radius < 1 implies I - A is regular
        raise ValueError(f"{func}: argument {argument}= gives a singular I - A") from None


# --------------------------------------------------------------------------- coefficients
def technical_coefficients(flows: pd.DataFrame, total_input: pd.Series) -> pd.DataFrame:
    """Technical (input) coefficients, *koefisien input*: each column of flows over its total input.

    Parameters
    ----------
    flows
        Intermediate flows :math:`Z` (``sectors x sectors``, row sells to column), e.g.
        :attr:`IOTable.Z`.
    total_input
        Total input :math:`x_j` by purchasing sector (must be > 0).

    Returns
    -------
    pandas.DataFrame
        :math:`A`, same labels as ``flows``.

    Raises
    ------
    TypeError, ValueError
        Not a square labelled frame; non-finite cells; a sector with total input <= 0 (never a
        silent 0).

    Notes
    -----
    .. math:: a_{ij} = z_{ij} / x_j, \\qquad A = Z \\hat{x}^{-1}

    From a domestic table (*transaksi domestik*), :math:`A` is the domestic (regional) input
    coefficient matrix: imports are outside it, so the multipliers below are regional ones.

    References
    ----------
    Miller & Blair (2009), sect. 2.2; BPS, *Kerangka Teori dan Analisis Tabel Input-Output*.

    Examples
    --------
    Worked by hand: 10/100 = 0.1, 30/150 = 0.2, 20/100 = 0.2, 15/150 = 0.1.

    >>> z = pd.DataFrame([[10.0, 30.0], [20.0, 15.0]], index=["a", "b"], columns=["a", "b"])
    >>> technical_coefficients(z, pd.Series({"a": 100.0, "b": 150.0}))
         a    b
    a  0.1  0.2
    b  0.2  0.1
    """
    func = "technical_coefficients"
    z = _square(flows, func, "flows")
    x = _vector(total_input, flows.columns, func, "total_input")
    _positive(x, flows.columns, func, "total_input")
    return pd.DataFrame(z / x[None, :], index=flows.index.copy(), columns=flows.columns.copy())


def allocation_coefficients(flows: pd.DataFrame, total_output: pd.Series) -> pd.DataFrame:
    """Allocation (output) coefficients: each row of flows over its total output.

    Notes
    -----
    .. math:: b_{ij} = z_{ij} / x_i, \\qquad B = \\hat{x}^{-1} Z = \\hat{x}^{-1} A \\hat{x}

    The supply-side (Ghosh) counterpart of :func:`technical_coefficients` (Miller & Blair 2009,
    sect. 12.1). Same checks; ``total_output`` must be > 0.

    Examples
    --------
    >>> z = pd.DataFrame([[10.0, 30.0], [20.0, 10.0]], index=["a", "b"], columns=["a", "b"])
    >>> allocation_coefficients(z, pd.Series({"a": 100.0, "b": 100.0}))
         a    b
    a  0.1  0.3
    b  0.2  0.1
    """
    func = "allocation_coefficients"
    z = _square(flows, func, "flows")
    x = _vector(total_output, flows.index, func, "total_output")
    _positive(x, flows.index, func, "total_output")
    return pd.DataFrame(z / x[:, None], index=flows.index.copy(), columns=flows.columns.copy())


def leontief_inverse(coefficients: pd.DataFrame) -> pd.DataFrame:
    """Leontief inverse, *matriks kebalikan Leontief*: total requirements per unit of final demand.

    Parameters
    ----------
    coefficients
        Technical coefficients :math:`A` (:func:`technical_coefficients`).

    Returns
    -------
    pandas.DataFrame
        :math:`L`, same labels: :math:`l_{ij}` is the output of sector *i* needed, directly and
        indirectly, for one unit of final demand for sector *j*.

    Raises
    ------
    ValueError
        A negative coefficient, or a table that is not productive: spectral radius
        :math:`\\rho(A) \\ge 1` (then :math:`I - A` is singular or its inverse is not
        non-negative; the Hawkins-Simon condition fails). Also for non-square, mislabelled or
        non-finite input.

    Notes
    -----
    .. math:: L = (I - A)^{-1} = I + A + A^2 + A^3 + \\cdots \\quad (\\rho(A) < 1)

    Solved with ``numpy.linalg.solve(I - A, I)`` (no explicit inversion).

    References
    ----------
    Miller & Blair (2009), sect. 2.3; BPS, *Kerangka Teori dan Analisis Tabel Input-Output*.

    Examples
    --------
    Worked by hand: :math:`A = [[0.1, 0.2], [0.2, 0.1]]`, :math:`\\det(I - A) = 0.81 - 0.04 =
    0.77`, so :math:`L = [[0.9, 0.2], [0.2, 0.9]] / 0.77`:

    >>> a = pd.DataFrame([[0.1, 0.2], [0.2, 0.1]], index=["a", "b"], columns=["a", "b"])
    >>> leontief_inverse(a).round(6)
              a         b
    a  1.168831  0.259740
    b  0.259740  1.168831
    """
    func = "leontief_inverse"
    values = _square(coefficients, func, "coefficients")
    inverse = _inverse(values, coefficients.index, func, "coefficients", "technical")
    return pd.DataFrame(inverse, index=coefficients.index.copy(), columns=coefficients.columns.copy())


def ghosh_inverse(allocation: pd.DataFrame) -> pd.DataFrame:
    """Ghosh inverse :math:`G = (I - B)^{-1}` of allocation coefficients (supply-side model).

    Notes
    -----
    .. math:: G = (I - B)^{-1} = \\hat{x}^{-1} L \\hat{x}

    Same checks and refusals as :func:`leontief_inverse` (Miller & Blair 2009, sect. 12.1).

    Examples
    --------
    >>> b = pd.DataFrame([[0.1, 0.2], [0.2, 0.1]], index=["a", "b"], columns=["a", "b"])
    >>> float(ghosh_inverse(b).loc["a", "a"].round(6))
    1.168831
    """
    func = "ghosh_inverse"
    values = _square(allocation, func, "allocation")
    inverse = _inverse(values, allocation.index, func, "allocation", "allocation")
    return pd.DataFrame(inverse, index=allocation.index.copy(), columns=allocation.columns.copy())


# --------------------------------------------------------------------------- multipliers
def io_multipliers(coefficients: pd.DataFrame, value_added_ratio: pd.Series) -> pd.DataFrame:
    """Output and value-added multipliers, *angka pengganda output* and *angka pengganda nilai tambah*.

    Parameters
    ----------
    coefficients
        Technical coefficients :math:`A`.
    value_added_ratio
        :math:`v_j = \\text{value added}_j / x_j` by sector.

    Returns
    -------
    pandas.DataFrame
        ``sector_code, output_multiplier, value_added_multiplier``, one row per sector.

    Notes
    -----
    .. math::

        m(o)_j = \\sum_i l_{ij}, \\qquad m(v)_j = \\sum_i v_i \\, l_{ij} \\quad (v' L)

    :math:`m(o)_j` is the simple output multiplier (open model, households exogenous; always
    >= 1). :math:`m(v)_j` is the simple *total* value-added multiplier of Miller & Blair (2009,
    sect. 6.2): value added generated in the region per unit of final demand for sector *j*. It is
    **not** the "type I" ratio :math:`m(v)_j / v_j` (value added generated per unit of sector
    *j*'s own value added). From a domestic table it is below 1: with :math:`m_j` the import
    coefficient, column balance :math:`\\mathbf{1}' = \\mathbf{1}'A + m' + v'` gives
    :math:`v'L + m'L = \\mathbf{1}'` (value added plus import leakage per unit of final demand).

    References
    ----------
    Miller & Blair (2009), sect. 6.2-6.3; BPS, *Kerangka Teori dan Analisis Tabel Input-Output*
    (*angka pengganda*).

    Examples
    --------
    With :math:`A = [[0.1, 0.2], [0.2, 0.1]]`, :math:`L = [[0.9, 0.2], [0.2, 0.9]] / 0.77`: column
    sums 1.1 / 0.77 = 1.428571; with :math:`v = (0.5, 0.6)`: (0.45 + 0.12) / 0.77 = 0.740260 and
    (0.1 + 0.54) / 0.77 = 0.831169.

    >>> a = pd.DataFrame([[0.1, 0.2], [0.2, 0.1]], index=["a", "b"], columns=["a", "b"])
    >>> io_multipliers(a, pd.Series({"a": 0.5, "b": 0.6})).round(6)
      sector_code  output_multiplier  value_added_multiplier
    0           a           1.428571                0.740260
    1           b           1.428571                0.831169
    """
    func = "io_multipliers"
    inverse = leontief_inverse(coefficients).to_numpy()
    v = _vector(value_added_ratio, coefficients.index, func, "value_added_ratio")
    return pd.DataFrame({
        "sector_code": pd.array([str(s) for s in coefficients.columns], dtype=object),
        "output_multiplier": inverse.sum(axis=0),
        "value_added_multiplier": v @ inverse,
    })


def _indicator_arrays(a: np.ndarray, v: np.ndarray, x: np.ndarray, present: np.ndarray, forward: str,
                      sectors: pd.Index, func: str) -> dict[str, np.ndarray]:
    """Multipliers and linkages of sectors ``present`` (others NaN); linkages over present sectors."""
    inverse = _inverse(a, sectors, func, "table", "technical")
    col = inverse.sum(axis=0)
    if forward == "leontief":
        row = inverse.sum(axis=1)
    else:
        b = np.zeros_like(a)
        p = present
        b[np.ix_(p, p)] = a[np.ix_(p, p)] * x[None, p] / x[p, None]  # B = x^-1 A x on present sectors
        row = _inverse(b, sectors, func, "table", "allocation").sum(axis=1)
    out = {
        "output_multiplier": col,
        "value_added_multiplier": v @ inverse,
        "backward_linkage": col / col[present].mean(),
        "forward_linkage": row / row[present].mean(),
    }
    return {k: np.where(present, arr, np.nan) for k, arr in out.items()}


def io_sector_indicators(table: IOTable, *, forward: str = "leontief") -> pd.DataFrame:
    """Multipliers, linkages, key sectors and trade shares of one input-output table.

    Parameters
    ----------
    table
        An :class:`~potensi.data.io_table.IOTable` (any object with its attributes ``Z``,
        ``total_input``, ``total_output``, ``value_added``, ``imports_abroad``,
        ``imports_other_provinces``, ``exports_abroad``, ``exports_other_provinces``).
    forward
        ``"leontief"`` (default): forward linkage from the row sums of :math:`L` (Rasmussen's
        sensitivity of dispersion, as in BPS publications); ``"ghosh"``: from the row sums of the
        Ghosh inverse :math:`G` (Miller & Blair 2009, sect. 12.2, the measure they recommend).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`IO_INDICATOR_COLUMNS`, one row per sector in table order:
        ``sector_code`` (str), ``output_multiplier``, ``value_added_multiplier``,
        ``backward_linkage``, ``forward_linkage`` (floats), ``key_sector`` (bool),
        ``export_share``, ``import_share`` (floats, 0-1).

    Raises
    ------
    ValueError
        ``forward`` not one of the options; a sector with total input or output <= 0; a table
        that is not productive (see :func:`leontief_inverse`).

    Notes
    -----
    With :math:`L = (I - A)^{-1}`, :math:`A = Z \\hat{x}^{-1}`, :math:`v_j = \\text{NTB}_j / x_j`:

    .. math::

        m(o)_j &= \\textstyle\\sum_i l_{ij} \\quad \\text{(angka pengganda output)} \\\\
        m(v)_j &= \\textstyle\\sum_i v_i l_{ij} \\quad \\text{(angka pengganda nilai tambah)} \\\\
        BL_j &= \\frac{\\sum_i l_{ij}}{\\frac{1}{n}\\sum_{k}\\sum_i l_{ik}}
            \\quad \\text{(daya penyebaran)} \\\\
        FL_i &= \\frac{\\sum_j l_{ij}}{\\frac{1}{n}\\sum_{k}\\sum_j l_{kj}}
            \\quad \\text{(derajat kepekaan; } G = (I - B)^{-1} \\text{ with } B = \\hat{x}^{-1}Z
            \\text{ for ghosh)} \\\\
        \\text{key}_j &= BL_j > 1 \\wedge FL_j > 1 \\quad \\text{(sektor kunci)} \\\\
        \\text{export share}_i &= (e^{LN}_i + e^{AP}_i) / x_i \\quad \\text{(columns 3071 + 3072)} \\\\
        \\text{import share}_j &= (m^{LN}_j + m^{AP}_j) / x_j \\quad \\text{(rows 2000 + 2001)}

    :math:`\\sum_j BL_j = \\sum_i FL_i = n` by construction. The value-added multiplier is the
    simple total one (see :func:`io_multipliers`), not the type I ratio. The import share counts
    intermediate imports only (from abroad and from other provinces); the export share counts
    sales abroad and to other provinces.

    References
    ----------
    Miller & Blair (2009), sect. 6.2, 12.2 (linkages, key sectors); Rasmussen (1956); BPS,
    *Kerangka Teori dan Analisis Tabel Input-Output* (daya penyebaran, derajat kepekaan).

    Examples
    --------
    A 2-sector table (hand-worked in ``tests/test_input_output.py`` for 3 sectors):

    >>> from types import SimpleNamespace
    >>> idx = pd.Index(["a", "b"], name="sector_code")
    >>> s = lambda *v: pd.Series(v, index=idx)
    >>> t = SimpleNamespace(Z=pd.DataFrame([[10.0, 20.0], [20.0, 10.0]], index=idx, columns=idx),
    ...     total_input=s(100.0, 100.0), total_output=s(100.0, 100.0), value_added=s(50.0, 60.0),
    ...     imports_abroad=s(20.0, 10.0), imports_other_provinces=s(0.0, 0.0),
    ...     exports_abroad=s(30.0, 0.0), exports_other_provinces=s(0.0, 10.0))
    >>> io_sector_indicators(t)[["sector_code", "output_multiplier", "key_sector", "export_share"]]
      sector_code  output_multiplier  key_sector  export_share
    0           a           1.428571       False           0.3
    1           b           1.428571       False           0.1
    """
    func = "io_sector_indicators"
    check_choice(forward, FORWARD_OPTIONS, func, "forward")
    a = technical_coefficients(table.Z, table.total_input)
    sectors = a.columns
    x_in = _vector(table.total_input, sectors, func, "table.total_input")
    x_out = _vector(table.total_output, sectors, func, "table.total_output")
    _positive(x_out, sectors, func, "table.total_output")
    v = _vector(table.value_added, sectors, func, "table.value_added") / x_in
    arrays = _indicator_arrays(a.to_numpy(), v, x_out, np.ones(len(sectors), bool), forward, sectors, func)
    exports = (_vector(table.exports_abroad, sectors, func, "table.exports_abroad")
               + _vector(table.exports_other_provinces, sectors, func, "table.exports_other_provinces"))
    imports = (_vector(table.imports_abroad, sectors, func, "table.imports_abroad")
               + _vector(table.imports_other_provinces, sectors, func, "table.imports_other_provinces"))
    return _frame(sectors, arrays, exports / x_out, imports / x_in)


def _frame(sectors: pd.Index, arrays: dict[str, np.ndarray], export_share: np.ndarray,
           import_share: np.ndarray) -> pd.DataFrame:
    frame = pd.DataFrame({"sector_code": pd.array([str(s) for s in sectors], dtype=object), **arrays})
    frame["key_sector"] = (frame["backward_linkage"] > 1) & (frame["forward_linkage"] > 1)
    frame["export_share"] = export_share
    frame["import_share"] = import_share
    return frame[IO_INDICATOR_COLUMNS]
