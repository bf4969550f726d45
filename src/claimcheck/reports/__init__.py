"""Reports and standard exports: what leaves claimcheck for editors and the public.

Each format is a renderer over the plain data of services.reporting (or the claim views of
services.claims) that yields text as it reads, so any corpus is written in flat memory.
"""
