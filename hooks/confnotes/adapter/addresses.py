"""Two files must never be written to one address.

MkDocs notices a clash only between `index.md` and `README.md` in one folder; `notes/a.md`
and `notes/a/index.md` both become `notes/a/` and the later silently overwrites the earlier.
Every page keeps a place of its own here: the later one moves to a free address, with a
warning naming both files.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from mkdocs.structure.files import File, Files

from ..messages import Report


def separate(files: Files, report: Report) -> None:
    """Move pages whose output path is taken to free addresses, each with a warning."""
    taken: dict[str, File] = {}
    for file in sorted(files, key=lambda f: (not f.is_documentation_page(), f.src_uri)):
        if file.dest_uri not in taken:
            taken[file.dest_uri] = file
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        owner = taken[file.dest_uri]
        if owner is file:
            continue
        old_url = file.url
        move(file, taken)
        report.warn(file.src_uri, None, f"its page would have the same address as "
                    f"'{owner.src_uri}' ({old_url or '/'}), so it is published at "
                    f"{file.url} instead; rename one of the two files.")


def move(file: File, taken: dict[str, File]) -> str:
    """Give `file` the first free address after its own (`x/` -> `x-2/`); its new URL."""
    dest = PurePosixPath(file.dest_uri)
    n = 2
    while True:
        if dest.name == "index.html" and dest.parent.name:
            candidate = dest.parent.with_name(f"{dest.parent.name}-{n}") / dest.name
        else:
            candidate = dest.with_name(f"{dest.stem}-{n}{dest.suffix}")
        if str(candidate) not in taken:
            break
        n += 1
    # The three are File's public, settable attributes; each is computed once, so all are set.
    file.dest_uri = str(candidate)
    file.url = _url(file.dest_uri, file.use_directory_urls)
    file.abs_dest_path = os.path.normpath(os.path.join(file.dest_dir, file.dest_uri))
    taken[file.dest_uri] = file
    return file.url


def give_way(files: Files, paths: list[str]) -> dict[str, str]:
    """Move the pages of `paths` (notes at a speaker's, topic's or event's address) out of the
    way of the generated page; {src_uri: new url}. The warning is the model's (index.build)."""
    taken = {f.dest_uri: f for f in files}
    moved: dict[str, str] = {}
    for path in paths:
        file = files.get_file_from_path(path)
        if file is not None:
            moved[path] = move(file, taken)
    return moved


def _url(dest_uri: str, directory_urls: bool) -> str:
    if directory_urls and dest_uri.endswith("index.html"):
        return dest_uri[: -len("index.html")]
    return dest_uri
