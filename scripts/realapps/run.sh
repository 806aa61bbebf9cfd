#!/usr/bin/env bash
# Migrate real, published Node apps (fetched from npm at pinned versions) with
# vaultshift as a self-hoster would, and record what happened.
#   scripts/realapps/run.sh [app ...]      (default: every app below)
# Needs: the npm registry, a built tree (npx tsc && node scripts/bundle.js).
# Work dir: $REALAPPS_DIR (default /tmp/realapps); the apps' source is never
# committed to this repository. Every secret below is a synthetic canary
# (RLCANARY...): grep for it to prove it left the tree.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
VS="node $REPO/bin/vaultshift.js"
W=${REALAPPS_DIR:-/tmp/realapps}
DIGEST=$REPO/scripts/realapps/digest
PORT=${REALAPPS_PORT:-18271}
TOKEN=rl-root-token
mkdir -p "$W/tgz" "$W/work" "$W/logs" "$W/deps"
export NO_COLOR=1 CI=true

declare -A PKG=(
  [ghost]=ghost@5.130.6
  [node-red]=node-red@4.1.15
  [uptime-kuma]=uptime-kuma@2.0.0-dev.0
  [directus]=@directus/api@23.3.2
  [nodebb]=nodebb@1.4.0
  [etherpad]=ep_etherpad-lite@1.8.14
)
APPS=("$@"); [ ${#APPS[@]} -eq 0 ] && APPS=(ghost node-red uptime-kuma directus nodebb etherpad)

# Packages the digest scripts load (Ghost's and NodeBB's config loaders, @directus/env, dotenv).
if [ ! -d "$W/deps/node_modules/nconf" ]; then
  (cd "$W/deps" && echo '{"name":"realapps-deps","private":true}' > package.json &&
   npm install --ignore-scripts --no-audit --no-fund nconf@0.12 @tryghost/debug@0.1 @tryghost/config-url-helpers@1 \
     jsonc-parser@3 dotenv@16 args-parser@1 @directus/env@6.3.0 >/dev/null 2>&1)
fi
export NODE_PATH=$W/deps/node_modules

fetch() { # app dir
  local spec=${PKG[$1]} t
  t=$(ls "$W/tgz/$(echo "${spec%@*}" | sed 's#^@##; s#/#-#')-${spec##*@}.tgz" 2>/dev/null)
  [ -n "$t" ] || t="$W/tgz/$(cd "$W/tgz" && npm pack "$spec" --silent 2>/dev/null | tail -1)"
  rm -rf "$2" && mkdir -p "$2" && tar xzf "$t" -C "$2" --strip-components=1
}

# --- per-app setup: what the app's docs tell a self-hoster to write --------------
setup_ghost() { # ghost-cli writes config.production.json next to the install
  cat > config.production.json <<'J'
{
  "url": "https://blog.example.org",
  "server": { "port": 2368, "host": "127.0.0.1" },
  "database": {
    "client": "mysql",
    "connection": { "host": "localhost", "user": "ghost_prod", "password": "RLCANARYgh0stDbP4ss8e1f2a9c", "database": "ghost_prod" }
  },
  "mail": {
    "transport": "SMTP",
    "options": { "service": "Mailgun", "auth": { "user": "postmaster@mg.example.org", "pass": "RLCANARYmailgunSmtp7Qx2Lw9Zk4" } }
  },
  "adapters": { "storage": { "active": "s3", "s3": { "accessKeyId": "AKIARLCANARY7QX2LW9Z", "secretAccessKey": "RLCANARYs3Secret/9kQw2Lx7Zp4Vn8Tb3Ym6Rc1" } } },
  "logging": { "transports": ["file", "stdout"] },
  "process": "systemd",
  "paths": { "contentPath": "content" }
}
J
  printf 'config.production.json\nnode_modules\n' >> .gitignore
  NODE_ENV=production; export NODE_ENV
}
setup_node-red() { # settings.js: credentialSecret and adminAuth, as the docs' "securing Node-RED" page
  node -e '
    const fs=require("fs");let s=fs.readFileSync("settings.js","utf8");
    s=s.replace("//credentialSecret: \"a-secret-key\",","credentialSecret: \"RLCANARYnodeRedCred9f3K2q7W\",");
    s=s.replace(/\/\/adminAuth: \{[\s\S]*?\/\/\},/, "adminAuth: {\n        type: \"credentials\",\n        users: [{\n            username: \"admin\",\n            password: \"$2b$08$RLCANARYhashQ0mJ7eA3kN9sLr2VwXyZ5u8GhTfBcDpE1oIqJn4\",\n            permissions: \"*\"\n        }]\n    },");
    fs.writeFileSync("settings.js",s);'
  printf 'node_modules\n' >> .gitignore
}
setup_uptime-kuma() { # .env read by dotenv in server/server.js (MariaDB, Cloudflare tunnel, TLS key passphrase)
  cat > .env <<'J'
UPTIME_KUMA_PORT=3001
UPTIME_KUMA_DB_TYPE=mariadb
UPTIME_KUMA_DB_HOSTNAME=db.internal
UPTIME_KUMA_DB_PORT=3306
UPTIME_KUMA_DB_NAME=kuma
UPTIME_KUMA_DB_USERNAME=kuma
UPTIME_KUMA_DB_PASSWORD=RLCANARYkumaDbPw4t8Hq2Zm6
UPTIME_KUMA_CLOUDFLARED_TOKEN=eyJhIjoiUkxDQU5BUllhY2NvdW50IiwidCI6IlJMQ0FOQVJZdHVubmVsIiwicyI6IlJMQ0FOQVJZc2VjcmV0In0=
UPTIME_KUMA_SSL_KEY_PASSPHRASE=RLCANARYsslPass3Vb7Nc1Xw
J
  printf '.env\nnode_modules\n' >> .gitignore
}
setup_directus() { # a Directus project: .env at the root, the server in node_modules
  mkdir -p node_modules/@directus && mv dist package.json license node_modules/@directus/ 2>/dev/null
  mkdir -p node_modules/@directus/api && mv node_modules/@directus/dist node_modules/@directus/package.json node_modules/@directus/license node_modules/@directus/api/
  cat > package.json <<'J'
{ "name": "my-directus", "private": true, "scripts": { "start": "directus start" }, "dependencies": { "directus": "^11.0.0" } }
J
  cat > .env <<'J'
HOST="0.0.0.0"
PORT=8055
PUBLIC_URL="https://cms.example.org"
DB_CLIENT="pg"
DB_HOST="db.internal"
DB_PORT="5432"
DB_DATABASE="directus"
DB_USER="directus"
DB_PASSWORD="RLCANARYdirectusDb7Kp3Qw9"
KEY="6b1c6f8e-RLCANARY-4f0a-9d1e-key0a1b2c3d4"
SECRET="RLCANARYdirectusSecret2Fh8Jk4Lm6Np0Qr"
ADMIN_EMAIL="admin@example.org"
ADMIN_PASSWORD="RLCANARYadminPw5Tg9"
EMAIL_TRANSPORT="smtp"
EMAIL_SMTP_HOST="smtp.example.org"
EMAIL_SMTP_PASSWORD="RLCANARYsmtpPw3Rd8Vc"
STORAGE_LOCATIONS="s3"
STORAGE_S3_KEY="AKIARLCANARYDIR7Q2LW"
STORAGE_S3_SECRET="RLCANARYs3dir/9kQw2Lx7Zp4Vn8Tb3Ym6Rc1Ab"
J
  mkdir -p extensions && echo '# extensions' > extensions/README.md
  printf '.env\nnode_modules\nuploads\n' >> .gitignore
}
setup_nodebb() { # ./nodebb setup writes config.json (url, secret, database credentials)
  cat > config.json <<'J'
{
    "url": "https://forum.example.org",
    "secret": "1f9c2a7e-RLCANARY-4b6d-9e3f-nodebbsecret",
    "database": "redis",
    "redis": { "host": "127.0.0.1", "port": "6379", "password": "RLCANARYredisPw6Hn2Jk8", "database": "0" },
    "port": "4567"
}
J
  printf 'config.json\nnode_modules\n' >> .gitignore
}
setup_etherpad() { # docker deployment: settings.json reads ${VAR}, docker compose's env_file is .env
  cat > settings.json <<'J'
{
  "title": "Etherpad",
  "ip": "0.0.0.0",
  "port": "${PORT:9001}",
  "dbType": "postgres",
  "dbSettings": { "host": "${DB_HOST:db}", "port": "${DB_PORT:5432}", "database": "${DB_NAME:etherpad}", "user": "${DB_USER:etherpad}", "password": "${DB_PASS}" },
  "users": { "admin": { "password": "${ADMIN_PASSWORD}", "is_admin": true } },
  "sessionKey": "${SESSION_KEY}"
}
J
  cat > .env <<'J'
DB_HOST=db
DB_USER=etherpad
DB_PASS=RLCANARYetherDb8Mn3Bv5
ADMIN_PASSWORD=RLCANARYetherAdmin4Ws7
SESSION_KEY=RLCANARYsessionKey0c9d8e7f6a5b4c3d2e1f
J
  cat > docker-compose.yml <<'J'
services:
  app:
    image: etherpad/etherpad:1.8.14
    env_file: .env
    volumes: ["./settings.json:/opt/etherpad-lite/settings.json"]
J
  printf '.env\nnode_modules\n' >> .gitignore
}

digest() { # app -> prints the digest line the app's config loader yields
  case $1 in
    ghost) node "$DIGEST/ghost.cjs" ;;
    node-red) node "$DIGEST/node-red.cjs" ;;
    directus) node "$DIGEST/directus.mjs" ;;
    nodebb) node "$DIGEST/nodebb.cjs" ;;
    etherpad) node "$DIGEST/etherpad.cjs" ;;
    uptime-kuma) node "$DIGEST/uptime-kuma.cjs" ;;
  esac 2>&1 | tail -1
}

timed() { # label cmd... : runs, logs, prints seconds and peak RSS
  local label=$1; shift
  local s e rc
  s=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$LOG/$label.mem" "$@" > "$LOG/$label.out" 2> "$LOG/$label.err"; rc=$?
  e=$(date +%s.%N)
  printf '  %-8s exit %s  %5.1fs  %4d MB\n' "$label" "$rc" "$(echo "$e - $s" | bc)" "$(( $(tail -1 "$LOG/$label.mem") / 1024 ))"
}

# --- dev server ------------------------------------------------------------------
$VS dev-server --port "$PORT" --root-token "$TOKEN" > "$W/logs/dev-server.log" 2>&1 &
DEVPID=$!
trap 'kill $DEVPID 2>/dev/null' EXIT
for _ in $(seq 50); do curl -s "http://127.0.0.1:$PORT/v1/sys/health" >/dev/null && break; sleep 0.2; done
export VAULT_ADDR=http://127.0.0.1:$PORT VAULT_TOKEN=$TOKEN

for app in "${APPS[@]}"; do
  D=$W/work/$app; LOG=$W/logs/$app; rm -rf "$LOG"; mkdir -p "$LOG"
  unset NODE_ENV
  fetch "$app" "$D"; cd "$D" || exit 2
  "setup_$app"
  mkdir -p node_modules && ln -sfn "$REPO" node_modules/vaultshift
  git init -q && git add -A >/dev/null 2>&1 && git -c user.email=r@example.org -c user.name=r commit -qm "$app as published" >/dev/null
  echo "== $app (${PKG[$app]}, $(git ls-files | wc -l) files)"
  echo "  before   $(digest "$app")"
  timed scan $VS scan . --format json
  node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));const f=r.findings||r;const by={};for(const x of f){const k=(x.file||x.path)+" "+(x.ruleId||x.rule||"");by[k]=(by[k]||0)+1}console.log("  findings "+f.length);for(const [k,v] of Object.entries(by).slice(0,40))console.log("    "+v+" "+k)' "$LOG/scan.out" 2>/dev/null
  timed plan $VS plan . --no-history
  timed apply $VS apply vaultshift.plan.json --yes
  timed verify $VS verify vaultshift.plan.json
  echo "  changed  $(git status --porcelain | tr '\n' ' ' | cut -c1-400)"
  echo "  after    $(digest "$app")"
  echo "  after run $($VS run -q -- bash -c "DIGEST=$DIGEST; $(declare -f digest); digest $app" 2>&1 | tail -1)"
  left=$(grep -rIl RLCANARY . --exclude-dir=node_modules --exclude-dir=.git --exclude-dir=.vaultshift 2>/dev/null | tr '\n' ' ')
  echo "  canaries left in tree: ${left:-none}"
  leak=$(grep -l RLCANARY "$LOG"/*.out "$LOG"/*.err vaultshift.plan.json reports/* 2>/dev/null | tr '\n' ' ')
  echo "  canaries in vaultshift output/plan/reports: ${leak:-none}"
done
