"""Builds the test fixture packs from seeded random weights.

packs/fixture: a FLUX-shaped model at toy size (16-channel /8 VAE stand-in, CLIP-like and T5-like text encoders,
one double- and one single-stream block) with the real export's input/output names. Not trained: its pictures are
noise, but every tensor has the shape and role it has in the real pipeline.

packs/fixture-lora: the fixture's model with a rank-2 LoRA on the output projection whose weights are graph inputs
(zero when no adapter is active), an `.onnx_adapter` per mode, and each mode's LoRA merged into a transformer of its own
(`merged_edit.onnx`, `merged_generate.onnx`), so tests can check that an active adapter computes what the merged
weights compute.

packs/bench-passthrough: real-size transformer inputs (64-d tokens, 4096-d text states, 768-d pooled, 512 text
tokens, Kontext buckets) through a graph that does almost no work, to measure the engine's own per-step cost.

Usage (Debian's python3-torch, python3-onnx and python3-flatbuffers):
    /usr/bin/python3 tools/packs/make_fixture.py [fixture | fixture-lora | bench-passthrough ...]   (default: all)
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper
import torch
from torch import nn

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools" / "trainer"))

from flux_tiny import (  # noqa: E402
    ConvVaeDecoder, ConvVaeEncoder, FluxTinyTransformer, TextEncoderConfig, TinyTextEncoder, TransformerConfig,
)
from pack_export import (  # noqa: E402
    FLUX_LATENT, KONTEXT_BUCKETS, TRANSFORMER_INPUTS, _export, export_text_encoder, export_transformer, export_vae,
    flux_manifest, write_manifest, write_vocab,
)
from onnx_adapter import write_adapter  # noqa: E402

FIXTURE_WORDS = (
    "a an and the of in on with have make edit generate image object background color pattern shape style "
    "1 2 3 4 5 red orange yellow green blue purple pink white black gray circle square triangle star heart "
    "striped dotted solid filled outlined small large"
).split()

CLIP_LENGTH = 16
T5_LENGTH = 24


def text_encoders_manifest(clip_length: int, t5_length: int) -> list[dict]:
    tokenizer = {"kind": "words", "vocab": "vocab.txt"}
    return [
        {"name": "clip", "file": "clip.onnx", "tokenizer": tokenizer, "max_length": clip_length,
         "input": "input_ids", "outputs": {"pooled_embeddings": "pooled_projections"}},
        {"name": "t5", "file": "t5.onnx", "tokenizer": tokenizer, "max_length": t5_length,
         "input": "input_ids", "outputs": {"text_embeddings": "encoder_hidden_states"}},
    ]


def export_text_encoders(directory: Path, clip_cfg: TextEncoderConfig, t5_cfg: TextEncoderConfig) -> None:
    export_text_encoder(TinyTextEncoder(clip_cfg), directory / "clip.onnx", ["text_embeddings", "pooled_embeddings"])
    export_text_encoder(TinyTextEncoder(t5_cfg), directory / "t5.onnx", ["text_embeddings"])


FIXTURE_TRANSFORMER = TransformerConfig(in_channels=64, width=64, heads=4, double_blocks=1, single_blocks=1,
                                        text_dim=32, pooled_dim=24, rope_axes=(4, 6, 6))
FIXTURE_DEFAULTS = {"steps": 6, "guidance": 3.5, "max_area": 128 * 128, "generate_size": [128, 128],
                    "buckets": [[128, 128], [96, 160], [160, 96], [112, 144], [144, 112]], "max_images": 5}


def fixture_manifest(name: str, description: str) -> dict:
    return flux_manifest(name, description, text_encoders_manifest(CLIP_LENGTH, T5_LENGTH), FLUX_LATENT,
                         FIXTURE_DEFAULTS, {"index": True, "shift": True}, "natural")


def make_fixture(directory: Path) -> FluxTinyTransformer:
    """Writes the fixture pack; returns its transformer."""
    torch.manual_seed(20251123)
    vocab = len(FIXTURE_WORDS) + 2
    clip_cfg = TextEncoderConfig(vocab_size=vocab, max_length=CLIP_LENGTH, width=32, heads=2, layers=1,
                                 pooled_dim=24, sequence_dim=32)
    t5_cfg = TextEncoderConfig(vocab_size=vocab, max_length=T5_LENGTH, width=32, heads=2, layers=1,
                               pooled_dim=24, sequence_dim=32)
    transformer = FluxTinyTransformer(FIXTURE_TRANSFORMER)
    # proj_out starts at zero for training; a fixture needs an output that depends on its inputs.
    nn.init.normal_(transformer.proj_out.weight, std=0.05)

    directory.mkdir(parents=True, exist_ok=True)
    write_vocab(FIXTURE_WORDS, directory / "vocab.txt")
    export_text_encoders(directory, clip_cfg, t5_cfg)
    export_transformer(transformer, directory / "transformer.onnx", T5_LENGTH)
    export_vae(ConvVaeEncoder(16, 8), ConvVaeDecoder(16, 8), directory, 128, 16, 8)
    write_manifest(directory, fixture_manifest(
        "fixture", "Untrained FLUX-shaped toy model with seeded random weights, for tests."))
    return transformer


LORA_RANK = 2
LORA_INPUTS = ["lora.proj_out.down", "lora.proj_out.up"]


class LoraLinear(nn.Module):
    """y = base(x) + (x·downᵀ)·upᵀ, with down (rank, in) and up (out, rank) set per call."""

    def __init__(self, base: nn.Linear):
        super().__init__()
        self.base = base
        self.down: torch.Tensor | None = None
        self.up: torch.Tensor | None = None

    def forward(self, x):
        return self.base(x) + (x @ self.down.transpose(0, 1)) @ self.up.transpose(0, 1)


class LoraInputsTransformer(nn.Module):
    """The transformer with its output projection's LoRA weights as two extra graph inputs."""

    def __init__(self, transformer: FluxTinyTransformer):
        super().__init__()
        self.transformer = transformer
        self.cfg = transformer.cfg
        self.lora = LoraLinear(transformer.proj_out)
        transformer.proj_out = self.lora

    def forward(self, hidden_states, encoder_hidden_states, pooled_projections, timestep, img_ids, txt_ids, guidance,
                down, up):
        self.lora.down, self.lora.up = down, up
        return self.transformer(hidden_states, encoder_hidden_states, pooled_projections, timestep, img_ids, txt_ids,
                                guidance)


def export_lora_inputs_transformer(transformer: FluxTinyTransformer, path: Path, text_length: int) -> None:
    """Exports with the LoRA weights as graph inputs backed by zero initializers: optional, and a no-op when unfed."""
    cfg = transformer.cfg
    zeros = {LORA_INPUTS[0]: np.zeros((LORA_RANK, cfg.width), np.float32),
             LORA_INPUTS[1]: np.zeros((cfg.in_channels, LORA_RANK), np.float32)}
    export_transformer(LoraInputsTransformer(copy.deepcopy(transformer)), path, text_length,
                       {name: torch.from_numpy(value) for name, value in zeros.items()})
    model = onnx.load(str(path))
    model.graph.initializer.extend(numpy_helper.from_array(value, name) for name, value in zeros.items())
    onnx.save(model, str(path))


def make_fixture_lora(directory: Path) -> None:
    transformer = make_fixture(directory)
    export_lora_inputs_transformer(transformer, directory / "transformer.onnx", T5_LENGTH)
    torch.manual_seed(20251124)
    for mode in ("edit", "generate"):
        down = torch.randn(LORA_RANK, FIXTURE_TRANSFORMER.width) * 0.3
        up = torch.randn(FIXTURE_TRANSFORMER.in_channels, LORA_RANK) * 0.3
        write_adapter(directory / f"{mode}.onnx_adapter",
                      {LORA_INPUTS[0]: down.numpy(), LORA_INPUTS[1]: up.numpy()})
        merged = copy.deepcopy(transformer)
        with torch.no_grad():
            merged.proj_out.weight += up @ down
        export_transformer(merged, directory / f"merged_{mode}.onnx", T5_LENGTH)
    manifest = fixture_manifest("fixture-lora", "The fixture model with a LoRA adapter per mode, for tests.")
    manifest["transformer"]["lora_adapters"] = {"edit": "edit.onnx_adapter", "generate": "generate.onnx_adapter"}
    write_manifest(directory, manifest)


class PassthroughTransformer(nn.Module):
    """Consumes every transformer input at real size and does almost nothing with it."""

    def forward(self, hidden_states, encoder_hidden_states, pooled_projections, timestep, img_ids, txt_ids, guidance):
        side = (encoder_hidden_states[:, 0, :1].mean() + pooled_projections[:, :1].mean() + guidance.mean()
                + img_ids[:1, :].mean() + txt_ids[:1, :].mean()) * 1e-6
        return hidden_states * (1.0 - timestep)[:, None, None] + side


def make_bench_passthrough(directory: Path) -> None:
    torch.manual_seed(7)
    vocab = len(FIXTURE_WORDS) + 2
    clip_cfg = TextEncoderConfig(vocab_size=vocab, max_length=77, width=32, heads=2, layers=1,
                                 pooled_dim=768, sequence_dim=32)
    t5_cfg = TextEncoderConfig(vocab_size=vocab, max_length=512, width=32, heads=2, layers=1,
                               pooled_dim=32, sequence_dim=4096)
    directory.mkdir(parents=True, exist_ok=True)
    write_vocab(FIXTURE_WORDS, directory / "vocab.txt")
    export_text_encoders(directory, clip_cfg, t5_cfg)
    n, length = 8, 512
    example = (torch.randn(1, n, 64), torch.randn(1, length, 4096), torch.randn(1, 768), torch.full((1,), 0.5),
               torch.zeros(n, 3), torch.zeros(length, 3), torch.full((1,), 3.5))
    dynamic = {"hidden_states": {0: "batch", 1: "image_tokens"}, "encoder_hidden_states": {0: "batch"},
               "pooled_projections": {0: "batch"}, "timestep": {0: "batch"}, "img_ids": {0: "image_tokens"},
               "guidance": {0: "batch"}, "latent": {0: "batch", 1: "image_tokens"}}
    _export(PassthroughTransformer(), example, directory / "transformer.onnx", TRANSFORMER_INPUTS, ["latent"], dynamic)
    export_vae(ConvVaeEncoder(16, 8), ConvVaeDecoder(16, 8), directory, 128, 16, 8)
    write_manifest(directory, flux_manifest(
        "bench-passthrough",
        "Real-size FLUX.1 Kontext tensors through a graph that does almost no work; measures the engine.",
        text_encoders_manifest(77, 512), FLUX_LATENT,
        {"steps": 28, "guidance": 3.5, "max_area": 1024 * 1024, "generate_size": [1024, 1024],
         "buckets": KONTEXT_BUCKETS, "max_images": 5},
        {"index": True, "shift": True}, "natural"))


MAKERS = {"fixture": make_fixture, "fixture-lora": make_fixture_lora, "bench-passthrough": make_bench_passthrough}

if __name__ == "__main__":
    for pack in sys.argv[1:] or list(MAKERS):
        MAKERS[pack](REPO / "packs" / pack)
        print(f"wrote packs/{pack}")
