"""Shared by every test: one cache of pictures and social cards for the whole run, so the many
small sites the tests build draw each card once (the hooks read CONFNOTES_CACHE_DIR)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def one_picture_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONFNOTES_CACHE_DIR", str(tmp_path_factory.mktemp("confnotes-cache")))
        yield
