#!/usr/bin/env bash
# Bad input never loses data: every damaged record gets a reject line with a reason, every good
# record still comes out, and nothing crashes or hangs.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir in
python3 - <<'PY'
import gzip, json, os
def w(name, data):
    with open(os.path.join("in", name), "wb") as f: f.write(data)
good = lambda i: json.dumps({"id": f"good-{i}", "published": "2025-01-02",
    "text": f"Gunmen attacked a village in district {i} on Monday, police said."}).encode() + b"\n"
# JSONL with malformed lines, an empty line, missing id, both text and html, NUL inside a value.
w("a.jsonl", good(1) + b'{"id": "broken", "text": "unterminated\n' + b"\n" + good(2)
  + b'{"text": "no id here"}\n' + b'{"id": "both", "text": "a", "html": "<p>b</p>"}\n'
  + b'not json at all\n' + json.dumps({"id": "nul", "text": "before\u0000after the attack"}).encode() + b"\n" + good(3))
# Invalid UTF-8 in a text file and in a JSON line.
w("latin1.txt", "Les forces armées ont attaqué le village de Kidal.".encode("latin-1"))
w("b.jsonl", b'{"id": "badutf8", "text": "Fighting in Gao \xff\xfe killed two."}\n' + good(4))
# Binary junk and an empty file.
w("junk.bin", bytes(range(256)) * 64)
w("empty.txt", b"")
# A 50 MB single line.
big = {"id": "big", "text": ("Shelling hit the town again. " * 1800000)[:50_000_000]}
w("big.jsonl", json.dumps(big).encode() + b"\n" + good(5))
# Truncated gzip: good records, then the stream stops mid-way.
full = gzip.compress(b"".join(good(i) for i in range(10, 40)))
w("trunc.jsonl.gz", full[: len(full) * 2 // 3])
# HTML nested 100,000 deep around an article.
w("deep.html", b"<html><body>" + b"<div>" * 100000 + b"<p>Troops clashed with militants near the border on Friday, officials said.</p>" + b"</div>" * 100000 + b"</body></html>")
# WARC: a record whose Content-Length lies (too long), then a good record.
def warc(rid, body, length=None):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    n = len(http) if length is None else length
    return (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + rid + b">\r\n"
            b"WARC-Target-URI: https://example.org/" + rid + b"\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(n).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
page = lambda t: b"<html><body><article><p>" + t + b"</p></article></body></html>"
w("crawl.warc", warc(b"liar", page(b"A lying record."), 10_000_000) + warc(b"honest", page(b"Police arrested 12 protesters in the capital on Sunday, witnesses said.")))
PY
check "clean exits 0 despite rejects" timeout 300 "$SITREP" clean --rejects rejects.jsonl in > out.jsonl 2> err.txt
for id in good-1 good-2 good-3 good-4 good-5 nul badutf8 latin1 big deep urn:uuid:honest good-10; do
  check "good record $id comes out" grep -q "\"id\":\"$id\"" out.jsonl
done
check "rejects name the malformed line" grep -q '"line":2' rejects.jsonl
check "reject for missing id" grep -qi "id" rejects.jsonl
check "reject for both text and html" grep -q '"id":"both"' rejects.jsonl
check "reject for truncated gzip" grep -qi "truncat" rejects.jsonl
check "reject for the lying WARC record" grep -qi "content-length" rejects.jsonl
check "reject for binary junk or empty file" grep -qE 'junk|empty' rejects.jsonl
check "every reject also on stderr" test "$(grep -c '^sitrep: rejected' err.txt)" -eq "$(wc -l < rejects.jsonl)"
check "repaired UTF-8 is valid in output" python3 -c "
import json,sys
for line in open('out.jsonl', encoding='utf-8'): json.loads(line)"
check "NUL bytes removed" python3 -c "
import json
for line in open('out.jsonl'):
    r = json.loads(line)
    if r['id'] == 'nul': assert '\x00' not in r['text'] and 'after the attack' in r['text']"
finish
