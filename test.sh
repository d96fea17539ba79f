#!/usr/bin/env bash
# Runs every test suite of Parley and ends with one line: "N passed, M failed".
# Needs the .NET SDK and Node.js; Debian's chromium (for the browser tests), python3-aiosmtpd (for the SMTP
# tests), wrk (for the benchmark smoke test), caddy (for the https proxy test), systemd (systemd-analyze, for
# the check of deploy/parley.service), postgresql (the store contract on PostgreSQL), rabbitmq-server (the AMQP
# publisher's tests) and python3-prometheus-client (the parser the /metrics test reads Parley's text with) are
# installed here when missing. A PostgreSQL server and a RabbitMQ broker of their own are started for the run and
# removed afterwards.
# A step that fails before its tests can report (install, npm ci, build) counts as one failure, output shown.
set -uo pipefail
cd "$(dirname "$0")"

# The browser tests drive the system's Chromium; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log=$(mktemp)
pgdir=$(mktemp -d /tmp/parley-test-pg.XXXXXX)
amqpdir=$(mktemp -d /tmp/parley-test-amqp.XXXXXX)
trap 'tests/postgres/server.sh stop "$pgdir" >/dev/null 2>&1; tests/rabbitmq/server.sh stop "$amqpdir" >/dev/null 2>&1; rm -f "$log"' EXIT
passed=0
failed=0

# Runs a step quietly; on failure prints its output and counts one failure.
quiet_step() {
  local name=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log"
    echo "FAILED: $name"
    failed=$((failed + 1))
    return 1
  fi
}

# Runs a step with its output shown; on failure counts one failure.
step() {
  local name=$1
  shift
  if ! "$@"; then
    echo "FAILED: $name"
    failed=$((failed + 1))
    return 1
  fi
}

# Installs a Debian package with apt, as root or through sudo.
apt_install() {
  local package=$1 sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "$package is missing and installing it needs root or sudo" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  # Wait for another apt run to finish instead of failing on its lock.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$package"
}

# Node's test runner prints "# pass N" (TAP) or "ℹ pass N" (spec reporter); both are summed.
node_count() {
  grep -Eo "^(# |ℹ )$1 [0-9]+" "$log" | awk '{s += $NF} END {print s + 0}'
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  quiet_step "install chromium" apt_install chromium
fi

# The SMTP tests deliver to a real server: tests/smtp/capture_server.py on Debian's aiosmtpd.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "Installing Debian's python3-aiosmtpd for the SMTP tests..."
  quiet_step "install python3-aiosmtpd" apt_install python3-aiosmtpd
fi

# The /metrics test checks Parley's Prometheus text with the reference parser (python3-prometheus-client).
if ! /usr/bin/python3 -c 'import prometheus_client' >/dev/null 2>&1; then
  echo "Installing Debian's python3-prometheus-client for the metrics test..."
  quiet_step "install python3-prometheus-client" apt_install python3-prometheus-client
fi

# The benchmark smoke test loads Parley and its baseline with wrk.
if ! command -v wrk >/dev/null; then
  echo "Installing Debian's wrk for the benchmark smoke test..."
  quiet_step "install wrk" apt_install wrk
fi

# The https test puts Caddy with its own internal CA in front of Parley.
if ! command -v caddy >/dev/null; then
  echo "Installing Debian's caddy for the https proxy test..."
  quiet_step "install caddy" apt_install caddy
fi

# The unit in deploy/ is checked with systemd-analyze verify.
if ! command -v systemd-analyze >/dev/null; then
  echo "Installing Debian's systemd for the check of deploy/parley.service..."
  quiet_step "install systemd" apt_install systemd
fi

# The store contract and the PostgreSQL tests run against a real server, started here on a free loopback port.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing Debian's postgresql for the PostgreSQL tests..."
  quiet_step "install postgresql" apt_install postgresql
fi
start_postgres() {
  PARLEY_TEST_POSTGRES=$(tests/postgres/server.sh start "$pgdir") && export PARLEY_TEST_POSTGRES
}
quiet_step "start postgresql" start_postgres

# The AMQP publisher's tests publish to a real RabbitMQ broker (and pause it), started here on a free loopback port.
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  echo "Installing Debian's rabbitmq-server for the AMQP tests..."
  quiet_step "install rabbitmq-server" apt_install rabbitmq-server
fi
start_rabbitmq() {
  PARLEY_TEST_AMQP=$(tests/rabbitmq/server.sh start "$amqpdir") && export PARLEY_TEST_AMQP PARLEY_TEST_AMQP_DIR="$amqpdir"
}
quiet_step "start rabbitmq" start_rabbitmq

client() { (cd client && "$@"); }

if step "npm ci" client npm ci --no-audit --no-fund &&
  step "client build" client npm run build; then
  client npm test 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  node_passed=$(node_count pass)
  node_failed=$(node_count fail)
  if [ "$status" -ne 0 ] && [ "$node_failed" -eq 0 ]; then
    node_failed=1
  fi
  passed=$((passed + node_passed))
  failed=$((failed + node_failed))
fi

dotnet test Parley.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet_passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
dotnet_failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
if [ "$status" -ne 0 ] && [ "$dotnet_failed" -eq 0 ]; then
  # The build or a test host failed before reporting: count that as a failure.
  dotnet_failed=1
fi
passed=$((passed + dotnet_passed))
failed=$((failed + dotnet_failed))

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
