#!/usr/bin/env bash
# Migrate real, published Node apps (fetched from npm at pinned versions) with
# vaultshift as a self-hoster would, and record what happened.
#   scripts/realapps/run.sh [app ...]      (default: every app below)
# Needs: the npm registry, a built tree (npx tsc && node scripts/bundle.js).
# Work dir: $REALAPPS_DIR (default /tmp/realapps); the apps' source is never
# committed to this repository. Every secret in fixtures/realapps/ is a synthetic canary
# (RLCANARY... in round 1, RL2CANARY... in round 2): grep for it to prove it left the tree.
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
  # round 2 (session 20): TypeScript, ES modules, a framework project, bots, self-hosted tools
  [strapi]=create-strapi-app@5.55.0
  [mongo-express]=mongo-express@1.0.2
  [probot]=probot@14.3.2
  [thelounge]=thelounge@4.5.2
  [hubot]=hubot@14.1.0
  [zigbee2mqtt]=zigbee2mqtt@2.14.1
  [t3]=create-t3-app@7.40.0
)
ROUND1=(ghost node-red uptime-kuma directus nodebb etherpad n8n)
ROUND2=(strapi mongo-express probot thelounge hubot zigbee2mqtt t3)
APPS=("$@"); [ ${#APPS[@]} -eq 0 ] && APPS=("${ROUND1[@]}" "${ROUND2[@]}")
[ "${APPS[*]}" = round1 ] && APPS=("${ROUND1[@]}")
[ "${APPS[*]}" = round2 ] && APPS=("${ROUND2[@]}")

# Packages the digest scripts load (Ghost's and NodeBB's config loaders, @directus/env, dotenv).
if [ ! -d "$W/deps/node_modules/nconf" ]; then
  (cd "$W/deps" && echo '{"name":"realapps-deps","private":true}' > package.json &&
   npm install --ignore-scripts --no-audit --no-fund nconf@0.12 @tryghost/debug@0.1 @tryghost/config-url-helpers@1 \
     jsonc-parser@3 dotenv@16 args-parser@1 @directus/env@6.3.0 >/dev/null 2>&1)
fi
if [ ! -d "$W/deps/node_modules/@n8n/di" ]; then # what @n8n/config needs to build n8n's GlobalConfig
  (cd "$W/deps" && npm install --ignore-scripts --no-audit --no-fund @n8n/constants@0.39.0 @n8n/di@0.17.0 reflect-metadata@0.2.2 zod@3.25.76 >/dev/null 2>&1)
fi
if [ ! -d "$W/deps/node_modules/@probot/get-private-key" ]; then # round 2: Zigbee2MQTT's YAML, Probot's key reader
  (cd "$W/deps" && npm install --ignore-scripts --no-audit --no-fund js-yaml@4.1.0 @probot/get-private-key@2.1.1 @t3-oss/env-nextjs@0.12.0 >/dev/null 2>&1)
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

# round 2
setup_strapi() { # create-strapi-app copies a template and writes .env from .env.example with generated keys
  local t; t=$(mktemp -d); cp -a templates/example/. "$t"/
  find . -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -a "$t"/. . && rm -rf "$t"
  printf '.env\nnode_modules\n.tmp\nbuild\ndist\n' > .gitignore
}
setup_mongo-express() { # the docker image's env vars, or .env (config.default.js calls dotenv.config())
  printf '.env\nnode_modules\n' >> .gitignore
  mkdir -p node_modules && ln -sfn "$W/deps/node_modules/dotenv" node_modules/dotenv # ESM imports ignore NODE_PATH
}
setup_probot() { # the README's .env: APP_ID, PRIVATE_KEY (PEM), WEBHOOK_SECRET; `probot run` loads it
  printf '.env\nnode_modules\n' >> .gitignore
  mkdir -p node_modules/@probot && ln -sfn "$W/deps/node_modules/dotenv" node_modules/dotenv &&
    ln -sfn "$W/deps/node_modules/@probot/get-private-key" node_modules/@probot/get-private-key
}
setup_thelounge() { # `thelounge start` creates $THELOUNGE_HOME/config.js from dist/defaults/config.js; LDAP, network password, WEBIRC;
  # the password also typed into the commented-out example above the live `defaults` block, as people do
  mkdir -p home && node -e '
    const fs=require("fs");let s=fs.readFileSync("dist/defaults/config.js","utf8");
    const v=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));
    s=s.replace(/ldap: \{\n(\s*)enable: false,/, (m,i) => `ldap: {\n${i}enable: true,`);
    s=s.replace(`rootPassword: "1234"`, `rootPassword: "${v.rootPassword}"`);
    s=s.replace(/(\n    defaults: \{[^}]*?)password: "",/, (m,a) => `${a}password: "${v.ircPassword}",`);
    s=s.replace(/(\/\/ defaults: \{[^}]*?)password: "",/, (m,a) => `${a}password: "${v.exampleFilledIn}",`); // the commented-out example too
    s=s.replace("webirc: null,", `webirc: {\n        "irc.example.net": "${v.webirc}",\n    },`);
    fs.writeFileSync("home/config.js",s);' "$FIX/thelounge/settings-values.json"
  printf 'node_modules\n' >> .gitignore
}
setup_hubot() { # docs: EXPRESS_USER/EXPRESS_PASSWORD protect the HTTP listener; docker compose env_file .env
  printf '.env\nnode_modules\n' >> .gitignore
}
setup_zigbee2mqtt() { # data/configuration.yaml with '!secret NAME' values kept in data/secret.yaml (its docs)
  printf 'data/secret.yaml\nnode_modules\n' >> .gitignore
}
setup_t3() { # what `create-t3-app` writes for NextAuth + Drizzle (PostgreSQL): the base template and its extras, .env
  local x=template/extras t; t=$(mktemp -d)
  cp -a template/base/. "$t"/ && mv "$t/_gitignore" "$t/.gitignore"
  cp $x/src/env/with-auth-db.js "$t/src/env.js"
  mkdir -p "$t/src/server/auth" "$t/src/server/db"
  cp $x/src/server/auth/index.ts "$t/src/server/auth/index.ts" && cp $x/src/server/auth/config/with-drizzle.ts "$t/src/server/auth/config.ts"
  cp $x/src/server/db/index-drizzle/with-postgres.ts "$t/src/server/db/index.ts" && cp $x/src/server/db/schema-drizzle/with-auth-postgres.ts "$t/src/server/db/schema.ts"
  cp $x/config/drizzle-config-postgres.ts "$t/drizzle.config.ts" && cp $x/start-database/postgres.sh "$t/start-database.sh"
  find . -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} + && cp -a "$t"/. . && rm -rf "$t"
  node -e 'const f="package.json",p=JSON.parse(require("fs").readFileSync(f,"utf8"));p.name="rl2-t3";require("fs").writeFileSync(f,JSON.stringify(p,null,2)+"\n")'
  mkdir -p node_modules/@t3-oss && ln -sfn "$W/deps/node_modules/dotenv" node_modules/dotenv && ln -sfn "$W/deps/node_modules/zod" node_modules/zod &&
    ln -sfn "$W/deps/node_modules/@t3-oss/env-nextjs" node_modules/@t3-oss/env-nextjs && ln -sfn "$W/deps/node_modules/@t3-oss/env-core" node_modules/@t3-oss/env-core
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
    strapi) node "$DIGEST/strapi.cjs" ;;
    mongo-express) node "$DIGEST/mongo-express.mjs" ;;
    probot) node "$DIGEST/probot.mjs" ;;
    thelounge) node "$DIGEST/thelounge.cjs" ;;
    hubot) node "$DIGEST/hubot.cjs" ;;
    zigbee2mqtt) node "$DIGEST/zigbee2mqtt.cjs" ;;
    t3) node "$DIGEST/t3.mjs" ;;
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
  left=$(grep -rIlE 'RL2?CANARY' . --exclude-dir=node_modules --exclude-dir=.git --exclude-dir=.vaultshift 2>/dev/null | tr '\n' ' ')
  echo "  canaries left in tree: ${left:-none}"
  leak=$(grep -lE 'RL2?CANARY' "$LOG"/*.out "$LOG"/*.err vaultshift.plan.json reports/* 2>/dev/null | tr '\n' ' ')
  echo "  canaries in vaultshift output/plan/reports: ${leak:-none}"
done
