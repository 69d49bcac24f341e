"""Copies a pack with its transformer's weight matrix products dynamically quantized to int8.

Every MatMul whose second input is a stored weight (directly, or through the Transpose a torch export puts before
it) becomes com.microsoft's DynamicQuantizeMatMul: int8 weights with one scale per output column, activations
quantized to uint8 at run time, so ONNX Runtime's CPU provider can use VNNI. Attention's products of two activations
stay float32. Used to measure what int8 costs in time and in pixels (README, "Against the PyTorch reference").

  /usr/bin/python3 tools/packs/quantize_int8.py packs/tiny /tmp/tiny-int8
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper


def quantize(model: onnx.ModelProto) -> int:
    graph = model.graph
    weights = {init.name: init for init in graph.initializer}
    producers = {output: node for node in graph.node for output in node.output}
    replaced = 0
    nodes = []
    for node in graph.node:
        weight = None
        if node.op_type == "MatMul":
            b = node.input[1]
            if b in weights and len(weights[b].dims) == 2:
                weight = numpy_helper.to_array(weights[b])
            elif b in producers and producers[b].op_type == "Transpose" and producers[b].input[0] in weights:
                source = numpy_helper.to_array(weights[producers[b].input[0]])
                perm = next((list(a.ints) for a in producers[b].attribute if a.name == "perm"), [1, 0])
                if source.ndim == 2 and perm == [1, 0]:
                    weight = source.T
        if weight is None:
            nodes.append(node)
            continue
        scale = np.maximum(np.abs(weight).max(axis=0), 1e-12) / 127.0
        quantized = np.clip(np.round(weight / scale), -127, 127).astype(np.int8)
        prefix = f"{node.name or node.output[0]}_int8"
        graph.initializer.extend([
            numpy_helper.from_array(quantized, prefix + "_weight"),
            numpy_helper.from_array(scale.astype(np.float32), prefix + "_scale"),
            numpy_helper.from_array(np.zeros(weight.shape[1], np.int8), prefix + "_zero_point"),
        ])
        nodes.append(helper.make_node(
            "DynamicQuantizeMatMul", [node.input[0], prefix + "_weight", prefix + "_scale", prefix + "_zero_point"],
            list(node.output), name=prefix, domain="com.microsoft"))
        replaced += 1
    del graph.node[:]
    graph.node.extend(nodes)
    model.opset_import.extend([helper.make_opsetid("com.microsoft", 1)])
    # The Transposes that fed the float32 weights, and those weights, are read by nothing any more: drop them.
    outputs = {o.name for o in graph.output}
    while True:
        read = {name for node in graph.node for name in node.input} | outputs
        live = [node for node in graph.node if any(o in read for o in node.output)]
        if len(live) == len(graph.node):
            break
        del graph.node[:]
        graph.node.extend(live)
    used = {name for node in graph.node for name in node.input}
    kept = [init for init in graph.initializer if init.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    return replaced


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    model = onnx.load(str(source / "transformer.onnx"))
    replaced = quantize(model)
    onnx.save(model, str(target / "transformer.onnx"))
    print(f"{target}/transformer.onnx: {replaced} weight products in int8")


if __name__ == "__main__":
    main()
