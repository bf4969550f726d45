"""claimcheck: claim fact-checking and provenance tracking for news corpora."""
