"""Readings of a text alone, cached per distinct text.

Syndicated copy repeats sentences word for word across hundreds of articles (wire stories,
boilerplate lines), so what depends on a sentence's text alone is read once for each
distinct text. The cache is bounded by count; a text longer than ``LONGEST_CACHED`` is read
afresh, since a few of them would otherwise hold the cache's memory.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _CacheInfo, lru_cache
from typing import Concatenate, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

LONGEST_CACHED = 2_000


class per_text(Generic[P, R]):
    """Cache ``read(text, ...)`` for the 8,192 most recent texts of ordinary length."""

    def __init__(self, read: Callable[Concatenate[str, P], R]) -> None:
        self._read = read
        self._cached = lru_cache(maxsize=1 << 13)(read)
        self.__doc__ = read.__doc__

    def __call__(self, text: str, *args: P.args, **kwargs: P.kwargs) -> R:
        if len(text) > LONGEST_CACHED:
            return self._read(text, *args, **kwargs)
        return self._cached(text, *args, **kwargs)  # type: ignore[arg-type]

    def cache_info(self) -> _CacheInfo:
        return self._cached.cache_info()
