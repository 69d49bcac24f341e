#!/usr/bin/env bash
# The GPU check, on a CUDA machine: unpacks what tools/gpu-check/bundle.sh made (every part must be there; they may
# arrive one per copy), points the loader at the CUDA 13 and cuDNN 9 libraries of the installed Python packages (the
# nvidia-* wheels that CUDA builds of torch use), and runs `dreamomni2 device-check` on the tiny and fixture packs:
# the probe's nodes must run on CUDA, each pack's picture is compared with the CPU's, and a step is timed on both.
#
#   tools/gpu-check/run.sh [BUNDLE]     (default BUNDLE: artifacts/gpu-check); exit 0 only if CUDA ran every pack
#   tools/gpu-check/run.sh --dry        the same check through the repository's CLI (dotnet, CPU build): on a
#                                       machine without CUDA it must report the fallback; exit 0 when it does
set -euo pipefail
cd "$(dirname "$0")/../.."
packs=(--pack packs/tiny --pack packs/fixture --pack packs/fixture-lora)

if [ "${1:-}" = "--dry" ]; then
  set +e
  output=$(dotnet run --project tools/Cli -- device-check --provider cuda --require-device --steps 2 "${packs[@]}")
  code=$?
  set -e
  printf '%s\n' "$output"
  # device-check exits 3 when CUDA did not run; the dry run passes when that, and the FALLBACK line, happened.
  if [ "$code" = 3 ] && grep -q "^result: FALLBACK" <<<"$output"; then
    echo "gpu-check dry run: the fallback was detected and reported"
    exit 0
  fi
  echo "gpu-check dry run: expected device-check to report the CPU fallback (exit 3), got exit $code" >&2
  exit 1
fi

bundle=${1:-artifacts/gpu-check}
(cd "$bundle" && sha256sum --quiet -c SHA256SUMS) || { echo "the bundle in $bundle is incomplete; copy every part" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$bundle"/bundle.tar.xz.* | xz -d | tar -C "$work" -xf -

# Every folder of shared libraries the Python nvidia-* packages installed (cuda_runtime, cublas, cudnn, curand, ...).
libraries=$(python3 - <<'PY'
import pathlib, site
roots = [pathlib.Path(p) / "nvidia" for p in site.getsitepackages() + [site.getusersitepackages()]]
folders = sorted({str(f.parent) for root in roots if root.is_dir() for f in root.rglob("lib*.so*")})
print(":".join(folders))
PY
)
export LD_LIBRARY_PATH="$libraries${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
"$work/app/dreamomni2" device-check --provider cuda --require-device --steps 20 "${packs[@]}"
