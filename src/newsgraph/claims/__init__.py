"""The why-stage: motives and causes linked to events, and claims with holder and certainty."""

from newsgraph.claims.export import claim_to_json, motive_to_json
from newsgraph.claims.extractor import WhyExtractor, extract_claims, extract_motives
from newsgraph.claims.triggers import may_have_attribution, may_have_cause

__all__ = [
    "WhyExtractor",
    "claim_to_json",
    "extract_claims",
    "extract_motives",
    "may_have_attribution",
    "may_have_cause",
    "motive_to_json",
]
