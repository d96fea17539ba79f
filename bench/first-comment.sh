#!/usr/bin/env bash
# The widget's first load on a slow phone, as the README reports it: Debian's Chromium throttled to a 150 ms round
# trip, 1.6 Mbit/s and a CPU four times slower (FirstCommentTests), repeated N times (default 5) in English and
# Arabic; prints each time until the first comment shows and the median, then the bytes the embed script and
# stylesheet take on the wire. Needs what ./test.sh needs for the browser tests (the .NET SDK, Node.js, chromium).
# Usage: bench/first-comment.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
dotnet build tests/Parley.Browser.Tests -c Release -v quiet -nologo >/dev/null
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for _ in $(seq "$runs"); do
  dotnet test tests/Parley.Browser.Tests -c Release --no-build --filter "FullyQualifiedName~FirstCommentTests" \
    --logger "console;verbosity=detailed" 2>&1 | grep -o "first comment under the mobile throttle ([a-z]*): [0-9]* ms" >> "$log"
done
for lang in en ar; do
  grep "($lang)" "$log" | grep -o "[0-9]* ms" | cut -d' ' -f1 | sort -n | awk -v lang="$lang" \
    '{ t[NR] = $1 } END { if (NR == 0) { print lang ": no measurement"; exit 1 }
       m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
       line = ""; for (i = 1; i <= NR; i++) line = line " " t[i]
       printf "first comment, %s: median %d ms over %d loads (%s ms)\n", lang, m, NR, substr(line, 2) }'
done
root="src/Parley/bin/Release/net10.0/wwwroot"
for encoding in br gz; do
  bytes=$(( $(stat -c %s "$root/js/embed.min.js.$encoding") + $(stat -c %s "$root/css/isso.css.$encoding") ))
  echo "embed.min.js + isso.css on the wire ($encoding): $bytes bytes"
done
echo "plain: $(( $(stat -c %s "$root/js/embed.min.js") + $(stat -c %s "$root/css/isso.css") )) bytes"
