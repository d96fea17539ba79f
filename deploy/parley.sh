#!/bin/sh
# The `parley` command: runs the published server (PARLEY_HOME, /app in the image) with the given arguments,
# so `parley config ...`, `parley backup ...` work in the container as anywhere else.
exec dotnet "${PARLEY_HOME:-/app}/parley.dll" "$@"
