"""The product's fixed vocabularies, shared by every layer."""

CLAIM_KINDS = ("claim", "headline", "boilerplate", "other")
STATUSES = (
    "unreviewed",
    "in_review",
    "needs_source",
    "corroborated",
    "disputed",
    "false",
    "unverifiable",
)
SOURCE_KINDS = (
    "news_agency",
    "newspaper",
    "broadcaster",
    "website_statement",
    "press_release",
    "official",
    "person",
    "organization",
    "document",
    "social_media",
    "other",
)
ROLES = ("primary", "via", "embedded")
RELATIONS = ("corroborates", "contradicts", "cites")
