"""What a study could not compute, and why: structured records, worded by :data:`potensi.core.wording.GAPS`.

A study states its gaps as :class:`Gap` values (a tag naming the part of the report concerned,
the kind of gap, and its numbers); the report reads ``gap.text`` for the sentence, and asks
:meth:`potensi.study.province.ProvinceAnalysis.gap_for` which gap explains a missing table (by tag).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from potensi.core.wording import GAPS

__all__ = ["Gap", "GAP_TAGS"]

#: Tags of the gaps: which part of the report a gap concerns.
GAP_TAGS = ("jendela", "batas", "kabkota", "nasional", "turunan", "vintase", "sementara", "provinsi")


@dataclass(frozen=True)
class Gap:
    """One gap of a study.

    ``tag``: the part of the report it concerns (one of :data:`GAP_TAGS`, e.g. ``"kabkota"``);
    ``kind``: the key of its sentence in :data:`potensi.core.wording.GAPS`; ``params``: the values
    the sentence names (years, a region's name, formatted counts).

    >>> Gap("jendela", "window_narrowed", {"start": 2013, "end": 2020, "start_requested": 2010,
    ...                                     "end_requested": 2020}).text
    'Data tersedia hanya untuk 2013–2020 dari jendela 2010–2020 yang diminta.'
    """

    tag: str
    kind: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.tag not in GAP_TAGS:
            raise ValueError(f"Gap: tag {self.tag!r} unknown; expected one of {list(GAP_TAGS)}")
        if self.kind not in GAPS:
            raise ValueError(f"Gap: kind {self.kind!r} unknown; expected one of {sorted(GAPS)}")

    @property
    def text(self) -> str:
        """The gap in one Indonesian sentence."""
        return GAPS[self.kind].format(**self.params)

    def __str__(self) -> str:
        return f"[{self.tag}] {self.text}"
