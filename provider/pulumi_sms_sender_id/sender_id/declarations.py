"""Each sender ID is declared once per program: a twin fails at declaration, naming both resources.

Two `SenderId` resources with the same sender ID, country and region would share one lease: with
`adopt_existing` the second "creates" the first's sender ID, and destroying either releases what the
other still declares. They are compared as AWS compares them: sender ID and country case-insensitively
(AWS stores both upper-case), the region as the provider resolves it. Only values known while the
program runs are compared (an Output is not), and only within one run of a program: the run's Pulumi
monitor tells runs apart (each `pulumi up`, and under mocks each `run_program` or `sender_id_mocks`
test; a user's own mocks are not checked).

The first of two twins is refused too, so a program that fails at declaration leases nothing: its
sender ID input waits for Pulumi's event loop, which runs only once the program's synchronous
declarations are made, and its registration fails there if a twin turned up meanwhile. A twin
declared later (inside an apply, or after a synchronous invoke ran the loop) still fails at
declaration, but the first may have been registered by then.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import pulumi
from pulumi.runtime import settings as runtime_settings

from ..aws import settings
from . import errors
from . import properties as p

Key = tuple[str, str, str]  # (SENDER_ID, COUNTRY, region, "" for the stack's unknown default)

@dataclass
class _Run:
    """One run of the program: its monitor, the stack's default region, what it declared so far, and the
    refusal of each resource a later declaration turned out to twin (by the first's name)."""

    monitor: object
    default_region: str
    declared: dict[Key, str] = field(default_factory=dict)
    twinned: dict[str, errors.SenderIdError] = field(default_factory=dict)


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


def claim(resource_name: str, props: Mapping[str, Any]) -> dict[str, Any]:
    """Record the declaration and return the props to register; raise when another resource of this run
    declared the same sender ID (and make that one's registration fail as well)."""
    monitor = runtime_settings.SETTINGS.monitor
    if not _runs_apart(monitor):
        return dict(props)
    with _lock:
        run = _run_of(monitor)
        key = _key(props, run.default_region)
        first = resource_name if key is None else run.declared.setdefault(key, resource_name)
        if key is not None and first != resource_name:
            run.twinned[first] = _twin_error(resource_name, first, key)
            raise run.twinned[first]
    return dict(props) if key is None else _unless_twinned(run, resource_name, props)


def _twin_error(resource_name: str, first: str, key: Key) -> errors.SenderIdError:
    sender, country, region = key
    where = f" in {region}" if region else ""
    return errors.twin_declaration(resource_name, first, f"sender ID {sender} ({country}){where}")


def _unless_twinned(run: _Run, resource_name: str, props: Mapping[str, Any]) -> dict[str, Any]:
    """`props` with the sender ID held back until Pulumi's event loop runs, then refused with the twin's
    error if a later declaration of this run twins it: the registration never reaches the engine."""

    def checked(sender_id: str) -> str:
        with _lock:
            refusal = run.twinned.get(resource_name)
        if refusal is not None:
            raise refusal
        return sender_id

    return {**props, p.SENDER_ID: pulumi.Output.from_input(props[p.SENDER_ID]).apply(checked)}
