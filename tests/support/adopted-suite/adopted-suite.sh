#!/bin/bash
# Maintainers' tool (not run by npm test; about 2 minutes a profile on 2 cores): does the whole suite hold after
# `npm run adopt`? Copies this working tree (uncommitted changes included) to a temporary folder, builds it (as
# `npm ci` leaves a clone), makes a proposal from an independent server of PROFILE, adopts it, and runs
# `npm test` there with no other edit (issue 16).
#   bash tests/support/adopted-suite/adopted-suite.sh PROFILE [vitest files...]   (vitest alone when files are given)
# PROFILE: alpha beta gamma delta zeta epsilon kappa omega (omega: every difference at once).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
PROFILE=${1:?"usage: adopted-suite.sh PROFILE [vitest files...]"}; shift
COPY=$(mktemp -d "${TMPDIR:-/tmp}/wupex-adopted-$PROFILE-XXXXXX")
(cd "$ROOT" && git ls-files -co --exclude-standard -z | grep -zv '^node_modules' | xargs -0 cp --parents -t "$COPY")
cd "$COPY"
git init -q && git add -A > /dev/null && git -c user.email=kit@example.invalid -c user.name=kit commit -qm "copy of $ROOT" # scan:secrets lists files with git
ln -s "$ROOT/node_modules" node_modules
npm run -s build > /dev/null
npx tsx tests/support/adopted-suite/make-proposal.ts "$PROFILE" "$COPY/proposal.json"
npm run -s adopt -- "$COPY/proposal.json"
rm proposal.json
echo "== $PROFILE adopted in $COPY; now the tests, with no other edit"
if [ $# -gt 0 ]; then npx vitest run "$@"; else npm test; fi
