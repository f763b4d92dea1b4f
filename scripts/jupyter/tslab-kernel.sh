#!/usr/bin/env bash
# Jupyter kernel launcher for jiuzhu notebooks (the kernel spec written by
# scripts/run-notebooks.sh runs: bash <this file> {connection_file}).
#
# It does what `tslab kernel --config-path {connection_file}` does (the argv that
# `tslab install` writes), plus two things tslab cannot do by itself:
#   * starts the kernel with cwd = the repository root, wherever the notebook lives,
#     so relative paths such as 'scenarios/baseline-2006.yaml' mean the same in every
#     notebook, in nbconvert and in Jupyter;
#   * makes sure node_modules/jiuzhu exists (a shim linking to this checkout's dist/),
#     because tslab type-checks cells with TypeScript's Node10 resolution, which finds
#     `import ... from 'jiuzhu'` only through node_modules (no self-reference); `npm ci`
#     and `npm install` delete it (see link-package.sh).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 CONNECTION_FILE" >&2
  exit 2
fi
conn=$1
[[ $conn == /* ]] || conn="$PWD/$conn"

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
tslab="$root/node_modules/.bin/tslab"
if [[ ! -x $tslab ]]; then
  echo "jiuzhu-tslab kernel: $tslab is missing; run 'npm ci' in $root" >&2
  exit 1
fi
if [[ ! -f $root/dist/index.js ]]; then
  echo "jiuzhu-tslab kernel: $root/dist is missing; run 'npm run build' in $root" >&2
  exit 1
fi
# shellcheck source=scripts/jupyter/link-package.sh
source "$root/scripts/jupyter/link-package.sh"
jiuzhu_link_package "$root"

cd "$root"
exec "$tslab" kernel --config-path "$conn"
