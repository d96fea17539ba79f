#!/usr/bin/env bash
# Measures Parley against a bare ASP.NET Core baseline on this machine and writes bench/results/latest.{json,md}
# and the README's performance section. Needs the .NET SDK and Node.js; Debian's wrk is installed here when missing.
# Extra arguments go to the harness, e.g. `bench/run.sh --duration 5 --warmup 1` or `--no-readme`.
set -euo pipefail
cd "$(dirname "$0")/.."

install_wrk() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "wrk is missing and installing it needs root or sudo" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  # Wait for another apt run to finish instead of failing on its lock.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk
}

if ! command -v wrk >/dev/null; then
  echo "Installing Debian's wrk..."
  install_wrk
fi

# As run.sh: the client build writes src/Parley/wwwroot/js (GET /js/embed.min.js is one of the endpoints).
if [ ! -f client/node_modules/.package-lock.json ] || [ client/package-lock.json -nt client/node_modules/.package-lock.json ]; then
  (cd client && npm ci --no-audit --no-fund)
fi
(cd client && npm run build)
# Parley is measured as deploy/ ships it: a Release publish, compiled ahead of time (ReadyToRun) for this machine.
dotnet publish src/Parley -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o artifacts/bench/parley --nologo -v quiet
dotnet build bench/Parley.Benchmarks -c Release --nologo -v quiet

exec dotnet bench/Parley.Benchmarks/bin/Release/net10.0/Parley.Benchmarks.dll \
  --parley artifacts/bench/parley/parley.dll "$@"
