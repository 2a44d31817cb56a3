#!/usr/bin/env bash
# A local PostgreSQL for the shared-book tests (Debian/Ubuntu, as root): makes sure a cluster exists and
# runs, listening on 127.0.0.1 only, creates the role and database "huitouke"/"huitouke_test", and prints
# the URL for HUITOUKE_TEST_PG_URL on stdout (messages go to stderr). Never prompts, never waits for long.
#   export HUITOUKE_TEST_PG_URL="$(bash scripts/test_postgres.sh)"
# Prints nothing (and exits 0) where it cannot do that: not root, or no PostgreSQL installed
# (install it with: bash scripts/install_system_packages.sh postgresql).
set -euo pipefail
say() { echo "test_postgres: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
    say "not root: skipped (set HUITOUKE_TEST_PG_URL yourself to run the tests on PostgreSQL)"
    exit 0
fi
if ! command -v pg_lsclusters >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    say "PostgreSQL is not installed: skipped"
    exit 0
fi
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"

# A fresh machine may have the packages but no cluster (e.g. when the package's own set-up was skipped).
if [ -z "$(pg_lsclusters -h)" ]; then
    say "no cluster yet: creating $version/main"
    timeout 120 pg_createcluster "$version" main >/dev/null
    # A throw-away test cluster: loopback only, and no fsync (the tests do not need crash safety).
    cat > "/etc/postgresql/$version/main/conf.d/huitouke-test.conf" <<'EOF'
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
fi
read -r ver name port status _ < <(pg_lsclusters -h | head -1)
if [ "$status" != online ]; then
    say "starting cluster $ver/$name on 127.0.0.1:$port"
    timeout 60 pg_ctlcluster "$ver" "$name" start -o "-c listen_addresses=127.0.0.1" >&2
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" -t 2 && break
    sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p "$port" -t 2; then
    say "cluster $ver/$name is not accepting connections on 127.0.0.1:$port"
    exit 1
fi

export PGCONNECT_TIMEOUT=10
timeout 60 runuser -u postgres -- psql -X -q -w -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<'EOF'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'huitouke') THEN
        CREATE ROLE huitouke LOGIN PASSWORD 'huitouke';
    END IF;
END $$;
SELECT 'CREATE DATABASE huitouke_test OWNER huitouke'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'huitouke_test')\gexec
EOF
url="postgresql://huitouke:huitouke@127.0.0.1:$port/huitouke_test"
timeout 30 psql -X -q -w "$url" -c "SELECT 1" >/dev/null
say "ready: cluster $ver/$name, database huitouke_test on 127.0.0.1:$port"
echo "$url"
