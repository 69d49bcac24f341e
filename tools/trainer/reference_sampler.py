"""The PyTorch eager reference of the engine: a tiny-format pack's own weights, loaded from its ONNX graphs into
flux_tiny's modules, sampled with the same Euler loop. `dreamomni2 bench reference` drives it.

The engine writes a case folder (raw little-endian float32/int32 files and case.json): the reference images in
[-1, 1], the prompt's token ids, the target's noise, the position ids and the sigmas; everything random or resized
comes from the engine, so both sides compute the same picture. Commands, one per line on standard input, each
answered by one line on standard output:

  forward                  run forward_inputs/ through the transformer once, write forward_output.f32; "ok"
  image DTYPE THREADS      one whole image (text encoder, VAE encode, every step, VAE decode, 8-bit pixels) in
                           float32 or bfloat16 autocast on THREADS intra-op threads; writes image-DTYPE-THREADS.rgb;
                           answers "ms MILLISECONDS"
  quit
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flux_tiny import (  # noqa: E402
    DepthToSpaceDecoder, FluxTinyTransformer, SpaceToDepthEncoder, TextEncoderConfig, TinyTextEncoder,
    TransformerConfig,
)
from pack_export import load_initializers  # noqa: E402


def read(case: Path, name: str, shape: list[int], dtype=np.float32) -> torch.Tensor:
    return torch.from_numpy(np.fromfile(case / name, dtype=dtype).reshape(shape).copy())


class ReferenceSampler:
    def __init__(self, pack: Path, case: Path):
        summary = json.loads((pack / "training" / "summary.json").read_text())
        model = summary["model_config"]
        model["rope_axes"] = tuple(model["rope_axes"])
        self.transformer = FluxTinyTransformer(TransformerConfig(**model)).eval()
        self.text_encoder = TinyTextEncoder(TextEncoderConfig(**summary["text_config"])).eval()
        loaded = load_initializers(pack / "transformer.onnx", self.transformer)
        if loaded != len(self.transformer.state_dict()):
            raise SystemExit(f"{pack}/transformer.onnx holds {loaded} of {len(self.transformer.state_dict())} tensors")
        loaded = load_initializers(pack / "text_encoder.onnx", self.text_encoder, prefix="encoder.")
        if loaded != len(self.text_encoder.state_dict()):
            raise SystemExit(f"{pack}/text_encoder.onnx holds {loaded} of {len(self.text_encoder.state_dict())} tensors")
        self.case = case
        meta = json.loads((case / "case.json").read_text())
        self.meta = meta
        manifest = json.loads((pack / "pack.json").read_text())
        self.factor = manifest["latent"]["downsampling"]
        self.channels = manifest["latent"]["channels"]
        self.encoder = SpaceToDepthEncoder(self.factor)
        self.decoder = DepthToSpaceDecoder(self.factor)
        size = meta["image_size"]
        self.images = [read(case, f"image{i}.f32", [1, 3, size, size]) for i in range(meta["images"])]
        self.ids = read(case, "token_ids.i32", [1, meta["text_length"]], np.int32)
        latent = size // self.factor
        self.noise = read(case, "noise.f32", [1, self.channels, latent, latent])
        tokens = (meta["images"] + 1) * (latent // 2) ** 2
        self.img_ids = read(case, "img_ids.f32", [tokens, 3])
        self.sigmas = read(case, "sigmas.f32", [meta["steps"] + 1])
        self.guidance = torch.full((1,), float(meta["guidance"]))

    def pack(self, latent: torch.Tensor) -> torch.Tensor:
        """(1, C, h, w) -> (1, h/2·w/2, 4C), feature = c·4 + dy·2 + dx: the engine's LatentPacking."""
        _, c, h, w = latent.shape
        return latent.reshape(1, c, h // 2, 2, w // 2, 2).permute(0, 2, 4, 1, 3, 5).reshape(1, (h // 2) * (w // 2), 4 * c)

    def unpack(self, tokens: torch.Tensor, h: int, w: int) -> torch.Tensor:
        c = tokens.shape[-1] // 4
        return tokens.reshape(1, h // 2, w // 2, c, 2, 2).permute(0, 3, 1, 4, 2, 5).reshape(1, c, h, w)

    @torch.inference_mode()
    def image(self, dtype: str) -> tuple[np.ndarray, float]:
        start = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=dtype == "bfloat16"):
            sequence, pooled = self.text_encoder(self.ids)
            references = torch.cat([self.pack(self.encoder(image)) for image in self.images], dim=1)
            x = self.pack(self.noise)
            txt_ids = torch.zeros(sequence.shape[1], 3)
            target = x.shape[1]
            for k in range(self.meta["steps"]):
                sigma, sigma_next = self.sigmas[k], self.sigmas[k + 1]
                v = self.transformer(torch.cat((x, references.to(x.dtype)), dim=1), sequence, pooled, sigma.reshape(1),
                                     self.img_ids, txt_ids, self.guidance)
                x = (x + (sigma_next - sigma) * v[:, :target].float()).float()
            latent = self.noise.shape[-1]
            pixels = self.decoder(self.unpack(x, latent, latent)).float()
        # round(clamp(x/2 + 0.5, 0, 1)·255), half to even: the engine's ModelImage.ToRgb.
        rgb = torch.round(torch.clamp(pixels[0] / 2 + 0.5, 0, 1) * 255).to(torch.uint8).permute(1, 2, 0).numpy()
        return rgb, (time.perf_counter() - start) * 1000

    @torch.inference_mode()
    def forward(self) -> None:
        f = json.loads((self.case / "forward_inputs" / "shapes.json").read_text())
        d = self.case / "forward_inputs"
        names = ["hidden_states", "encoder_hidden_states", "pooled_projections", "timestep", "img_ids", "txt_ids", "guidance"]
        inputs = [read(d, f"{name}.f32", f[name]) for name in names]
        self.transformer(*inputs).float().numpy().astype("<f4").tofile(self.case / "forward_output.f32")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pack", type=Path, required=True)
    parser.add_argument("--case", type=Path, required=True)
    args = parser.parse_args()
    sampler = ReferenceSampler(args.pack, args.case)
    print(f"ready torch {torch.__version__}", flush=True)
    for line in sys.stdin:
        words = line.split()
        if words == ["quit"]:
            break
        if words == ["forward"]:
            sampler.forward()
            print("ok", flush=True)
        elif len(words) == 3 and words[0] == "image" and words[1] in ("float32", "bfloat16"):
            torch.set_num_threads(int(words[2]))
            rgb, ms = sampler.image(words[1])
            rgb.tofile(args.case / f"image-{words[1]}-{words[2]}.rgb")
            print(f"ms {ms:.3f}", flush=True)
        else:
            print(f"error: unknown command {line.strip()!r}", flush=True)


if __name__ == "__main__":
    main()
