#!/usr/bin/env bash
# Install the npm Fountain tools tests/test_interop.py checks our output against
# (fountain-js: a second Fountain reader; afterwriting: Fountain → PDF) into
# .ci/node/node_modules, where the tests look for them. Gitignored (node_modules/).
#
# Safe to run repeatedly: does nothing when the pinned set is already installed.
# Quiet on success; on a real error it prints npm's log and exits non-zero.
#
# Reproducible without a lockfile in the repo: the two tools are pinned, and
# --before freezes their dependency ranges to what the registry held on the day
# these versions were tested, so every run resolves the same tree.
set -euo pipefail

PINS=(fountain-js@1.2.4 afterwriting@1.17.3)
BEFORE=2026-11-25   # the day the pins were tested (npm --before: no later versions)

cd "$(dirname "$0")"
DEST=node
STAMP="$DEST/node_modules/.adapt-npm-tools"
WANT="${PINS[*]} before=$BEFORE"

die() { echo "npm-tools: error: $*" >&2; exit 1; }

command -v node >/dev/null || die "node not found on PATH"
command -v npm >/dev/null || die "npm not found on PATH"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
    exit 0
fi

# Install into a fresh directory and swap it in only when complete, so an
# interrupted run never leaves a half-installed tree the tests would take for real.
TMP="$(mktemp -d "$PWD/node.tmp.XXXXXX")"
chmod 755 "$TMP"
LOG="$TMP.log"
trap 'rm -rf "$TMP" "$LOG"' EXIT

# --ignore-scripts: the only install script in the tree is the snyk dependency's
# postinstall, which downloads the Snyk CLI binary; afterwriting never runs it.
# --no-save/--no-package-lock: nothing is written outside node_modules.
if ! npm install --prefix "$TMP" --no-save --no-package-lock --no-audit --no-fund \
        --ignore-scripts --loglevel=error --before="$BEFORE" "${PINS[@]}" >"$LOG" 2>&1; then
    cat "$LOG" >&2
    die "npm install ${PINS[*]} failed"
fi

# Prove the tools run before declaring them installed.
node -e "const {Fountain} = require('$TMP/node_modules/fountain-js');
         if (new Fountain().parse('INT. A - DAY', true).tokens[0].type !== 'scene_heading') process.exit(1);" \
    || die "fountain-js does not load or parse"
(cd "$TMP" && node node_modules/afterwriting/awc.js --help </dev/null >/dev/null 2>&1) \
    || die "afterwriting does not start"
for pin in "${PINS[@]}"; do
    name="${pin%@*}" version="${pin##*@}"
    got="$(node -p "require('$TMP/node_modules/$name/package.json').version")"
    [[ "$got" == "$version" ]] || die "$name: installed $got, pinned $version"
done

echo "$WANT" >"$TMP/node_modules/.adapt-npm-tools"
rm -rf "$DEST"
mv "$TMP" "$DEST"
echo "npm-tools: installed ${PINS[*]} into .ci/$DEST/node_modules"
