#!/usr/bin/env bash
# Hostile inputs at full size, against the release build (tests/hostile.rs runs them
# scaled down under `cargo test`): 100,000 levels of nesting, 1,000,000 lines, a single
# 50 MB line, and 1 GB on standard input. Each must end with the expected status,
# without a panic, and within a time limit far above what linear work needs.
# Called by .ci/run; needs only coreutils and awk besides cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
notes=$PWD/target/release/notes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# check STATUS WHAT COMMAND... : runs COMMAND, output discarded.
check() {
  local want=$1 what=$2
  shift 2
  local start=$SECONDS got=0
  timeout 300 "$@" >/dev/null 2>"$work/stderr" || got=$?
  if [ "$got" != "$want" ] || grep -q panicked "$work/stderr"; then
    echo "FAIL: $what: exit status $got, expected $want"
    head -c 2000 "$work/stderr"
    exit 1
  fi
  echo "ok ($((SECONDS - start)) s): $what"
}

# 100,000 levels: line k is indented to column k (k/4 tabs, then k%4 spaces), so the
# file is about 1.25 GB however it is written.
awk 'BEGIN {
  print "Deep notes"; print ""; print "Talk – Ann Lee"
  tabs = ""
  for (k = 1; k <= 100000; k++) {
    if (k % 4 == 0) tabs = tabs "\t"
    printf "%s%s- level %d\n", tabs, substr("   ", 1, k % 4), k
  }
}' >"$work/deep.txt"
echo "deep.txt: $(stat -c %s "$work/deep.txt") bytes"
check 0 "list, 100,000 levels" "$notes" -f "$work/deep.txt" list
check 0 "grep with 99,999 ancestors" "$notes" -f "$work/deep.txt" grep 'level 100000$'
check 0 "grep --heading with 99,999 ancestors" "$notes" -f "$work/deep.txt" grep --heading 'level 100000$'
check 0 "export --to json, 100,000 levels" "$notes" -f "$work/deep.txt" export --to json
check 0 "export --to opml, 100,000 levels" "$notes" -f "$work/deep.txt" export --to opml
check 0 "tree --depth 8, 100,000 levels" "$notes" -f "$work/deep.txt" tree --depth 8
check 0 "stats, 100,000 levels" "$notes" -f "$work/deep.txt" stats
check 0 "show, 100,000 levels" "$notes" -f "$work/deep.txt" show talk
check 0 "print, 100,000 levels" "$notes" -f "$work/deep.txt" print
# The same file read in the other syntaxes: search goes through the document there.
check 0 "grep as Markdown, 100,000 levels" "$notes" -f "$work/deep.txt" --syntax markdown grep 'level 100000$'
check 0 "grep as TaskPaper, 100,000 levels" "$notes" -f "$work/deep.txt" --syntax taskpaper grep -c 'level 1'
check 1 "list as org-mode, 100,000 levels" "$notes" -f "$work/deep.txt" --syntax org list
# (Markdown export and an unlimited tree are left out: their output, four spaces or a
# guide per level, is quadratic in the depth, about 20 GB here.)
rm "$work/deep.txt"

awk 'BEGIN {
  for (i = 0; i < 1000000; i++)
    if (i % 10 == 0) printf "Session %d – Ann Lee\n", i
    else if (i % 1000 == 5) print "  - Missed, the decorator talk ran long"
    else print "  - a note about the thing"
}' >"$work/lines.txt"
check 0 "list, 1,000,000 lines" "$notes" -f "$work/lines.txt" list
check 0 "missed, 1,000,000 lines" "$notes" -f "$work/lines.txt" missed
check 0 "grep, 1,000,000 lines" "$notes" -f "$work/lines.txt" grep decorator
check 0 "export --to markdown, 1,000,000 lines" "$notes" -f "$work/lines.txt" export --to markdown
check 0 "tree, 1,000,000 lines" "$notes" -f "$work/lines.txt" tree
rm "$work/lines.txt"

{
  printf 'Talk\n  - '
  head -c 50000000 /dev/zero | tr '\0' 'x'
  printf ' decorator\n'
} >"$work/long.txt"
check 0 "grep, a 50 MB line" "$notes" -f "$work/long.txt" grep decorator
check 0 "list, a 50 MB line" "$notes" -f "$work/long.txt" list
check 0 "tree, a 50 MB line" "$notes" -f "$work/long.txt" tree
rm "$work/long.txt"

big_stdin() { yes '  - a note about the thing' | head -c 1000000000; }
check 0 "grep, 1 GB on standard input" bash -c "$(declare -f big_stdin); big_stdin | '$notes' -f - grep -c thing"
check 1 "list, 1 GB on standard input" bash -c "$(declare -f big_stdin); big_stdin | '$notes' -f - list"
echo "all hostile inputs handled"
