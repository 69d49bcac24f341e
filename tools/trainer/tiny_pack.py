"""The tiny pack's fixed format (64x64 pixels, lossless space-to-depth latent) and its exporter."""
from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from flux_tiny import DepthToSpaceDecoder, FluxTinyTransformer, SpaceToDepthEncoder, TinyTextEncoder
from pack_export import export_text_encoder, export_transformer, export_vae, flux_manifest, write_manifest

IMAGE_SIZE = 64
LATENT_FACTOR = 4          # 4x4 pixels per latent cell
LATENT_CHANNELS = 3 * LATENT_FACTOR * LATENT_FACTOR
TEXT_LENGTH = 32


def export_tiny_pack(out: Path, transformer: FluxTinyTransformer, text_encoder: TinyTextEncoder, vocab: Path,
                     index: bool, shift: bool, training: dict) -> None:
    """Writes a complete pack to `out`, replacing what was there but the pack's written training history and its examples."""
    staging = out.with_name(out.name + ".staging")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    export_transformer(copy.deepcopy(transformer).float().cpu(), staging / "transformer.onnx", TEXT_LENGTH)
    export_text_encoder(copy.deepcopy(text_encoder).float().cpu(), staging / "text_encoder.onnx",
                        ["text_embeddings", "pooled_embeddings"])
    export_vae(SpaceToDepthEncoder(LATENT_FACTOR), DepthToSpaceDecoder(LATENT_FACTOR), staging, IMAGE_SIZE,
               LATENT_CHANNELS, LATENT_FACTOR)
    shutil.copy(vocab, staging / "vocab.txt")
    scheme = ("index" if index else "no index") + " + " + ("shift" if shift else "no shift")
    name = "tiny" if index and shift else f"tiny-{'index' if index else 'noindex'}-{'shift' if shift else 'noshift'}"
    manifest = flux_manifest(
        name,
        f"A FLUX-shaped model trained from scratch on the shape-world data factory ({scheme}); "
        f"64x64 edits and generations from up to four images.",
        [{"name": "text", "file": "text_encoder.onnx", "tokenizer": {"kind": "words", "vocab": "vocab.txt"},
          "max_length": TEXT_LENGTH, "input": "input_ids",
          "outputs": {"text_embeddings": "encoder_hidden_states", "pooled_embeddings": "pooled_projections"}}],
        {"channels": LATENT_CHANNELS, "downsampling": LATENT_FACTOR, "patch_size": 2, "scaling_factor": 1.0,
         "shift_factor": 0.0, "preview": {"kind": "vae"}},
        {"steps": 12, "guidance": 3.5, "max_area": IMAGE_SIZE * IMAGE_SIZE, "generate_size": [IMAGE_SIZE, IMAGE_SIZE],
         "buckets": [[IMAGE_SIZE, IMAGE_SIZE]], "max_images": 4},
        {"index": index, "shift": shift}, "shape-world")
    # The examples are drawn by the data factory (`DreamOmni2.DataFactory examples`), not trained: a new export keeps them.
    examples = out / "examples"
    if examples.exists():
        shutil.copytree(examples, staging / examples.name)
        manifest["examples"] = "examples/examples.json"
    write_manifest(staging, manifest)
    training_dir = staging / "training"
    training_dir.mkdir()
    shutil.copy(training["log"], training_dir / "log.csv")
    (training_dir / "summary.json").write_text(
        json.dumps({k: v for k, v in training.items() if k != "log"}
                                 | {"scheme": {"index": index, "shift": shift}}, indent=2) + "\n")
    history = out / "TRAINING.md"
    if history.exists():
        shutil.copy(history, staging / history.name)
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)
