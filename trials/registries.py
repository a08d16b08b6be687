"""Trial registry numbers (ISRCTN and ClinicalTrials.gov) as editors paste them and readers follow
them: one place for their formats, their error messages and the registries' addresses."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Registry:
    name: str  # as readers know it
    prefix: str
    digits: int
    url: str  # the record's address, with {number} for the whole identifier
    example: str

    def normalise(self, value):
        """The identifier in its standard form, from a number, an identifier or a record's link.

        Spaces and letter case are forgiven; eight digits alone get the prefix. Anything else is
        returned as it was, for `is_valid` to refuse.
        """
        value = "".join(value.split())
        if re.fullmatch(rf"\d{{{self.digits}}}", value):
            return self.prefix + value
        found = re.findall(rf"{self.prefix}\d{{{self.digits}}}(?!\d)", value.upper())
        if len(found) == 1 and (value.upper() == found[0] or "/" in value):
            return found[0]
        return value

    def is_valid(self, value):
        return bool(re.fullmatch(rf"{self.prefix}\d{{{self.digits}}}", value))

    def record_url(self, number):
        return self.url.format(number=number) if number else ""

    @property
    def error(self):
        return (
            f"Enter the {self.name} number as the registry shows it, e.g. {self.example}: "
            f"the letters {self.prefix} then {self.digits} digits."
        )


ISRCTN = Registry(
    name="ISRCTN",
    prefix="ISRCTN",
    digits=8,
    url="https://www.isrctn.com/{number}",
    example="ISRCTN12345678",
)
CLINICALTRIALS_GOV = Registry(
    name="ClinicalTrials.gov",
    prefix="NCT",
    digits=8,
    url="https://clinicaltrials.gov/study/{number}",
    example="NCT01234567",
)
