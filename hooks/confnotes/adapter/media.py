"""Pictures, avatars and social cards in a build: configured from mkdocs.yml, read with the
files, drawn beside the pages, given to the templates."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from .. import (
    card_fonts,
    cards,
)
from . import image_markdown, rebuilds, social
from .state import BuildState, config_folder


class MediaSteps(BuildState):
    def _social_view(self, config: MkDocsConfig) -> social.SocialView:
        assert self.site is not None
        titles = {src: page.title for src, page in self.generated.items()}
        titles.update({n.path: n.title for n in self.site.notes})
        return social.SocialView(config, self.site, self.cards.by_page if self.cards else {},
                                titles)

    def _configure_media(self, config: MkDocsConfig, settings: dict[str, Any]) -> None:
        wanted = settings.get("cards", True)
        if not isinstance(wanted, bool):
            raise PluginError("mkdocs.yml: 'extra.confnotes.cards' must be true or false, not "
                              f"{wanted!r}.")
        self.cards_wanted = wanted
        font = settings.get("card_font")
        if font is not None and not isinstance(font, str):
            raise PluginError("mkdocs.yml: 'extra.confnotes.card_font' must be the path of a "
                              f"font file, not {font!r}.")
        if font:
            self.card_font = str(config_folder(config) / os.path.expanduser(font))
        extension = image_markdown.ImageExtension
        config.markdown_extensions[:] = [
            e for e in config.markdown_extensions if not isinstance(e, extension)]
        config.markdown_extensions.append(extension(self.images))

    def _read_media(self, files: Files, config: MkDocsConfig) -> None:
        """Pictures, avatars, and the cards to draw while the pages render."""
        assert self.site is not None
        start = time.perf_counter()
        self.images.read(files, config.docs_dir)
        self.avatars.read(self.site.terms["speaker"].values(), self.images, files, config,
                          self.report)
        self.cards = None
        if self.cards_wanted:
            fonts, why_not = card_fonts.find_fonts(self.card_font,
                                              remembered=self.card_cache.parent / "fonts.json")
            if fonts is None:
                self.log.warning(f"Social cards are left out: {why_not}. The rest of the site "
                                 "is built as usual.")
            else:
                self.cards = social.Cards(
                    self.card_cache, fonts,
                    self.rebuilds.card_files if self.rebuilds is not None else None)
                self._plan_cards(files, config)
                if self.rebuilds is not None:
                    self.rebuilds.card_files = self.cards.planned
                self.cards.start()
        self.media_seconds = time.perf_counter() - start

    def _plan_cards(self, files: Files, config: MkDocsConfig) -> None:
        assert self.site is not None and self.cards is not None
        base = cards.Card("", "", (), config.site_name, social.site_host(config.site_url))
        # Under `mkdocs serve`, the whole plan is last build's while everything it is made
        # from is: the model (the same object), the pages, avatars and settings, and no card
        # was left out for a file of the site's own at its address.
        given = (self.site, base, list(self.generated), dict(self.avatars.by_speaker),
                 config.site_description, config.site_dir, config.use_directory_urls,
                 self.cards.fonts.identity, self.card_cache)
        if self.rebuilds is not None:
            last = self.rebuilds.card_plan
            self.rebuilds.card_plan = None
            if (last is not None and rebuilds.same_inputs(last[0], given)
                    and self.cards.adopt(last[1], last[2], files)):
                self.rebuilds.card_plan = last
                return
        self._plan_each_card(files, config, base)
        if self.rebuilds is not None and len(self.cards.by_page) == len(self.raw) + len(
                self.generated):
            self.rebuilds.card_plan = (given, self.cards.planned, self.cards.by_page)

    def _plan_each_card(self, files: Files, config: MkDocsConfig, base: cards.Card) -> None:
        assert self.site is not None and self.cards is not None
        by_path = {n.path: n for n in self.site.notes}
        # Under `mkdocs serve`, a note's card is made from the model alone, a term's from the
        # model and its avatar: while the model is last build's own object (the notes' bodies
        # changed, nothing it holds), so is each card.
        # Keyed by a note's source, or a term page's source and avatar.
        made: dict[Any, cards.Card] = {}
        if self.rebuilds is not None:
            last = self.rebuilds.cards_made
            if last is not None and last[0] is self.site and last[1] == base:
                made = last[2]
            self.rebuilds.cards_made = (self.site, base, made)
        for src in sorted(self.raw):
            if src in by_path:
                card = made.get(src)
                if card is None:
                    card = made[src] = cards.note_card(self.site, by_path[src], base)
                self.cards.plan(src, card, files, config)
        for src, page in sorted(self.generated.items()):
            term = page.meta.get("confnotes_term")
            if term:
                term = self.site.term(*term)
                avatar = self.avatars.by_speaker.get(term.id) if term.kind == "speaker" else None
                picture = str(avatar.path) if avatar else None
                card = made.get((src, picture))
                if card is None:
                    card = made[src, picture] = cards.term_card(self.site, term, base, picture)
            else:
                card = replace(base, title=page.title if src != "index.md" else config.site_name,
                               details=(config.site_description or "",))
            self.cards.plan(src, card, files, config)

    def _finish_media(self, env: Any, config: MkDocsConfig, files: Files) -> None:
        """Report pictures no page showed, and give templates the media (cards are still
        being drawn: on_post_build waits for them)."""
        assert self.site is not None
        start = time.perf_counter()
        if self.rebuilds is None or not self.rebuilds.kept_any():
            # Pages kept from the last build showed their pictures then, not now.
            self.images.unreferenced_problems(self.report)
        avatars: Any = self.avatars
        tags: Any = self.social
        if self.rebuilds is not None:
            avatars = rebuilds.Recorded("confnotes_avatars", avatars, self.rebuilds.tape)
            tags = rebuilds.Recorded("confnotes_social", tags, self.rebuilds.tape)
        env.globals["confnotes_avatars"] = avatars
        env.globals["confnotes_social"] = tags
        self.media_seconds += time.perf_counter() - start

    def _log_media_time(self) -> None:
        made = self.cards.made if self.cards else 0
        drawing = self.cards.seconds if self.cards else 0.0
        spent = self.media_seconds + self.images.page_seconds + (
            self.social.seconds if self.social else 0.0)
        self.timings = {"media_seconds": spent, "side_seconds": self.outputs.side_seconds,
                        "card_seconds": drawing}
        self.log.debug(f"pictures: {len(self.images.pictures)} ({self.images.made} made), "
                       f"avatars: {len(self.avatars.by_speaker)} ({self.avatars.made} made), "
                       f"cards: {len(self.cards.by_page) if self.cards else 0} ({made} drawn); "
                       f"{spent * 1000:.0f} ms on the build's thread, {drawing * 1000:.0f} ms "
                       f"drawing cards beside it")
