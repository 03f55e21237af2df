"""CPU time and peak memory of a process, from Linux /proc (no third-party dependency)."""

from __future__ import annotations

import os

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of every thread of `pid` so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After the command name: state is field 3 of proc(5), utime 14 and stime 15.
    return (int(fields[11]) + int(fields[12])) / _TICKS


def cpu_seconds_with_children(pid: int) -> tuple[float, float]:
    """CPU time of `pid` itself and of the children it has waited for (and theirs), in seconds.

    Read it while `pid` is a zombie (after `os.waitid(..., WEXITED | WNOWAIT)`, before reaping) to get
    a process's whole-life figures: then its own and its descendants' CPU are complete.
    """
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # utime 14, stime 15, cutime 16, cstime 17 in proc(5)'s numbering.
    return (int(fields[11]) + int(fields[12])) / _TICKS, (int(fields[13]) + int(fields[14])) / _TICKS


def status_mib(pid: int, key: str) -> float:
    """A `kB` line of /proc/<pid>/status (VmHWM: peak resident set, VmRSS: current) in MiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 1024
    raise KeyError(f"{key} not in /proc/{pid}/status")


def peak_rss_mib(pid: int) -> float:
    return status_mib(pid, "VmHWM")
