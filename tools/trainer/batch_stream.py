"""Training batches built off the training process: the factory stream read, filtered and grouped in one background
process, turned into tensors by several more, handed over through shared memory and copied to the device without
waiting for it.

On the H100 the trainer's one Python process both read the stream and launched the model's kernels, and the GPU was
60–66% busy; here that process only takes ready tensors.
"""
from __future__ import annotations

import itertools
import os
import queue
import threading
import traceback
from pathlib import Path
from typing import Callable

import torch
import torch.multiprocessing as mp

from factory_stream import FactoryStream, Sample

Batch = dict[str, torch.Tensor | None]
"""The tensors of one batch, as BatchBuilder makes them."""


def default_builders() -> int:
    """Builder processes to run: one for every 4 cores, at most 4. One built 2,250–2,800 samples a second on this
    project's 2 cores, beside two factories and the reader (tools/trainer/bench_data.py); the H100 took 3,000–3,900 a
    second while 60–66% busy, so about 6,000 would keep it busy."""
    return max(1, min(4, len(os.sched_getaffinity(0)) // 4))


class BatchStream:
    """Batches of `builder(samples)` for the samples FactoryStream(factory, start, batch_size, keep, workers) groups,
    in the same order, each with the highest sample index it holds (what resumption counts from)."""

    def __init__(self, factory: Path, start: int, batch_size: int, keep: Callable[[Sample], bool],
                 builder: Callable[[list[Sample]], Batch], device: torch.device, workers: int, builders: int,
                 prefetch_batches: int = 4):
        self.device = device
        # Forked, not spawned: keep and builder may be closures, which cannot be pickled. No child touches CUDA.
        context = mp.get_context("fork")
        # Batch k goes to builder k mod builders, and is taken back from it in the same turn, so the order stays.
        self.to_build = [context.Queue(maxsize=2) for _ in range(builders)]
        self.built = [context.Queue(maxsize=max(1, prefetch_batches // builders)) for _ in range(builders)]
        self.processes = [context.Process(target=_group, daemon=True,
                                          args=(factory, start, batch_size, keep, workers, self.to_build))]
        self.processes += [context.Process(target=_build, args=(builder, to_build, built), daemon=True)
                           for to_build, built in zip(self.to_build, self.built)]
        for process in self.processes:
            process.start()
        self.ready: queue.Queue = queue.Queue(maxsize=prefetch_batches)
        threading.Thread(target=self._receive, daemon=True).start()

    def _receive(self) -> None:
        """Takes the builders' batches out of shared memory in turn, into pinned memory when they go to a GPU, so that
        the copy in next_batch runs without blocking the training loop."""
        pin = self.device.type == "cuda"
        try:
            for turn in itertools.count():
                item = self._take(self.built[turn % len(self.built)])
                if isinstance(item, str):
                    raise RuntimeError(f"a batch process failed:\n{item}")
                batch, last_index = item
                if pin:
                    batch = {name: None if t is None else t.pin_memory() for name, t in batch.items()}
                self.ready.put((batch, last_index))
        except BaseException as error:  # surfaced to the training loop
            self.ready.put(error)

    def _take(self, built: mp.Queue) -> tuple[Batch, int] | str:
        while True:
            try:
                return built.get(timeout=1.0)
            except queue.Empty:
                if dead := [p for p in self.processes if not p.is_alive()]:
                    raise RuntimeError(f"a batch process died (exit code {dead[0].exitcode})") from None

    def next_batch(self) -> tuple[Batch, int]:
        """The next batch on the device and the highest sample index in it."""
        item = self.ready.get()
        if isinstance(item, BaseException):
            raise RuntimeError("data factory failed") from item
        batch, last_index = item
        on_device = {name: None if t is None else t.to(self.device, non_blocking=True) for name, t in batch.items()}
        return on_device, last_index

    def close(self) -> None:
        """Stops the batch processes; the factory processes end when their pipes close with them."""
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.join()


def _group(factory: Path, start: int, batch_size: int, keep: Callable[[Sample], bool], workers: int,
           to_build: list[mp.Queue]) -> None:
    """Reads the factory processes' stream and deals its batches of samples out to the builders in turn."""
    stream = FactoryStream(factory, start, batch_size, keep, workers=workers)
    turn = 0
    try:
        for turn in itertools.count():
            to_build[turn % len(to_build)].put(stream.next_batch())
    except BaseException:  # noqa: BLE001 — the builder whose turn it was hands it on, and the parent reports it
        to_build[turn % len(to_build)].put(traceback.format_exc())
    finally:
        stream.close()


def _build(builder: Callable[[list[Sample]], Batch], to_build: mp.Queue, built: mp.Queue) -> None:
    # A builder's tensors are small: one thread each avoids fighting the training process for the cores.
    torch.set_num_threads(1)
    while True:
        item = to_build.get()
        if isinstance(item, str):
            built.put(item)
            return
        try:
            built.put((builder(item), max(s.index for s in item)))
        except BaseException:  # noqa: BLE001 — the parent reports it
            built.put(traceback.format_exc())
            return
