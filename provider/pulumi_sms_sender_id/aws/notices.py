"""Lines the user sees in the `pulumi up` output while the provider waits.

The dynamic-provider host's stderr reaches the CLI's output (pulumi >= 3.146 passes a provider's
unstructured stderr through), so a wait of many seconds is explained where the user looks. Lines
name operations, regions and sender IDs only: never credentials, profiles or endpoints.
"""

from __future__ import annotations

import sys
import threading
from typing import Final

PREFIX: Final = "sms-sender-id: "

_lock: Final = threading.Lock()


def emit(line: str) -> None:
    with _lock:
        sys.stderr.write(f"{PREFIX}{line}\n")
        sys.stderr.flush()
