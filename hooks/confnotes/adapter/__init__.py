"""Confnotes inside MkDocs: the hook events, the generated pages and their template context,
pictures in Markdown, and the files of avatars and social cards. Everything MkDocs-, Jinja- or
Material-specific is here; the package around it is the core, which imports nothing from here.
"""
