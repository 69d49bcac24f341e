#!/usr/bin/env bash
# The server's container publish, run by the Dockerfile and by .ci/run alike so that CI checks what the image ships:
# a framework-dependent linux-x64 publish (native files for Linux x64 only) with wwwroot and the embedded packs.
#
#   tools/publish.sh restore cpu|gpu        restore for that flavour (the Dockerfile's cached layer)
#   tools/publish.sh publish cpu|gpu DIR    publish into DIR, after a restore
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: tools/publish.sh restore cpu|gpu | publish cpu|gpu DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
case "$2" in
  cpu) flavour=Cpu ;;
  gpu) flavour=Gpu ;;
  *) usage ;;
esac
project=(Server/Server.csproj -r linux-x64 -p:OnnxRuntimeFlavor="$flavour")

case "$1" in
  restore)
    dotnet restore "${project[@]}"
    ;;
  publish)
    [ $# -eq 3 ] || usage
    out=$3
    dotnet publish "${project[@]}" --no-restore -c Release --self-contained false -o "$out"
    mkdir -p "$out/wwwroot" "$out/packs"
    cp -r wwwroot/. "$out/wwwroot/"
    cp -r packs/tiny packs/examples "$out/packs/"
    ;;
  *) usage ;;
esac
