#!/usr/bin/env python3
"""An independent NumPy implementation of all-MiniLM-L6-v2 (sentence-transformers), the reference the
Swift embedder is checked and benchmarked against.

It reads the same files as rbank (model.safetensors, vocab.txt) and does the same forward pass:
BERT uncased WordPiece tokenisation (as the `tokenizers` BertNormalizer, BertPreTokenizer and WordPiece
do it), 256 word pieces at most ([CLS] and [SEP] included, as sentence-transformers cuts them), the
6-layer encoder in float32, mean pooling over the attention mask and L2 normalisation. Batches are
padded to their longest sequence, as sentence-transformers does.

    minilm_reference.py embed  --model DIR --input texts.json --output vectors.json
    minilm_reference.py tokens --model DIR --input texts.json          # word-piece ids, one JSON line per text
    minilm_reference.py bench  --model DIR --input texts.json --batch 32 --repeat 5   # sentences per second

Needs only NumPy (Debian's python3-numpy or PyPI's numpy).
"""
import argparse
import json
import math
import struct
import sys
import time
import unicodedata

import numpy as np

MAX_TOKENS = 256
MAX_WORD_CHARS = 100
LAYERS = 6
HEADS = 12
HIDDEN = 384
EPS = 1e-12


# ---------------------------------------------------------------- files

def read_safetensors(path):
    """Every tensor of a safetensors file, as arrays over one memory map of it."""
    with open(path, "rb") as handle:
        header_length = struct.unpack("<Q", handle.read(8))[0]
        header = json.loads(handle.read(header_length))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + header_length)
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        tensors[name] = data[start:end].view(dtypes[info["dtype"]]).reshape(info["shape"])
    return tensors


def read_vocab(path):
    with open(path, encoding="utf-8") as handle:
        return {line.rstrip("\n"): index for index, line in enumerate(handle)}


# ---------------------------------------------------------------- tokenizer

def is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def is_whitespace(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def normalize(text):
    """Clean, space out CJK characters, strip accents (NFD, drop Mn) and lower-case."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or is_control(ch):
            continue
        if is_whitespace(ch):
            out.append(" ")
        elif is_cjk(cp):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    text = unicodedata.normalize("NFD", "".join(out))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.lower()


def pre_tokenize(text):
    words, current = [], []
    for ch in text:
        if is_whitespace(ch):
            if current:
                words.append("".join(current))
                current = []
        elif is_punctuation(ch):
            if current:
                words.append("".join(current))
                current = []
            words.append(ch)
        else:
            current.append(ch)
    if current:
        words.append("".join(current))
    return words


def word_pieces(word, vocab):
    if len(word) > MAX_WORD_CHARS:
        return [vocab["[UNK]"]]
    pieces, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return [vocab["[UNK]"]]
        pieces.append(found)
        start = end
    return pieces


def tokenize(text, vocab):
    ids = []
    for word in pre_tokenize(normalize(text)):
        ids.extend(word_pieces(word, vocab))
    return [vocab["[CLS]"]] + ids[: MAX_TOKENS - 2] + [vocab["[SEP]"]]


# ---------------------------------------------------------------- encoder

def erf(x):
    """Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7): NumPy has no erf of its own."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def gelu(x):
    return (0.5 * x * (1.0 + erf(x / np.float32(math.sqrt(2.0))))).astype(np.float32)


def layer_norm(x, weight, bias):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


class MiniLM:
    def __init__(self, folder):
        self.t = read_safetensors(folder + "/model.safetensors")
        self.vocab = read_vocab(folder + "/vocab.txt")
        # Weights are stored [out, in]; transpose once so that activations @ weight is the linear layer.
        self.layers = []
        for i in range(LAYERS):
            p = "encoder.layer.%d." % i
            g = lambda name: np.ascontiguousarray(self.t[p + name], dtype=np.float32)
            qkv = np.concatenate([g("attention.self.query.weight"), g("attention.self.key.weight"),
                                  g("attention.self.value.weight")]).T.copy()
            qkv_bias = np.concatenate([g("attention.self.query.bias"), g("attention.self.key.bias"),
                                       g("attention.self.value.bias")])
            self.layers.append(dict(
                qkv=qkv, qkv_bias=qkv_bias,
                out=g("attention.output.dense.weight").T.copy(), out_bias=g("attention.output.dense.bias"),
                ln1_w=g("attention.output.LayerNorm.weight"), ln1_b=g("attention.output.LayerNorm.bias"),
                up=g("intermediate.dense.weight").T.copy(), up_bias=g("intermediate.dense.bias"),
                down=g("output.dense.weight").T.copy(), down_bias=g("output.dense.bias"),
                ln2_w=g("output.LayerNorm.weight"), ln2_b=g("output.LayerNorm.bias")))

    def forward(self, batch_ids):
        b = len(batch_ids)
        width = max(len(ids) for ids in batch_ids)
        ids = np.zeros((b, width), dtype=np.int64)
        mask = np.zeros((b, width), dtype=np.float32)
        for row, seq in enumerate(batch_ids):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        t = self.t
        x = (t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:width]
             + t["embeddings.token_type_embeddings.weight"][0])
        x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"]).astype(np.float32)
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        head = HIDDEN // HEADS
        scale = np.float32(1.0 / math.sqrt(head))
        for w in self.layers:
            flat = x.reshape(b * width, HIDDEN)
            qkv = flat @ w["qkv"] + w["qkv_bias"]
            q, k, v = (qkv[:, i * HIDDEN:(i + 1) * HIDDEN].reshape(b, width, HEADS, head).transpose(0, 2, 1, 3)
                       for i in range(3))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            probs = scores / scores.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(b * width, HIDDEN)
            attended = layer_norm(context @ w["out"] + w["out_bias"] + flat, w["ln1_w"], w["ln1_b"])
            hidden = gelu(attended @ w["up"] + w["up_bias"])
            x = layer_norm(hidden @ w["down"] + w["down_bias"] + attended, w["ln2_w"], w["ln2_b"])
            x = x.astype(np.float32).reshape(b, width, HIDDEN)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts, batch=32):
        token_ids = [tokenize(text, self.vocab) for text in texts]
        out = [self.forward(token_ids[i:i + batch]) for i in range(0, len(token_ids), batch)]
        return np.concatenate(out) if out else np.zeros((0, HIDDEN), dtype=np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["embed", "tokens", "bench"])
    parser.add_argument("--model", required=True, help="folder with model.safetensors and vocab.txt")
    parser.add_argument("--input", required=True, help="a JSON array of strings")
    parser.add_argument("--output", help="embed: where to write the vectors (a JSON array of arrays)")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=5, help="bench: timed passes (median reported)")
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as handle:
        texts = json.load(handle)
    model = MiniLM(args.model)
    if args.mode == "tokens":
        for text in texts:
            print(json.dumps(tokenize(text, model.vocab)))
    elif args.mode == "embed":
        vectors = model.encode(texts, args.batch)
        with open(args.output, "w", encoding="utf-8") as handle:
            json.dump([[float(v) for v in row] for row in vectors], handle)
    else:
        model.encode(texts[: args.batch], args.batch)  # warm-up
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            model.encode(texts, args.batch)
            times.append(time.perf_counter() - start)
        times.sort()
        median = times[len(times) // 2]
        print(json.dumps({"sentences": len(texts), "seconds": median, "per_second": len(texts) / median}))


if __name__ == "__main__":
    sys.exit(main())
