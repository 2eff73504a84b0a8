"""Inflected forms of demonyms and country adjectives, by the rules of each language.

Rules work on folded (lower-case, accent-free) base forms; see data/actors/demonyms.tsv for the notation
("=" takes a form as it stands; a form ending in "*" is matched with any ending).
"""

from __future__ import annotations


def _last_word_forms(word: str, lang: str) -> list[str]:
    if lang == "it":
        if word.endswith("o"):
            stem = word[:-1]
            return [word, stem + "a", stem + "i", stem + "e"]
        if word.endswith("e"):
            return [word, word[:-1] + "i"]
        if word.endswith("a"):
            stem = word[:-1]
            return [word, stem + "i", stem + "e"]
        return [word]
    if lang == "en":
        if word.endswith(("an", "i")) or word.endswith("ot"):
            return [word, word + "s"]
        return [word]
    if lang == "fr":
        if word.endswith("en"):
            return [word, word + "ne", word + "s", word + "nes"]
        if word.endswith("e"):
            return [word, word + "s"]
        if word.endswith(("s", "x")):
            return [word, word + "e", word + "es"]
        return [word, word + "e", word + "s", word + "es"]
    if lang == "es":
        if word.endswith("o"):
            stem = word[:-1]
            return [word, stem + "a", stem + "os", stem + "as"]
        if word.endswith("e"):
            return [word, word + "s"]
        if word.endswith("i") or word.endswith("u"):
            return [word, word + "es", word + "s"]
        if word.endswith("a"):
            return [word, word + "s"]
        return [word, word + "a", word + "es", word + "as"]
    if lang == "de":
        if word.endswith("isch") or word.endswith("sch"):
            return [word] + [word + s for s in ("e", "en", "er", "es", "em")]
        return [word]
    return [word]


def inflect(base: str, lang: str) -> list[str]:
    """All forms of a folded base form (the last word of a multi-word form is inflected)."""
    if base.startswith("="):
        return [base[1:]]
    if base.endswith("*") or base.startswith("*"):
        return [base]
    words = base.split(" ")
    forms = _last_word_forms(words[-1], lang)
    head = " ".join(words[:-1])
    out = [(head + " " + f).strip() for f in forms]
    return list(dict.fromkeys(out))
