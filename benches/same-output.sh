#!/usr/bin/env bash
# Speed work must not change a byte of output. Builds BASE (a commit; default: the last
# one whose output the reading work decided, before the third speed increment of issue
# 12, since the reader's last fixes came after the first two) in a worktree under
# target/, then runs every command of both builds on the fixtures, ../shared (when
# present) and generated notes, on one thread and on two, and compares what they print
# and their exit status.
#
#   benches/same-output.sh [BASE]
#
# Prints one line per difference and exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
base=${1:-ef19b8e}
work=$top/target/same-output
mkdir -p "$work"

if [ ! -x "$work/base/target/release/notes" ] || [ "$(cat "$work/base.commit" 2>/dev/null)" != "$base" ]; then
  rm -rf "$work/base"
  git worktree prune
  git worktree add --detach "$work/base" "$base" >/dev/null
  (cd "$work/base" && cargo build --release --quiet)
  echo "$base" >"$work/base.commit"
fi
cargo build --release --quiet
old=$work/base/target/release/notes
new=$top/target/release/notes

[ -s "$work/10mb.txt" ] || cargo bench --quiet --bench generate -- 10M "$work/10mb.txt"
[ -s "$work/deep.txt" ] || cargo bench --quiet --bench generate -- 2M "$work/deep.txt" deep

paths=()
while IFS= read -r -d '' f; do paths+=("$f"); done < <(find tests/fixtures -type f -print0 | sort -z)
for dir in ../shared/seed ../shared/corpus ../shared/realnotes; do
  [ -d "$dir" ] || continue
  while IFS= read -r -d '' f; do paths+=("$f"); done < <(find "$dir" -maxdepth 1 -type f \
    \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' -o -name '*.org' -o -name '*.taskpaper' -o -name '*.todo' \) -print0 | sort -z)
done
paths+=("$work/10mb.txt" "$work/deep.txt")

commands=(
  "list" "missed" "--json list" "--json missed" "grep decorator" "grep -i python"
  "grep the" "grep -o -i -w web" "grep --heading e" "grep -c a" "grep -l talk" "--json grep a"
  "show a" "print" "export --to json" "export --to markdown" "export --to opml"
  "speakers" "--json speakers" "days" "stats" "todo" "tree" "check --explain"
  "list --day friday" "list --sort date"
)

differences=0
compare() { # LABEL ARGS...
  local label=$1
  shift
  local a b
  a=$("$old" "$@" </dev/null 2>&1; echo "exit $?")
  b=$("$new" "$@" </dev/null 2>&1; echo "exit $?")
  if [ "$a" != "$b" ]; then
    differences=$((differences + 1))
    echo "differs: $label"
  fi
}

for path in "${paths[@]}"; do
  for command in "${commands[@]}"; do
    # shellcheck disable=SC2086
    compare "notes $command $path" $command -j1 -f "$path"
  done
done
# Folders, on one thread and on two.
for dir in tests/fixtures ../shared/corpus ../shared/realnotes; do
  [ -d "$dir" ] || continue
  for command in "${commands[@]}"; do
    for threads in -j1 -j2; do
      # shellcheck disable=SC2086
      compare "notes $command $threads $dir" $command $threads "$dir"
    done
  done
done

echo "$differences differences (base $base, ${#paths[@]} files, ${#commands[@]} commands)"
[ "$differences" -eq 0 ]
