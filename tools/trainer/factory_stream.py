"""Reads training samples from the data factory's binary stream (format: tools/DataFactory/README.md)."""
from __future__ import annotations

import itertools
import os
import queue
import struct
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

MAGIC = b"DOS1"
IMAGE_SIZE = 64
IMAGE_BYTES = IMAGE_SIZE * IMAGE_SIZE * 3
TASKS = ("edit", "generate", "text_edit", "text_to_image")


@dataclass
class Sample:
    index: int
    task: int
    prompt: str
    inputs: np.ndarray   # (n, 64, 64, 3) uint8
    target: np.ndarray   # (64, 64, 3) uint8


def read_sample(stream) -> Sample | None:
    header = stream.read(20)
    if len(header) < 20:
        return None
    magic, index, task, n, prompt_length = struct.unpack("<4siiii", header)
    if magic != MAGIC:
        raise ValueError(f"data factory stream out of sync: expected {MAGIC!r}, got {magic!r}")
    prompt = stream.read(prompt_length).decode("utf-8")
    pixels = stream.read((n + 1) * IMAGE_BYTES)
    if len(pixels) < (n + 1) * IMAGE_BYTES:
        return None
    images = np.frombuffer(pixels, dtype=np.uint8).reshape(n + 1, IMAGE_SIZE, IMAGE_SIZE, 3)
    return Sample(index, task, prompt, images[:n], images[n])


def factory_command(factory: Path) -> list[str]:
    """How to start the factory: a built DreamOmni2.DataFactory.dll runs on the installed .NET, and a self-contained
    build (`dotnet publish tools/DataFactory -r linux-x64 --self-contained`) runs on a machine without one."""
    return ["dotnet", str(factory)] if factory.suffix == ".dll" else [str(factory)]


def default_workers() -> int:
    """Factory processes to run: one for every 4 cores, at most 4. On this project's 2 cores two processes were read
    slower than one (5,600–6,200 against 7,200–8,200 samples a second, tools/trainer/bench_data.py): they take the
    cores the reader needs. One process makes about 11,000 samples a second on its own."""
    return max(1, min(4, len(os.sched_getaffinity(0)) // 4))


class FactoryStream:
    """Runs `workers` processes of `DreamOmni2.DataFactory stream --start S+j --stride workers`, takes their records in
    turn (so samples arrive in index order, exactly as from one process) and groups them into batches of equal image
    count, skipping the samples `keep` refuses."""

    def __init__(self, factory: Path, start: int, batch_size: int, keep: Callable[[Sample], bool] = lambda _: True,
                 prefetch_batches: int = 8, workers: int = 1):
        self.batch_size = batch_size
        self.keep = keep
        self.processes = [
            subprocess.Popen(
                factory_command(factory) + ["stream", "--start", str(start + j), "--stride", str(workers)],
                stdout=subprocess.PIPE, bufsize=1 << 20,
            )
            for j in range(workers)
        ]
        self.batches: queue.Queue = queue.Queue(maxsize=prefetch_batches)
        self.consumed = start
        self.failure: BaseException | None = None
        threading.Thread(target=self._fill, daemon=True).start()

    def _fill(self) -> None:
        bins: dict[int, list[Sample]] = {}
        try:
            for turn in itertools.count():
                sample = read_sample(self.processes[turn % len(self.processes)].stdout)
                if sample is None:
                    raise RuntimeError("the data factory stream ended")
                if not self.keep(sample):
                    continue
                group = bins.setdefault(len(sample.inputs), [])
                group.append(sample)
                if len(group) == self.batch_size:
                    self.batches.put(group)
                    bins[len(sample.inputs)] = []
        except BaseException as error:  # surfaced to the training loop
            self.failure = error
            self.batches.put(None)

    def next_batch(self) -> list[Sample]:
        batch = self.batches.get()
        if batch is None:
            raise RuntimeError("data factory failed") from self.failure
        return batch

    def close(self) -> None:
        for process in self.processes:
            process.kill()
