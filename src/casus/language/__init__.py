"""casus.language: language detection (`detect`), sentences (`segment`), tokens and lemmas (`tokens`).

Per-language data (abbreviations, debris cues) lives in `casus/data/language/`.
"""
