"""Numbers written out in words, in English, Spanish and Portuguese, as transcripts, captions
and read-out statements give them ("MS thirteen", "doce grados norte, sesenta y seis oeste").

Folded like the matcher's text (small letters, no accents, a hyphen as a space), 0 to 199:
enough for a name's number and for a position's degrees. Hand-written rather than taken from
``num2words``: that library imports every one of its fifty languages (3.6 MB in a daemon whose
memory is a target) for the 600 words needed here.
"""

from __future__ import annotations

from functools import cache

_EN_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ES_ONES = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
            "quince dieciseis diecisiete dieciocho diecinueve veinte veintiuno veintidos "
            "veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho "
            "veintinueve").split()
_ES_TENS = "treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
# Portuguese: Brazil's and Portugal's spellings where they differ
_PT_ONES = ("zero um dois tres quatro cinco seis sete oito nove dez onze doze treze "
            "catorze|quatorze quinze dezesseis|dezasseis dezessete|dezassete dezoito "
            "dezenove|dezanove").split()
_PT_TENS = "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa".split()


def _en(n: int) -> list[str]:
    if n < 20:
        return [_EN_ONES[n]]
    if n < 100:
        tens, one = divmod(n, 10)
        return [_EN_TENS[tens - 2] + ("" if one == 0 else " " + _EN_ONES[one])]
    if n == 100:
        return ["one hundred", "a hundred"]
    rest = _en(n - 100)
    return [f"{head} {joint}{r}" for head in ("one hundred", "a hundred")
            for joint in ("", "and ") for r in rest]


def _es(n: int) -> list[str]:
    if n < 30:
        return [_ES_ONES[n]]
    if n < 100:
        tens, one = divmod(n, 10)
        return [_ES_TENS[tens - 3] + ("" if one == 0 else " y " + _ES_ONES[one])]
    if n == 100:
        return ["cien"]
    return ["ciento " + r for r in _es(n - 100)]


def _pt(n: int) -> list[str]:
    if n < 20:
        return _PT_ONES[n].split("|")
    if n < 100:
        tens, one = divmod(n, 10)
        head = _PT_TENS[tens - 2]
        return [head] if one == 0 else [f"{head} e {r}" for r in _pt(one)]
    if n == 100:
        return ["cem"]
    return ["cento e " + r for r in _pt(n - 100)]


LANGUAGES = (_en, _es, _pt)
LIMIT = 199  # the largest number written out here


def number_words(n: int) -> list[list[str]]:
    """``n`` (0 to ``LIMIT``) written out, the spellings of each language apart."""
    return [spell(n) for spell in LANGUAGES]


@cache
def _values() -> dict[str, int]:
    return {words: n for n in range(LIMIT + 1) for spell in LANGUAGES for words in spell(n)}


def value(words: str) -> int | None:
    """The number that folded ``words`` write out (single spaces), or None."""
    return _values().get(words)


def _either(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@cache
def number_pattern() -> str:
    """A regular expression (no groups) for any number written out (``LIMIT`` or less), whole
    words, on folded text: each language's hundreds, tens and units, not its 600 spellings one
    by one (which take a regular expression a tenth of a second to compile)."""
    en_units = _either(_EN_ONES[1:10])
    en = f"(?:{_either(_EN_TENS)}(?: {en_units})?|{_either(_EN_ONES)})"
    es = f"(?:{_either(_ES_TENS)}(?: y {_either(_ES_ONES[1:10])})?|{_either(_ES_ONES)})"
    pt_ones = [w for words in _PT_ONES for w in words.split("|")]
    pt = f"(?:{_either(_PT_TENS)}(?: e {_either(pt_ones[1:10])})?|{_either(pt_ones)})"
    return ("(?<![a-z])(?:"
            f"(?:one|a) hundred(?: (?:and )?{en})?|{en}"
            f"|ciento {es}|cien|{es}"
            f"|cento e {pt}|cem|{pt}"
            ")(?![a-z])")
