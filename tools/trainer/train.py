"""Trains the tiny pack: a FLUX-shaped rectified-flow transformer on the shape-world data factory's stream.

One command (Debian's python3-torch and python3-onnx; a CUDA machine with a recent torch works the same):

    /usr/bin/python3 tools/trainer/train.py --run tools/trainer/runs/both --out packs/tiny --hours 3

On a GPU machine without .NET, publish the factory self-contained once
(`dotnet publish tools/DataFactory -c Release -r linux-x64 --self-contained -o DIR`) and pass
`--factory DIR/DreamOmni2.DataFactory`.

Resumable: run the same command again and it continues from the run folder's checkpoint. Every --export-minutes it
exports the EMA weights as a complete pack to --out, with the training log beside it.
"""
from __future__ import annotations

import argparse
import copy
import csv
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_stream import BatchStream, default_builders  # noqa: E402
from factory_stream import TASKS, Sample, default_workers, factory_command  # noqa: E402
from flow_schedule import schedule_shift, shifted_sigma  # noqa: E402
from flux_tiny import (  # noqa: E402
    FluxTinyTransformer, SpaceToDepthEncoder, TextEncoderConfig, TinyTextEncoder, TransformerConfig,
)
from pack_export import load_initializers  # noqa: E402
from position_ids import position_ids  # noqa: E402
from tiny_pack import IMAGE_SIZE, LATENT_FACTOR, TEXT_LENGTH, export_tiny_pack  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--run", type=Path, required=True, help="folder for checkpoints and logs")
    p.add_argument("--out", type=Path, required=True, help="pack folder to export to")
    p.add_argument("--hours", type=float, default=3.0, help="stop after this much wall time (this invocation)")
    p.add_argument("--max-samples", type=int, default=0, help="stop after this many samples in total (0: no limit)")
    p.add_argument("--index", choices=["on", "off"], default="on", help="index encoding during training")
    p.add_argument("--shift", choices=["on", "off"], default="on", help="position shift during training")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=4e-4)
    p.add_argument("--warmup", type=int, default=300, help="optimizer steps of linear warm-up")
    p.add_argument("--anneal", action="store_true",
                   help="lower the learning rate linearly to a tenth of --lr over this invocation's --hours (for the last "
                        "stretch of a run: the loss drops below the plateau a constant rate leaves it on)")
    p.add_argument("--ema", type=float, default=0.999)
    p.add_argument("--width", type=int, default=256)
    p.add_argument("--double-blocks", type=int, default=1)
    p.add_argument("--single-blocks", type=int, default=4)
    p.add_argument("--heads", type=int, default=4, help="attention heads of a new model")
    p.add_argument("--rope-axes", type=lambda text: tuple(int(n) for n in text.split(",")), default=(16, 24, 24),
                   help="head dimensions RoPE gives the index, row and column axes of a new model (they sum to "
                        "width / heads)")
    p.add_argument("--rope-theta", type=float, default=10000.0,
                   help="RoPE base of a new model: lower turns more of each axis's frequencies across the 8x8 token grid")
    p.add_argument("--checkpoint-minutes", type=float, default=10.0)
    p.add_argument("--export-minutes", type=float, default=20.0)
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: all cores)")
    p.add_argument("--data-workers", type=int, default=default_workers(),
                   help="data factory processes, each making every N-th sample (default: one for every 4 cores, at "
                        "most 4)")
    p.add_argument("--data-builders", type=int, default=default_builders(),
                   help="processes turning batches of samples into tensors, each every N-th batch (default: one for "
                        "every 4 cores, at most 4)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--factory", type=Path,
                   help="a built DreamOmni2.DataFactory.dll, or a self-contained DreamOmni2.DataFactory executable for a "
                        "machine without .NET (default: build it)")
    p.add_argument("--export-only", action="store_true", help="export the run's checkpoint as a pack and stop")
    p.add_argument("--init-from-pack", type=Path,
                   help="start a new run from the weights of an exported pack (its training/summary.json names the "
                        "architecture and how far it was trained)")
    p.add_argument("--grow-single-blocks", type=int, default=0,
                   help="with --init-from-pack: append this many single-stream blocks, each starting as the identity "
                        "(zero modulation, so its gate is closed), to give the trained model more depth")
    p.add_argument("--tasks", type=lambda text: text.split(","), default=list(TASKS),
                   help=f"train only on these of the factory's tasks, comma-separated (default: {','.join(TASKS)})")
    p.add_argument("--image-counts", type=lambda text: [int(n) for n in text.split(",")],
                   help="train only on samples with these numbers of input images, comma-separated (default: any)")
    p.add_argument("--favour", type=parse_favour, metavar="PHRASE=FACTOR",
                   help="oversample the samples whose standard prompt contains PHRASE by FACTOR, by keeping each other "
                        "sample with probability 1/FACTOR (e.g. 'the shape of image=4')")
    args = p.parse_args()
    if unknown := set(args.tasks) - set(TASKS):
        p.error(f"unknown task {', '.join(sorted(unknown))}: the factory's tasks are {', '.join(TASKS)}")
    if len(args.rope_axes) != 3 or sum(args.rope_axes) * args.heads != args.width or any(d % 2 for d in args.rope_axes):
        p.error(f"--rope-axes must be three even numbers that sum to width / heads = {args.width / args.heads:g}, "
                f"got {args.rope_axes}")
    if args.grow_single_blocks and not args.init_from_pack:
        p.error("--grow-single-blocks deepens a trained pack: name it with --init-from-pack")
    return args


def parse_favour(text: str) -> tuple[str, float]:
    phrase, _, factor = text.rpartition("=")
    if not phrase or not factor.replace(".", "", 1).isdigit() or float(factor) < 1:
        raise argparse.ArgumentTypeError(f"expected PHRASE=FACTOR with FACTOR at least 1, got {text!r}")
    return phrase, float(factor)


def favoured(sample: Sample, favour: tuple[str, float] | None) -> bool:
    """Whether a sample stays under --favour: those with the phrase always, the others by a draw fixed by their index,
    so a resumed run keeps the same samples."""
    if favour is None or favour[0] in sample.prompt:
        return True
    return (sample.index * 0x9E3779B97F4A7C15 % 2**64) / 2**64 < 1 / favour[1]


def build_factory(run: Path, prebuilt: Path | None) -> Path:
    factory = prebuilt
    if factory is None:
        out = run / "factory"
        subprocess.run(["dotnet", "build", str(REPO / "tools" / "DataFactory"), "-c", "Release", "-o", str(out),
                        "-v", "quiet", "-nologo"], check=True)
        factory = out / "DreamOmni2.DataFactory.dll"
    subprocess.run(factory_command(factory) + ["vocab", "--out", str(run / "vocab.txt")], check=True)
    return factory


def load_vocab(path: Path) -> dict[str, int]:
    return {word: i for i, word in enumerate(path.read_text(encoding="utf-8").splitlines())}


def tokenize(prompt: str, vocab: dict[str, int]) -> list[int]:
    ids = [vocab.get(word, 1) for word in prompt.lower().split()][:TEXT_LENGTH]
    return ids + [0] * (TEXT_LENGTH - len(ids))


class BatchBuilder:
    """Turns factory samples into the transformer's inputs, exactly as the engine will feed them.

    Split in two for BatchStream: calling it does the CPU work in a background process and keeps images as bytes
    (packed into tokens, the pixel weights as a mask), a quarter of the floats' size to share and copy to the device;
    `model_inputs` makes the floats where the model runs.
    """

    def __init__(self, vocab: dict[str, int], index: bool, shift: bool):
        self.vocab = vocab
        self.index = index
        self.shift = shift
        self.encode = SpaceToDepthEncoder(LATENT_FACTOR)
        grid = IMAGE_SIZE // LATENT_FACTOR // 2
        self.grid = grid
        # Packing only moves values, so it is worked out once, on the positions of an image's H×W×RGB bytes: a batch
        # is then one gather of its bytes. Permuting whole float batches through the 6-d views took most of the
        # builder's time on the CPU.
        positions = torch.arange(IMAGE_SIZE * IMAGE_SIZE * 3).reshape(1, IMAGE_SIZE, IMAGE_SIZE, 3).permute(0, 3, 1, 2)
        packed = self.pack(positions)
        self.packed_from, self.token_width = packed.flatten().numpy(), packed.shape[-1]

    def pack(self, images: torch.Tensor) -> torch.Tensor:
        """(B, 3, 64, 64) -> (B, tokens, 192): space-to-depth latent then FLUX's 2x2 packing."""
        z = self.encode(images)
        b, c, h, w = z.shape
        return z.reshape(b, c, h // 2, 2, w // 2, 2).permute(0, 2, 4, 1, 3, 5).reshape(b, (h // 2) * (w // 2), c * 4)

    def pack_pixels(self, pixels: np.ndarray) -> torch.Tensor:
        """(B, [n,] 64, 64, 3) as the factory writes them -> (B, [n ×] tokens, 192), each image packed as `pack` packs
        it, one after the other (numpy's take: a third of the time of indexing the tensor, measured)."""
        flat = np.take(pixels.reshape(*pixels.shape[:-3], -1), self.packed_from, axis=-1)
        return torch.from_numpy(flat.reshape(pixels.shape[0], -1, self.token_width))

    def __call__(self, samples: list[Sample]) -> dict[str, torch.Tensor | None]:
        """The CPU part: packed uint8 images ("x0", "refs"), the packed mask of up-weighted pixels ("changed"), the
        token ids and the position ids."""
        n = len(samples[0].inputs)
        target = np.stack([s.target for s in samples])
        inputs = np.stack([s.inputs for s in samples]) if n else None
        source = inputs[:, 0] if inputs is not None and samples[0].task in (0, 2) else None
        changed = self.changed_pixels(target, source)
        ids = torch.tensor([tokenize(s.prompt, self.vocab) for s in samples], dtype=torch.long)
        grid = (self.grid, self.grid)
        img_ids = torch.tensor(position_ids(grid, [grid] * n, self.index, self.shift), dtype=torch.float32)
        return {
            "x0": self.pack_pixels(target), "refs": None if inputs is None else self.pack_pixels(inputs),
            "changed": self.pack_pixels(np.broadcast_to(changed, target.shape)), "input_ids": ids,
            "img_ids": img_ids, "txt_ids": torch.zeros(TEXT_LENGTH, 3),
        }

    @staticmethod
    def model_inputs(batch: dict[str, torch.Tensor | None]) -> dict[str, torch.Tensor | None]:
        """The transformer's inputs from a built batch, on the batch's device: images in [-1, 1], and the loss's pixel
        weights (5 where the request changes a pixel, else 1)."""
        refs = batch["refs"]
        return batch | {"x0": unit_range(batch["x0"]), "refs": None if refs is None else unit_range(refs),
                        "weight": 1.0 + 4.0 * batch["changed"].float()}

    @staticmethod
    def changed_pixels(target: np.ndarray, source: np.ndarray | None) -> np.ndarray:
        """The pixels that carry the request, (B, 64, 64, 1) of uint8 images (B, 64, 64, 3): what changed from the
        source, or what is not background."""
        target = unit_range(torch.from_numpy(target))
        if source is not None:
            changed = (target - unit_range(torch.from_numpy(source))).abs().amax(dim=-1, keepdim=True) > 0.06
        else:
            corners = torch.stack([target[:, 0, 0], target[:, 0, -1], target[:, -1, 0], target[:, -1, -1]])
            background = corners.mean(dim=0)[:, None, None, :]
            changed = (target - background).abs().amax(dim=-1, keepdim=True) > 0.15
        return changed.numpy()


def unit_range(pixels: torch.Tensor) -> torch.Tensor:
    """uint8 pixels -> [-1, 1]."""
    return pixels.float() / 127.5 - 1.0


def sample_sigmas(batch: int, target_tokens: int, device: torch.device) -> torch.Tensor:
    """Noise levels for training, shifted for the target token count exactly as the inference schedule is.

    Half logit-normal (most of the learning happens mid-way), half uniform, and one in ten at exactly σ = 1: the
    sampler's first step is pure noise, where the network must draw the picture from the text and references alone.
    A logit-normal alone almost never reaches σ ≈ 1, and an early model's x0 error there was worse than copying the
    source image (0.38 vs 0.28 mean squared error, against 0.12 at σ = 0.95).
    """
    mu = schedule_shift(target_tokens)
    logit_normal = torch.sigmoid(torch.randn(batch, device=device))
    uniform = torch.rand(batch, device=device)
    u = torch.where(torch.rand(batch, device=device) < 0.5, logit_normal, uniform)
    shifted = shifted_sigma(mu, u.clamp(min=1e-4))
    shifted = torch.where(torch.rand(batch, device=device) < 0.1, torch.ones_like(shifted), shifted)
    return shifted.clamp(1e-3, 1.0)


class Trainer:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        # Set even for "all cores": some machines start OpenMP with one thread on a 2-core box (measured: 17 samples/s
        # with torch's default there, 30 with both cores).
        torch.set_num_threads(args.threads or len(os.sched_getaffinity(0)))
        torch.manual_seed(args.seed)
        args.run.mkdir(parents=True, exist_ok=True)
        self.factory = build_factory(args.run, args.factory)
        self.vocab = load_vocab(args.run / "vocab.txt")
        self.text_cfg = TextEncoderConfig(vocab_size=len(self.vocab), max_length=TEXT_LENGTH)
        self.model_cfg = TransformerConfig(width=args.width, double_blocks=args.double_blocks,
                                           single_blocks=args.single_blocks, heads=args.heads,
                                           rope_axes=args.rope_axes, rope_theta=args.rope_theta)
        origin = None
        checkpoint = torch.load(self.checkpoint_path(), map_location=self.device) \
            if self.checkpoint_path().exists() else None
        if checkpoint is not None:
            # The run's own architecture, which a pack it started from or --grow-single-blocks may have set.
            self.text_cfg, self.model_cfg = configs_from(checkpoint)
        elif args.init_from_pack:
            origin = json.loads((args.init_from_pack / "training" / "summary.json").read_text())
            self.text_cfg, self.model_cfg = configs_from(origin)
            self.model_cfg.single_blocks += args.grow_single_blocks
        self.text_encoder = TinyTextEncoder(self.text_cfg).to(self.device)
        self.transformer = FluxTinyTransformer(self.model_cfg).to(self.device)
        self.params = list(self.text_encoder.parameters()) + list(self.transformer.parameters())
        self.optimizer = torch.optim.AdamW(self.params, lr=args.lr, weight_decay=0.01, betas=(0.9, 0.99))
        self.ema_text = copy.deepcopy(self.text_encoder).eval()
        self.ema_transformer = copy.deepcopy(self.transformer).eval()
        self.step = 0
        self.progress = 0.0  # share of this invocation's --hours gone by
        self.samples = 0
        self.next_index = 0
        self.wall = 0.0
        self.builder = BatchBuilder(self.vocab, args.index == "on", args.shift == "on")
        self.log_path = args.run / "log.csv"
        if origin is not None:
            self.start_from_pack(args.init_from_pack, origin)
        if checkpoint is not None:
            self.resume(checkpoint)

    def start_from_pack(self, pack: Path, origin: dict) -> None:
        loaded = load_initializers(pack / "transformer.onnx", self.transformer)
        loaded += load_initializers(pack / "text_encoder.onnx", self.text_encoder, prefix="encoder.")
        expected = len(self.transformer.state_dict()) + len(self.text_encoder.state_dict())
        for block in self.transformer.single_blocks[origin["model_config"]["single_blocks"]:]:
            torch.nn.init.zeros_(block.mod.weight)
            torch.nn.init.zeros_(block.mod.bias)
        self.ema_text.load_state_dict(self.text_encoder.state_dict())
        self.ema_transformer.load_state_dict(self.transformer.state_dict())
        self.samples, self.step, self.next_index = origin["samples"], origin["steps"], origin["next_index"]
        self.wall = origin["wall_hours"] * 3600
        print(f"started from {pack}: {loaded}/{expected} weight tensors, {self.samples} samples", flush=True)
        shutil.copy(pack / "training" / "log.csv", self.log_path)

    def checkpoint_path(self) -> Path:
        return self.args.run / "checkpoint.pt"

    def resume(self, state: dict) -> None:
        self.text_encoder.load_state_dict(state["text_encoder"])
        self.transformer.load_state_dict(state["transformer"])
        self.ema_text.load_state_dict(state["ema_text"])
        self.ema_transformer.load_state_dict(state["ema_transformer"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.step, self.samples, self.next_index, self.wall = (
            state["step"], state["samples"], state["next_index"], state["wall"])
        print(f"resumed at step {self.step}, {self.samples} samples, {self.wall / 3600:.2f} h", flush=True)

    def save(self) -> None:
        state = {
            "text_encoder": self.text_encoder.state_dict(), "transformer": self.transformer.state_dict(),
            "ema_text": self.ema_text.state_dict(), "ema_transformer": self.ema_transformer.state_dict(),
            "optimizer": self.optimizer.state_dict(), "step": self.step, "samples": self.samples,
            "next_index": self.next_index, "wall": self.wall,
            "model_config": self.model_cfg.to_json(), "text_config": self.text_cfg.to_json(),
            "scheme": {"index": self.args.index == "on", "shift": self.args.shift == "on"},
        }
        tmp = self.checkpoint_path().with_suffix(".tmp")
        torch.save(state, tmp)
        os.replace(tmp, self.checkpoint_path())

    def export(self) -> None:
        export_tiny_pack(
            self.args.out, self.ema_transformer, self.ema_text, self.args.run / "vocab.txt",
            index=self.args.index == "on", shift=self.args.shift == "on",
            training={"samples": self.samples, "steps": self.step, "next_index": self.next_index,
                      "wall_hours": round(self.wall / 3600, 3), "machine": machine_description(self.device),
                      "model_config": self.model_cfg.to_json(), "text_config": self.text_cfg.to_json(),
                      "log": self.log_path},
        )
        print(f"exported pack to {self.args.out} at {self.samples} samples", flush=True)

    def train_step(self, batch: dict[str, torch.Tensor]) -> float:
        x0, refs, weight = batch["x0"], batch["refs"], batch["weight"]
        b, n_target, _ = x0.shape
        sigma = sample_sigmas(b, n_target, self.device)
        noise = torch.randn_like(x0)
        xt = (1 - sigma[:, None, None]) * x0 + sigma[:, None, None] * noise
        hidden = torch.cat((xt, refs), dim=1) if refs is not None else xt
        guidance = torch.empty(b, device=self.device).uniform_(1.0, 5.0)
        with torch.autocast(self.device.type, dtype=torch.bfloat16):
            text, pooled = self.text_encoder(batch["input_ids"])
            predicted = self.transformer.predict(hidden, text, pooled, sigma, batch["img_ids"], batch["txt_ids"],
                                                 guidance)
        error = (predicted[:, :n_target].float() - x0) ** 2
        loss = (error * weight).sum() / weight.sum()
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.params, 1.0)
        anneal = 1.0 - 0.9 * min(1.0, self.progress) if self.args.anneal else 1.0
        for group in self.optimizer.param_groups:
            group["lr"] = self.args.lr * min(1.0, (self.step + 1) / self.args.warmup) * anneal
        self.optimizer.step()
        self.update_ema()
        return loss.item()

    @torch.no_grad()
    def update_ema(self) -> None:
        decay = min(self.args.ema, (1 + self.step) / (10 + self.step))
        for ema, live in ((self.ema_text, self.text_encoder), (self.ema_transformer, self.transformer)):
            for e, p in zip(ema.parameters(), live.parameters()):
                e.mul_(decay).add_(p.detach(), alpha=1 - decay)

    def run(self) -> None:
        args = self.args
        tasks = {TASKS.index(task) for task in args.tasks}
        stream = BatchStream(self.factory, self.next_index, args.batch, keep=lambda sample: sample.task in tasks
                             and (args.image_counts is None or len(sample.inputs) in args.image_counts)
                             and favoured(sample, args.favour),
                             builder=self.builder, device=self.device, workers=args.data_workers,
                             builders=args.data_builders)
        new_log = not self.log_path.exists()
        log = self.log_path.open("a", newline="")
        writer = csv.writer(log)
        if new_log:
            writer.writerow(["step", "samples", "loss", "samples_per_s", "wall_hours"])
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        started = time.time()
        wall_at_start = self.wall
        last_checkpoint = last_export = time.time()
        window_loss, window_samples, window_start = 0.0, 0, time.time()
        try:
            while time.time() - started < args.hours * 3600 and not stop.is_set():
                if args.max_samples and self.samples >= args.max_samples:
                    break
                batch, last_index = stream.next_batch()
                self.next_index = max(self.next_index, last_index + 1)
                loss = self.train_step(BatchBuilder.model_inputs(batch))
                batch_size = len(batch["input_ids"])
                self.step += 1
                self.samples += batch_size
                self.wall = wall_at_start + (time.time() - started)
                self.progress = (time.time() - started) / (args.hours * 3600)
                window_loss += loss * batch_size
                window_samples += batch_size
                if self.step % 50 == 0:
                    rate = window_samples / (time.time() - window_start)
                    writer.writerow([self.step, self.samples, f"{window_loss / window_samples:.5f}", f"{rate:.1f}",
                                     f"{self.wall / 3600:.3f}"])
                    log.flush()
                    print(f"step {self.step} samples {self.samples} loss {window_loss / window_samples:.4f} "
                          f"{rate:.1f} samples/s {self.wall / 3600:.2f} h", flush=True)
                    window_loss, window_samples, window_start = 0.0, 0, time.time()
                if time.time() - last_checkpoint > args.checkpoint_minutes * 60:
                    self.save()
                    last_checkpoint = time.time()
                if time.time() - last_export > args.export_minutes * 60:
                    self.export()
                    last_export = time.time()
        finally:
            stream.close()
            log.close()
        self.save()
        self.export()


def configs_from(saved: dict) -> tuple[TextEncoderConfig, TransformerConfig]:
    """The architecture recorded in a checkpoint or a pack's training summary (JSON turns tuples into lists)."""
    model = saved["model_config"]
    return TextEncoderConfig(**saved["text_config"]), TransformerConfig(**(model | {"rope_axes": tuple(model["rope_axes"])}))


def machine_description(device: torch.device) -> str:
    if device.type == "cuda":
        return torch.cuda.get_device_name(0)
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__} CPU"


if __name__ == "__main__":
    arguments = parse_args()
    trainer = Trainer(arguments)
    if arguments.export_only:
        trainer.export()
    else:
        trainer.run()
