"""Cited party and state documents: `citations` finds a citation and its span, `attributes` parses what it
says of itself (type, number, symbol, issuer, date, term)."""
