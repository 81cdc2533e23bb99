"""Kerja sama daerah (KSD): typed, lawful, neighbour-aware candidates and ranked proposals.

Replaces the old LQ gap × gravity pairs of ``potensi.conclusions.synthesis``, which were often
not a local government's to sign. Every function is pure (no I/O) and takes the
outputs of the other layers as DataFrames with these columns:

=================  ===========================================================================
``regions``        region_code, level (``kabupaten``/``kota``/``provinsi``), population;
                   optional region_name (used in the evidence sentences)
``classes``        :mod:`potensi.conclusions.sector_potential`: region_code, sector_code, kelas,
                   lq, share_region_pct, tradable (for the province *and* its outside partners)
``contiguity``     :mod:`potensi.data.boundaries`: region_a, region_b, method,
                   shared_border_km, province_a, province_b, cross_province
``interaction``    :func:`gravity`: region_a, region_b, distance_km, interaction
``io``             technical coefficients A (:mod:`potensi.indicators.input_output`): square,
                   index = supplying sector *i*, columns = buying sector *j*, or long
                   (row_code, col_code, coefficient)
``existing``       the intake sheet *Kerja sama berjalan*: region_a, region_b, objek, tahun, status
=================  ===========================================================================

The pipeline: :func:`gravity` → the four generators (:func:`service_candidates`,
:func:`value_chain_candidates`, :func:`resource_candidates`, :func:`knowledge_candidates` from
:func:`similar_regions`) → :func:`filter_candidates` → :func:`propose`.

Candidate table
---------------
One row per (pair, object): ``province_code`` (the study province), ``region_a, region_b``,
``bentuk, jenis, urusan, objek, topic, sector_code, sector_code_b, adjacent, cross_province,
distance_km, evidence, instrumen, opd_pelaksana, score``. One kab/kota of the study province is
always a side: ``region_a`` for services, resources and knowledge exchange (both in the province:
the smaller code first); for a value chain ``region_a`` is the upstream (supplying) region and
``region_b`` the downstream one, so either may be the partner outside the province.
``sector_code`` is empty for a service; for a value chain it is the upstream sector and
``sector_code_b`` the downstream one. ``topic`` is an identifier of the object (``air_minum``,
``A>C``, ...) used for the diversity rule and for matching existing agreements.

Score (potensi's own, in [0, 1])
--------------------------------
``score = strength × w_ab`` for the three geographic types, where :math:`w_{ab}` is the percentile
rank (0–1] of the pair's gravity interaction :math:`I_{ab} = M_a M_b / d_{ab}^b` among all pairs of
kab/kota that involve the study province (a rank, not :math:`I/\\max I`, because gravity spans
orders of magnitude and one dominant pair would flatten every other score to zero), and the
strength of the object is:

* *layanan bersama*: air minum and rujukan kesehatan ``min(1, LQ_hub − LQ_partner)`` where the
  hub has LQ ≥ 1 in the service sector (E, Q) and the neighbour LQ < 1 (a hub's capacity next to
  an under-served neighbour); persampahan ``min(1, (P_a + P_b) / 1 000 000)`` when one side is a
  kota (urban waste, little land for a landfill); transportasi ``1 − d / commute_km`` within
  ``commute_km``; penanggulangan bencana / DAS ``min(1, shared border km / 100)``;
* *rantai nilai*: ``min(1, LQ_up / 2)`` of the upstream sector;
* *sumber daya bersama*: ``min(1, min(LQ_a, LQ_b) / 2)`` of the shared resource sector;
* *pertukaran pengetahuan* (no gravity: any distance): ``0.5 × similarity``
  (:data:`KNOWLEDGE_WEIGHT`), 0 when the peers share no leading sector a kab/kota can act on.

A candidate whose score is missing or 0 has no evidence and is rejected by
:func:`filter_candidates`.

Law
---
PP 28/2018 (Kerja Sama Daerah) art. 4–6 and Permendagri 22/2020: *kerja sama wajib* is between
bordering regions for affairs with cross-border externalities or services cheaper together;
*kerja sama sukarela* between any regions. Here ``jenis`` is ``"wajib"`` when the pair borders and
the object is a shared service or a shared resource, otherwise ``"sukarela"`` (value chains and
knowledge exchange are always voluntary). ``urusan`` names the concurrent affair of the
UU 23/2014 annex. The instrument is a *Kesepakatan Bersama* followed by a *Perjanjian Kerja Sama*.

Modules
-------
:mod:`~.rules` (thresholds, DKI, state output), :mod:`~.inputs` (argument checks, lookups, the
candidate row), :mod:`~.pairs` (gravity and the weighted pairs), :mod:`~.candidates` (services,
value chains, resources), :mod:`~.similarity` (similar regions, knowledge exchange),
:mod:`~.selection` (filter and proposals). The Indonesian wording (``bentuk``, ``urusan``,
``objek``, evidence sentences, ``alasan``) is in :mod:`potensi.core.wording`.
"""

from potensi.conclusions.cooperation.candidates import (
    resource_candidates,
    service_candidates,
    value_chain_candidates,
)
from potensi.conclusions.cooperation.pairs import gravity
from potensi.conclusions.cooperation.rules import (
    BORDER_SCALE_KM,
    DKI_PROVINCE,
    KNOWLEDGE_WEIGHT,
    LANDFILL_POPULATION,
    MARKET_SECTORS,
    SERVICE_SECTORS,
    SIMILARITY_METHODS,
    STATE_OUTPUT,
    TOP_CLASSES,
)
from potensi.conclusions.cooperation.selection import filter_candidates, propose
from potensi.conclusions.cooperation.similarity import knowledge_candidates, similar_regions

__all__ = [
    "BORDER_SCALE_KM",
    "DKI_PROVINCE",
    "KNOWLEDGE_WEIGHT",
    "LANDFILL_POPULATION",
    "MARKET_SECTORS",
    "SERVICE_SECTORS",
    "SIMILARITY_METHODS",
    "STATE_OUTPUT",
    "TOP_CLASSES",
    "filter_candidates",
    "gravity",
    "knowledge_candidates",
    "propose",
    "resource_candidates",
    "service_candidates",
    "similar_regions",
    "value_chain_candidates",
]
