#!/bin/sh
# Writes a starter configuration on the first start, then runs parley with the given subcommand.
set -eu
if [ ! -f "$ISSO_SETTINGS" ]; then
  umask 077
  cat > "$ISSO_SETTINGS" <<CFG
# Written on the first start of the container; every key of Isso's isso.cfg works here.
# Set the websites that embed the comments with: parley config set-websites https://blog.example.org
# Behind a reverse proxy in another container, trust its network: parley config configure-server --trusted-proxy 172.16.0.0/12
[general]
dbpath = /data/comments.db
host = ${PARLEY_WEBSITE:-http://localhost:8080}
[server]
listen = http://0.0.0.0:8080
CFG
fi
exec parley "$@"
