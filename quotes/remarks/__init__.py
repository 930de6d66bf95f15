"""Remarks: the same thing said once, reported by many articles. Pure clustering here, passing
frozen records (no database): items (normalise and prepare a quotation) → blocking (which
quotations to compare) → scoring (the relation and score of a pair) → clustering (remarks and
their canonical wording) → phrases (talking points repeated across occasions); translation
links a quotation to the one in another language it translates.

The database side sits beside it and is imported by path: `quotes.remarks.assign` places new
quotations in remarks as articles arrive; `quotes.remarks.compare` reads remarks back, with
their translations (`quotes.remarks.translated`).
"""

from quotes.remarks.blocking import candidate_pairs
from quotes.remarks.clustering import Clusterer, canonical, cluster, partition
from quotes.remarks.items import WINDOW_DAYS, DedupItem, Link, normalise, prepare
from quotes.remarks.phrases import recurring_phrases
from quotes.remarks.scoring import link, relation

__all__ = [
    "WINDOW_DAYS",
    "Clusterer",
    "DedupItem",
    "Link",
    "candidate_pairs",
    "canonical",
    "cluster",
    "link",
    "normalise",
    "partition",
    "prepare",
    "recurring_phrases",
    "relation",
]
