#!/usr/bin/env bash
# The performance benchmark of docs/performance.md: builds kring and the
# synthetic repository generator, makes repositories of 1,000 and 10,000
# cases, and prints, side by side, the wall time, CPU time and peak memory
# of check, status, stats and render (from scratch, unchanged, after one
# edit), with the time `cp -r` takes to copy the rendered output folder.
#
#   scripts/bench.sh [WORKDIR]        (default: target/bench; needs ~6 GB)
#   SIZES="1000 10000 20000" scripts/bench.sh
#
# Needs GNU time (/usr/bin/time, Debian package `time`) for CPU time and
# peak memory. Timings are never asserted anywhere: machines are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${1:-target/bench}
sizes=(${SIZES:-1000 10000})
today=2026-11-22
# After removing hundreds of thousands of files, ext4 spends a long time
# skipping their inodes when it allocates new ones; let that settle before
# each step that creates files, for render and cp alike.
settle=${SETTLE:-20}

if [[ ! -x /usr/bin/time ]]; then
  echo "scripts/bench.sh needs GNU time: apt-get install time" >&2
  exit 2
fi

cargo build --release --quiet --bin kring --example synth
kring=$PWD/target/release/kring
synth=$PWD/target/release/examples/synth
mkdir -p "$work"
work=$(cd "$work" && pwd)

declare -A figure
row_names=()

# measure KEY COMMAND...: runs the command under GNU time, records wall,
# user and system seconds and peak memory.
measure() {
  local key=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null
  read -r wall user sys rss <"$work/time.txt"
  figure[$key.wall]=$wall
  figure[$key.user]=$user
  figure[$key.sys]=$sys
  figure[$key.rss]=$((rss / 1024))
}

# best_of KEY COMMAND...: three runs, the fastest kept (warm caches, as in
# daily use).
best_of() {
  local key=$1
  shift
  local best=""
  for _ in 1 2 3; do
    measure "$key.try" "$@"
    if [[ -z $best ]] || awk "BEGIN { exit !(${figure[$key.try.wall]} < $best) }"; then
      best=${figure[$key.try.wall]}
      for f in wall user sys rss; do figure[$key.$f]=${figure[$key.try.$f]}; done
    fi
  done
}

settle() {
  sync
  sleep "$settle"
}

for n in "${sizes[@]}"; do
  repo=$work/repo-$n
  echo "== $n cases" >&2
  rm -rf "$repo" "$work/copy-$n"
  "$synth" "$repo" "$n" --seed 1 --today "$today" >"$work/synth-$n.txt"
  figure[$n.participants]=$(sed -E 's/.* ([0-9]+) participants.*/\1/' "$work/synth-$n.txt")

  best_of "$n.check" "$kring" check -q --today "$today" "$repo"
  best_of "$n.status" "$kring" status --today "$today" "$repo"
  best_of "$n.stats" "$kring" stats --today "$today" "$repo"

  settle
  measure "$n.render" "$kring" render -q --today "$today" "$repo"
  figure[$n.files]=$(find "$repo/out" -type f ! -name '.kring*' | wc -l)
  figure[$n.size]=$(du -sm "$repo/out" | cut -f1)
  settle
  measure "$n.cp" cp -r "$repo/out" "$work/copy-$n"
  rm -rf "$work/copy-$n"

  best_of "$n.again" "$kring" render -q --today "$today" "$repo"

  # One edit: a conference moves to another room.
  edited=$(grep -l '^location = ' -r "$repo/cases" | sort | sed -n 1p)
  sed -i 's/^location = "/location = "Andere zaal, /' "$edited"
  measure "$n.edit" "$kring" render -q --today "$today" "$repo"
  "$kring" render --check -q --today "$today" "$repo" >/dev/null
done

echo
echo "kring $("$kring" --version | cut -d' ' -f2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GiB, $(df -hT "$work" | awk 'NR==2 {print $2}') at $work"
echo
printf '%-34s' ""
for n in "${sizes[@]}"; do printf '%32s' "$n cases"; done
printf '   %s\n' "target (10,000 cases)"

line() {
  local label=$1 target=$2
  shift 2
  printf '%-34s' "$label"
  for n in "${sizes[@]}"; do printf '%32s' "$("$@" "$n")"; done
  printf '   %s\n' "$target"
}
value() { echo "${figure[$2.$1]}"; }
wall() { echo "${figure[$2.$1.wall]} s"; }
cpu() { echo "${figure[$2.$1.user]} s user, ${figure[$2.$1.sys]} s sys"; }
rss() { echo "${figure[$2.$1.rss]} MB"; }
ratio() { awk "BEGIN { printf \"%.2fx\", ${figure[$1.render.wall]} / ${figure[$1.cp.wall]} }"; }

line "participants" "" value participants
line "documents rendered" "" value files
printf '%-34s' "output folder size"
for n in "${sizes[@]}"; do printf '%32s' "${figure[$n.size]} MB"; done
echo
line "check, wall" "< 1 s" wall check
line "status, wall" "< 1 s" wall status
line "stats, wall" "< 1 s" wall stats
line "render from scratch, wall" "" wall render
line "  cp -r of its output, wall" "" wall cp
line "  render / cp -r" "<= 1.5x" ratio
line "  render, CPU" "< 10 s user" cpu render
line "render unchanged, wall" "< 1 s" wall again
line "render after one edit, wall" "< 0.5 s" wall edit
for step in check status stats render again edit; do
  line "peak memory, $step" "< 300 MB" rss "$step"
done
