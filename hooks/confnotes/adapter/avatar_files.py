"""Speakers' avatars as files of the site: each registered `avatar:` checked, cropped (avatars.py)
and published at `assets/confnotes/avatars/<slug>.jpg`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..avatars import AVATAR_SIZE, FOLDER, PIPELINE, Avatar, square
from ..messages import Report
from ..model import Term
from ..pictures import avatar_problem, avatar_warning, cache_key, write_atomically
from .images import Images


class Avatars:
    """The processed avatar of every registered speaker who has one; the `confnotes_avatars`
    object in templates."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.by_speaker: dict[str, Avatar] = {}
        self.made = 0

    def read(self, speakers: Iterable[Term], images: Images, files: Files,
             config: MkDocsConfig, report: Report) -> None:
        """Make every speaker's avatar and add it to `files`; a bad `avatar:` is a warning at
        the registry entry, and that speaker keeps the initials."""
        for term in sorted(speakers, key=lambda t: t.id):
            if not term.avatar:
                continue

            def warn(text: str, term: Term = term) -> None:
                report.warn(term.source, term.line, avatar_warning(term.id, term.avatar or "",
                                                                   text))

            src, problem = avatar_problem(images, term.avatar)
            if src:
                images.referenced.add(src)
            if problem or src not in images.originals:
                warn(problem or "is not a JPEG, PNG, GIF or WebP picture.")
                continue
            avatar = self._make(term, images.originals[src], files, config)
            if avatar is None:
                warn(f"would be published at '{FOLDER}/{term.slug}', where docs/ already has a "
                     "file.")
                continue
            self.by_speaker[term.id] = avatar

    def _make(self, term: Term, original: Path, files: Files,
              config: MkDocsConfig) -> Avatar | None:
        data = original.read_bytes()
        key = cache_key(data, PIPELINE)
        path = next((p for p in (self.cache / f"{key}.jpg", self.cache / f"{key}.png")
                     if p.is_file()), None)
        if path is None:
            picture, suffix = square(data)
            path = self.cache / f"{key}{suffix}"
            write_atomically(path, picture)
            self.made += 1
        url = f"{FOLDER}/{term.slug}{path.suffix}"
        if files.get_file_from_path(url) is not None:
            return None
        files.append(File.generated(config, url, abs_src_path=str(path)))
        return Avatar(url, path, AVATAR_SIZE)

    # -- what templates see --

    def avatar(self, term: Term) -> Avatar | None:
        """The speaker's processed avatar, or None: show the initials."""
        return self.by_speaker.get(term.id) if term.kind == "speaker" else None
