#!/usr/bin/env bash
# The widget's first load on a slow phone, as the README reports it: Debian's Chromium throttled to a 150 ms round
# trip, 1.6 Mbit/s and a CPU four times slower (FirstCommentTests), repeated N times (default 5) in English and
# Arabic; prints each time until the first comment shows and the median, beside the same for the least a page can
# do (a few lines of script asking for the same answers) measured right after each load, then the bytes the embed
# script and stylesheet take on the wire. Needs what ./test.sh needs for the browser tests (the .NET SDK, Node.js, chromium).
# Usage: bench/first-comment.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
dotnet build tests/Parley.Browser.Tests -c Release -v quiet -nologo >/dev/null
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for _ in $(seq "$runs"); do
  dotnet test tests/Parley.Browser.Tests -c Release --no-build --filter "FullyQualifiedName~FirstCommentTests" \
    --logger "console;verbosity=detailed" 2>&1 \
    | grep -o "first comment under the mobile throttle ([a-z]*): [0-9]* ms after navigation, the least a page can do [0-9]* ms" >> "$log"
done
# The median of a column of numbers, then the numbers in order.
median() {
  sort -n | awk '{ t[NR] = $1 } END { if (NR == 0) { print "no measurement"; exit 1 }
    m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    line = ""; for (i = 1; i <= NR; i++) line = line " " t[i]
    printf "median %d ms over %d loads (%s ms)", m, NR, substr(line, 2) }'
}
for lang in en ar; do
  echo "first comment, $lang: widget $(grep "($lang)" "$log" | sed -E 's/.*: ([0-9]+) ms after.*/\1/' | median);" \
    "least a page can do $(grep "($lang)" "$log" | sed -E 's/.*can do ([0-9]+) ms/\1/' | median)"
done
root="src/Parley/bin/Release/net10.0/wwwroot"
for encoding in br gz; do
  bytes=$(( $(stat -c %s "$root/js/embed.min.js.$encoding") + $(stat -c %s "$root/css/isso.css.$encoding") ))
  echo "embed.min.js + isso.css on the wire ($encoding): $bytes bytes"
done
echo "plain: $(( $(stat -c %s "$root/js/embed.min.js") + $(stat -c %s "$root/css/isso.css") )) bytes"
