"""Business rules on an extracted application: pure functions, no I/O.

* ``completeness``: which required items are missing, and whom to ask first;
* ``effective_date``: the earliest coverage start a receipt allows;
* ``status``: the record's status and rejection reason.
"""

from intake.rules.completeness import find_missing
from intake.rules.effective_date import check_effective_date, earliest_allowed
from intake.rules.status import decide_status

__all__ = ["find_missing", "check_effective_date", "earliest_allowed", "decide_status"]
