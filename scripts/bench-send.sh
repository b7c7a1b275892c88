#!/usr/bin/env bash
# The throughput of kring send (docs/performance.md): a dry run over the
# synthetic repository of 10,000 cases, and 1,000 messages sent through
# STARTTLS and AUTH to the loopback SMTP server of the tests
# (tests/smtp/server.py), with per_minute off. Prints wall and CPU time.
#
#   scripts/bench-send.sh [WORKDIR]     (default: target/bench-send)
#
# Needs GNU time (/usr/bin/time) and the tests' Python venv
# (bash scripts/smtp-venv.sh). Timings are never asserted anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${1:-target/bench-send}
today=2026-11-22
python=${KRING_TEST_PYTHON:-$PWD/target/smtp-venv/bin/python}
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[[ -x $python ]] || { echo "needs the SMTP venv: bash scripts/smtp-venv.sh" >&2; exit 2; }

cargo build --release --quiet --bin kring --example synth
kring=$PWD/target/release/kring
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)

measure() {
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || true
  read -r wall user sys rss <"$work/time.txt"
  printf '%-44s %7s s wall  %6s s user  %6s s sys  %5d MB\n' "$label" "$wall" "$user" "$sys" $((rss / 1024))
}

target/release/examples/synth "$work/synth" 10000 --seed 1 --today "$today" >/dev/null
for _ in 1 2; do
  KRING_TODAY=$today measure "send --dry-run, 10000 cases" "$kring" send --dry-run "$work/synth"
done
echo "  messages listed: $(wc -l <"$work/out.txt")"

# 1,000 messages: 100 cases of 10 participants, all with an email address.
repo=$work/thousand
mkdir -p "$repo/cases"
printf 'language = "nl"\n' >"$repo/kring.toml"
for c in $(seq 1 100); do
  id=$(printf '2026-%03d-bench' "$c")
  {
    printf 'id = "%s"\nvariant = "family"\n\n[request]\nreceived = 2026-10-01\nquestion = "Hoe zorgen we samen voor Sam?"\nconsent = 2026-10-02\n\n' "$id"
    printf '[coordinator]\nname = "Fatima El Amrani"\nassigned = 2026-10-03\nemail = "f.elamrani@example.org"\nindependent = true\n\n'
    printf '[conference]\ndate = 2026-12-19\nstart = 14:00\nend = 17:00\nlocation = "Buurthuis De Kern"\n'
    for p in $(seq 0 9); do
      role=family
      [[ $p == 0 ]] && role=central
      printf '\n[[participant]]\nid = "p%s"\nname = "Persoon %s van zaak %s"\nrole = "%s"\nemail = "c%sp%s@example.org"\n' "$p" "$p" "$c" "$role" "$c" "$p"
    done
  } >"$repo/cases/$id.toml"
done
state=$work/smtp
mkdir -p "$state"
"$python" tests/smtp/server.py --state-dir "$state" --port-file "$state/port.json" --maildir "$state/mail" \
  --starttls --require-starttls --auth kring:geheim --exit-on-stdin-eof < <(sleep 100000) >"$state/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -s $state/port.json ]] && break; sleep 0.1; done
port=$("$python" -c "import json,sys; print(json.load(open(sys.argv[1]))['port'])" "$state/port.json")
ca=$("$python" -c "import json,sys; print(json.load(open(sys.argv[1]))['ca'])" "$state/port.json")
printf '\n[send]\ntransport = "smtp"\nsmtp_host = "localhost"\nsmtp_port = %s\nsmtp_security = "starttls"\nsmtp_user = "kring"\n' "$port" >>"$repo/kring.toml"
KRING_TODAY=$today KRING_SMTP_PASSWORD=geheim KRING_SMTP_CA_FILE=$ca \
  measure "send, 1000 messages (STARTTLS, AUTH)" "$kring" send "$repo"
echo "  $(tail -1 "$work/err.txt")"
echo "  messages on the server: $(find "$state/mail" -name '*.eml' | wc -l)"
