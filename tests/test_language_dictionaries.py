"""Flat lemma dictionaries answer exactly what simplemma's own dicts answer, from memory or the disk cache."""

from __future__ import annotations

import pytest
from simplemma import Lemmatizer as SimplemmaLemmatizer
from simplemma.strategies.dictionaries import frontcode
from simplemma.strategies.dictionaries.dictionary_factory import (
    MappingStrToByteString,
    _load_dictionary_from_disk,
)

from casus.language import dictionaries
from casus.language.dictionaries import FlatDictionary, flatten
from casus.language.tokens import Lemmatizer


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def encode(entries: dict[str, str], reverse: bool = False, order=sorted) -> bytes:
    """A front-coded stream in simplemma's format (its encoder is not shipped): keys sorted and front-coded,
    values suffix-edited against their key, 254 = the previous value again, 255 = a literal value."""
    pairs = [(k.encode(), v.encode()) for k, v in entries.items()]
    if reverse:
        pairs = [(k[::-1], v[::-1]) for k, v in pairs]
    out = bytearray(b"SMFC1" + bytes([1 if reverse else 0]) + _varint(len(pairs)))
    prev_key = prev_value = b""
    for key, value in order(pairs):
        shared = 0
        while shared < min(len(key), len(prev_key)) and key[shared] == prev_key[shared]:
            shared += 1
        out += _varint(shared) + _varint(len(key) - shared) + key[shared:]
        if value == prev_value and prev_key:
            out.append(254)
        else:
            common = 0
            while common < min(len(key), len(value)) and key[common] == value[common]:
                common += 1
            trim = len(key) - common
            if trim < 254:
                out += bytes([trim]) + _varint(len(value) - common) + value[common:]
            else:
                out += bytes([255]) + _varint(len(value)) + value
        prev_key, prev_value = key, value
    return bytes(out)


WORDS = {
    "went": "go",
    "goes": "go",
    "gone": "go",
    "Häuser": "Haus",
    "häuser": "haus",
    "l'invio": "invio",
    "négociations": "négociation",
    "переговоры": "переговоры",
    "solidarność": "solidarność",
    "a": "a",
    "aa" * 200: "a",  # a key longer than 254 bytes: a literal value
    "zz": "zz",
    "ż": "ż",
}
MISSES = ["", "wen", "wentt", "Went", "häuse", "l’invio", "zzz", "żż", "b", "\u00e9"]


@pytest.mark.parametrize("reverse", [False, True])
def test_flat_dictionary_answers_like_simplemmas_dict(reverse: bool):
    many = {**WORDS, **{f"w{i:05d}": f"l{i % 7}" for i in range(500)}}  # several blocks
    data = encode(many, reverse)
    reference = MappingStrToByteString(frontcode._decode_stream(data))
    flat = FlatDictionary(*flatten(data))
    for key in [*many, *MISSES]:
        assert flat.get(key) == reference.get(key), key
    assert len(flat) == len(reference) and sorted(flat) == sorted(reference)


def test_flatten_refuses_what_a_flat_dictionary_cannot_hold():
    with pytest.raises(ValueError, match="order"):
        flatten(encode({"b": "b", "a": "a"}, order=lambda pairs: pairs))  # not sorted
    with pytest.raises(ValueError, match="separator"):
        flatten(encode({"a\x01b": "a"}))


def test_shipped_dictionary_matches_and_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv(dictionaries.CACHE_ENV, str(tmp_path))
    reference = MappingStrToByteString(_load_dictionary_from_disk("id"))
    built = dictionaries.load("id")
    assert dictionaries.LOADED["id"] == "built"
    assert sorted(p.suffix for p in (tmp_path / "lemmas").iterdir()) == [".idx", ".rec"]
    cached = dictionaries.load("id")  # a later process: mapped from the cache folder
    assert dictionaries.LOADED["id"] == "cache"
    keys = list(reference)
    assert len(keys) > 10_000
    for key in keys[::7] + [k.upper() for k in keys[::97]] + MISSES:
        assert built.get(key) == cached.get(key) == reference.get(key), key


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv(dictionaries.CACHE_ENV, str(tmp_path))
    dictionaries.load("id")
    (rec,) = (tmp_path / "lemmas").glob("*.rec")
    rec.write_bytes(rec.read_bytes()[:1000])  # truncated
    again = dictionaries.load("id")
    assert dictionaries.LOADED["id"] == "built"
    assert again.get("makan") == MappingStrToByteString(_load_dictionary_from_disk("id")).get("makan")


def test_an_unwritable_cache_folder_keeps_the_dictionary_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(dictionaries.CACHE_ENV, str(blocker))
    flat = dictionaries.load("id")
    assert dictionaries.LOADED["id"] == "built" and isinstance(flat, FlatDictionary)
    assert flat.get("makan") == MappingStrToByteString(_load_dictionary_from_disk("id")).get("makan")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The ministers went to Brussels; talks were held and troops aren't withdrawing. O'Brien's"),
        ("it", "Gli alleati hanno inviato truppe nell’Ucraina orientale: l’invio è stato confermato"),
    ],
)
def test_lemmas_are_simplemmas(lang: str, text: str):
    ours = Lemmatizer(lang)
    theirs = SimplemmaLemmatizer()  # simplemma's own dictionaries, decoded into a dict
    for word in text.replace(";", " ").replace(":", " ").split():
        low = word.lower().replace("’", "'")
        assert ours(word) == theirs.lemmatize(low, lang).lower(), word


def test_writing_a_language_removes_its_files_of_other_versions(tmp_path, monkeypatch):
    monkeypatch.setenv(dictionaries.CACHE_ENV, str(tmp_path))
    folder = tmp_path / "lemmas"
    folder.mkdir()
    stale = [folder / "id-0000000000000000.rec", folder / "id-0000000000000000.idx"]
    other = folder / "it-0000000000000000.rec"
    for path in [*stale, other]:
        path.write_bytes(b"old")
    dictionaries.load("id")
    assert not any(p.exists() for p in stale) and other.exists()


def test_no_home_folder_means_no_cache(monkeypatch):
    def no_home():
        raise RuntimeError("no home")

    monkeypatch.delenv(dictionaries.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(dictionaries.Path, "home", staticmethod(no_home))
    assert dictionaries.cache_dir() is None
    flat = dictionaries.load("id")
    assert dictionaries.LOADED["id"] == "built" and isinstance(flat, FlatDictionary)
    assert flat.get("makan") == MappingStrToByteString(_load_dictionary_from_disk("id")).get("makan")


def test_two_installs_of_the_same_simplemma_share_one_cache_name(tmp_path, monkeypatch):
    # a second virtual environment installs the same files at another time: same content, same cache files
    import os
    import shutil

    from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER

    from casus.language import dictionaries

    names = []
    for i, folder in enumerate((tmp_path / "venv-a", tmp_path / "venv-b")):
        folder.mkdir()
        shutil.copyfile(DATA_FOLDER / "en.plzma", folder / "en.plzma")
        os.utime(folder / "en.plzma", ns=(10**18 + i, 10**18 + i * 10**9))
        monkeypatch.setattr(dictionaries, "DATA_FOLDER", folder)
        names.append(dictionaries._fingerprint("en"))
    assert names[0] == names[1]
    (tmp_path / "venv-b" / "en.plzma").write_bytes(b"other content")
    assert dictionaries._fingerprint("en") != names[0]  # other content (another simplemma): another name
