#!/usr/bin/env bash
# The main job on the embedded store: ingest the seed corpus, import the public datasets,
# assess Kazakhstan and write its country brief in German and English.
set -euo pipefail
cd "$(dirname "$0")/.."
ab() { node bin/armsbrief.js "$@"; }
export ARMSBRIEF_DB=${ARMSBRIEF_DB:-./armsbrief-data}
out=${BRIEF_DIR:-./briefs}

echo "== 1. ingest ../shared/corpus/seeds into $ARMSBRIEF_DB"
ab ingest ../shared/corpus/seeds
echo
echo "== 2. import the datasets in ../shared/data (and the tables of ingested briefs)"
ab data import ../shared/data --quiet 2>/dev/null || ab data import ../shared/data 2>&1 | tail -3
echo
echo "== 3. search: Militärausgaben"
ab search "Militärausgaben" --country KZ --limit 2
echo
echo "== 4. assess Kazakhstan and compare with BICC's published ratings"
ab assess Kasachstan
ab compare Kasachstan
echo
formats=html,md
if [ -x "${ARMSBRIEF_CHROMIUM:-/usr/bin/chromium}" ]; then formats=html,md,pdf; else echo "(no Chromium: PDF skipped — apt-get install chromium)"; fi
echo "== 5. Kazakhstan's brief in German and English ($formats) → $out/"
ab brief Kasachstan --lang de,en --format "$formats" --out-dir "$out"
ls -l "$out"
