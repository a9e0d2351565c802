#!/usr/bin/env bash
# Compares notes with ripgrep, ogrep and cat on generated notes, in one run, and writes
# the results (ratios against the targets of the speed issue, 12) into BENCHMARKS.md.
#
#   benches/compare.sh
#
# Installs what it lacks: ripgrep and ogrep with cargo under target/peers, hyperfine and
# GNU time from Debian's packages. Every command writes into a pipe (hyperfine's
# --output=pipe), as a shell user's would.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
work=$top/target/bench
peers=$top/target/peers
mkdir -p "$work" "$peers"
export PATH="$peers/bin:$PATH"
runs=${RUNS:-10}

install_crate() { # CRATE BINARY
  if [ ! -x "$peers/bin/$2" ]; then
    cargo install --locked --root "$peers" "$1" || cargo install --root "$peers" "$1"
  fi
}

install_debian() { # PACKAGE BINARY
  if [ ! -x "$2" ] && ! command -v "$2" >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y "$1"; else sudo apt-get install -y "$1"; fi
  fi
}

install_crate ripgrep rg
install_crate ogrep ogrep
install_debian hyperfine hyperfine
install_debian time /usr/bin/time

cargo build --release --quiet
notes=$top/target/release/notes
seed=$top/notes/pycon2014.txt
for spec in "10M 10mb" "100M 100mb" "1G 1gb" "10M 10mb-deep deep"; do
  set -- $spec
  [ -s "$work/$2.txt" ] || cargo bench --quiet --bench generate -- "$1" "$work/$2.txt" ${3:-}
done
[ -d "$work/folder" ] || cargo bench --quiet --bench generate -- 100M "$work/folder" folder
big=$work/100mb.txt
small=$work/10mb.txt
huge=$work/1gb.txt
deep=$work/10mb-deep.txt
folder=$work/folder

# hyperfine NAME COMMAND... : the median wall time of each command, in seconds, one per
# line (the machine is shared: medians, not means).
measure() {
  local name=$1
  shift
  hyperfine -N --warmup 3 --runs "$runs" --output=pipe --style=none \
    --export-json "$work/$name.json" "$@" >/dev/null
  python3 -c 'import json,sys; [print(r["median"]) for r in json.load(open(sys.argv[1]))["results"]]' "$work/$name.json"
}

# Peak resident memory of a command, in KiB, its output going into a pipe.
peak() {
  /usr/bin/time -f %M -o "$work/peak.txt" "$@" | cat >/dev/null
  tail -n 1 "$work/peak.txt"
}

ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# verdict VALUE OP LIMIT: "met" or "not met"
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= l : v >= l; print ok ? "met" : "**not met**" }'; }

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }

# compare LABEL OP LIMIT NOTES-COMMAND BASELINE-LABEL BASELINE-COMMAND... : one
# hyperfine run; adds a row and leaves the median times in $times.
compare() {
  local label=$1 op=$2 limit=$3 cmd=$4 base_label=$5
  shift 5
  mapfile -t times < <(measure "$(echo "$label" | tr -c 'a-z0-9' '-')" "$cmd" "$@")
  local r
  r=$(ratio "${times[0]}" "${times[1]}")
  row "$label" "$(ms "${times[0]}")" "$base_label $(ms "${times[1]}")" "$r×" "$op $limit×" "$(verdict "$r" "$op" "$limit")"
}

echo "timing on $(basename "$big") and a folder ($runs runs each)..." >&2
compare "grep decorator (rare, ~1,800 hits)" "<=" 1.2 "$notes -f $big grep decorator" "rg -n" "rg -n decorator $big" "ogrep decorator $big"
ogrep_ratio=$(ratio "${times[2]}" "${times[0]}")
row "ogrep against notes grep decorator" "$(ms "${times[0]}")" "ogrep $(ms "${times[2]}")" "$ogrep_ratio× faster" ">= 10× faster" "$(verdict "$ogrep_ratio" ">=" 10)"
compare "grep Web (~18,500 hits, a third of them headings)" "<=" 1.5 "$notes -f $big grep Web" "rg -n" "rg -n Web $big"
compare "grep the (common)" "<=" 2 "$notes -f $big grep the" "rg -n" "rg -n the $big"
compare "grep -i decorator" "<=" 1.5 "$notes -f $big grep -i decorator" "rg -n -i" "rg -n -i decorator $big"
headings="rg -c '^[^ \\t\\r\\n]' $big"
compare "list" "<=" 2 "$notes -f $big list" "rg -c '^[^ \\t\\r\\n]'" "$headings"
compare "missed" "<=" 2 "$notes -f $big missed" "rg -c '^[^ \\t\\r\\n]'" "$headings"
compare "print" "<=" 1.2 "$notes -f $big print" "cat" "cat $big"
compare "folder of $(find "$folder" -type f | wc -l) files: grep decorator" "<=" 1.5 "$notes grep decorator $folder" "rg -n" "rg -n decorator $folder"
compare "folder: list" "<=" 2 "$notes list $folder" "rg -c '^[^ \\t\\r\\n]'" "rg -c '^[^ \\t\\r\\n]' $folder"
compare "100 levels deep: grep -c x" "<=" 2 "$notes -f $deep grep -c x" "notes list" "$notes -f $deep list"
compare "start-up: list --day friday on the seed" "<=" 1.2 "$notes -f $seed list --day friday" "rg Friday" "rg Friday $seed"

echo "peak memory..." >&2
mem_rows=()
for pattern in decorator the; do
  a=$(peak "$notes" -f "$big" grep "$pattern")
  b=$(peak rg -n "$pattern" "$big")
  r=$(ratio "$a" "$b")
  mem_rows+=("| grep $pattern | $((a / 1024)) MiB | rg $((b / 1024)) MiB | $r× rg | <= 1.2× rg | $(verdict "$r" "<=" 1.2) |")
done
rg_kib=$(peak rg -c '^[^ \t\r\n]' "$big")
for command in list missed; do
  a=$(peak "$notes" -f "$big" $command)
  over=$(( (a - rg_kib) / 1024 ))
  mem_rows+=("| $command | $((a / 1024)) MiB | rg -c $((rg_kib / 1024)) MiB | +$over MiB | <= +20 MiB | $(verdict "$over" "<=" 20) |")
done

echo "scaling (10 MB, 100 MB, 1 GB)..." >&2
scale_rows=()
for args in "grep decorator" "grep the" list missed print; do
  mapfile -t t < <(measure scale "$notes -f $small $args" "$notes -f $big $args")
  mapfile -t g < <(runs=3 measure scale-1g "$notes -f $huge $args")
  r1=$(ratio "${t[1]}" "${t[0]}")
  r2=$(ratio "${g[0]}" "${t[1]}")
  worst=$(awk -v a="$r1" -v b="$r2" 'BEGIN { print (a > b) ? a : b }')
  scale_rows+=("| notes $args | $(ms "${t[0]}") | $(ms "${t[1]}") | $(ms "${g[0]}") | $r1× then $r2× | $(verdict "$worst" "<=" 11) |")
done

cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
{
  echo "<!-- results: written by benches/compare.sh; edit the script, not this part -->"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores (${cpu:-unknown CPU}), $(free -g | awk '/^Mem/ { print $2 }') GiB,"
  echo "Linux $(uname -r); $(rustc --version); $(rg --version | head -n 1); $(ogrep --version);"
  echo "$(hyperfine --version), medians of $runs runs after 3 warm-ups (3 for 1 GB), output into a pipe."
  echo "Files: $(basename "$big") ($(stat -c %s "$big") bytes), $(basename "$small"), $(basename "$huge"),"
  echo "$(basename "$deep") and a folder of $(find "$folder" -type f | wc -l) files ($(du -sb "$folder" | cut -f1) bytes) from the generator."
  echo
  echo "### Time, against the fastest tool for the same job"
  echo
  echo "| measurement | notes | baseline | ratio | target | |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "### Peak memory (RSS)"
  echo
  echo "| command | notes | compared with | ratio | target | |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${mem_rows[@]}"
  echo
  echo "### Scaling: 10 MB, 100 MB, 1 GB (linear is 10× each step)"
  echo
  echo "| command | 10 MB | 100 MB | 1 GB | steps | each within 11× |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${scale_rows[@]}"
  echo
  echo "<!-- /results -->"
} >"$work/results.md"

# Replace the results part of BENCHMARKS.md, keeping the text around it.
awk -v results="$work/results.md" '
  /^<!-- results/ { while ((getline line < results) > 0) print line; skip = 1; next }
  /^<!-- \/results -->/ { skip = 0; next }
  !skip { print }
' BENCHMARKS.md >"$work/BENCHMARKS.md"
mv "$work/BENCHMARKS.md" BENCHMARKS.md
cat "$work/results.md"
