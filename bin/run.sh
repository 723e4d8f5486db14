#!/usr/bin/env sh
# Exercism's test-runner interface: run.sh <slug> <input_dir> <output_dir>.
# Grades the solution in input_dir with the pack's canonical tests and writes
# output_dir/results.json (version 3). Exits 0 whatever the tests did.
set -eu

if [ "$#" -ne 3 ]; then
  echo "usage: run.sh <exercise-slug> <input_dir> <output_dir>" >&2
  exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
exec node "$here/kata.js" platform exercism "$1" "$2" "$3"
