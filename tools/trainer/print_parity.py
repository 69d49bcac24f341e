"""Prints the trainer's position ids and noise schedule for the cases read from standard input, as JSON, so that the
engine's tests hold the trainer and the engine to the same numbers (tests/Engine.Tests/Parity).

    echo '{"position_ids": [{"target": [2, 3], "references": [[2, 2], [1, 3]], "index": true, "shift": true}],
           "schedules": [{"tokens": 4096, "steps": 30}]}' | /usr/bin/python3 tools/trainer/print_parity.py

Standard library only: the trainer's numbers live in modules that do not import torch.
"""
from __future__ import annotations

import json
import sys

from flow_schedule import DEFAULT_SCHEDULE, schedule_shift, shifted_sigma
from position_ids import position_ids


def unshifted_times(steps: int) -> list[float]:
    """The sampler's times before the shift: linspace(1, 1/steps, steps), computed as numpy does."""
    if steps == 1:
        return [1.0]
    delta = (1.0 / steps - 1.0) / (steps - 1)
    return [1.0 + k * delta for k in range(steps - 1)] + [1.0 / steps]


def main() -> None:
    request = json.load(sys.stdin)
    ids = [position_ids(tuple(case["target"]), [tuple(r) for r in case["references"]], case["index"], case["shift"])
           for case in request["position_ids"]]
    schedules = []
    for case in request["schedules"]:
        mu = schedule_shift(case["tokens"])
        schedules.append({"mu": mu, "sigmas": [shifted_sigma(mu, t) for t in unshifted_times(case["steps"])]})
    json.dump({"schedule": DEFAULT_SCHEDULE, "position_ids": ids, "schedules": schedules}, sys.stdout)


if __name__ == "__main__":
    main()
