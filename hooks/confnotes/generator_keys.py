"""Front matter keys that other site generators write, so their posts build here unchanged.

A Jekyll post has `layout:` and `permalink:`, a Hugo post `slug:` and `toc:`, a Docusaurus
page `sidebar_position:`. Keys that mean something Confnotes also knows are read as that field
(fields.FIELDS lists them beside Confnotes' own names); the keys below only steer the other
generator and are accepted without a word. Keys are compared case- and separator-folded:
`header-img`, `header_img` and `headerImg` are one key.
"""

from __future__ import annotations

import re

# The other spellings of fields Confnotes reads, by field (see fields.FIELDS).
POST_DATE_KEYS = ("pub_date", "pubdate", "publishdate", "publish_date", "published_at",
                  "date_published", "pubdatetime", "created", "created_at", "createdat",
                  "post_date", "posted", "posted_at", "작성일", "게시일")
CATEGORY_KEYS = ("categories", "category", "카테고리", "분류")
SUMMARY_KEYS = ("excerpt", "abstract", "lead", "teaser_text")
PICTURE_KEYS = ("featured_image", "featuredimage", "featured_img", "feature_image", "cover_image",
                "coverimage", "header_img", "headerimg", "header_image", "og_image", "ogimage",
                "social_image", "socialimage", "hero_image", "heroimage", "image", "images",
                "cover", "thumbnail", "thumb", "banner", "featured", "picture", "대표이미지",
                "썸네일")
DRAFT_KEYS = ("draft", "초안", "임시")
PLACE_KEYS = ("location", "venue", "place", "장소", "위치")
TIME_KEYS = ("start_time", "starttime", "datetime", "일시", "행사일", "행사_일시")

# Keys that only steer another generator or a theme: accepted silently.
_STEERING = """
layout permalink path slug url aliases weight type id uid toc toc_sticky toc_label toc_icon
toc_min_heading_level toc_max_heading_level showtoc tocopen comments comment share related
read_time reading_time header sidebar sidebar_position sidebar_label sidebar_class_name
sidebar_custom_props displayed_sidebar sidebardepth nav_order nav_exclude parent grand_parent
has_children classes author_profile entries_layout last_modified_at lastmod modified updated
updated_at date_modified last_update lastupdated expirydate expiry_date linktitle menu menus
outputs resources markup headless translationkey cascade build sitemap seo robots canonicalurl
canonical_url canonical editpost edit_link editlink custom_edit_url hidden hide_title
hide_table_of_contents hidesummary hidemeta searchhidden search_hidden unlisted pin pinned
sticky top featured_post priority redirect_from redirect_to render_with_liquid
excerpt_separator mathjax math katex mermaid use_math usemath isCJKLanguage iscjklanguage
showreadingtime showsharebuttons showpostnavlinks showbreadcrumbs showcodecopybuttons
showwordcount showrssbuttoninsectiontermlist usehugotoc disableshare disablehljs
hiddenfromhomepage hiddenfromsearch twemoji lightgallery ruby fraction fontawesome
linktomarkdown rssfulltext password message repost code mapbox typeit license libraries
featuredimagepreview prev next pagination_label pagination_next pagination_prev
parse_number_prefixes home herotext tagline actiontext actionlink features footer pageclass
navbar contributors lastupdated meta head metatitle meta_title metadescription keywords_meta
series locale catalog multilingual header_mask header-mask background css js scripts styles
photos abbrlink disqusid disqus disqus_identifier gitalk utterances giscus authorlink
authorbox author_url authorurl author_link author_image authorimage avatar twitter og
og_type og_title opengraph twitter_card card draft_date blog_post tocdepth numbered
sequence order index nav_title navtitle short_title shorttitle subtitle_image
sharing share_image socialshare social lang_ref translations i18n
""".split()
IGNORED = frozenset(re.sub(r"[\s_-]+", "", k.casefold()) for k in _STEERING)


def fold(key: str) -> str:
    """A key as this table compares it: case and separators ignored."""
    return re.sub(r"[\s_-]+", "", key.strip().casefold())


def steers_another_generator(key: str) -> bool:
    return fold(key) in IGNORED
