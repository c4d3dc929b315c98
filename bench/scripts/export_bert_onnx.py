"""Export a BERT encoder (Hugging Face BertModel architecture) to ONNX with PyTorch, for the
ONNX Runtime side of bench/bert-vs-onnx.sh.

usage: export_bert_onnx.py OUT.onnx [MODEL_DIR]
  MODEL_DIR (config.json + model.safetensors, HF names) gives the weights; without it the
  bert-base-uncased architecture is exported with random weights (speed does not depend on them).
Inputs input_ids, attention_mask, token_type_ids (int64, [batch, seq], both axes dynamic);
outputs last_hidden_state [batch, seq, hidden] and pooler_output [batch, hidden].
Written from the BERT paper / HF module structure; plain torch, no transformers package.
"""
import json, math, struct, sys
import numpy as np
import torch
from torch import nn


class Layer(nn.Module):
    def __init__(self, h, heads, inter, eps, tanh_gelu):
        super().__init__()
        self.heads, self.d = heads, h // heads
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.attn_out, self.attn_ln = nn.Linear(h, h), nn.LayerNorm(h, eps=eps)
        self.inter, self.out, self.out_ln = nn.Linear(h, inter), nn.Linear(inter, h), nn.LayerNorm(h, eps=eps)
        self.gelu = nn.GELU(approximate="tanh" if tanh_gelu else "none")

    def split(self, x):  # (B, L, H) -> (B, heads, L, d)
        b, l, _ = x.shape
        return x.view(b, l, self.heads, self.d).transpose(1, 2)

    def forward(self, x, additive_mask):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.d) + additive_mask
        ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(x.shape)
        x = self.attn_ln(x + self.attn_out(ctx))
        return self.out_ln(x + self.out(self.gelu(self.inter(x))))


class Bert(nn.Module):
    def __init__(self, c):
        super().__init__()
        h, eps = c["hidden_size"], c.get("layer_norm_eps", 1e-12)
        self.word = nn.Embedding(c["vocab_size"], h)
        self.pos = nn.Embedding(c["max_position_embeddings"], h)
        self.token_type = nn.Embedding(c.get("type_vocab_size", 2), h)
        self.ln = nn.LayerNorm(h, eps=eps)
        tanh = c.get("hidden_act", "gelu") != "gelu"
        self.layers = nn.ModuleList(Layer(h, c["num_attention_heads"], c["intermediate_size"], eps, tanh)
                                    for _ in range(c["num_hidden_layers"]))
        self.pooler = nn.Linear(h, h)

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.ln(self.word(input_ids) + self.pos(positions) + self.token_type(token_type_ids))
        additive = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in self.layers:
            x = layer(x, additive)
        return x, torch.tanh(self.pooler(x[:, 0]))


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        assert t["dtype"] == "F32", name
        b, e = t["data_offsets"]
        out[name.removeprefix("bert.")] = torch.from_numpy(np.frombuffer(data[b:e], dtype="<f4").reshape(t["shape"]).copy())
    return out


def load(model, w, c):
    def lin(m, p):
        m.weight.data, m.bias.data = w[p + ".weight"], w[p + ".bias"]
    def ln(m, p):
        m.weight.data, m.bias.data = w[p + ".weight"], w[p + ".bias"]
    model.word.weight.data = w["embeddings.word_embeddings.weight"]
    model.pos.weight.data = w["embeddings.position_embeddings.weight"]
    model.token_type.weight.data = w["embeddings.token_type_embeddings.weight"]
    ln(model.ln, "embeddings.LayerNorm")
    for i, L in enumerate(model.layers):
        p = f"encoder.layer.{i}."
        lin(L.query, p + "attention.self.query"); lin(L.key, p + "attention.self.key"); lin(L.value, p + "attention.self.value")
        lin(L.attn_out, p + "attention.output.dense"); ln(L.attn_ln, p + "attention.output.LayerNorm")
        lin(L.inter, p + "intermediate.dense"); lin(L.out, p + "output.dense"); ln(L.out_ln, p + "output.LayerNorm")
    if "pooler.dense.weight" in w:
        lin(model.pooler, "pooler.dense")


def main():
    out = sys.argv[1]
    if len(sys.argv) > 2:
        c = json.load(open(sys.argv[2] + "/config.json"))
        model = Bert(c)
        load(model, read_safetensors(sys.argv[2] + "/model.safetensors"), c)
        print(f"weights from {sys.argv[2]}", file=sys.stderr)
    else:
        c = dict(vocab_size=30522, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
                 intermediate_size=3072, hidden_act="gelu_new", max_position_embeddings=512, type_vocab_size=2)
        torch.manual_seed(0)
        model = Bert(c)
        print("random weights, bert-base architecture", file=sys.stderr)
    model.eval()
    ids = torch.randint(1000, 2000, (2, 16))
    with torch.no_grad():
        torch.onnx.export(model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), out, opset_version=14,
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state", "pooler_output"],
                          dynamic_axes={n: {0: "batch", 1: "seq"} for n in ["input_ids", "attention_mask", "token_type_ids"]}
                          | {"last_hidden_state": {0: "batch", 1: "seq"}, "pooler_output": {0: "batch"}})
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
