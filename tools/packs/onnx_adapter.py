"""Writes ONNX Runtime's LoRA adapter files (`.onnx_adapter`, flatbuffers schema
onnxruntime/lora/adapter_format/adapter_schema.fbs, file identifier "TORT", format version 1)."""
from __future__ import annotations

from pathlib import Path

import flatbuffers
import numpy as np

FORMAT_VERSION = 1
FLOAT = 1  # TensorDataType.FLOAT


def _parameter(builder: flatbuffers.Builder, name: str, value: np.ndarray) -> int:
    data = np.ascontiguousarray(value, dtype="<f4").tobytes()
    name_offset = builder.CreateString(name)
    builder.StartVector(8, len(value.shape), 8)
    for dim in reversed(value.shape):
        builder.PrependInt64(dim)
    dims_offset = builder.EndVector()
    builder.StartVector(1, len(data), 8)  # raw_data is force_align 8
    builder.head -= len(data)
    builder.Bytes[builder.head:builder.head + len(data)] = data
    data_offset = builder.EndVector()
    builder.StartObject(4)
    builder.PrependUOffsetTRelativeSlot(0, name_offset, 0)
    builder.PrependUOffsetTRelativeSlot(1, dims_offset, 0)
    builder.PrependInt32Slot(2, FLOAT, 0)
    builder.PrependUOffsetTRelativeSlot(3, data_offset, 0)
    return builder.EndObject()


def write_adapter(path: Path, parameters: dict[str, np.ndarray], adapter_version: int = 1,
                  model_version: int = 1) -> None:
    """Writes float32 parameters, each fed by ONNX Runtime to the graph input of the same name."""
    builder = flatbuffers.Builder(1024)
    offsets = [_parameter(builder, name, value) for name, value in parameters.items()]
    builder.StartVector(4, len(offsets), 4)
    for offset in reversed(offsets):
        builder.PrependUOffsetTRelative(offset)
    parameters_offset = builder.EndVector()
    builder.StartObject(4)
    builder.PrependInt32Slot(0, FORMAT_VERSION, 0)
    builder.PrependInt32Slot(1, adapter_version, 0)
    builder.PrependInt32Slot(2, model_version, 0)
    builder.PrependUOffsetTRelativeSlot(3, parameters_offset, 0)
    builder.Finish(builder.EndObject(), file_identifier=b"TORT")
    path.write_bytes(builder.Output())
