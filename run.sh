#!/usr/bin/env bash
# Starts Parley on http://localhost:8080 with an embedded SQLite database in .parley/,
# writing a starter isso.cfg there on first use. Needs the .NET SDK and Node.js (the build runs npm for the client).
# Try it at http://localhost:8080/demo/
set -euo pipefail
cd "$(dirname "$0")"

# The config and database hold secrets (the session key): the owner's alone.
umask 077
mkdir -p .parley
config=.parley/isso.cfg
seed=false
if [ ! -f "$config" ]; then
  [ -f .parley/comments.db ] || seed=true
  cat > "$config" <<CFG
# Starter configuration written by run.sh; every key of Isso's isso.cfg works here.
[general]
dbpath = $PWD/.parley/comments.db
host = http://localhost:8080

[server]
listen = http://localhost:8080

# Looser than Isso's defaults so that one person can try everything on the demo page: reply to your own
# comments and vote without waiting. For a real site, remove this section (Isso's defaults apply: 2 comments
# a minute per address, no replies to yourself while your comment can still be edited).
[guard]
ratelimit = 30
direct-reply = 30
reply-to-self = true
CFG
fi

# The build compiles the client (npm) and the server only when their sources changed; with nothing changed,
# skip even asking MSBuild, so a second ./run.sh starts in seconds.
stamp=.parley/build.stamp
dll=src/Parley/bin/Release/net10.0/parley.dll
if [ ! -f "$stamp" ] || [ ! -f "$dll" ] || [ -n "$(find src client Directory.Build.props Directory.Packages.props global.json BannedSymbols.txt \
    -newer "$stamp" -type f -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/node_modules/*' \
    -not -path 'src/Parley/wwwroot/js/*' -not -path 'src/Parley/wwwroot/css/*' -print -quit)" ]; then
  dotnet build src/Parley -c Release --nologo -v quiet
  touch "$stamp"
fi
if [ "$seed" = true ]; then
  # A first run gets a short conversation by other readers on the demo page, to reply to and vote on
  # (nobody can vote on their own comments).
  dotnet "$dll" -c "$config" import --yes deploy/try-out-comments.json >/dev/null
fi
echo "Parley: http://localhost:8080/demo/ (config: $config)"
exec dotnet "$dll" -c "$config" run
