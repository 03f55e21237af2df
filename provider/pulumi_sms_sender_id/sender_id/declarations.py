"""Each sender ID is declared once per program: a twin fails at declaration, naming both resources.

Two `SenderId` resources with the same sender ID, country and region would share one lease: with
`adopt_existing` the second "creates" the first's sender ID, and destroying either releases what the
other still declares. Only values known while the program runs are compared (an Output is not), and
only within one run of a program: the run's Pulumi monitor tells runs apart (each `pulumi up`, and
under mocks each `run_program` or `sender_id_mocks` test; a user's own mocks are not checked).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from pulumi.runtime import settings as runtime_settings

from ..aws import settings
from . import errors
from . import properties as p

Key = tuple[str, str, str]  # (SENDER_ID, COUNTRY, region, "" for the stack's unknown default)

@dataclass
class _Run:
    """One run of the program: its monitor, the stack's default region, and what it declared so far."""

    monitor: object
    default_region: str
    declared: dict[Key, str] = field(default_factory=dict)


_lock: Final = threading.Lock()
_current: list[_Run] = []  # the run the declarations belong to


def _run_of(monitor: object) -> _Run:
    """The run of `monitor`, started afresh when the monitor changes (call under `_lock`).

    The default region is resolved once per run, the way the provider resolves it (stack config, the
    environment, the profile), since reading a profile's region builds a botocore session.
    """
    if not _current or _current[0].monitor is not monitor:
        _current[:] = [_Run(monitor, settings.default_region(settings.ProgramConfig()) or "")]
    return _current[0]


def _key(props: Mapping[str, Any], default_region: str) -> Key | None:
    sender_id, country, region = props.get(p.SENDER_ID), props.get(p.ISO_COUNTRY_CODE), props.get(p.REGION)
    if not isinstance(sender_id, str) or not isinstance(country, str):
        return None
    if region is not None and not isinstance(region, str):
        return None
    return sender_id.upper(), country.upper(), region or default_region


def _runs_apart(monitor: object) -> bool:
    """Whether one monitor means one run of the program, so that declarations can be compared.

    True for the engine's monitor, and for mocks that the package's runner and fixtures install
    afresh for every run or test (`ProviderBackedMocks`, which says so). A user's own mocks, often set
    once per test module for many tests, could hold declarations of several tests: not compared.
    """
    if monitor is None:
        return False
    from pulumi.runtime.mocks import MockMonitor

    if isinstance(monitor, MockMonitor):
        return bool(getattr(monitor.mocks, "one_run_per_instance", False))
    return True


def claim(resource_name: str, props: Mapping[str, Any]) -> None:
    """Record the declaration; raise when another resource of this run declared the same sender ID."""
    monitor = runtime_settings.SETTINGS.monitor
    if not _runs_apart(monitor):
        return
    with _lock:
        run = _run_of(monitor)
        key = _key(props, run.default_region)
        first = resource_name if key is None else run.declared.setdefault(key, resource_name)
    if key is not None and first != resource_name:
        sender, country, region = key
        where = f" in {region}" if region else ""
        raise errors.twin_declaration(resource_name, first, f"sender ID {sender} ({country}){where}")
