"""FLUX's flow-matching noise schedule: the dynamic shift μ and the shifted noise level, as the engine computes them."""
from __future__ import annotations

import math

DEFAULT_SCHEDULE = {
    "base_image_seq_len": 256, "max_image_seq_len": 4096, "base_shift": 0.5, "max_shift": 1.15,
    "use_dynamic_shifting": True,
}


def schedule_shift(tokens: int) -> float:
    """FLUX's dynamic shift μ for an image of `tokens` target tokens under DEFAULT_SCHEDULE: linear in the token count
    between the schedule's ends."""
    schedule = DEFAULT_SCHEDULE
    slope = (schedule["max_shift"] - schedule["base_shift"]) / (schedule["max_image_seq_len"] - schedule["base_image_seq_len"])
    return tokens * slope + (schedule["base_shift"] - schedule["base_image_seq_len"] * slope)


def shifted_sigma(mu: float, t):
    """The noise level the schedule gives time t ∈ (0, 1] (a float or a tensor) under shift μ."""
    return math.exp(mu) / (math.exp(mu) + (1.0 / t - 1.0))
