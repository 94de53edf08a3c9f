#!/usr/bin/env bash
# HTTP load on `sitrep serve`: requests/s and p99 latency of GET /api/events with wrk.
# Usage: bench/e2e/serve_load.sh [articles]        (default 20000)
# Env:   SITREP_BIN (default build/sitrep, built if missing), SITREP_GAZETTEER (default search
#        path), SITREP_LOAD_CONNECTIONS (64), SITREP_LOAD_SECONDS (10), SITREP_LOAD_THREADS (wrk
#        threads, 2), SITREP_LOAD_PORT (18080), SITREP_LOAD_DB (keep the database at this path and
#        reuse it when it exists).
# Corpus: synthetic wire-style articles (invented incidents in real towns of eight countries),
#   run through `sitrep extract --db` so the database holds real extractions with evidence.
# Load:   wrk, 64 connections, ~10 s, on /api/events?country=Mali&limit=100 (full event JSON).
# Goal:   >= 5,000 requests/s with p99 < 50 ms (issue 8). Results depend on the machine: keep a
#         run with `uname -a`, `nproc` and the load average it reports.
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-20000}
bin=${SITREP_BIN:-build/sitrep}
connections=${SITREP_LOAD_CONNECTIONS:-64}
seconds=${SITREP_LOAD_SECONDS:-10}
wrk_threads=${SITREP_LOAD_THREADS:-2}
port=${SITREP_LOAD_PORT:-18080}

[[ -x $bin ]] || scripts/build.sh
# Events need the places layer to get a country: build the gazetteer blob next to the binary.
if [[ -z ${SITREP_GAZETTEER:-} && ! -f $(dirname "$bin")/data/gazetteer.bin ]]; then
  cmake --build "$(dirname "$bin")" --target gazetteer_blob >&2
fi
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)..." >&2
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk >&2
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db=${SITREP_LOAD_DB:-$work/load.db}
if [[ ! -f $db ]]; then
python3 - "$articles" "$work/corpus.jsonl" <<'PY'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(8)
places = {
    "Mali": ["Kidal", "Gao", "Timbuktu", "Mopti", "Menaka"],
    "Nigeria": ["Maiduguri", "Kano", "Zaria", "Bama"],
    "Somalia": ["Mogadishu", "Baidoa", "Kismayo"],
    "Iraq": ["Mosul", "Kirkuk", "Fallujah", "Ramadi"],
    "Syria": ["Aleppo", "Idlib", "Deir ez-Zor", "Raqqa"],
    "Yemen": ["Aden", "Taiz", "Marib", "Hodeidah"],
    "Sudan": ["Omdurman", "El Fasher", "Nyala", "Kassala"],
    "Ukraine": ["Kharkiv", "Kherson", "Zaporizhzhia", "Sumy"],
}
templates = [
    "Gunmen killed {n} civilians in an attack on a village near {town}, {country}, on {day}, local officials said.",
    "Soldiers clashed with militants near {town} in {country} on {day}; {n} fighters were killed and {m} soldiers were wounded.",
    "A drone strike hit a market in {town}, {country}, on {day}, killing {n} people, witnesses said.",
    "Artillery shelling of {town} in {country} killed {n} residents on {day}, the regional governor said.",
    "Hundreds of protesters marched through {town}, {country}, on {day} demanding the release of detained activists.",
]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        country = rng.choice(list(places))
        text = " ".join(rng.choice(templates).format(n=rng.randint(2, 40), m=rng.randint(1, 9), town=rng.choice(places[country]),
                                                     country=country, day=rng.choice(days)) for _ in range(2))
        published = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        f.write(json.dumps({"id": f"load-{i}", "published": published, "title": f"Report {i}", "text": text}) + "\n")
PY

start=$(date +%s.%N)
"$bin" extract --format none --db "$db" "$work/corpus.jsonl" 2> "$work/extract.err" || { cat "$work/extract.err" >&2; exit 1; }
end=$(date +%s.%N)
grep -v '^$' "$work/extract.err" | tail -2 >&2
python3 - "$start" "$end" <<'PY' >&2
import sys
print(f"database built in {float(sys.argv[2]) - float(sys.argv[1]):.1f} s")
PY

fi

"$bin" serve --db "$db" --host 127.0.0.1 --port "$port" --threads "$((connections + 8))" 2> "$work/serve.err" &
server_pid=$!
url="http://127.0.0.1:$port/api/events?country=Mali&limit=100"
for _ in $(seq 1 100); do  # up to 10 s for the server to come up
  if python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$url" 2>/dev/null; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
python3 - "$url" <<'PY' >&2
import json, sys, urllib.request
body = urllib.request.urlopen(sys.argv[1]).read()
page = json.loads(body)
print(f"{sys.argv[1]}: total {page['total']} events, {len(page['events'])} in the page, {len(body)} bytes")
PY

echo "wrk: $connections connections, $wrk_threads threads, ${seconds}s; load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
wrk -t "$wrk_threads" -c "$connections" -d "${seconds}s" --latency --timeout 5s "$url" | tee "$work/wrk.txt" >&2
python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\b", text, re.M)
p99 = float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
ok = rps >= 5000 and p99 < 50
print(f"serve_load: {rps:.0f} requests/s, p99 {p99:.1f} ms"
      + (f", {errors.group(1)} non-2xx" if errors else "")
      + f" (goal >= 5000 req/s, p99 < 50 ms: {'met' if ok else 'not met'})")
PY
