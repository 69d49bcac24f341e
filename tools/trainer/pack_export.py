"""Exports the tiny FLUX-shaped models to ONNX with the real export's input/output names and writes pack.json."""
from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

from flow_schedule import DEFAULT_SCHEDULE
from flux_tiny import FluxTinyTransformer, TinyTextEncoder

OPSET = 17

TRANSFORMER_INPUTS = [
    "hidden_states", "encoder_hidden_states", "pooled_projections", "timestep", "img_ids", "txt_ids", "guidance",
]


def export_transformer(model: nn.Module, path: Path, text_length: int,
                       extra_inputs: dict[str, torch.Tensor] | None = None) -> None:
    """Exports a FluxTinyTransformer (or a module with its `cfg` and forward, taking `extra_inputs` last)."""
    cfg = model.cfg
    extra_inputs = extra_inputs or {}
    n = 8
    example = (
        torch.randn(1, n, cfg.in_channels),
        torch.randn(1, text_length, cfg.text_dim),
        torch.randn(1, cfg.pooled_dim),
        torch.full((1,), 0.5),
        torch.zeros(n, 3),
        torch.zeros(text_length, 3),
        torch.full((1,), 3.5),
        *extra_inputs.values(),
    )
    dynamic = {
        "hidden_states": {0: "batch", 1: "image_tokens"},
        "encoder_hidden_states": {0: "batch", 1: "text_tokens"},
        "pooled_projections": {0: "batch"},
        "timestep": {0: "batch"},
        "img_ids": {0: "image_tokens"},
        "txt_ids": {0: "text_tokens"},
        "guidance": {0: "batch"},
        "latent": {0: "batch", 1: "image_tokens"},
    }
    _export(model, example, path, TRANSFORMER_INPUTS + list(extra_inputs), ["latent"], dynamic)


class _EncoderOutputs(nn.Module):
    """Selects which of the text encoder's outputs a graph exposes (CLIP-like: pooled; T5-like: sequence)."""

    def __init__(self, encoder: TinyTextEncoder, outputs: list[str]):
        super().__init__()
        self.encoder = encoder
        self.outputs = outputs

    def forward(self, input_ids):
        sequence, pooled = self.encoder(input_ids)
        by_name = {"text_embeddings": sequence, "pooled_embeddings": pooled}
        return tuple(by_name[name] for name in self.outputs)


def export_text_encoder(encoder: TinyTextEncoder, path: Path, outputs: list[str], ids_dtype=torch.int32) -> None:
    example = (torch.zeros(1, encoder.cfg.max_length, dtype=ids_dtype),)
    dynamic = {"input_ids": {0: "batch"}} | {name: {0: "batch"} for name in outputs}
    _export(_EncoderOutputs(encoder, outputs), example, path, ["input_ids"], outputs, dynamic)


def export_vae(encoder: nn.Module, decoder: nn.Module, directory: Path, image_size: int, latent_channels: int,
               downsampling: int) -> None:
    h = image_size // downsampling
    _export(encoder, (torch.zeros(1, 3, image_size, image_size),), directory / "vae_encoder.onnx", ["images"],
            ["latent"], {"images": {0: "batch", 2: "height", 3: "width"}, "latent": {0: "batch", 2: "h", 3: "w"}})
    _export(decoder, (torch.zeros(1, latent_channels, h, h),), directory / "vae_decoder.onnx", ["latent"],
            ["images"], {"latent": {0: "batch", 2: "h", 3: "w"}, "images": {0: "batch", 2: "height", 3: "width"}})


def _export(module: nn.Module, example: tuple, path: Path, inputs: list[str], outputs: list[str], dynamic: dict) -> None:
    module = module.eval()
    path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(
            module, example, str(path), input_names=inputs, output_names=outputs, dynamic_axes=dynamic,
            # No constant folding: every weight stays an initializer named after its parameter, so training can
            # resume from a pack's own graphs. ONNX Runtime folds the constants when it loads the session.
            opset_version=OPSET, do_constant_folding=False,
        )


def load_initializers(path: Path, module: nn.Module, prefix: str = "") -> int:
    """Copies the weights stored in an exported graph back into a module; returns how many tensors were loaded."""
    import onnx
    from onnx import numpy_helper

    stored = {init.name: numpy_helper.to_array(init) for init in onnx.load(str(path)).graph.initializer}
    state = module.state_dict()
    loaded = 0
    for name, tensor in state.items():
        if prefix + name in stored:
            tensor.copy_(torch.from_numpy(stored[prefix + name].copy()))
            loaded += 1
    return loaded


def write_vocab(words: list[str], path: Path) -> None:
    path.write_text("\n".join(["[PAD]", "[UNK]", *words]) + "\n", encoding="utf-8")


def write_manifest(directory: Path, manifest: dict) -> None:
    (directory / "pack.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


KONTEXT_BUCKETS = [
    [672, 1568], [688, 1504], [720, 1456], [752, 1392], [800, 1328], [832, 1248], [880, 1184], [944, 1104],
    [1024, 1024], [1104, 944], [1184, 880], [1248, 832], [1328, 800], [1392, 752], [1456, 720], [1504, 688],
    [1568, 672],
]

FLUX_PREVIEW_FACTORS = [
    [-0.0346, 0.0244, 0.0681], [0.0034, 0.0210, 0.0687], [0.0275, -0.0668, -0.0433], [-0.0174, 0.0160, 0.0617],
    [0.0859, 0.0721, 0.0329], [0.0004, 0.0383, 0.0115], [0.0405, 0.0861, 0.0915], [-0.0236, -0.0185, -0.0259],
    [-0.0245, 0.0250, 0.1180], [0.1008, 0.0755, -0.0421], [-0.0515, 0.0201, 0.0011], [0.0428, -0.0012, -0.0036],
    [0.0817, 0.0765, 0.0749], [-0.1264, -0.0522, -0.1103], [-0.0280, -0.0881, -0.0499], [-0.1262, -0.0982, -0.0778],
]
FLUX_PREVIEW_BIAS = [-0.0329, -0.0718, -0.0851]

TRANSFORMER_INPUT_NAMES = {name: name for name in TRANSFORMER_INPUTS}


def flux_manifest(name: str, description: str, text_encoders: list[dict], latent: dict, defaults: dict,
                  encoding: dict, prompt_style: str) -> dict:
    """A pack.json for a FLUX-shaped export with one transformer for both modes and an engine-scaled VAE."""
    return {
        "format": 1,
        "name": name,
        "description": description,
        "license": "MIT",
        "transformer": {"modes": {"edit": "transformer.onnx", "generate": "transformer.onnx"},
                        "lora_adapters": None, "inputs": TRANSFORMER_INPUT_NAMES, "output": "latent"},
        "text_encoders": text_encoders,
        "vae": {"encoder": {"file": "vae_encoder.onnx", "input": "images", "output": "latent"},
                "decoder": {"file": "vae_decoder.onnx", "input": "latent", "output": "images"},
                "applies_scaling": False},
        "latent": latent,
        "schedule": DEFAULT_SCHEDULE,
        "defaults": defaults,
        "encoding": encoding,
        "session": {"graph_optimization": "all"},
        "prompt": {"style": prompt_style},
    }


FLUX_LATENT = {"channels": 16, "downsampling": 8, "patch_size": 2, "scaling_factor": 0.3611, "shift_factor": 0.1159,
               "preview": {"factors": FLUX_PREVIEW_FACTORS, "bias": FLUX_PREVIEW_BIAS, "decoder": None}}

