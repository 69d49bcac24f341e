"""Measures the trainer's data path without training: samples a second from the factory stream to ready tensors.

    dotnet build tools/DataFactory -c Release
    /usr/bin/python3 tools/trainer/bench_data.py --samples 4000 --rounds 3

First checks that the new path (N factory processes, batches grouped in a background process and built in M more)
gives exactly the old path's model inputs (one factory process, batches built inline by the builder as it was), tensor
for tensor. Then times, round after round, the variants in turn: the stream read and grouped into batches with 1 and
with N factory processes, and the whole path to the model's input tensors the old way and the new way (and the new way
without the floats, which a GPU makes). Each variant's first batch (process start-up) is left out of its time. "main
CPU" is the CPU time of this one Python process a thousand samples: what a training loop would share with launching the
model's kernels.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_stream import Batch, BatchStream, default_builders  # noqa: E402
from factory_stream import FactoryStream, Sample, default_workers, factory_command  # noqa: E402
from position_ids import position_ids  # noqa: E402
from tiny_pack import TEXT_LENGTH  # noqa: E402
from train import BatchBuilder, load_vocab, tokenize  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BUILT_FACTORY = REPO / "tools" / "DataFactory" / "bin" / "Release" / "net10.0" / "DreamOmni2.DataFactory.dll"
CPU = torch.device("cpu")


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--factory", type=Path, help="a built DreamOmni2.DataFactory.dll or a self-contained build",
                   default=BUILT_FACTORY)
    p.add_argument("--samples", type=int, default=4000, help="samples timed per variant and round")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--batch", type=int, default=256, help="batch size (the H100 stretch's)")
    p.add_argument("--workers", type=int, default=max(2, default_workers()),
                   help="factory processes of the second stream variant and the new path")
    p.add_argument("--builders", type=int, default=default_builders(), help="builder processes of the new path")
    p.add_argument("--start", type=int, default=0, help="first sample index")
    return p.parse_args()


class OldBuilder(BatchBuilder):
    """The builder as the trainer had it, in the training loop: float images permuted through `pack`'s views."""

    def __call__(self, samples: list[Sample]) -> Batch:
        n = len(samples[0].inputs)
        target = torch.from_numpy(np.stack([s.target for s in samples]))
        target = target.permute(0, 3, 1, 2).float() / 127.5 - 1.0
        refs = []
        if n:
            inputs = torch.from_numpy(np.stack([s.inputs for s in samples]))
            inputs = inputs.permute(0, 1, 4, 2, 3).float() / 127.5 - 1.0
            refs = [self.pack(inputs[:, i]) for i in range(n)]
        weight = self.pixel_weights(target, inputs[:, 0] if n and samples[0].task in (0, 2) else None)
        ids = torch.tensor([tokenize(s.prompt, self.vocab) for s in samples], dtype=torch.long)
        grid = (self.grid, self.grid)
        img_ids = torch.tensor(position_ids(grid, [grid] * n, self.index, self.shift), dtype=torch.float32)
        return {
            "x0": self.pack(target), "refs": torch.cat(refs, dim=1) if refs else None, "weight": self.pack(weight),
            "input_ids": ids, "img_ids": img_ids, "txt_ids": torch.zeros(TEXT_LENGTH, 3),
        }

    @staticmethod
    def pixel_weights(target: torch.Tensor, source: torch.Tensor | None) -> torch.Tensor:
        if source is not None:
            changed = (target - source).abs().amax(dim=1, keepdim=True) > 0.06
        else:
            corners = torch.stack([target[:, :, 0, 0], target[:, :, 0, -1], target[:, :, -1, 0], target[:, :, -1, -1]])
            background = corners.mean(dim=0)[:, :, None, None]
            changed = (target - background).abs().amax(dim=1, keepdim=True) > 0.15
        return (1.0 + 4.0 * changed.float()).expand(-1, 3, -1, -1)


def old_batches(args: argparse.Namespace, builder: OldBuilder, keep: Callable[[Sample], bool],
                batch: int) -> Iterator[tuple[Batch, int]]:
    """The data path as the trainer had it: one factory process, the batch built in the training loop."""
    stream = FactoryStream(args.factory, args.start, batch, keep)
    try:
        while True:
            samples = stream.next_batch()
            yield builder(samples), max(s.index for s in samples)
    finally:
        stream.close()


def new_batches(args: argparse.Namespace, builder: BatchBuilder, keep: Callable[[Sample], bool], batch: int,
                floats: bool = True) -> Iterator[tuple[Batch, int]]:
    """The data path as the trainer has it: the batches come ready but for the model inputs' floats, made where the
    model runs (here the CPU; on a GPU three kernels, so `floats=False` shows what is left for a GPU's process)."""
    stream = BatchStream(args.factory, args.start, batch, keep, builder, CPU, args.workers, args.builders)
    try:
        while True:
            batch_bytes, last_index = stream.next_batch()
            yield BatchBuilder.model_inputs(batch_bytes) if floats else batch_bytes, last_index
    finally:
        stream.close()


def raw_batches(args: argparse.Namespace, workers: int) -> Iterator[list[Sample]]:
    stream = FactoryStream(args.factory, args.start, args.batch, workers=workers)
    try:
        while True:
            yield stream.next_batch()
    finally:
        stream.close()


def check_same_batches(args: argparse.Namespace, old_builder: OldBuilder, builder: BatchBuilder,
                       batches: int = 40) -> None:
    """The new path's first batches give the old path's model inputs, under a filter that drops some samples."""
    def keep(sample: Sample) -> bool:
        return sample.task != 1 or sample.index % 3 != 0

    old, new = old_batches(args, old_builder, keep, 32), new_batches(args, builder, keep, 32)
    for i in range(batches):
        (old_batch, old_last), (new_batch, new_last) = next(old), next(new)
        assert old_last == new_last, f"batch {i}: last index {old_last} the old way, {new_last} the new way"
        for name, tensor in old_batch.items():
            other = new_batch[name]
            same = other is None if tensor is None else other is not None and tensor.dtype == other.dtype \
                and torch.equal(tensor, other)
            assert same, f"batch {i}: {name} differs between the old and the new path"
    old.close()
    new.close()
    print(f"the new path's first {batches} batches of 32 equal the old path's, tensor for tensor", flush=True)


def timed(batches: Iterator, samples: int, size: Callable[[object], int]) -> tuple[float, float]:
    """Samples a second and main-process CPU milliseconds a thousand samples over `samples` samples after the first
    batch."""
    next(batches)
    wall, cpu, taken = time.perf_counter(), time.process_time(), 0
    while taken < samples:
        taken += size(next(batches))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    batches.close()
    return taken / wall, cpu / taken * 1e6


def main() -> None:
    args = parse_args()
    torch.set_num_threads(len(os.sched_getaffinity(0)))
    with tempfile.TemporaryDirectory() as folder:
        vocab_path = Path(folder) / "vocab.txt"
        subprocess.run(factory_command(args.factory) + ["vocab", "--out", str(vocab_path)], check=True)
        vocab = load_vocab(vocab_path)
    builder, old_builder = BatchBuilder(vocab, index=True, shift=True), OldBuilder(vocab, index=True, shift=True)
    check_same_batches(args, old_builder, builder)

    def everything(_: Sample) -> bool:
        return True

    n, m = args.workers, args.builders
    variants: list[tuple[str, Callable[[], Iterator], Callable[[object], int]]] = [
        ("stream, 1 process", lambda: raw_batches(args, 1), len),
        (f"stream, {n} processes", lambda: raw_batches(args, n), len),
        ("tensors, old: 1 process, built inline", lambda: old_batches(args, old_builder, everything, args.batch),
         lambda item: len(item[0]["input_ids"])),
        (f"tensors, new: {n} processes, built by {m} more",
         lambda: new_batches(args, builder, everything, args.batch), lambda item: len(item[0]["input_ids"])),
        ("  the same, floats left to the GPU",
         lambda: new_batches(args, builder, everything, args.batch, floats=False),
         lambda item: len(item[0]["input_ids"])),
    ]
    print(f"{os.cpu_count()} cores, batches of {args.batch}, {args.samples} samples a variant, "
          f"torch {torch.__version__}")
    for round_number in range(1, args.rounds + 1):
        for name, make, size in variants:
            rate, cpu = timed(make(), args.samples, size)
            load = os.getloadavg()[0]
            print(f"round {round_number}  {name:<48} {rate:7.0f} samples/s  main CPU {cpu:5.1f} ms/1000  "
                  f"load {load:.2f}", flush=True)


if __name__ == "__main__":
    main()
