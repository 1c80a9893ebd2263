#!/usr/bin/env bash
# The main job on the embedded store: ingest the seed corpus and search it.
set -euo pipefail
cd "$(dirname "$0")/.."
ab() { node bin/armsbrief.js "$@"; }
export ARMSBRIEF_DB=${ARMSBRIEF_DB:-./armsbrief-data}

echo "== ingest ../shared/corpus/seeds into $ARMSBRIEF_DB"
ab ingest ../shared/corpus/seeds
echo
echo "== search: Militärausgaben"
ab search "Militärausgaben" --limit 3
