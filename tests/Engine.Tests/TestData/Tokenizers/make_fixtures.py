#!/usr/bin/python3
"""Writes the tiny tokenizer files the engine's tests read, in the real upstream formats, and prints the ids the
reference implementations give for the test sentences (the tests hold those ids as literals).

  /usr/bin/python3 make_fixtures.py      (Debian: apt-get install python3-sentencepiece)

clip/      vocab.json + merges.txt laid out as openai/CLIP builds them: 256 byte symbols, the same with </w>, one
           entry per merge, then <|startoftext|> and <|endoftext|>.  Expected ids come from simple_tokenizer's
           bpe() reproduced below.
t5/        spiece.model: a SentencePiece Unigram model with T5's special ids (pad 0, eos 1, unk 2, no bos).
"""
import io
import json
import re
from pathlib import Path

import sentencepiece as spm

HERE = Path(__file__).resolve().parent

CLIP_MERGES = [
    ("t", "h"), ("th", "e</w>"), ("r", "e"), ("re", "d</w>"), ("c", "a"), ("ca", "t</w>"), ("s", "t"),
    ("st", "a"), ("sta", "r</w>"), ("i", "n"), ("in", "g</w>"), ("a", "n</w>"), ("o", "n</w>"), ("i", "m"),
    ("im", "a"), ("ima", "g"), ("imag", "e</w>"),
]
CLIP_SENTENCES = ["a red cat", "  The RED   star,  running!", "héllo image 42", "on the mat" + " cat" * 80]

T5_CORPUS = [
    "make the circle in image 1 have the color of image 2",
    "make the star in image 1 have the pattern of image 3",
    "generate the object of image 1 on the background of image 2",
    "a small red striped filled square on a white background",
    "a large blue dotted outlined heart on a sky background",
    "make image 1 have the background of image 2",
    "the quick brown fox jumps over the lazy dog",
    "Hello, World! Colours and shapes: 12 circles, 3 stars.",
]
T5_SENTENCES = [
    "make the circle red", "Hello world!", "a   small  star on a sky background", "zebra Ω", "ｆｕｌｌ width",
]


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


def clip_bpe(token, ranks):
    word = tuple(token[:-1]) + (token[-1] + "</w>",)
    while len(word) > 1:
        pairs = {(word[i], word[i + 1]) for i in range(len(word) - 1)}
        bigram = min(pairs, key=lambda p: ranks.get(p, float("inf")))
        if bigram not in ranks:
            break
        merged, i = [], 0
        while i < len(word):
            if i < len(word) - 1 and (word[i], word[i + 1]) == bigram:
                merged.append(word[i] + word[i + 1])
                i += 2
            else:
                merged.append(word[i])
                i += 1
        word = tuple(merged)
    return word


def make_clip():
    byte_encoder = bytes_to_unicode()
    vocab = list(byte_encoder.values())
    vocab += [v + "</w>" for v in vocab]
    vocab += ["".join(m) for m in CLIP_MERGES]
    vocab += ["<|startoftext|>", "<|endoftext|>"]
    encoder = {v: i for i, v in enumerate(vocab)}
    out = HERE / "clip"
    out.mkdir(exist_ok=True)
    (out / "vocab.json").write_text(json.dumps(encoder, ensure_ascii=False), encoding="utf-8")
    (out / "merges.txt").write_text("#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in CLIP_MERGES), encoding="utf-8")

    ranks = {m: i for i, m in enumerate(CLIP_MERGES)}
    # simple_tokenizer's pattern with \p{L} / \p{N} spelled for the stdlib re (equal on these sentences).
    pattern = re.compile(r"'s|'t|'re|'ve|'m|'ll|'d|[^\W\d_]+|\d|(?:[^\s\w]|_)+")
    for sentence in CLIP_SENTENCES:
        text = re.sub(r"\s+", " ", sentence).strip().lower()
        ids = [encoder["<|startoftext|>"]]
        for token in pattern.findall(text):
            token = "".join(byte_encoder[b] for b in token.encode("utf-8"))
            ids += [encoder[piece] for piece in clip_bpe(token, ranks)]
        print("clip", repr(sentence[:40]), ids if len(ids) < 20 else ids[:12], "total", len(ids))


def make_t5():
    out = HERE / "t5"
    out.mkdir(exist_ok=True)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(T5_CORPUS * 4), model_writer=model, model_type="unigram", vocab_size=120,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1, hard_vocab_limit=False, character_coverage=1.0,
        minloglevel=2)
    (out / "spiece.model").write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    for sentence in T5_SENTENCES:
        print("t5", repr(sentence), processor.encode(sentence))


if __name__ == "__main__":
    make_clip()
    make_t5()
