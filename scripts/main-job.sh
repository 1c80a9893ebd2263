#!/usr/bin/env bash
# The main job on the embedded store: ingest the seed corpus, import the public datasets,
# assess Kazakhstan and write its country brief in German and English.
set -euo pipefail
cd "$(dirname "$0")/.."
ab() { node bin/armsbrief.js "$@"; }
# Say which step failed and with what exit status instead of stopping silently.
step="start"
trap 'rc=$?; [ $rc -ne 0 ] && echo "main job: step \"$step\" failed with exit status $rc (see the messages above)" >&2' EXIT
export ARMSBRIEF_DB=${ARMSBRIEF_DB:-./armsbrief-data}
out=${BRIEF_DIR:-./briefs}

step="1. ingest"
echo "== 1. ingest ../shared/corpus/seeds into $ARMSBRIEF_DB"
ab ingest ../shared/corpus/seeds
echo
step="2. data import"
echo "== 2. import the datasets in ../shared/data (and the tables of ingested briefs)"
# The per-file table and warnings go to a log; the summary, skipped files and errors are shown.
log=$(mktemp)
if ! ab data import ../shared/data >"$log" 2>&1; then tail -n 25 "$log"; rm -f "$log"; exit 1; fi
awk '/^Skipped/{p=1; print; next} p && /^  /{print; next} {p=0}' "$log"; grep -E '^(brief |error:|[0-9]+ values for |assessments updated |country pages kept )' "$log" || true; rm -f "$log"
echo
step="3. search"
echo "== 3. search: Militärausgaben"
ab search "Militärausgaben" --country KZ --limit 2
echo
step="4. assess"
echo "== 4. assess Kazakhstan and compare with BICC's published ratings"
ab assess Kasachstan
ab compare Kasachstan
echo
formats=html,md
if [ -x "${ARMSBRIEF_CHROMIUM:-/usr/bin/chromium}" ]; then formats=html,md,pdf; else echo "(no Chromium: PDF skipped — apt-get install chromium)"; fi
step="5. brief"
echo "== 5. Kazakhstan's brief in German and English ($formats) → $out/"
ab brief Kasachstan --lang de,en --format "$formats" --out-dir "$out"
ls -l "$out"
