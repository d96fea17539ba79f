#!/usr/bin/env bash
# Starts Parley on http://localhost:8080 with an embedded SQLite database in .parley/,
# writing a starter isso.cfg there on first use; builds the client (needs Node.js) and the server first.
# Try it at http://localhost:8080/demo/
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p .parley
config=.parley/isso.cfg
if [ ! -f "$config" ]; then
  cat > "$config" <<CFG
# Starter configuration written by run.sh; every key of Isso's isso.cfg works here.
[general]
dbpath = $PWD/.parley/comments.db
host = http://localhost:8080
[server]
listen = http://localhost:8080
CFG
fi

# The client build writes src/Parley/wwwroot/js and css, which the server build copies beside the binary.
if [ ! -f client/node_modules/.package-lock.json ] || [ client/package-lock.json -nt client/node_modules/.package-lock.json ]; then
  (cd client && npm ci --no-audit --no-fund)
fi
(cd client && npm run build)
dotnet build src/Parley -c Release --nologo -v quiet
echo "Parley: http://localhost:8080/demo/ (config: $config)"
exec dotnet src/Parley/bin/Release/net10.0/parley.dll -c "$config" run
