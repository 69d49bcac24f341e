#!/usr/bin/env bash
# Builds what tools/gpu-check/run.sh needs on a CUDA machine that has no .NET and no network: the CLI published
# self-contained for linux-x64 with the CUDA build of ONNX Runtime, compressed, and the CUDA provider library
# (290 MB) compressed and cut into parts, each small enough to be carried to that machine on its own.
#
#   tools/gpu-check/bundle.sh [DIR]     (default DIR: artifacts/gpu-check)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/gpu-check}
part_size=${GPU_CHECK_PART_SIZE:-60M}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish tools/Cli -c Release -r linux-x64 --self-contained true -p:OnnxRuntimeFlavor=Gpu -o "$work/app"
# TensorRT is not used; the symbols files are not needed to run.
rm -f "$work/app/libonnxruntime_providers_tensorrt.so" "$work/app"/*.pdb
mv "$work/app/libonnxruntime_providers_cuda.so" "$work/"

rm -rf "$out"
mkdir -p "$out"
tar -C "$work" -cf - app | xz -T0 -6 > "$out/app.tar.xz"
xz -T0 -6 -c "$work/libonnxruntime_providers_cuda.so" | split -b "$part_size" -d - "$out/cuda-provider.xz."
(cd "$out" && sha256sum app.tar.xz cuda-provider.xz.* > SHA256SUMS)
ls -l "$out"
