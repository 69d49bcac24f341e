#!/usr/bin/env bash
# Builds what tools/gpu-check/run.sh needs on a CUDA machine that has no .NET and no network: the CLI published
# self-contained for linux-x64 with the CUDA build of ONNX Runtime (its CUDA provider library alone is 290 MB),
# compressed and cut into parts, each small enough to be carried to that machine on its own beside the repository.
#
#   tools/gpu-check/bundle.sh [DIR]     (default DIR: artifacts/gpu-check)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/gpu-check}
part_size=${GPU_CHECK_PART_SIZE:-30M}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish tools/Cli -c Release -r linux-x64 --self-contained true -p:OnnxRuntimeFlavor=Gpu -o "$work/app"
# TensorRT is not used; the symbols files are not needed to run.
rm -f "$work/app/libonnxruntime_providers_tensorrt.so" "$work/app"/*.pdb

rm -rf "$out"
mkdir -p "$out"
tar -C "$work" -cf - app | xz -T0 -6 | split -b "$part_size" -d - "$out/bundle.tar.xz."
(cd "$out" && sha256sum bundle.tar.xz.* > SHA256SUMS)
ls -l "$out"
