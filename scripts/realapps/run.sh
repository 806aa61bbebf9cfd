#!/usr/bin/env bash
# Migrate real, published Node apps (fetched from npm at pinned versions) with
# vaultshift as a self-hoster would, and record what happened.
#   scripts/realapps/run.sh [app ...]      (default: every app below)
# Needs: the npm registry, a built tree (npx tsc && node scripts/bundle.js).
# Work dir: $REALAPPS_DIR (default /tmp/realapps); the apps' source is never
# committed to this repository. Every secret in fixtures/realapps/ is a synthetic canary
# (RLCANARY...): grep for it to prove it left the tree.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
VS="node $REPO/bin/vaultshift.js"
W=${REALAPPS_DIR:-/tmp/realapps}
DIGEST=$REPO/scripts/realapps/digest
# The files each app's setup writes (config.production.json, .env, settings.json…), canaries
# included, are in fixtures/realapps/<app>/ (copied over the app after its setup function).
FIX=$REPO/fixtures/realapps
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
  [n8n]=@n8n/config@2.39.0
)
APPS=("$@"); [ ${#APPS[@]} -eq 0 ] && APPS=(ghost node-red uptime-kuma directus nodebb etherpad n8n)

# Packages the digest scripts load (Ghost's and NodeBB's config loaders, @directus/env, dotenv).
if [ ! -d "$W/deps/node_modules/nconf" ]; then
  (cd "$W/deps" && echo '{"name":"realapps-deps","private":true}' > package.json &&
   npm install --ignore-scripts --no-audit --no-fund nconf@0.12 @tryghost/debug@0.1 @tryghost/config-url-helpers@1 \
     jsonc-parser@3 dotenv@16 args-parser@1 @directus/env@6.3.0 >/dev/null 2>&1)
fi
if [ ! -d "$W/deps/node_modules/@n8n/di" ]; then # what @n8n/config needs to build n8n's GlobalConfig
  (cd "$W/deps" && npm install --ignore-scripts --no-audit --no-fund @n8n/constants@0.39.0 @n8n/di@0.17.0 reflect-metadata@0.2.2 zod@3.25.76 >/dev/null 2>&1)
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
  printf 'config.production.json\nnode_modules\n' >> .gitignore
  NODE_ENV=production; export NODE_ENV
}
setup_node-red() { # settings.js: credentialSecret and adminAuth, as the docs' "securing Node-RED" page
  node -e '
    const fs=require("fs");let s=fs.readFileSync("settings.js","utf8");
    const v=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));
    s=s.replace("//credentialSecret: \"a-secret-key\",",`credentialSecret: "${v.credentialSecret}",`);
    s=s.replace(/\/\/adminAuth: \{[\s\S]*?\/\/\},/, () => `adminAuth: {\n        type: "credentials",\n        users: [{\n            username: "admin",\n            password: "${v.adminPasswordHash}",\n            permissions: "*"\n        }]\n    },`);
    fs.writeFileSync("settings.js",s);' "$FIX/node-red/settings-values.json"
  printf 'node_modules\n' >> .gitignore
}
setup_uptime-kuma() { # .env read by dotenv in server/server.js (MariaDB, Cloudflare tunnel, TLS key passphrase)
  printf '.env\nnode_modules\n' >> .gitignore
}
setup_directus() { # a Directus project: .env at the root, the server in node_modules
  mkdir -p node_modules/@directus && mv dist package.json license node_modules/@directus/ 2>/dev/null
  mkdir -p node_modules/@directus/api && mv node_modules/@directus/dist node_modules/@directus/package.json node_modules/@directus/license node_modules/@directus/api/
  mkdir -p extensions && echo '# extensions' > extensions/README.md
  printf '.env\nnode_modules\nuploads\n' >> .gitignore
}
setup_nodebb() { # ./nodebb setup writes config.json (url, secret, database credentials)
  printf 'config.json\nnode_modules\n' >> .gitignore
}
setup_etherpad() { # docker deployment: settings.json reads ${VAR}, docker compose's env_file is .env
  printf '.env\nnode_modules\n' >> .gitignore
}
setup_n8n() { # @n8n/config is where n8n reads every setting (readEnv: NAME, else NAME_FILE); docker compose's env_file
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
    n8n) node "$DIGEST/n8n.cjs" ;;
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
  [ -d "$FIX/$app" ] && cp -a "$FIX/$app/." . && rm -f settings-values.json
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
