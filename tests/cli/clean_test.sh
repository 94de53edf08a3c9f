#!/usr/bin/env bash
# `sitrep clean` on the bundled samples: article text in, boilerplate out, metadata found.
source "$(dirname "$0")/lib.sh"
"$SITREP" clean "$SRC/examples/articles" > "$WORK/out.jsonl" 2> "$WORK/err.txt"
out=$WORK/out.jsonl
check "one line per sample article" test "$(wc -l < "$out")" -eq 7
check "body kept" grep -q "killing at least six people, including four soldiers" "$out"
for junk in "Share on Facebook" "We use cookies" "Related stories" "Terrible news" "Sign up for our daily" \
            "All rights reserved" "Most read" "Exit mobile version" "Subscribe"; do
  check "no '$junk'" bash -c "! grep -q '$junk' '$out'"
done
check "published from meta" grep -q '"published":"2025-02-18' "$out"
check "published from <time>/parsely" grep -q '"published":"2025-05-21' "$out"
check "title without site name" grep -q '"title":"Car bomb kills six at Mogadishu checkpoint"' "$out"
check "paragraphs are separated by newlines" grep -q 'police said.\\nPolice officer' "$out"
if [[ -f "$SRC/../shared/seed/anbar-raid.txt" ]]; then
  "$SITREP" clean "$SRC/../shared/seed/anbar-raid.txt" > "$WORK/seed.jsonl"
  check "seed: trailing Share. removed" bash -c "! grep -q 'Share\.' '$WORK/seed.jsonl'"
  check "seed: Exit mobile version removed" bash -c "! grep -q 'Exit mobile version' '$WORK/seed.jsonl'"
  check "seed: last sentence kept" grep -q "security and stability of the region." "$WORK/seed.jsonl"
fi
# stdin and closed pipes.
check "stdin input" bash -c "'$SITREP' clean - < '$SRC/examples/articles/kaduna-village-attack.txt' | grep -q 'Kurmin Masara'"
check "closed stdout is not an error" bash -c "'$SITREP' clean '$SRC/examples/articles' | head -c 10 > /dev/null"
finish
