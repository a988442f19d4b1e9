"""Peak memory and CPU time of a process and all its descendants, sampled from /proc (Linux).

CPU time from `getrusage` only counts children their parents waited for; Ray's workers are not
waited for by the driver, so the sampler also adds up each process's own CPU time as last seen.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(slots=True)
class TreePeak:
    """Largest total RSS and PSS seen over the tree (bytes); PSS splits pages shared by forks."""

    rss: int = 0
    pss: int = 0
    processes: int = 0
    cpu_seconds: float = 0.0  # sum over every process seen of its own user + system time


def descendants(root: int) -> dict[int, float]:
    """`root` and every live process below it, with each one's own CPU seconds so far."""
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # The command name may hold spaces or parentheses: fields start after the last ")".
        fields = stat.rsplit(")", 1)[1].split()
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        cpu[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    found: dict[int, float] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        found[pid] = cpu.get(pid, 0.0)
        todo.extend(children.get(pid, ()))
    return found


def memory_of(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) when it is gone."""
    try:
        rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        pss = 0
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
                break
    except (OSError, ValueError, IndexError):
        return 0, 0
    return rss, pss


class TreeSampler:
    """Samples a process tree's memory in a background thread until stopped."""

    def __init__(self, root: int, interval: float = 0.1) -> None:
        self.root = root
        self.interval = interval
        self.peak = TreePeak()
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = descendants(self.root)
            self._cpu.update(pids)
            sizes = [memory_of(pid) for pid in pids]
            rss, pss = sum(s[0] for s in sizes), sum(s[1] for s in sizes)
            self.peak.rss = max(self.peak.rss, rss)
            self.peak.pss = max(self.peak.pss, pss)
            self.peak.processes = max(self.peak.processes, len(pids))
            self.peak.cpu_seconds = sum(self._cpu.values())
            self._stop.wait(self.interval)
