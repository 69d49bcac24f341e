#!/usr/bin/env bash
# Starts (or stops) a PostgreSQL and a Redis server for the tests, on loopback, with their data in FOLDER, and prints
# the environment the tests read: eval "$(tools/test-servers.sh start FOLDER)".
set -euo pipefail
action=${1:?usage: test-servers.sh start|stop FOLDER}
folder=${2:?usage: test-servers.sh start|stop FOLDER}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
postgres_port=${DREAMOMNI2_TEST_POSTGRES_PORT:-55432}
redis_port=${DREAMOMNI2_TEST_REDIS_PORT:-56379}

# PostgreSQL refuses to run as root: as root, run it as the postgres user the package made.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    mkdir -p "$folder/postgres"
    chmod 755 "$folder"
    [ "$(id -u)" -ne 0 ] || chown postgres "$folder/postgres"
    as_owner "$pgbin/initdb" -D "$folder/postgres" -A trust -U playground -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$pgbin/pg_ctl" -D "$folder/postgres" -l "$folder/postgres/log" -w \
      -o "-k $folder/postgres -p $postgres_port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --dir "$folder" --pidfile "$folder/redis.pid" --logfile "$folder/redis.log"
    echo "export DREAMOMNI2_TEST_POSTGRES='Host=127.0.0.1;Port=$postgres_port;Username=playground;Database=postgres'"
    echo "export DREAMOMNI2_TEST_REDIS='127.0.0.1:$redis_port'"
    ;;
  stop)
    [ ! -f "$folder/redis.pid" ] || kill "$(cat "$folder/redis.pid")" 2>/dev/null || true
    [ ! -d "$folder/postgres" ] || as_owner "$pgbin/pg_ctl" -D "$folder/postgres" -m immediate stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: test-servers.sh start|stop FOLDER" >&2
    exit 2
    ;;
esac
