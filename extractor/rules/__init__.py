"""Pure rules: text in, matches out. No spaCy here; components wire these into the Doc."""
