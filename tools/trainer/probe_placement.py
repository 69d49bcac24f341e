"""Asks what stops a pack's model in one-image generation: where the reference holds its object.

Runs the pack's own weights (read back from its ONNX files) on the data factory's one-image generation samples, each
with its reference shifted so the object sits on the token grid, half a token off it, or already at the canvas centre
where the target wants it, and prints the output's mean squared error inside the target's object mask per placement.
If the phase against the 8-pixel tokens mattered, "on the grid" would beat "half a token off"; if the distance of the
move mattered, "at the centre" would beat "as drawn".

    /usr/bin/python3 tools/trainer/probe_placement.py --pack packs/tiny --factory-dll DIR/DreamOmni2.DataFactory.dll
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from flux_tiny import DepthToSpaceDecoder, FluxTinyTransformer, TinyTextEncoder  # noqa: E402
from pack_export import load_initializers, schedule_shift, shifted_sigma  # noqa: E402
from tiny_pack import IMAGE_SIZE, LATENT_FACTOR, TEXT_LENGTH, position_ids  # noqa: E402
from train import BatchBuilder, configs_from, load_vocab, tokenize  # noqa: E402

TOKEN_PIXELS = 2 * LATENT_FACTOR
CENTRE = IMAGE_SIZE // 2
PLACEMENTS = ("as drawn", "on the token grid", "half a token off", "at the canvas centre")


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pack", type=Path, required=True)
    p.add_argument("--factory-dll", type=Path, required=True, help="a built DreamOmni2.DataFactory.dll")
    p.add_argument("--start", type=int, default=7_000_000, help="first factory index to draw samples from")
    p.add_argument("--count", type=int, default=500, help="factory samples to draw (about 14%% are one-image generations)")
    return p.parse_args()


class PackModel:
    def __init__(self, pack: Path):
        manifest = json.loads((pack / "pack.json").read_text())
        text_cfg, model_cfg = configs_from(json.loads((pack / "training" / "summary.json").read_text()))
        self.transformer = FluxTinyTransformer(model_cfg).eval()
        self.text_encoder = TinyTextEncoder(text_cfg).eval()
        load_initializers(pack / "transformer.onnx", self.transformer)
        load_initializers(pack / "text_encoder.onnx", self.text_encoder, prefix="encoder.")
        self.vocab = load_vocab(pack / "vocab.txt")
        self.builder = BatchBuilder(self.vocab, index=True, shift=True, device=torch.device("cpu"))
        self.guidance = manifest["defaults"]["guidance"]
        steps, mu = manifest["defaults"]["steps"], schedule_shift(self.builder.grid ** 2, manifest["schedule"])
        self.sigmas = [shifted_sigma(mu, t) for t in np.linspace(1, 1 / steps, steps)] + [0.0]

    @torch.no_grad()
    def generate(self, reference: torch.Tensor, prompt: str, seed: int) -> torch.Tensor:
        """Euler sampling of a one-image generation, as the engine runs it; returns the image in [-1, 1]."""
        text, pooled = self.text_encoder(torch.tensor([tokenize(prompt, self.vocab)]))
        refs = self.builder.pack(reference[None])
        grid = self.builder.grid
        img_ids = torch.from_numpy(position_ids(1, grid, index=True, shift=True))
        x = torch.randn(1, grid * grid, refs.shape[-1], generator=torch.Generator().manual_seed(seed))
        for sigma, next_sigma in zip(self.sigmas[:-1], self.sigmas[1:]):
            x0 = self.transformer.predict(torch.cat((x, refs), dim=1), text, pooled, torch.tensor([sigma]), img_ids,
                                          torch.zeros(TEXT_LENGTH, 3), torch.tensor([self.guidance]))[:, : grid * grid]
            x = x0 + next_sigma * (x - x0) / sigma
        latent = x.reshape(1, grid, grid, -1, 2, 2).permute(0, 3, 1, 4, 2, 5).reshape(1, -1, 2 * grid, 2 * grid)
        return DepthToSpaceDecoder(LATENT_FACTOR)(latent)[0].clamp(-1, 1)


def load_image(path: Path) -> torch.Tensor:
    return torch.from_numpy(np.array(Image.open(path).convert("RGB"))).permute(2, 0, 1).float() / 127.5 - 1


def moved(image: torch.Tensor, dx: int, dy: int) -> torch.Tensor:
    """The image shifted by (dx, dy) pixels, the uncovered border filled from the nearest edge row or column."""
    out = torch.roll(image, shifts=(dy, dx), dims=(1, 2))
    if dy > 0:
        out[:, :dy] = out[:, dy : dy + 1]
    elif dy < 0:
        out[:, dy:] = out[:, dy - 1 : dy]
    if dx > 0:
        out[:, :, :dx] = out[:, :, dx : dx + 1]
    elif dx < 0:
        out[:, :, dx:] = out[:, :, dx - 1 : dx]
    return out


def shift_to_phase(centre: int, phase: int) -> int:
    """The smallest shift that puts a coordinate at `phase` pixels past a token boundary."""
    d = (phase - centre) % TOKEN_PIXELS
    return d if d <= TOKEN_PIXELS // 2 else d - TOKEN_PIXELS


def placements(reference: torch.Tensor, cx: int, cy: int) -> list[torch.Tensor]:
    return [
        reference,
        moved(reference, shift_to_phase(cx, 0), shift_to_phase(cy, 0)),
        moved(reference, shift_to_phase(cx, TOKEN_PIXELS // 2), shift_to_phase(cy, TOKEN_PIXELS // 2)),
        moved(reference, CENTRE - cx, CENTRE - cy),
    ]


def main() -> None:
    args = parse_args()
    model = PackModel(args.pack)
    errors = []
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        subprocess.run(["dotnet", str(args.factory_dll), "samples", "--start", str(args.start), "--count", str(args.count),
                        "--out", str(data)], check=True, stdout=subprocess.DEVNULL)
        for path in sorted(data.glob("*.json")):
            sample = json.loads(path.read_text())
            if sample["task"] != "generate" or len(sample["inputs"]) != 1:
                continue
            scene = sample["inputs"][0]["scene"]
            target = load_image(data / sample["target"]["file"])
            mask = torch.from_numpy(np.array(Image.open(data / sample["target"]["mask_file"]).convert("L")) > 127)
            reference = load_image(data / sample["inputs"][0]["file"])
            row = [((model.generate(placed, sample["prompt"], sample["index"]) - target) ** 2).mean(0)[mask].mean().item()
                   for placed in placements(reference, scene["center_x"], scene["center_y"])]
            errors.append(row)
            print(f"{sample['index']} {scene['shape']:<9}" + "".join(f" {e:.3f}" for e in row), flush=True)
    table = np.array(errors)
    print(f"\n{len(table)} one-image generations, mean squared error inside the target's object mask:")
    for name, column in zip(PLACEMENTS, table.T):
        print(f"  reference object {name:<22} {column.mean():.4f}")
    print(f"  on the grid beats half a token off in {(table[:, 1] < table[:, 2]).sum()} of {len(table)}; "
          f"at the centre beats as drawn in {(table[:, 3] < table[:, 0]).sum()} of {len(table)}")


if __name__ == "__main__":
    main()
