"""People's names as council systems hold them: parsing, normalising, nicknames and a sound-alike code.

Council systems write one name many ways: "SMITH, Robert", "Smith Robert J", "Mr R. Smith", "robert smith-jones",
"O'Brien", "McDonald". ``parse_name`` turns any of them into given names and a family name, and marks the order
as uncertain when nothing in the text says which word is the family name, so comparisons can try both.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

NICKNAMES_CSV = Path(__file__).resolve().parent.parent / "data" / "nicknames.csv"

TITLES = frozenset(
    "mr mrs ms miss mx dr doctor rev revd reverend prof professor sir dame lord lady master fr father cllr".split()
)
SUFFIXES = frozenset("jr jnr junior sr snr senior ii iii iv esq obe mbe cbe phd".split())
_NON_LETTER = re.compile(r"[^a-z\s\-]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ParsedName:
    """Given names (first name first) and the family name, lower case; ``order_known`` False when the text could
    be read either way ("Smith Robert"), so a comparison should also try the family name as the given name."""

    given: tuple[str, ...]
    family: str
    order_known: bool = True

    @property
    def first(self) -> str:
        return self.given[0] if self.given else ""


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes dropped (O'Brien -> obrien), other punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("'", "").replace("`", "").replace(".", " ").replace(",", " ")
    return _SPACES.sub(" ", _NON_LETTER.sub(" ", text)).strip()


def normalise_family(text: str) -> str:
    """A family name as one comparable word: hyphens and spaces closed up, and Mc written Mac (McDonald, MacDonald
    and Mc Donald are the same name spelled three ways in council systems)."""
    word = fold(text).replace("-", "").replace(" ", "")
    if word.startswith("mc"):
        word = "mac" + word[2:]
    return word


@lru_cache(maxsize=262144)
def family_parts(family: str, raw: str) -> tuple[str, ...]:
    """The parts of a double-barrelled family name ("Smith-Jones" -> smith, jones), for partial agreement."""
    parts = tuple(normalise_family(part) for part in re.split(r"[\s\-]+", fold(raw)) if part)
    return parts if len(parts) > 1 else (family,)


def _words(text: str) -> list[str]:
    """The name's words without titles and suffixes; hyphenated given names stay one word."""
    words = [word.strip("-") for word in fold(text).split(" ")]
    return [word for word in words if word and word not in TITLES and word not in SUFFIXES]


@lru_cache(maxsize=262144)
def parse_name(*, full: str = "", given: str = "", middle: str = "", family: str = "") -> ParsedName:
    """The parts of a name, from separate fields when the system has them, else from one full-name field."""
    if given or family:
        given_words = _words(given) + _words(middle)
        return ParsedName(given=tuple(given_words), family=normalise_family(" ".join(_words(family))))
    if not full.strip():
        return ParsedName(given=(), family="")
    if "," in full:  # "SMITH, Robert J": family name first
        before, _, after = full.partition(",")
        return ParsedName(given=tuple(_words(after)), family=normalise_family(" ".join(_words(before))))
    raw_words = [word for word in re.split(r"\s+", full.strip()) if fold(word) and fold(word) not in TITLES]
    words = _words(full)
    if len(words) >= 3 and words[0] == "the" and words[-1] in ("family", "household"):  # "The Baker family"
        return ParsedName(given=(), family=normalise_family(" ".join(words[1:-1])))
    if len(words) < 2:
        return ParsedName(given=(), family=normalise_family(words[0]) if words else "")
    upper = [word for word in raw_words if len(word) > 1 and word.isupper() and word.isalpha()]
    if len(upper) == 1 and not all(word.isupper() for word in raw_words):  # "SMITH Robert": the capitals are family
        family_word = fold(upper[0]).replace(" ", "")
        rest = [word for word in words if word != family_word]
        return ParsedName(given=tuple(rest), family=normalise_family(family_word))
    if len(words[-1]) == 1 and len(words[0]) > 1:  # "Smith Robert J": a trailing initial means family name first
        return ParsedName(given=tuple(words[1:]), family=normalise_family(words[0]))
    # "Robert James Smith" is the common order; an initial first ("R Smith") settles it.
    order_known = len(words[0]) == 1 or len(words) > 2
    return ParsedName(given=tuple(words[:-1]), family=normalise_family(words[-1]), order_known=order_known)


_SOUNDEX = str.maketrans("bfpvcgjkqsxzdtlmnr", "111122222222334556")


@cache
def soundex(word: str) -> str:
    """The American Soundex code of a name (Smith, Smyth and Smithe share S530): a blocking key for typos."""
    letters = [char for char in word.lower() if "a" <= char <= "z"]
    if not letters:
        return ""
    codes = []
    previous = letters[0].translate(_SOUNDEX)
    for char in letters[1:]:
        code = char.translate(_SOUNDEX)
        if code.isdigit() and code != previous:
            codes.append(code)
        if char not in "hw":  # h and w do not separate letters with the same code; vowels do
            previous = code
    return (letters[0].upper() + "".join(codes) + "000")[:4]


class Nicknames:
    """Which given names are forms of each other (Bob and Robert, Peggy and Margaret), from ``nicknames.csv``.

    A nickname may stand for several formal names (Chris: Christopher, Christine), so each name maps to the set of
    formal names it may be a form of, itself included.
    """

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        formal_of: dict[str, set[str]] = {}
        for name, nickname in pairs:
            name, nickname = fold(name), fold(nickname)
            if not name or not nickname:
                continue
            formal_of.setdefault(name, {name}).add(name)
            formal_of.setdefault(nickname, {nickname}).add(name)
        self._formal_of = {name: frozenset(forms) for name, forms in formal_of.items()}

    @classmethod
    def load(cls, path: Path = NICKNAMES_CSV) -> "Nicknames":
        """The nicknames file (columns ``name,nickname``); none when the file is missing."""
        if not path.exists():
            return cls([])
        with path.open(newline="", encoding="utf-8") as handle:
            rows = csv.DictReader(handle)
            return cls([(row.get("name") or "", row.get("nickname") or "") for row in rows])

    def forms(self, name: str) -> frozenset[str]:
        """The formal names ``name`` may be a form of, itself included."""
        return self._formal_of.get(name, frozenset((name,)))

    def related(self, first: str, second: str) -> str:
        """The formal name both may be forms of ("robert" for bob and rob), or "" when they are not related."""
        shared = self.forms(first) & self.forms(second)
        return min(shared) if shared else ""

    def canonical(self, name: str) -> str:
        """One formal name standing for every form of ``name`` (bob, rob, robert -> robert)."""
        forms = self.forms(name)
        others = forms - {name}
        return min(others) if others else name

    def initials(self, name: str) -> frozenset[str]:
        """The initials a record of this person may carry: its own and its formal names' (Peggy -> p, m)."""
        return frozenset(form[0] for form in self.forms(name) if form)
