#!/usr/bin/env bash
# corridor serve as a planner starts it: it prints the address to open, answers there, and refuses a port in
# use, a missing file and a broken scenario with a message and a non-zero exit.
#   serve_cli_test.sh CORRIDOR SOURCE_DIR
set -euo pipefail
corridor=${1:?usage: serve_cli_test.sh CORRIDOR SOURCE_DIR}
source_dir=${2:?usage: serve_cli_test.sh CORRIDOR SOURCE_DIR}
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "serve_cli_test: FAILED: $*" >&2
  exit 1
}

"$corridor" serve "$source_dir/scenarios/two-terminals.yaml" --port 0 -r 2 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 600); do
  grep -q 'http://' "$work/out" && break
  kill -0 "$pid" 2>/dev/null || fail "corridor serve exited: $(cat "$work/err")"
  sleep 0.1
done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/out") || fail "no address printed: $(cat "$work/out")"
port=${url##*:}
port=${port%/}
info=$(curl -sf "${url}api/info") || fail "GET ${url}api/info failed"
grep -q '"name":"two-terminals"' <<<"$info" || fail "/api/info answered $info"
grep -q '<title>corridor studio</title>' <(curl -sf "$url") || fail "GET / is not the studio page"
echo "serve_cli_test: serving at $url"

# The same port again: an error, not a second server.
status=0
"$corridor" serve "$source_dir/scenarios/two-terminals.yaml" --port "$port" -r 1 >"$work/out2" 2>"$work/err2" || status=$?
[ "$status" = 1 ] || fail "a second server on port $port exited $status (expected 1)"
grep -q "cannot listen on 127.0.0.1:$port" "$work/err2" || fail "port in use, said: $(cat "$work/err2")"

status=0
"$corridor" serve "$work/missing.yaml" 2>"$work/err3" || status=$?
[ "$status" = 3 ] || fail "a missing file exited $status (expected 3): $(cat "$work/err3")"
status=0
"$corridor" serve "$work/missing.yaml" -r 33 2>"$work/err5" || status=$?
[ "$status" = 64 ] || fail "-r 33 exited $status (expected 64): $(cat "$work/err5")"
printf 'name: broken\nnodes: {a: {kind: terminal, country: CN, lat: 1, lon: 1, tracks: 2}}\n' >"$work/broken.yaml"
status=0
"$corridor" serve "$work/broken.yaml" --port 0 2>"$work/err4" >/dev/null || status=$?
[ "$status" = 2 ] || fail "a broken scenario exited $status (expected 2): $(cat "$work/err4")"
grep -q 'broken.yaml:' "$work/err4" || fail "a broken scenario's message has no place: $(cat "$work/err4")"
echo "serve_cli_test: a port in use, a missing file, -r 33 and a broken scenario are refused"
