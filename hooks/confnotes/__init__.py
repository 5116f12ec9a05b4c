"""Confnotes core: read conference notes, normalise them into one model, publish it.

The pipeline, one module per step:
front_matter (decode, split, YAML with line numbers) -> normalize (field table, body
extraction) -> registry (speakers/topics/events files) -> index (resolve into the model) ->
pages/export (what the site and its data files show).
"""
