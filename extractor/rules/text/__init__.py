"""Helpers every rule shares: syllable tokens with offsets (`tokens`) and taken-span bookkeeping (`spans`)."""
