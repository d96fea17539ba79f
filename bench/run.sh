#!/usr/bin/env bash
# Measures Parley against a bare ASP.NET Core baseline on this machine and writes bench/results/latest.{json,md}
# and the README's performance section. Needs the .NET SDK and Node.js; Debian's wrk, postgresql and caddy are installed
# here when missing. The PostgreSQL rows run on a server of their own, started here and removed afterwards (or on the
# one PARLEY_BENCH_POSTGRES names).
# Extra arguments go to the harness, e.g. `bench/run.sh --duration 5 --warmup 1` or `--no-readme`.
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
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
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@"
}

if ! command -v wrk >/dev/null; then
  echo "Installing Debian's wrk..."
  install wrk
fi
if ! command -v caddy >/dev/null; then
  echo "Installing Debian's caddy (the balancer of the two-instance row)..."
  install caddy
fi
if [ -z "${PARLEY_BENCH_POSTGRES:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing Debian's postgresql..."
    install postgresql
  fi
  pgdir=$(mktemp -d /tmp/parley-bench-pg.XXXXXX)
  trap 'tests/postgres/server.sh stop "$pgdir" >/dev/null 2>&1' EXIT
  PARLEY_BENCH_POSTGRES=$(tests/postgres/server.sh start "$pgdir")
  export PARLEY_BENCH_POSTGRES
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

dotnet bench/Parley.Benchmarks/bin/Release/net10.0/Parley.Benchmarks.dll \
  --parley artifacts/bench/parley/parley.dll "$@"
