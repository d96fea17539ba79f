#!/usr/bin/env bash
# A throwaway RabbitMQ broker for the AMQP tests, from Debian's rabbitmq-server (installed by test.sh when missing).
#   tests/rabbitmq/server.sh start DIR    starts a broker on a free loopback port, its state in DIR; prints its amqp:// URL
#   tests/rabbitmq/server.sh stop DIR     stops it and removes DIR
#   tests/rabbitmq/server.sh pause DIR    stops the broker application (every connection drops; durable queues stay)
#   tests/rabbitmq/server.sh resume DIR   starts it again
# The broker runs as the rabbitmq user (as root, through runuser) with its own node name, ports, files and cookie,
# so it never meets a system broker. It takes a few seconds to accept connections; start waits for that.
set -euo pipefail

action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop|pause|resume DIR" >&2
  exit 2
fi
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  echo "RabbitMQ is not installed: apt-get install rabbitmq-server" >&2
  exit 1
fi

as_broker() {
  local vars=(HOME="$dir" RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$(cat "$dir/port")" RABBITMQ_DIST_PORT="$(cat "$dir/dist-port")"
    RABBITMQ_NODENAME="$(cat "$dir/node")" RABBITMQ_CONFIG_FILE="$dir/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    RABBITMQ_PID_FILE="$dir/broker.pid")
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u rabbitmq -- env "${vars[@]}" "$@"
  else
    env "${vars[@]}" "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

ctl() {
  as_broker /usr/lib/rabbitmq/bin/rabbitmqctl -n "$(cat "$dir/node")" "$@"
}

case $action in
start)
  mkdir -p "$dir/mnesia" "$dir/log"
  port=$(free_port)
  echo "$port" >"$dir/port"
  free_port >"$dir/dist-port"
  echo "parley-test-$port@localhost" >"$dir/node"
  echo "[]." >"$dir/enabled_plugins"
  # A cookie of its own, readable only by the broker's user, as Erlang insists.
  head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$dir/.erlang.cookie"
  chmod 400 "$dir/.erlang.cookie"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R rabbitmq: "$dir"
  fi
  as_broker /usr/lib/rabbitmq/bin/rabbitmq-server -detached >"$dir/start.log" 2>&1
  # The node registers with epmd only after a moment; until then the wait itself fails at once.
  for attempt in $(seq 1 120); do
    if ctl await_startup --timeout 60 >>"$dir/start.log" 2>&1; then
      break
    fi
    if [ "$attempt" -eq 120 ]; then
      cat "$dir/start.log" >&2
      cat "$dir"/log/*.log >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.5
  done
  echo "amqp://guest:guest@127.0.0.1:$port/"
  ;;
stop)
  if [ -f "$dir/node" ]; then
    ctl stop >/dev/null 2>&1 || true
  fi
  # Still there (it never finished starting): by its process id.
  if [ -f "$dir/broker.pid" ]; then
    kill "$(cat "$dir/broker.pid")" 2>/dev/null || true
  fi
  rm -rf "$dir"
  # Erlang's port mapper, started with the first node, goes too once no node is left on this machine.
  if command -v epmd >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then
    epmd -kill >/dev/null 2>&1 || true
  fi
  ;;
pause)
  ctl stop_app >/dev/null
  ;;
resume)
  ctl start_app >/dev/null
  ;;
*)
  echo "usage: $0 start|stop|pause|resume DIR" >&2
  exit 2
  ;;
esac
