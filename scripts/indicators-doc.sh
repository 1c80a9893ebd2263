#!/usr/bin/env bash
# Regenerates docs/indicators.md: imports ../shared/data into a fresh embedded store (reference lists
# included, briefs left out) and prints the catalogue with the years each id covers.
set -euo pipefail
cd "$(dirname "$0")/.."
store="$(mktemp -d)"
trap 'rm -rf "$store"' EXIT
node bin/armsbrief.js --db "$store/store" data import ../shared/data --no-briefs > /dev/null
node bin/armsbrief.js --db "$store/store" data catalogue --markdown > docs/indicators.md
echo "docs/indicators.md: $(grep -c '^| `' docs/indicators.md) indicator ids"
