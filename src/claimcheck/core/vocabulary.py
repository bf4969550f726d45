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

# Near-duplicate pairs: joined without review, suggested to a reviewer, or decided by one.
PAIR_STATES = ("automatic", "suggested", "confirmed", "rejected")
# A reviewer's decisions on pairs, which no recomputation overrides.
DECIDED = ("confirmed", "rejected")
# The pairs that put their claims in one cluster, and so how a member came to be in it.
MEMBER_STATES = ("automatic", "confirmed")
# A family a reviewer has not looked at, or has kept as variants whose figures disagree.
# (Confirming a family as one claim joins its claims in one cluster: it is no family then.)
FAMILY_STATUSES = ("unreviewed", "variants")
