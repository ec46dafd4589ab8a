"""Fictional identifiers for the synthetic estate: NHS and NI numbers, phones, postcodes, UPRNs, vehicles.

Every generator takes a counter so numbers are unique and deterministic without a set of those already issued.

- NHS numbers start 999: NHS England keeps that range for test data and never issues it to patients. The tenth
  digit is the Modulus 11 check digit (NHS Data Dictionary, "NHS Number"); bodies whose check would be 10 are
  skipped, as the NHS does.
- NI numbers follow HMRC's format (two prefix letters, six digits, suffix A-D; first letter not D F I Q U V,
  second not D F I O Q U V, never BG GB KN NK NT TN ZZ) so format checks pass; they are random, belong to no one,
  and the estate says so.
- Phones come from Ofcom's drama ranges (07700 900000-900999, 01632 960000-960999) first; an estate that needs
  more continues through the rest of 07700 9xxxxx and 01632, a code Ofcom does not use for a real area.
- Vehicle registrations start "Z", a letter the DVLA does not use for a memory tag.
- Postcodes use the outward code "AY", which no UK postcode area uses, in the real format ("AY1 2BD").
"""

PERMUTE_MULTIPLIER = 7919  # coprime with 10**6: spreads consecutive counters over the six-digit space

NHS_TEST_PREFIXES = ("999", "998", "997", "996")
NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_NOT_ALLOCATED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
# Postcode inward unit letters never include C I K M O V (Royal Mail).
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
VEHICLE_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def permute_six(counter: int) -> int:
    """A bijection on 0..999,999 so counters 0, 1, 2 do not give neighbouring numbers."""
    return (counter * PERMUTE_MULTIPLIER + 123457) % 1_000_000


def nhs_check_digit(body: str) -> int | None:
    """The Modulus 11 check digit for nine digits, or None when the body cannot be an NHS number (check 10)."""
    total = sum(int(digit) * (10 - position) for position, digit in enumerate(body))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def is_valid_nhs_number(number: str) -> bool:
    """True when ten digits (spaces allowed) end in their Modulus 11 check digit."""
    digits = number.replace(" ", "")
    if len(digits) != 10 or not digits.isdigit():
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


class NhsNumbers:
    """Issues unique valid NHS numbers from the test ranges."""

    def __init__(self) -> None:
        self.counter = 0

    def issue(self) -> str:
        while True:
            block, offset = divmod(self.counter, 1_000_000)
            self.counter += 1
            body = f"{NHS_TEST_PREFIXES[block % len(NHS_TEST_PREFIXES)]}{permute_six(offset):06d}"
            check = nhs_check_digit(body)
            if check is not None:
                return f"{body[:3]} {body[3:6]} {body[6:]}{check}"


def invalid_nhs_number(valid: str) -> str:
    """The same number with a wrong check digit: what a mistyped NHS number looks like."""
    digits = valid.replace(" ", "")
    wrong = (int(digits[9]) + 3) % 10
    if nhs_check_digit(digits[:9]) == wrong:  # pragma: no cover - +3 mod 10 never equals the original
        wrong = (wrong + 1) % 10
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]}{wrong}"


NI_PREFIXES = [a + b for a in NI_FIRST for b in NI_SECOND if a + b not in NI_NOT_ALLOCATED]


def ni_number(counter: int, suffix_seed: int) -> str:
    """A unique NI number in HMRC's format for this counter (``suffix_seed`` picks A-D)."""
    block, offset = divmod(counter, 1_000_000)
    prefix = NI_PREFIXES[(block * 37 + 11) % len(NI_PREFIXES)]
    return f"{prefix}{permute_six(offset):06d}{'ABCD'[suffix_seed % 4]}"


def mobile_number(counter: int) -> str:
    """A unique mobile number in national format: the drama range first, then on through 07700 9xxxxx."""
    return f"07700 {900000 + counter % 100000:06d}" if counter < 100000 else f"07700 {counter % 1_000_000:06d}"


def landline_number(counter: int) -> str:
    """A unique landline in 01632 (a code Ofcom keeps for drama): 960000-960999 first."""
    number = (960000 + counter) % 1_000_000
    return f"01632 {number:06d}"


def e164(national: str) -> str:
    """'01632 960123' -> '+441632960123', as telephony systems log numbers."""
    return "+44" + national.replace(" ", "")[1:]


def postcode(counter: int) -> str:
    """A unique postcode in the fictional AY area for this counter (up to 396,000)."""
    district, rest = divmod(counter, 4000)
    sector, unit = divmod(rest, 400)
    first, second = divmod(unit, 20)
    letters = POSTCODE_UNIT_LETTERS[first] + POSTCODE_UNIT_LETTERS[second]
    return f"AY{district % 99 + 1} {sector}{letters}"


def uprn(counter: int) -> str:
    """A twelve-digit Unique Property Reference Number in a range ("9...") no real authority uses."""
    return f"9{counter + 1:011d}"


def vehicle_registration(counter: int) -> str:
    """A unique current-style registration ('ZB12 CDE') for this counter: the DVLA never issues a memory tag
    starting with Z, so no real vehicle carries one of these."""
    letters = VEHICLE_LETTERS
    n = len(letters)
    age = 51 + counter % 24 if counter % 2 else 1 + counter % 24
    rest = counter // 2
    tail = "".join(letters[(rest // n**k) % n] for k in range(3))
    area = "Z" + letters[(rest // n**3) % n]
    return f"{area}{age:02d} {tail}"
