import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "./planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";
import { expandWord, programsRun, sourceStatements } from "./shell-sources.js";
import { partUnderRun } from "../apply/script-environment.js";

// A shell script that sources a moved .env file and hands its variables to another program
// (src/plan/sourced-env-files.ts): wrapped in `vaultshift run` where an npm script runs it,
// named with the exact command elsewhere; `${NAME}` templates count as uses.

const tmp = tempDir("sourced-env-files");
after(() => tmp.remove());
const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);

const PW = "CANARY_pw_Qe7Ld2Mx9Vb4Rt";
const PRD = "CANARY_pw_Wz5Hn8Kc3Jp6Ys";
const RENDER = '#!/bin/sh\nset -eu\nenv_file="${1:-.env}"\nset -a\n. "./$env_file"\nset +a\nenvsubst < config/app.template.json > config/app.json\n';
const outside = (p: { warnings: { code: string; file?: string; line?: number }[] }) => p.warnings.filter((w) => w.code === "outside-use").map((w) => `${w.file}:${w.line}`).sort();

test("an npm script's shell script sourcing the moved file for envsubst runs under vaultshift run, for that file's environment", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nPORT=3000\n`,
    ".env.production": `DB_PASSWORD=${PRD}\nPORT=80\n`,
    "config/app.template.json": '{ "port": ${PORT}, "password": "${DB_PASSWORD}" }\n',
    "scripts/render.sh": RENDER,
    "package.json": JSON.stringify({ name: "render", scripts: { dev: "sh scripts/render.sh && node server.js", start: "sh scripts/render.sh .env.production && node server.js" } }, null, 2) + "\n",
    "server.js": "module.exports = require('./config/app.json');\n",
  });
  const p = await plan({ root, env: {} });
  // The script's default (`${1:-.env}`) when the npm script passes no argument.
  assert.deepEqual(p.scriptEnvironments, [
    { file: "package.json", script: "dev", environment: "development", wrap: true, part: "sh scripts/render.sh" },
    { file: "package.json", script: "start", environment: "production", wrap: true, part: "sh scripts/render.sh .env.production" },
  ]);
  const diff = p.files.find((f) => f.file === "package.json")!.diff;
  assert.match(diff, /^\+    "dev": "vaultshift run --env development -- sh scripts\/render\.sh && node server\.js",?$/m);
  assert.match(diff, /^\+    "start": "vaultshift run --env production -- sh scripts\/render\.sh \.env\.production && node server\.js",?$/m);
  // The template is rendered by a wrapped script: named in that script's warning, not on its own.
  assert.deepEqual(outside(p), ["package.json:4", "package.json:5"]);
  assert.match(p.warnings.find((w) => w.file === "package.json" && w.line === 4)!.message, /sources \.env \(scripts\/render\.sh:5\) and hands its variables to envsubst \(rendering config\/app\.template\.json, which reads DB_PASSWORD\)/);
  assert.ok(!JSON.stringify(p).includes(PW) && !JSON.stringify(p).includes(PRD));
});

test("a script whose only program is node (exec \"$@\" of the app) is this app's code: nothing to wrap", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\n`,
    "docker-entrypoint.sh": '#!/bin/sh\nset -a\n[ -f ./.env ] && . ./.env\nset +a\nfile_env() {\n  var="$1"\n  val="$(cat "$2")"\n  export "$var"="$val"\n}\nexec "$@"\n',
    "package.json": JSON.stringify({ name: "entry", scripts: { start: "sh docker-entrypoint.sh node server.js" } }, null, 2) + "\n",
    "server.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.ok(!(p.scriptEnvironments ?? []).some((s) => s.part !== undefined));
  assert.deepEqual(outside(p), []);
});

test("a script run by hand, a make recipe and a template nothing wrapped renders are named with the command to run", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\n`,
    "scripts/db-shell.sh": "#!/bin/bash\nsource .env\npsql -h localhost -U app\n",
    "Makefile": "render:\n\tset -a; . ./.env; set +a; envsubst < deploy/nginx.conf.in > nginx.conf\n",
    "deploy/nginx.conf.in": "auth_basic_user_file x;\n# password ${DB_PASSWORD}\n",
    "deploy/other.tmpl": "password=$DB_PASSWORD\n",
    "package.json": JSON.stringify({ name: "hand", scripts: { start: "node server.js" } }, null, 2) + "\n",
    "server.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(outside(p), ["Makefile:2", "deploy/other.tmpl:1", "scripts/db-shell.sh:2"]);
  const message = (file: string) => p.warnings.find((w) => w.code === "outside-use" && w.file === file)!.message;
  assert.match(message("scripts/db-shell.sh"), /sources \.env \(\.env\) and hands its variables to psql.*`vaultshift run --env development -- sh scripts\/db-shell\.sh`/);
  assert.match(message("Makefile"), /a make recipe \(render\) sources \.env .*envsubst.*`vaultshift run --env development -- make render`/);
  // The recipe names nginx.conf.in: its warning is the recipe's; other.tmpl is named on its own.
  assert.match(message("deploy/other.tmpl"), /a template rendered from the environment .* reads DB_PASSWORD \(\$\{DB_PASSWORD\}\)/);
  assert.deepEqual(p.scriptEnvironments ?? [], []);
});

test("shell words: positional arguments, defaults and the script's variables", () => {
  const vars = new Map<string, string | null>([["ENV_FILE", ".env.staging"]]);
  assert.equal(expandWord('"./$1"', [".env.production"], vars), "./.env.production");
  assert.equal(expandWord('"${1:-.env}"', [], vars), ".env");
  assert.equal(expandWord("$ENV_FILE", null, vars), ".env.staging");
  assert.equal(expandWord("${OTHER:-.env.local}", null, vars), ".env.local");
  assert.equal(expandWord('"./$1"', null, vars), null, "an unknown argument cannot be known");
  assert.equal(expandWord("$(dirname $0)/.env", null, vars), null);
  assert.deepEqual(sourceStatements('f="${1:-.env}"\nset -o allexport; source "$f"\nexport $(grep -v "^#" .env.extra | xargs)\n', [".env.test"]).map((s) => [s.line, s.file]), [[2, ".env.test"], [3, ".env.extra"]]);
  assert.deepEqual(sourceStatements("  . ../outside/.env\n", null).map((s) => s.file), [null], "a file outside the project is not followed");
  assert.deepEqual(programsRun('#!/bin/sh\nset -e\n. ./.env\nlog() { echo "$1"; }\nlog start\nPGPASSWORD=x psql -c "select 1" | tee out.txt\nexec node server.js\n', null), ["psql"]);
  assert.deepEqual(programsRun('exec "$@"\n', ["aws", "s3", "ls"]), ["aws"]);
  assert.deepEqual(programsRun('exec "$@"\n', null), []);
});

test("a part of a command runs under vaultshift run once, exactly where it stands", () => {
  assert.equal(partUnderRun("sh x.sh .env && node s.js", "sh x.sh .env", "development"), "vaultshift run --env development -- sh x.sh .env && node s.js");
  assert.equal(partUnderRun("npm run build; sh x.sh", "sh x.sh", "shared"), "npm run build; vaultshift run -- sh x.sh");
  assert.equal(partUnderRun("vaultshift run --env development -- sh x.sh .env && node s.js", "sh x.sh .env", "development"), null, "already wrapped");
  assert.equal(partUnderRun("sh x.sh .env.production", "sh x.sh .env", "development"), null, "another part");
  assert.equal(partUnderRun("sh x.sh; sh x.sh", "sh x.sh", "development"), null, "twice");
});
