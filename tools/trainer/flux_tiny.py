"""A small FLUX.1-shaped rectified-flow transformer and the companion text encoder and lossless VAE.

Same architecture family and ONNX contract as FluxTransformer2DModel as exported for Kontext: double-stream blocks
(separate text and image weights, joint attention), single-stream blocks (parallel attention + MLP), 3-axis RoPE
computed inside the graph from the `img_ids`/`txt_ids` inputs, and modulation from timestep, guidance and pooled text.
Only the sizes differ.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class TransformerConfig:
    in_channels: int = 192          # packed latent token width: latent channels x patch^2
    width: int = 256
    heads: int = 4
    double_blocks: int = 1
    single_blocks: int = 4
    mlp_ratio: float = 4.0
    text_dim: int = 128             # encoder_hidden_states width
    pooled_dim: int = 128           # pooled_projections width
    rope_axes: tuple[int, int, int] = (16, 24, 24)
    rope_theta: float = 10000.0
    predicts_clean_image: bool = True  # the network predicts x0; the graph converts it to the velocity v

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class TextEncoderConfig:
    vocab_size: int = 64
    max_length: int = 32
    width: int = 128
    heads: int = 4
    layers: int = 1
    pooled_dim: int = 128
    sequence_dim: int = 128

    def to_json(self) -> dict:
        return asdict(self)


def layer_norm(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    # Always an explicit weight AND bias, and a plain-int shape. torch 1.13 exports an affine-free LayerNorm badly,
    # and a LayerNormalization node without its bias input crashes ONNX Runtime 1.31's layer-norm fusions (EXTENDED
    # and ALL optimization levels segfault at session creation); with the bias present every level works.
    return F.layer_norm(x, (int(x.shape[-1]),), weight, bias, eps)


class PlainLayerNorm(nn.Module):
    """LayerNorm without learned affine parameters (modulation supplies scale and shift)."""

    def __init__(self, width: int):
        super().__init__()
        self.register_buffer("ones", torch.ones(width), persistent=False)
        self.register_buffer("zeros", torch.zeros(width), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return layer_norm(x, self.ones.to(x.dtype), self.zeros.to(x.dtype))


class RmsNorm(nn.Module):
    def __init__(self, width: int, eps: float = 1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(width))
        self.eps = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        dtype = x.dtype
        x = x.float()
        x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)
        return (x * self.weight.float()).to(dtype)


def rope_angles(ids: torch.Tensor, axes: tuple[int, int, int], theta: float) -> tuple[torch.Tensor, torch.Tensor]:
    """cos/sin of shape (N, head_dim/2) from position ids (N, 3): each axis rotates its own slice of the head."""
    parts = []
    for axis, dim in enumerate(axes):
        exponent = torch.arange(0, dim, 2, dtype=torch.float32, device=ids.device) / dim
        omega = 1.0 / (theta ** exponent)
        parts.append(ids[:, axis : axis + 1].float() * omega[None, :])
    angles = torch.cat(parts, dim=-1)
    return torch.cos(angles), torch.sin(angles)


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """x: (B, H, N, D) with D even; rotates consecutive pairs (x0, x1) as FLUX does."""
    b, h, n, d = x.shape
    pairs = x.float().reshape(b, h, n, d // 2, 2)
    x0, x1 = pairs[..., 0], pairs[..., 1]
    rotated = torch.stack((x0 * cos - x1 * sin, x0 * sin + x1 * cos), dim=-1)
    return rotated.reshape(b, h, n, d).to(x.dtype)


def attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """(B, H, N, D) -> (B, N, H*D)."""
    q = q * (1.0 / math.sqrt(q.shape[-1]))  # scaling q (N×D) is cheaper than scaling the scores (N×N)
    weights = torch.softmax(torch.matmul(q, k.transpose(-1, -2)), dim=-1)
    out = torch.matmul(weights, v)
    b, h, n, d = out.shape
    return out.transpose(1, 2).reshape(b, n, h * d)


def timestep_embedding(t: torch.Tensor, dim: int = 256, max_period: float = 10000.0) -> torch.Tensor:
    """Sinusoidal embedding of t·1000, as FLUX does for both timestep and guidance."""
    t = t.float() * 1000.0
    half = dim // 2
    freqs = torch.exp(-math.log(max_period) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    args = t[:, None] * freqs[None, :]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class MlpEmbedder(nn.Module):
    def __init__(self, in_dim: int, width: int):
        super().__init__()
        self.in_layer = nn.Linear(in_dim, width)
        self.out_layer = nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out_layer(F.silu(self.in_layer(x)))


class QkvHeads(nn.Module):
    """Splits a fused qkv projection into per-head q, k, v with RMS-normed q and k (FLUX's QKNorm)."""

    def __init__(self, heads: int, head_dim: int):
        super().__init__()
        self.heads = heads
        self.head_dim = head_dim
        self.q_norm = RmsNorm(head_dim)
        self.k_norm = RmsNorm(head_dim)

    def forward(self, qkv: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        b, n, _ = qkv.shape
        qkv = qkv.reshape(b, n, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        return self.q_norm(q), self.k_norm(k), v


class DoubleStreamBlock(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        w, hidden = cfg.width, int(cfg.width * cfg.mlp_ratio)
        head_dim = w // cfg.heads
        self.norm = PlainLayerNorm(w)
        self.img_mod = nn.Linear(w, 6 * w)
        self.txt_mod = nn.Linear(w, 6 * w)
        self.img_qkv = nn.Linear(w, 3 * w)
        self.txt_qkv = nn.Linear(w, 3 * w)
        self.img_heads = QkvHeads(cfg.heads, head_dim)
        self.txt_heads = QkvHeads(cfg.heads, head_dim)
        self.img_proj = nn.Linear(w, w)
        self.txt_proj = nn.Linear(w, w)
        self.img_mlp = nn.Sequential(nn.Linear(w, hidden), nn.GELU(), nn.Linear(hidden, w))
        self.txt_mlp = nn.Sequential(nn.Linear(w, hidden), nn.GELU(), nn.Linear(hidden, w))

    def forward(self, img, txt, vec, cos, sin):
        img_shift1, img_scale1, img_gate1, img_shift2, img_scale2, img_gate2 = self.img_mod(F.silu(vec))[:, None].chunk(6, dim=-1)
        txt_shift1, txt_scale1, txt_gate1, txt_shift2, txt_scale2, txt_gate2 = self.txt_mod(F.silu(vec))[:, None].chunk(6, dim=-1)

        img_q, img_k, img_v = self.img_heads(self.img_qkv((1 + img_scale1) * self.norm(img) + img_shift1))
        txt_q, txt_k, txt_v = self.txt_heads(self.txt_qkv((1 + txt_scale1) * self.norm(txt) + txt_shift1))
        q = apply_rope(torch.cat((txt_q, img_q), dim=2), cos, sin)
        k = apply_rope(torch.cat((txt_k, img_k), dim=2), cos, sin)
        v = torch.cat((txt_v, img_v), dim=2)
        joint = attention(q, k, v)
        n_txt = txt.shape[1]
        txt_attn, img_attn = joint[:, :n_txt], joint[:, n_txt:]

        img = img + img_gate1 * self.img_proj(img_attn)
        img = img + img_gate2 * self.img_mlp((1 + img_scale2) * self.norm(img) + img_shift2)
        txt = txt + txt_gate1 * self.txt_proj(txt_attn)
        txt = txt + txt_gate2 * self.txt_mlp((1 + txt_scale2) * self.norm(txt) + txt_shift2)
        return img, txt


class SingleStreamBlock(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        w = cfg.width
        self.hidden = int(w * cfg.mlp_ratio)
        self.width = w
        self.norm = PlainLayerNorm(w)
        self.mod = nn.Linear(w, 3 * w)
        self.linear1 = nn.Linear(w, 3 * w + self.hidden)
        self.linear2 = nn.Linear(w + self.hidden, w)
        self.heads = QkvHeads(cfg.heads, w // cfg.heads)
        self.act = nn.GELU()

    def forward(self, x, vec, cos, sin):
        shift, scale, gate = self.mod(F.silu(vec))[:, None].chunk(3, dim=-1)
        fused = self.linear1((1 + scale) * self.norm(x) + shift)
        qkv, mlp = fused[..., : 3 * self.width], fused[..., 3 * self.width :]
        q, k, v = self.heads(qkv)
        attn = attention(apply_rope(q, cos, sin), apply_rope(k, cos, sin), v)
        return x + gate * self.linear2(torch.cat((attn, self.act(mlp)), dim=-1))


class FluxTinyTransformer(nn.Module):
    """forward(hidden_states, encoder_hidden_states, pooled_projections, timestep, img_ids, txt_ids, guidance) -> v."""

    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        assert sum(cfg.rope_axes) == cfg.width // cfg.heads, "RoPE axes must cover the head dimension"
        self.cfg = cfg
        w = cfg.width
        self.x_embedder = nn.Linear(cfg.in_channels, w)
        self.context_embedder = nn.Linear(cfg.text_dim, w)
        self.time_in = MlpEmbedder(256, w)
        self.guidance_in = MlpEmbedder(256, w)
        self.vector_in = MlpEmbedder(cfg.pooled_dim, w)
        self.double_blocks = nn.ModuleList(DoubleStreamBlock(cfg) for _ in range(cfg.double_blocks))
        self.single_blocks = nn.ModuleList(SingleStreamBlock(cfg) for _ in range(cfg.single_blocks))
        self.final_norm = PlainLayerNorm(w)
        self.final_mod = nn.Linear(w, 2 * w)
        self.proj_out = nn.Linear(w, cfg.in_channels)
        nn.init.zeros_(self.proj_out.weight)
        nn.init.zeros_(self.proj_out.bias)

    def predict(self, hidden_states, encoder_hidden_states, pooled_projections, timestep, img_ids, txt_ids, guidance):
        """The network's raw output: the clean-image estimate (or v when predicts_clean_image is off)."""
        vec = (
            self.time_in(timestep_embedding(timestep))
            + self.guidance_in(timestep_embedding(guidance))
            + self.vector_in(pooled_projections)
        )
        img = self.x_embedder(hidden_states)
        txt = self.context_embedder(encoder_hidden_states)
        cos, sin = rope_angles(torch.cat((txt_ids, img_ids), dim=0), self.cfg.rope_axes, self.cfg.rope_theta)
        for block in self.double_blocks:
            img, txt = block(img, txt, vec, cos, sin)
        x = torch.cat((txt, img), dim=1)
        for block in self.single_blocks:
            x = block(x, vec, cos, sin)
        img = x[:, txt.shape[1] :]
        shift, scale = self.final_mod(F.silu(vec))[:, None].chunk(2, dim=-1)
        return self.proj_out((1 + scale) * self.final_norm(img) + shift)

    def forward(self, hidden_states, encoder_hidden_states, pooled_projections, timestep, img_ids, txt_ids, guidance):
        raw = self.predict(hidden_states, encoder_hidden_states, pooled_projections, timestep, img_ids, txt_ids, guidance)
        if not self.cfg.predicts_clean_image:
            return raw
        # x_t = (1-σ)·x0 + σ·ε and v = ε − x0, so v = (x_t − x0)/σ. The sampler never asks at σ = 0.
        sigma = timestep.float().clamp(min=1e-4)[:, None, None]
        return (hidden_states.float() - raw.float()) / sigma


class TinyTextEncoder(nn.Module):
    """Token embeddings, learned positions and a few self-attention layers.

    forward(input_ids) -> (text_embeddings (B, L, sequence_dim), pooled_embeddings (B, pooled_dim)).
    No attention mask: like T5 in FLUX, padding tokens are attended.
    """

    def __init__(self, cfg: TextEncoderConfig):
        super().__init__()
        self.cfg = cfg
        w = cfg.width
        self.token_embedding = nn.Embedding(cfg.vocab_size, w)
        self.position_embedding = nn.Parameter(torch.randn(cfg.max_length, w) * 0.02)
        self.layers = nn.ModuleList(TextEncoderLayer(w, cfg.heads) for _ in range(cfg.layers))
        self.norm = nn.LayerNorm(w)
        self.sequence_proj = nn.Linear(w, cfg.sequence_dim)
        self.pooled_proj = nn.Linear(w, cfg.pooled_dim)

    def forward(self, input_ids: torch.Tensor):
        x = self.token_embedding(input_ids.long()) + self.position_embedding[None, : input_ids.shape[1]]
        for layer in self.layers:
            x = layer(x)
        x = layer_norm(x, self.norm.weight, self.norm.bias)
        return self.sequence_proj(x), self.pooled_proj(x.mean(dim=1))


class TextEncoderLayer(nn.Module):
    def __init__(self, width: int, heads: int):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(width)
        self.norm2 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width))

    def forward(self, x):
        b, n, w = x.shape
        h = layer_norm(x, self.norm1.weight, self.norm1.bias)
        q, k, v = self.qkv(h).reshape(b, n, 3, self.heads, w // self.heads).permute(2, 0, 3, 1, 4)
        x = x + self.proj(attention(q, k, v))
        return x + self.mlp(layer_norm(x, self.norm2.weight, self.norm2.bias))


class SpaceToDepthEncoder(nn.Module):
    """Lossless 'VAE' encoder: each f×f pixel block becomes 3·f² channels, channel = c·f² + dy·f + dx."""

    def __init__(self, factor: int):
        super().__init__()
        self.factor = factor

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        b, c, h, w = images.shape
        f = self.factor
        x = images.reshape(b, c, h // f, f, w // f, f).permute(0, 1, 3, 5, 2, 4)
        return x.reshape(b, c * f * f, h // f, w // f)


class DepthToSpaceDecoder(nn.Module):
    """Exact inverse of SpaceToDepthEncoder."""

    def __init__(self, factor: int):
        super().__init__()
        self.factor = factor

    def forward(self, latent: torch.Tensor) -> torch.Tensor:
        b, channels, h, w = latent.shape
        f = self.factor
        c = channels // (f * f)
        x = latent.reshape(b, c, f, f, h, w).permute(0, 1, 4, 2, 5, 3)
        return x.reshape(b, c, h * f, w * f)


class ConvVaeEncoder(nn.Module):
    """A small convolutional stand-in for the FLUX VAE encoder (16 channels, downsampling 8); returns the mean."""

    def __init__(self, channels: int = 16, downsampling: int = 8):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.SiLU(),
            nn.Conv2d(32, channels, downsampling, stride=downsampling),
        )

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.net(images)


class ConvVaeDecoder(nn.Module):
    """A small convolutional stand-in for the FLUX VAE decoder."""

    def __init__(self, channels: int = 16, downsampling: int = 8):
        super().__init__()
        self.net = nn.Sequential(
            nn.ConvTranspose2d(channels, 32, downsampling, stride=downsampling), nn.SiLU(),
            nn.Conv2d(32, 3, 3, padding=1), nn.Tanh(),
        )

    def forward(self, latent: torch.Tensor) -> torch.Tensor:
        return self.net(latent)
