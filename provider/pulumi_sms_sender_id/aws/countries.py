"""ISO 3166-1 alpha-2 country codes, shared by the emulator and the provider's input check.

AWS refuses a sender ID for a code that merely looks like a country (two capital letters, the
model's only constraint): ``UK``, ``XX`` and ``ZZ`` are not countries. Keeping the list here, free
of dependencies, lets the provider's ``check`` and the emulator agree on what a country is.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["ISO_COUNTRY_CODES", "is_iso_country", "suggestion"]

#: The 249 officially assigned ISO 3166-1 alpha-2 codes (reserved and user-assigned codes excluded).
ISO_COUNTRY_CODES: frozenset[str] = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
    BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
    DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET
    FI FJ FK FM FO FR
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
    HK HM HN HR HT HU
    ID IE IL IM IN IO IQ IR IS IT
    JE JM JO JP
    KE KG KH KI KM KN KP KR KW KY KZ
    LA LB LC LI LK LR LS LT LU LV LY
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
    NA NC NE NF NG NI NL NO NP NR NU NZ
    OM
    PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA
    RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
    TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
    UA UG UM US UY UZ
    VA VC VE VG VI VN VU
    WF WS
    YE YT
    ZA ZM ZW
    """.split()  # noqa: SIM905  (a grid by first letter is easier to check against the standard)
)

#: Codes people write for a country that ISO spells otherwise (exceptionally reserved codes).
_COMMON_MISTAKES: Mapping[str, str] = {"UK": "GB", "EL": "GR"}


def is_iso_country(code: str) -> bool:
    """True for an officially assigned alpha-2 code, exactly as AWS wants it (upper case)."""
    return code in ISO_COUNTRY_CODES


def suggestion(code: str) -> str | None:
    """The assigned code the caller probably meant (``"UK"`` -> ``"GB"``, ``"gb"`` -> ``"GB"``), or None."""
    upper = code.strip().upper()
    if upper in _COMMON_MISTAKES:
        return _COMMON_MISTAKES[upper]
    if upper != code and upper in ISO_COUNTRY_CODES:
        return upper
    return None
