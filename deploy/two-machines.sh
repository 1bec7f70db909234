#!/usr/bin/env bash
# Two application processes as on two machines: each a gunicorn (config/gunicorn.conf.py,
# production settings, two workers) behind its own nginx server with TLS, sharing one
# PostgreSQL database, one Redis and one S3-compatible bucket (moto's server). Then the
# probes in deploy/test_two_machines.py talk to both. Run from the repository:
#   deploy/two-machines.sh
# Needs nginx, openssl, PostgreSQL (PGHOST, PGPORT, PGUSER, PGPASSWORD as libpq reads
# them) and Redis (REDIS_URL; its database is emptied). Everything else it starts itself
# in a temporary folder, and stops and removes on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DATABASE=${DEPLOY_DATABASE:-claves_deploy}
REDIS_URL=${DEPLOY_REDIS_URL:-redis://127.0.0.1:6379/13}
PORT_BASE=${DEPLOY_PORT_BASE:-18400}  # apps on +1 and +2, their nginx servers on +11 and +12, S3 on +20
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "two-machines: nginx is not installed (apt-get install nginx-light)"; exit 1; }
"$PY" -c "import moto.server" 2>/dev/null || { echo "two-machines: moto[server] is not installed (make install)"; exit 1; }

WORK=$(mktemp -d)
chmod 755 "$WORK"  # nginx's workers (nobody) read the static files in it
PIDS=()
cleanup() {
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    psql -qc "DROP DATABASE IF EXISTS $DATABASE" postgres >/dev/null 2>&1 || true
    if [ "${KEEP:-}" ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

wait_for_port() {
    for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.2; done
    echo "two-machines: nothing answers on port $1"; tail -n 30 "$WORK"/*.log; exit 1
}
secret() { "$PY" -c "import secrets; print(secrets.token_urlsafe($1))"; }

S3_PORT=$((PORT_BASE + 20))
"$PY" -m moto.server -H 127.0.0.1 -p "$S3_PORT" >"$WORK/s3.log" 2>&1 & PIDS+=($!)
psql -qc "DROP DATABASE IF EXISTS $DATABASE" postgres 2>/dev/null
psql -qc "CREATE DATABASE $DATABASE" postgres
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=$(secret 48) FACILITATOR_NOTES_KEYS=$("$PY" -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())")
export DATABASE_URL="postgres://$PGUSER${PGPASSWORD:+:$PGPASSWORD}@$PGHOST:$PGPORT/$DATABASE"
export REDIS_URL WEB_CONCURRENCY=2 TRUSTED_PROXY_COUNT=1 STATIC_ROOT="$WORK/static"
export ALLOWED_HOSTS=127.0.0.1,localhost
export WAGTAILADMIN_BASE_URL="https://127.0.0.1:$((PORT_BASE + 11))"
export H5P_ORIGIN="https://localhost:$((PORT_BASE + 11))"
export AWS_STORAGE_BUCKET_NAME=claves-media AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
export AWS_ACCESS_KEY_ID=deploy AWS_SECRET_ACCESS_KEY=deploy AWS_S3_REGION_NAME=us-east-1
export DEPLOY_PASSWORD=$(secret 18) DEPLOY_TOTP_SECRET=$("$PY" -c "import base64, secrets; print(base64.b32encode(secrets.token_bytes(20)).decode())")

wait_for_port "$S3_PORT"
"$PY" -c "import boto3, os; boto3.client('s3', endpoint_url=os.environ['AWS_S3_ENDPOINT_URL']).create_bucket(Bucket='claves-media')"
"$PY" -c "import redis, os; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()"
"$PY" manage.py check --deploy --fail-level WARNING
"$PY" manage.py migrate --no-input -v0 >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
"$PY" manage.py collectstatic --no-input -v0
export DEPLOY_PEOPLE="$WORK/people.json"
"$PY" manage.py shell -v0 -c "$(cat deploy/people.py)" >"$WORK/people.log" 2>&1 || { cat "$WORK/people.log"; exit 1; }

for n in 1 2; do
    # Each machine has its own media folder: anything the application wrote there instead
    # of to S3 would be missing on the other.
    MEDIA_ROOT="$WORK/media-$n" "$PY" -m gunicorn -c config/gunicorn.conf.py \
        --bind "127.0.0.1:$((PORT_BASE + n))" --control-socket "$WORK/app-$n.ctl" config.wsgi >"$WORK/app-$n.log" 2>&1 & PIDS+=($!)
done

server_block() {
    cat <<NGINX
    server {
        listen 127.0.0.1:$((PORT_BASE + 10 + $1)) ssl;
        server_name 127.0.0.1 localhost;
        ssl_certificate $WORK/cert.pem;
        ssl_certificate_key $WORK/key.pem;
        client_max_body_size 55m;
        location /static/ { alias $WORK/static/; expires 1y; }
        location / {
            proxy_pass http://127.0.0.1:$((PORT_BASE + $1));
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
            proxy_read_timeout 60s;
        }
    }
NGINX
}
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<NGINX
pid $WORK/nginx.pid;
error_log $WORK/nginx.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
$(server_block 1)
$(server_block 2)
}
NGINX
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
for port in $((PORT_BASE + 1)) $((PORT_BASE + 2)) $((PORT_BASE + 11)) $((PORT_BASE + 12)); do
    wait_for_port "$port"
done

export DEPLOY_MACHINES="https://127.0.0.1:$((PORT_BASE + 11)),https://127.0.0.1:$((PORT_BASE + 12))"
export DEPLOY_CA="$WORK/cert.pem" DEPLOY_WORK="$WORK"
# Not the suite's configuration (no Django in this process, no test database).
"$PY" -m pytest -p no:django -p no:cacheprovider -o addopts="" -W ignore::pytest.PytestConfigWarning "$@" \
    deploy/test_two_machines.py || { tail -n 40 "$WORK"/app-*.log "$WORK"/nginx.log; exit 1; }

# The backup of this site, media from the bucket, restored into a new database and bucket.
"$PY" manage.py backup "$WORK/backup"
"$PY" manage.py restore --check "$WORK/backup"
psql -qc "DROP DATABASE IF EXISTS ${DATABASE}_restored" postgres 2>/dev/null
psql -qc "CREATE DATABASE ${DATABASE}_restored" postgres
"$PY" -c "import boto3, os; boto3.client('s3', endpoint_url=os.environ['AWS_S3_ENDPOINT_URL']).create_bucket(Bucket='claves-restored')"
DATABASE_URL="${DATABASE_URL%/*}/${DATABASE}_restored" AWS_STORAGE_BUCKET_NAME=claves-restored \
    "$PY" manage.py restore "$WORK/backup"
psql -qc "DROP DATABASE ${DATABASE}_restored" postgres
