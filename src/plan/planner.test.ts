import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plan } from "./planner.js";
import { readPlan, writePlan } from "./plan-file.js";
import { tempDir, writeTree } from "../migrate/testing.js";
import { PlanError } from "../errors.js";
import { fingerprint } from "../util/fingerprint.js";
import { readPlannedValues } from "../apply/source-values.js";

const tmp = tempDir("planner");
after(() => tmp.remove());

const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);

const PW = "CANARY_pw_Xk9mP2vL8qR4nZ7w";

test("the plan holds fingerprints and locations, no value, and survives a round trip", async () => {
  const root = tree({
    "package.json": '{"name":"@acme/billing","type":"module"}\n',
    ".env": `DB_PASSWORD=${PW}\nPORT=3000\n`,
    "index.js": "export const pw = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.equal(p.app, "billing");
  assert.deepEqual(p.secrets.map((s) => `${s.target.mount}/${s.target.path}#${s.target.key}`), ["secret/billing/development/database#password"]);
  assert.equal(p.policy.name, "billing-read");
  assert.match(p.policy.hcl, /path "secret\/data\/billing\/development\/database" \{\n  capabilities = \["read"\]\n\}/);
  const file = join(root, "vaultshift.plan.json");
  writePlan(p, file);
  const text = readFileSync(file, "utf8");
  assert.ok(!text.includes(PW) && !text.includes(PW.slice(4, 20)), "the plan holds the value");
  assert.deepEqual(readPlan(file), p);
  // A hand-edited plan is refused.
  writeFileSync(file, text.replace("billing/development/database", "billing/development/other"));
  assert.throws(() => readPlan(file), (e: unknown) => e instanceof PlanError && /edited/.test((e as Error).message));
});

test("two different values for one location stop the plan", async () => {
  const root = tree({ ".env": `DB_PASSWORD=${PW}\n`, ".env.local": "DB_PASSWORD=CANARY_other_Lp4Xs8Ne2Wq6Ry\n" });
  await assert.rejects(plan({ root, env: {} }), (e: unknown) => {
    const m = `${(e as Error).message} ${(e as PlanError).hint}`;
    return e instanceof PlanError && /\.env:1 DB_PASSWORD/.test(m) && /\.env\.local:1 DB_PASSWORD/.test(m) && !m.includes("CANARY_");
  });
});

test("the same value in two files of one environment is one secret with a duplicate source", async () => {
  const root = tree({ ".env": `DB_PASSWORD=${PW}\n`, ".env.local": `DB_PASSWORD=${PW}\n` });
  const p = await plan({ root, env: {} });
  assert.equal(p.secrets.length, 1);
  assert.deepEqual(p.secrets[0]!.duplicates.map((d) => d.file), [".env.local"]);
  assert.deepEqual(p.envFiles.map((e) => [e.file, e.migratedKeys]), [[".env", ["DB_PASSWORD"]], [".env.local", ["DB_PASSWORD"]]]);
});

test("browser-exposed secrets and dynamic reads are reported, not moved or rewritten", async () => {
  const root = tree({
    "package.json": '{"name":"web","type":"module"}\n',
    ".env": `NEXT_PUBLIC_STRIPE_SECRET_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q\nDB_PASSWORD=${PW}\n`, // vaultshift:allow
    "server.js": "const name = 'DB_PASSWORD';\nexport const a = process.env[name];\nexport const b = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  assert.ok(p.warnings.some((w) => w.code === "browser-exposed" && /NEXT_PUBLIC_STRIPE_SECRET_KEY/.test(w.message)));
  assert.ok(p.warnings.some((w) => /dynamic/.test(w.code) && w.file === "server.js" && w.line === 2));
  assert.ok(!JSON.stringify(p).includes("sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q")); // vaultshift:allow
});

test("path templates from options and config", async () => {
  const root = tree({ ".env": `DB_PASSWORD=${PW}\n`, "vaultshift.config.json": '{"mount":"kv","pathTemplate":"<mount>/teams/<app>/<environment>/<group>"}\n' });
  const p = await plan({ root, env: {}, app: "api" });
  assert.equal(`${p.secrets[0]!.target.mount}/${p.secrets[0]!.target.path}`, "kv/teams/api/development/database");
  const q = await plan({ root, env: {}, app: "api", templates: { env: "{app}/{group}-{environment}" } });
  assert.equal(q.secrets[0]!.target.path, "api/database-development");
});

test("a CommonJS TypeScript project gets a .ts secrets module in src/ imported without extension", async () => {
  const root = tree({
    "package.json": '{"name":"legacy"}\n',
    "tsconfig.json": '{\n  // comments are allowed\n  "compilerOptions": { "module": "commonjs", },\n}\n',
    ".env": `DB_PASSWORD=${PW}\n`,
    "src/routes/users.ts": "export const pw = process.env.DB_PASSWORD as string;\n",
  });
  const p = await plan({ root, env: {}, history: false });
  assert.deepEqual(p.secretsModule, { file: "src/vaultshift-secrets.ts", language: "ts", moduleKind: "cjs" });
  assert.match(p.files.find((f) => f.file === "src/routes/users.ts")!.diff, /from "\.\.\/vaultshift-secrets"/);
});

test("a CommonJS package: a .js file with no require still requires the secrets module (Node reads it as CommonJS)", async () => {
  const root = tree({
    "package.json": '{"name":"legacy-js"}\n',
    ".env": `DB_PASSWORD=${PW}\n`,
    "src/report.js": "console.log(process.env.DB_PASSWORD.length);\n",
    "src/main.mjs": "export const pw = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {}, history: false });
  // The ES module imports the ES module flavour (.mjs here); the CommonJS file requires the CommonJS one beside it.
  assert.deepEqual(p.secretsModule, { file: "src/vaultshift-secrets.mjs", language: "js", moduleKind: "esm", companion: { file: "src/vaultshift-secrets.js" } });
  assert.match(p.files.find((f) => f.file === "src/report.js")!.diff, /\+const \{ secrets \} = require\("\.\/vaultshift-secrets"\);/);
  assert.match(p.files.find((f) => f.file === "src/main.mjs")!.diff, /\+import \{ secrets \} from "\.\/vaultshift-secrets\.mjs";/);
  assert.deepEqual(p.files.filter((f) => f.kind === "secrets-module").map((f) => f.file), ["src/vaultshift-secrets.mjs", "src/vaultshift-secrets.js"]);
});

test("a migrated key repeated in .env: the overridden earlier value is removed too and hidden in the diff", async () => {
  const stale = "CANARY_stale_Qw3Er5Ty7Ui9Op";
  const root = tree({ ".env": `DB_PASSWORD=${stale}\r\nPORT=3000\r\nDB_PASSWORD=${PW}\r\n`, "index.js": "export const pw = process.env.DB_PASSWORD;\n" });
  const p = await plan({ root, env: {} });
  assert.equal(p.secrets.length, 1, "only the last value is migrated (dotenv and --env-file keep it)");
  const envDiff = p.files.find((f) => f.file === ".env")!.diff;
  assert.match(envDiff, /^-DB_PASSWORD=/m, "both lines are removed");
  assert.equal(envDiff.match(/^-DB_PASSWORD=/gm)?.length, 2);
  assert.ok(!JSON.stringify(p).includes(stale), "the overridden value is in the plan");
});

test("an overridden earlier line of a key that moves as an expanded reference is hidden in the diff too", async () => {
  const stale = "postgres://app:CANARY_old_Zx8Cv6Bn4Ma2@db/app"; // vaultshift:allow
  const root = tree({ ".env": `DB_PASSWORD=${PW}\nDATABASE_URL=${stale}\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app\n`, "index.js": "module.exports = process.env.DATABASE_URL;\n" });
  const p = await plan({ root, env: {} });
  assert.ok(p.secrets.some((s) => s.name === "DATABASE_URL" && s.source.expand === true));
  assert.ok(!JSON.stringify(p).includes("CANARY_old_Zx8Cv6Bn4Ma2"), "the overridden value is in the plan");
});

test("an entry that refers to a migrated secret (${DB_PASSWORD}) moves too, stored expanded; the plan says so", async () => {
  const root = tree({
    ".env": `DB_USER=app\nDB_PASSWORD=${PW}\nDATABASE_URL=postgres://\${DB_USER}:\${DB_PASSWORD}@db:5432/app\nUPLOADS=\${HOME_DIR:-/srv}/uploads\nLITERAL='postgres://\${DB_PASSWORD}@db'\n`,
    "index.js": "module.exports = [process.env.DATABASE_URL, process.env.DB_PASSWORD];\n",
  });
  const p = await plan({ root, env: {} });
  const url = p.secrets.find((s) => s.name === "DATABASE_URL");
  assert.ok(url && url.source.expand === true, JSON.stringify(p.secrets.map((s) => s.name)));
  assert.equal(url.redacted.endsWith(`(${`postgres://app:${PW}@db:5432/app`.length} chars)`), true, "the expanded value is what is stored");
  assert.deepEqual(p.warnings.filter((w) => w.code === "env-reference").map((w) => w.line), [3]);
  assert.deepEqual(p.config.map((c) => c.name).sort(), ["DB_USER", "LITERAL", "UPLOADS"], "config and a single-quoted (never expanded) value stay");
  assert.ok(!JSON.stringify(p).includes(PW));
});

test("an expanded entry whose reference another .env file of the directory sets to another value is named: that file's loads read a different value", async () => {
  const prodPw = "CANARYprodPw_Jq7Rt2Lm9Vx4Kc";
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app\n`,
    ".env.production": `DB_PASSWORD=${prodPw}\n`,
    "index.js": "module.exports = [process.env.DATABASE_URL, process.env.DB_PASSWORD];\n",
  });
  const p = await plan({ root, env: {} });
  const named = p.warnings.filter((w) => w.code === "env-reference" && w.message.includes(".env.production sets it to another value"));
  assert.equal(named.length, 1, JSON.stringify(p.warnings.map((w) => w.code)));
  assert.equal(named[0]!.line, 2);
  assert.match(named[0]!.message, /Add DATABASE_URL to \.env\.production/);
  // The same value in both files, or the entry set in both: nothing to say.
  const same = tree({
    ".env": `DB_PASSWORD=${PW}\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app\n`,
    ".env.production": `DB_PASSWORD=${prodPw}\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app\n`,
    "index.js": "module.exports = [process.env.DATABASE_URL, process.env.DB_PASSWORD];\n",
  });
  const q = await plan({ root: same, env: {} });
  assert.equal(q.warnings.filter((w) => w.message.includes("sets it to another value")).length, 0);
  for (const x of [p, q]) assert.ok(!JSON.stringify(x).includes(PW) && !JSON.stringify(x).includes(prodPw));
});

test("a layered base .env entry expanded differently in an environment whose file sets its reference is stored once per environment, each as dotenv-expand computed it", async () => {
  const prodPw = "CANARYprodPw_Jq7Rt2Lm9Vx4Kc";
  const loader = 'const { expand } = require("dotenv-expand");\nexpand(require("dotenv").config({ path: [`.env.${process.env.NODE_ENV || "development"}`, ".env"] }));\nmodule.exports = [process.env.DATABASE_URL, process.env.DB_PASSWORD, process.env.REPLICA_URL];\n';
  const root = tree({
    "package.json": '{"name":"ledger","dependencies":{"dotenv":"^16.4.5","dotenv-expand":"^11.0.6"}}\n',
    // DATABASE_URL refers to a secret of .env; REPLICA_URL only to a name that is a secret in .env.production.
    ".env": `DB_USER=app\nDB_HOST=localhost\nDB_PASSWORD=${PW}\nDATABASE_URL=postgres://\${DB_USER}:\${DB_PASSWORD}@\${DB_HOST}/app\nREPLICA_URL=postgres://ro:\${REPLICA_PASSWORD:-none}@\${DB_HOST}/app\nLABEL='\${DB_PASSWORD}'\n`,
    ".env.production": `DB_HOST=db.internal\nDB_PASSWORD=${prodPw}\nREPLICA_PASSWORD=CANARYreplica_Hp4Wn8Qz2Ks6\n`,
    "index.js": loader,
  });
  const p = await plan({ root, env: {} });
  const where = (name: string) => p.secrets.filter((s) => s.name === name).map((s) => s.target.path).sort();
  assert.deepEqual(where("DATABASE_URL"), ["ledger/production/database", "ledger/shared/database"]);
  assert.deepEqual(where("REPLICA_URL"), ["ledger/production/app", "ledger/shared/app"]);
  const fp = (name: string, path: string) => p.secrets.find((s) => s.name === name && s.target.path === path)!.fingerprint;
  // Expected values written out by hand: what dotenv-expand gives after .env.production, then .env.
  assert.equal(fp("DATABASE_URL", "ledger/production/database"), fingerprint(p.salt, `postgres://app:${prodPw}@db.internal/app`));
  assert.equal(fp("DATABASE_URL", "ledger/shared/database"), fingerprint(p.salt, `postgres://app:${PW}@localhost/app`));
  assert.equal(fp("REPLICA_URL", "ledger/production/app"), fingerprint(p.salt, "postgres://ro:CANARYreplica_Hp4Wn8Qz2Ks6@db.internal/app")); // vaultshift:allow
  assert.equal(fp("REPLICA_URL", "ledger/shared/app"), fingerprint(p.salt, "postgres://ro:none@localhost/app"));
  assert.ok(p.config.some((c) => c.name === "LABEL"), "a single-quoted value is never expanded");
  assert.equal(p.warnings.filter((w) => /sets (it|them) to another value/.test(w.message)).length, 0, "nothing left to do by hand");
  // apply reads each value again the same way (fingerprints match).
  for (const check of readPlannedValues(root, p)) assert.notEqual(check.value, null, `${check.secret.name} at ${check.secret.target.path} cannot be read back`);
  assert.ok(!JSON.stringify(p).includes(PW) && !JSON.stringify(p).includes(prodPw));
  // Two files of production disagreeing on a reference: not computed, named as before.
  const disputed = tree({
    "package.json": '{"name":"ledger","dependencies":{"dotenv":"^16.4.5","dotenv-expand":"^11.0.6"}}\n',
    ".env": `DB_PASSWORD=${PW}\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@\${DB_HOST}/app\n`,
    ".env.production": "DB_HOST=db.internal\n",
    ".env.production.local": "DB_HOST=db.local\n",
    "index.js": loader,
  });
  const q = await plan({ root: disputed, env: {} });
  assert.deepEqual(q.secrets.filter((s) => s.name === "DATABASE_URL").map((s) => s.target.path), ["ledger/shared/database"]);
  assert.ok(q.warnings.some((w) => w.code === "env-reference" && /\.env\.production sets it to another value/.test(w.message)));
});

test("config()'s parsed result read by a migrated name reads the secrets module; a file dotenv.populate()s into an object of the code's own is kept and named", async () => {
  const mailPw = "CANARYmailPw_Rt5Yu8Io2Pa4";
  const root = tree({
    "package.json": '{"name":"notes","dependencies":{"dotenv":"^16.4.5"}}\n',
    ".env": `NOTION_TOKEN=secret_CANARYn0t10nT0k3nQw8Er6Ty4Ui2Op\nPAGE_SIZE=25\n`,
    "config/mail.env": `SMTP_PASSWORD=${mailPw}\n`,
    "src/app.js": [
      `const dotenv = require("dotenv");`,
      `const { parsed } = dotenv.config();`,
      `const mail = {};`,
      `dotenv.populate(mail, dotenv.parse(require("fs").readFileSync(require("path").join(__dirname, "..", "config", "mail.env"))));`,
      `module.exports = [parsed.NOTION_TOKEN, parsed.PAGE_SIZE, mail.SMTP_PASSWORD];`,
      ``,
    ].join("\n"),
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}`), [".env:NOTION_TOKEN"]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "not-migrated").map((w) => `${w.file}:${w.line}`), ["config/mail.env:1"]);
  assert.match(p.files.find((f) => f.file === "src/app.js")!.diff, /\+module\.exports = \[secrets\.NOTION_TOKEN, parsed\.PAGE_SIZE, mail\.SMTP_PASSWORD\];/);
  assert.deepEqual(p.warnings.filter((w) => w.code === "env-file-parse" || w.code === "library-read"), []);
  assert.ok(!JSON.stringify(p).includes(mailPw));
});

test("two literals of one name with different values (PM2 env / env_production) are two secrets at two keys, not a collision; the same value shares its key", async () => {
  const dev = "CANARYq8Wz2Lk5Rn7Tx3Vb9Md4Hs";
  const prod = "CANARYf3Jp6Yc1Ng8Ku4Ze7Qw2Xa";
  const root = tree({
    "package.json": '{"name":"courier"}\n',
    "ecosystem.config.js": `module.exports = {\n  apps: [{\n    env: { TWILIO_AUTH_TOKEN: "${dev}" },\n    env_production: { TWILIO_AUTH_TOKEN: "${prod}" },\n    env_staging: { TWILIO_AUTH_TOKEN: "${dev}" },\n  }],\n};\n`,
  });
  const p = await plan({ root, env: {} });
  const at = (line: number) => p.secrets.find((s) => s.source.line === line || s.duplicates.some((d) => d.line === line));
  assert.equal(`${at(3)?.target.path}#${at(3)?.target.key}`, "courier/shared/twilio#auth_token");
  assert.equal(`${at(4)?.target.path}#${at(4)?.target.key}`, "courier/shared/twilio#auth_token_2");
  assert.equal(at(5), at(3), "the same value is one secret");
  assert.equal(p.secrets.length, 2);
  const code = p.files.find((c) => c.file === "ecosystem.config.js")!.diff;
  assert.match(code, /\+ {4}env: \{ TWILIO_AUTH_TOKEN: secrets\.TWILIO_AUTH_TOKEN \},/);
  assert.match(code, /\+ {4}env_production: \{ TWILIO_AUTH_TOKEN: secrets\.TWILIO_AUTH_TOKEN_2 \},/);
  // Two .env values at one location still stop the plan (the test above).
});

test("a literal assigned to process.env.X (a test setup file) is named after X in Vault and in the secrets module", async () => {
  const root = tree({
    "package.json": '{"name":"payouts"}\n',
    ".env": `ADYEN_API_KEY=${PW}\n`,
    "setup.js": `process.env.ADYEN_API_KEY = "CANARYk2Wq7Zp4Lm9Xr3Vt8Nb5Hc";\nrequire("./app");\n`,
    "app.js": "module.exports = process.env.ADYEN_API_KEY;\n",
  });
  const p = await plan({ root, env: {} });
  const literal = p.secrets.find((s) => s.source.file === "setup.js")!;
  assert.equal(`${literal.target.path}#${literal.target.key}`, "payouts/shared/app#adyen_api_key");
  // The .env variable keeps its name; the literal's module name is the next free one.
  assert.match(p.files.find((f) => f.file === "setup.js")!.diff, /\+processEnv\.ADYEN_API_KEY = secrets\.ADYEN_API_KEY_2;/);
});

function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore", timeout: 10_000 });
}

const TWICE = `const dotenv = require("dotenv");\ndotenv.config({ path: ".env.local" });\ndotenv.config();\nmodule.exports = [process.env.DB_PASSWORD, process.env.STRIPE_KEY];\n`;
const LATER = "CANARY_later_Hy6Gt4Fr2De8Sw";

test("two dotenv loads of one environment, .env.local (committed) then .env: the first file's value wins everywhere, the later one's is removed, hidden and said, not a collision", async () => {
  const root = tree({ ".env": `DB_PASSWORD=${LATER}\nSTRIPE_KEY=CANARY_only_Bn7Vc5Xz3Lk1Jh\n`, ".env.local": `DB_PASSWORD=${PW}\n`, "index.js": TWICE });
  git(root, "init", "-q");
  git(root, "add", ".env.local", "index.js");
  git(root, "commit", "-q", "-m", "first");
  const p = await plan({ root, env: {}, history: false });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}`).sort(), [".env.local:DB_PASSWORD", ".env:STRIPE_KEY"]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "shadowed").map((w) => `${w.file}:${w.line}`), [".env:1"]);
  assert.equal(p.envFiles.find((f) => f.file === ".env")!.migratedKeys.sort().join(), "DB_PASSWORD,STRIPE_KEY");
  assert.ok(!JSON.stringify(p).includes(LATER), "the shadowed value is in the plan");
});

test("a git-ignored .env.local loaded before .env: .env's value is what every other machine reads, so the plan stops naming both files, the key and the ways out, and no value", async () => {
  const root = tree({ ".gitignore": ".env.local\n", ".env": `DB_PASSWORD=${LATER}\n`, ".env.local": `DB_PASSWORD=${PW}\n`, "index.js": TWICE });
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "first");
  await assert.rejects(plan({ root, env: {}, history: false }), (e: unknown) => {
    assert.ok(e instanceof PlanError);
    const text = `${e.message}\n${e.hint ?? ""}`;
    assert.match(e.message, /DB_PASSWORD: index\.js loads \.env\.local before \.env, and \.env\.local is git-ignored/);
    assert.match(e.message, /reads DB_PASSWORD from \.env:1\./);
    assert.match(e.hint ?? "", /"environments": \{"\.env\.local": "local"\}/);
    assert.match(e.hint ?? "", /make the two values equal, or delete the local override from \.env\.local/);
    assert.ok(!text.includes(LATER) && !text.includes(PW) && !text.includes(PW.slice(0, 12)), "a value is in the error");
    return true;
  });
  // Equal values are one secret: nothing to lose.
  const same = tree({ ".env": `DB_PASSWORD=${PW}\n`, ".env.local": `DB_PASSWORD=${PW}\n`, "index.js": TWICE });
  const p = await plan({ root: same, env: {}, history: false });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  // Mapped to an environment of its own, both values are kept.
  writeFileSync(join(root, "vaultshift.config.json"), '{"environments": {".env.local": "local"}}\n');
  const mapped = await plan({ root, env: {}, history: false });
  assert.deepEqual(mapped.secrets.map((s) => `${s.source.file}:${s.target.path}`).sort(), [".env.local:" + mapped.app + "/local/database", ".env:" + mapped.app + "/development/database"]);
});

test("outside git, .env.local is machine-local by its name: loaded first it stops the plan; with override: true on .env, .env wins everywhere and .env.local's value is dropped", async () => {
  const root = tree({ ".env": `DB_PASSWORD=${LATER}\n`, ".env.local": `DB_PASSWORD=${PW}\n`, "index.js": TWICE });
  await assert.rejects(plan({ root, env: {} }), (e: unknown) => e instanceof PlanError && /\.env\.local is named \*\.local/.test(e.message));
  // override: true on the second load reverses the order: .env (not ignored, not *.local) wins wherever the app runs.
  const flipped = tree({
    ".env": `DB_PASSWORD=${LATER}\n`,
    ".env.local": `DB_PASSWORD=${PW}\n`,
    "index.js": `require("dotenv").config({ path: ".env.local" });\nrequire("dotenv").config({ override: true });\nmodule.exports = process.env.DB_PASSWORD;\n`,
  });
  const q = await plan({ root: flipped, env: {} });
  assert.deepEqual(q.secrets.map((s) => `${s.source.file}:${s.name}`), [".env:DB_PASSWORD"]);
  assert.deepEqual(q.warnings.filter((w) => w.code === "shadowed").map((w) => `${w.file}:${w.line}`), [".env.local:1"]);
  // The same, but .env is matched by .gitignore: it may be missing too, so the plan stops.
  writeFileSync(join(flipped, ".gitignore"), ".env\n");
  await assert.rejects(plan({ root: flipped, env: {} }), (e: unknown) => e instanceof PlanError && /loads \.env before \.env\.local, and \.env is matched by \.gitignore/.test(e.message));
});

test("a secret a bundler's define inlines into the bundle is reported as browser-exposed and not moved; the browser code is left alone", async () => {
  const admin = "CANARY_admin_Rt5Yu7Io9Pa1Sd";
  const root = tree({
    ".env": `ADMIN_KEY=${admin}\nDB_PASSWORD=${PW}\n`,
    "webpack.config.js": `require("dotenv").config();\nmodule.exports = { plugins: [new DefinePlugin({ "process.env.ADMIN_KEY": JSON.stringify(process.env.ADMIN_KEY) })] };\n`,
    "client/admin.js": `window.reindex = () => fetch("/reindex", { headers: { key: process.env.ADMIN_KEY } });\n`,
    "server.js": `module.exports = process.env.DB_PASSWORD;\n`,
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "browser-exposed").map((w) => `${w.file}:${w.line}`), [".env:1"]);
  assert.deepEqual(p.files.map((f) => f.file).filter((f) => f.endsWith(".js")).sort(), ["server.js", "vaultshift-secrets.js"]);
});

test("a secret an Edge function or an Electron preload reads stays in .env with the reason (edge-runtime, browser-exposed); those files are not rewritten, the Node code's secrets move", async () => {
  const root = tree({
    ".env": `UPSTASH_TOKEN=CANARY_upstash_Gh7Jk2Lm9Qw4\nBUGSNAG_API_KEY=CANARY_bugsnag_Zx3Cv8Bn1Mq5\nDB_PASSWORD=${PW}\n`,
    "api/limit.js": `export const config = { runtime: "edge" };\nexport default () => new Response(process.env.UPSTASH_TOKEN);\n`,
    "main.js": `const { BrowserWindow } = require("electron");\nnew BrowserWindow({ webPreferences: { preload: require("path").join(__dirname, "preload.js") } });\nmodule.exports = process.env.DB_PASSWORD;\n`,
    "preload.js": `require("electron").contextBridge.exposeInMainWorld("k", process.env.BUGSNAG_API_KEY);\n`,
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "edge-runtime").map((w) => `${w.file}:${w.line}`), [".env:1"]);
  assert.match(p.warnings.find((w) => w.code === "edge-runtime")!.message, /api\/limit\.js:2, an Edge function .*vercel env add/);
  assert.deepEqual(p.warnings.filter((w) => w.code === "browser-exposed").map((w) => `${w.file}:${w.line}`), [".env:2"]);
  assert.match(p.warnings.find((w) => w.code === "browser-exposed")!.message, /Electron preload script/);
  assert.deepEqual(p.files.map((f) => f.file).filter((f) => f.endsWith(".js")).sort(), ["main.js", "vaultshift-secrets.js"]);
});

test("a name the base layer .env holds as a secret is migrated from a per-mode file that gives it a plain value too: the base's Vault value would otherwise replace it there", async () => {
  const root = tree({
    ".env": "REDIS_URL=redis://:CANARYr3d1sPw9Xk2Lm7@cache.internal:6379\nLOG_LEVEL=info\n", // vaultshift:allow
    ".env.development": "REDIS_URL=redis://localhost:6379\nLOG_LEVEL=debug\n",
    ".env.test": "LOG_LEVEL=warn\n",
    "index.js": "module.exports = [process.env.REDIS_URL, process.env.LOG_LEVEL];\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}:${s.environment}`).sort(), [".env.development:REDIS_URL:development", ".env:REDIS_URL:shared"]);
  assert.match(p.secrets.find((s) => s.source.file === ".env.development")!.reason, /base layer/);
  // Plain config stays where it is.
  assert.deepEqual(p.config.filter((c) => c.name === "LOG_LEVEL").map((c) => c.file).sort(), [".env", ".env.development", ".env.test"]);
});

test("a file inside the project that a .env *_FILE entry names (Docker secrets) is a secret left in plaintext: listed, kept, hidden; an absolute /run/secrets path and a config file are not", async () => {
  const root = tree({
    ".env": `SMTP_PASSWORD_FILE=./secrets/smtp_password.txt\nDB_PASSWORD_FILE=/run/secrets/db\nLOG_CONFIG_FILE=config/log.txt\nDB_PASSWORD=${PW}\n`,
    "secrets/smtp_password.txt": "CANARY_smtp_Vb6Nm1Qa8Zs3\n",
    "config/log.txt": "level=info\n",
    "index.js": "module.exports = [process.env.DB_PASSWORD, process.env.SMTP_PASSWORD_FILE];\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  const listed = p.warnings.filter((w) => w.code === "not-migrated");
  assert.deepEqual(listed.map((w) => `${w.file}:${w.line}`), ["secrets/smtp_password.txt:1"]);
  assert.match(listed[0]!.message, /named by SMTP_PASSWORD_FILE in \.env:1 \(Docker's \*_FILE convention/);
  assert.ok(!JSON.stringify(p).includes("CANARY_smtp"), "the file's value is in the plan");
});

test("a secret left in package.json (not migrated) is hidden in that file's diff, whose context lines show it next to the added dependency", async () => {
  const hook = "whsec_CANARYhook7Gd2Kq9Lm4Xz8Wp3";
  const root = tree({
    "package.json": `{\n  "name": "shop",\n  "config": {\n    "webhookSecret": "${hook}"\n  },\n  "dependencies": {\n    "dotenv": "^17.2.0"\n  }\n}\n`,
    ".env": `DB_PASSWORD=${PW}\n`,
    "index.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.warnings.filter((w) => w.code === "not-migrated").map((w) => `${w.file}:${w.line}`), ["package.json:4"]);
  const diff = p.files.find((f) => f.file === "package.json")!.diff;
  assert.match(diff, /"webhookSecret": "whse…\(\d+ chars\)"/);
  assert.ok(!JSON.stringify(p).includes(hook), "the package.json secret is in the plan");
});

test("a tsconfig paths entry mapping process to the project's own module: reads through the import are left and said, the global process is still rewritten", async () => {
  const root = tree({
    "tsconfig.json": '{"compilerOptions": {"paths": {"process": ["./src/process.ts"]}}}\n',
    ".env": `DB_PASSWORD=${PW}\n`,
    "src/process.ts": "export const env: Record<string, string> = { DB_PASSWORD: \"from-the-shim\" };\nexport default { env };\n",
    "src/db.ts": 'import proc from "process";\nexport const pw = proc.env.DB_PASSWORD;\n',
    "src/other.ts": "export const pw = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.warnings.filter((w) => w.code === "rewrite-skipped").map((w) => `${w.file}:${w.line}`), ["src/db.ts:2"]);
  assert.match(p.warnings.find((w) => w.code === "rewrite-skipped")!.message, /tsconfig\.json compilerOptions\.paths/);
  assert.deepEqual(p.files.map((f) => f.file).filter((f) => f.startsWith("src/")).sort(), ["src/other.ts", "src/vaultshift-secrets.ts"]);
});

test("a secret in package.json config (npm_package_config_*) stays, and the warning says how npm reads it and how to move it", async () => {
  const hook = "whsec_CANARYq8Wm3Zt6Yp1Lk4Nd7Bx";
  const root = tree({
    "package.json": `{\n  "name": "shop",\n  "config": {\n    "port": "8088",\n    "webhookSecret": "${hook}"\n  }\n}\n`,
    ".env": `DB_PASSWORD=${PW}\n`,
    "server.js": "module.exports = [process.env.DB_PASSWORD, process.env.npm_package_config_webhookSecret];\n",
  });
  const p = await plan({ root, env: {} });
  const w = p.warnings.filter((x) => x.code === "not-migrated");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`), ["package.json:5"]);
  assert.match(w[0]!.message, /package\.json "config" \(npm gives it to scripts as npm_package_config_webhookSecret\)/);
  assert.match(w[0]!.message, /put the new value in \.env as WEBHOOK_SECRET, read process\.env\.WEBHOOK_SECRET/);
  assert.ok(!JSON.stringify(p).includes(hook), "the value is in the plan");
});

test("a real-looking secret in a .env template or defaults file (not migrated) is named in the plan instead of left for verify's re-scan to find", async () => {
  const live = "sk_live_CANARYt4Lp8Xw2Qz6Nm1Rv5Ky9Hd"; // vaultshift:allow
  const smtp = "Qm7Xw2Lp9Zt4Kd8Bn3Vy6Hs1";
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\n`,
    ".env.example": `DB_PASSWORD=\nSTRIPE_SECRET_KEY=${live}\n`,
    ".env.defaults": `SMTP_PASSWORD=${smtp}\n`,
    "index.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  const w = p.warnings.filter((x) => x.code === "not-migrated");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`).sort(), [".env.defaults:1", ".env.example:2"]);
  assert.match(w.find((x) => x.file === ".env.example")!.message, /template or defaults file/);
  assert.match(w.find((x) => x.file === ".env.defaults")!.message, /defaults file that nothing in the project is seen to load \(no dotenv-defaults/);
  assert.ok(!JSON.stringify(p).includes(live) && !JSON.stringify(p).includes(smtp), "a template's value is in the plan");
});

test("a .env template holding a copy of a secret that moves (a template made by copying .env) is named; placeholders and config values copied are not", async () => {
  const jwt = "jwt-Xq7Lm2Zp9Wk4Rt8Vn3Hy6Bd1Sf5Gc0Qa";
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nJWT_SECRET=${jwt}\nPORT=3000\nLOG_LEVEL=debug\n`,
    ".env.example": `DB_PASSWORD=changeme\nJWT_SECRET=${jwt}\nPORT=3000\nLOG_LEVEL=debug\n`,
    "config/example.env": `SESSION_KEY=${PW}\n`,
    "index.js": "module.exports = [process.env.DB_PASSWORD, process.env.JWT_SECRET];\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name).sort(), ["DB_PASSWORD", "JWT_SECRET"]);
  const w = p.warnings.filter((x) => x.code === "not-migrated");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`).sort(), [".env.example:2", "config/example.env:1"]);
  assert.match(w.find((x) => x.file === ".env.example")!.message, /JWT_SECRET in \.env\.example, a template vaultshift does not migrate, holds the same value as JWT_SECRET \(\.env:2\), which moves to Vault/);
  assert.match(w.find((x) => x.file === "config/example.env")!.message, /SESSION_KEY in config\/example\.env,.* the same value as DB_PASSWORD \(\.env:1\)/);
  assert.ok(!JSON.stringify(p).includes(jwt) && !JSON.stringify(p).includes(PW), "a value is in the plan");
});

test("a .env.defaults that something loads into process.env is a source: its secrets move to the shared location, which a per-environment file's value overrides", async () => {
  const smtp = "Qm7Xw2Lp9Zt4Kd8Bn3Vy6Hs1";
  const other = "Zt4Kd8Bn3Vy6Hs1Qm7Xw2Lp9";
  // By a dependency (dotenv-defaults loads .env.defaults under .env), and by code naming the file.
  for (const files of [
    { "package.json": `{ "name": "shop", "dependencies": { "dotenv-defaults": "^5.0.2" } }\n`, "index.js": "require('dotenv-defaults').config();\nmodule.exports = [process.env.DB_PASSWORD, process.env.SMTP_PASSWORD];\n" },
    { "package.json": `{ "name": "shop" }\n`, "index.js": "for (const f of ['.env', '.env.defaults']) process.loadEnvFile(f);\nprocess.loadEnvFile(\".env.defaults\");\nmodule.exports = [process.env.DB_PASSWORD, process.env.SMTP_PASSWORD];\n" },
  ]) {
    const root = tree({ ...files, ".env": `DB_PASSWORD=${PW}\n`, ".env.production": `SMTP_PASSWORD=${other}\n`, ".env.defaults": `SMTP_HOST=localhost\nSMTP_PASSWORD=${smtp}\n` });
    const p = await plan({ root, env: {} });
    assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}:${s.environment}`).sort(), [".env.defaults:SMTP_PASSWORD:shared", ".env.production:SMTP_PASSWORD:production", ".env:DB_PASSWORD:development"]);
    assert.deepEqual(p.warnings.filter((x) => x.code === "not-migrated"), []);
    const module = p.files.find((f) => f.kind === "secrets-module");
    assert.ok(module, "no secrets module");
    const env = p.envFiles.find((e) => e.file === ".env.defaults")!;
    assert.deepEqual([env.environment, env.migratedKeys], ["shared", ["SMTP_PASSWORD"]]);
    assert.ok(!JSON.stringify(p).includes(smtp), "the value is in the plan");
  }
});

test("default.env, defaults.env, .env.default: a template or a source by evidence, as .env.defaults; dotenv-defaults itself loads only .env.defaults", async () => {
  const cookie = "Nb6Wq2Tz8Xd4Kv1HmLp3Rs7Y";
  const loader = (written: string) => `const path = require("node:path");\nrequire("dotenv").config({ path: path.join(__dirname, "config", \`\${process.env.NODE_ENV || "development"}.env\`) });\nrequire("dotenv").config({ path: path.resolve(__dirname, "config", "${written}"), quiet: true });\nmodule.exports = [process.env.DB_PASSWORD, process.env.COOKIE_SECRET];\n`;
  for (const name of ["default.env", "defaults.env", ".env.default"]) {
    // Loaded by the code under config/<mode>.env: a source, every environment's lowest layer.
    const loaded = tree({ "package.json": `{ "name": "shop" }\n`, "index.js": loader(name), "config/development.env": `DB_PASSWORD=${PW}\n`, [`config/${name}`]: `PORT=3000\nCOOKIE_SECRET=${cookie}\n` });
    const p = await plan({ root: loaded, env: {} });
    assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}:${s.environment}`).sort(), [`config/${name}:COOKIE_SECRET:shared`, "config/development.env:DB_PASSWORD:development"], name);
    assert.ok(!JSON.stringify(p).includes(cookie), `${name}: the value is in the plan`);
    // Named by nothing, with dotenv-defaults installed (which reads .env.defaults only): a template, named.
    const unloaded = tree({ "package.json": `{ "name": "shop", "dependencies": { "dotenv-defaults": "^5.0.2" } }\n`, "index.js": "require('dotenv-defaults').config();\nmodule.exports = process.env.DB_PASSWORD;\n", ".env": `DB_PASSWORD=${PW}\n`, [name]: `COOKIE_SECRET=${cookie}\n` });
    const q = await plan({ root: unloaded, env: {} });
    assert.deepEqual(q.secrets.map((s) => s.name), ["DB_PASSWORD"], name);
    assert.deepEqual(q.warnings.filter((x) => x.code === "not-migrated").map((x) => `${x.file}:${x.line}`), [`${name}:1`], name);
  }
});

test("a .env.defaults the code parses itself (util.parseEnv) is kept and named; one whose value a layered base .env overrides is kept and named", async () => {
  const smtp = "Qm7Xw2Lp9Zt4Kd8Bn3Vy6Hs1";
  const parsed = tree({
    ".env": `DB_PASSWORD=${PW}\n`,
    ".env.defaults": `SMTP_PASSWORD=${smtp}\n`,
    "env.js": "const { parseEnv } = require('node:util');\nconst fs = require('node:fs');\nmodule.exports = parseEnv(fs.readFileSync(require('node:path').join(__dirname, '.env.defaults'), 'utf8'));\n",
    "index.js": "module.exports = [process.env.DB_PASSWORD, require('./env').SMTP_PASSWORD];\n",
  });
  let p = await plan({ root: parsed, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  let w = p.warnings.filter((x) => x.code === "not-migrated");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`), [".env.defaults:1"]);
  assert.match(w[0]!.message, /which env\.js reads itself \(util\.parseEnv, dotenv\.parse/);
  assert.ok(!JSON.stringify(p).includes(smtp), "the value is in the plan");

  const layered = tree({
    "package.json": `{ "name": "shop", "dependencies": { "dotenv-flow": "^4.1.0" } }\n`,
    ".env": `DB_PASSWORD=${PW}\nSMTP_PASSWORD=${smtp.split("").reverse().join("")}\n`,
    ".env.defaults": `SMTP_PASSWORD=${smtp}\nAPI_SECRET=${smtp.slice(4)}Yp2Wq\n`,
    "index.js": "require('dotenv-flow').config();\nmodule.exports = [process.env.DB_PASSWORD, process.env.SMTP_PASSWORD, process.env.API_SECRET];\n",
  });
  p = await plan({ root: layered, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}`).sort(), [".env.defaults:API_SECRET", ".env:DB_PASSWORD", ".env:SMTP_PASSWORD"]);
  w = p.warnings.filter((x) => x.code === "not-migrated");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`), [".env.defaults:1"]);
  assert.match(w[0]!.message, /a name that \.env \(every environment's base\) also sets to another value/);
  assert.ok(!JSON.stringify(p).includes(smtp), "the value is in the plan");
});

test("browser code (DOM use) that passes the environment on whole is not rewritten and said so; a secret only the server reads moves", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\n`,
    "server.js": "module.exports = process.env.DB_PASSWORD;\n",
    "widget.js": "document.title = JSON.stringify({ ...process.env });\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["DB_PASSWORD"]);
  assert.deepEqual(p.files.filter((f) => f.kind === "code").map((f) => f.file), ["server.js"]);
  const w = p.warnings.filter((x) => x.code === "rewrite-skipped");
  assert.deepEqual(w.map((x) => x.file), ["widget.js"]);
  assert.match(w[0]!.message, /widget\.js is browser code \(it uses the DOM/);
});

test("direnv's .envrc: the file its dotenv lines load last wins (unlike dotenv in code): the earlier value is shadowed, or the plan stops when the winner is machine-local", async () => {
  const READ = `module.exports = process.env.DB_PASSWORD;\n`;
  // dotenv config/dev.env, then dotenv (.env): .env wins in the shell direnv sets up.
  const root = tree({ ".envrc": "dotenv config/dev.env\ndotenv\n", ".env": `DB_PASSWORD=${LATER}\n`, "config/dev.env": `DB_PASSWORD=${PW}\n`, "index.js": READ });
  const p = await plan({ root, env: {}, history: false });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}`), [".env:DB_PASSWORD"]);
  const shadowed = p.warnings.filter((w) => w.code === "shadowed");
  assert.deepEqual(shadowed.map((w) => `${w.file}:${w.line}`), ["config/dev.env:1"]);
  assert.match(shadowed[0]!.message, /\.envrc loads \.env after it, .* direnv's dotenv replaces a name already set/);
  assert.ok(!JSON.stringify(p).includes(PW), "the shadowed value is in the plan");
  // The other order: config/dev.env wins, .env's line is the shadowed one.
  const other = tree({ ".envrc": "dotenv_if_exists .env # base\ndotenv ./config/dev.env\n", ".env": `DB_PASSWORD=${LATER}\n`, "config/dev.env": `DB_PASSWORD=${PW}\n`, "index.js": READ });
  const q = await plan({ root: other, env: {}, history: false });
  assert.deepEqual(q.secrets.map((s) => `${s.source.file}:${s.name}`), ["config/dev.env:DB_PASSWORD"]);
  // .env.local loaded last is machine-local (*.local): it wins only where it exists, so the plan stops, saying how direnv orders them.
  const local = tree({ ".envrc": "dotenv\ndotenv_if_exists .env.local\n", ".env": `DB_PASSWORD=${LATER}\n`, ".env.local": `DB_PASSWORD=${PW}\n`, "index.js": READ });
  await assert.rejects(plan({ root: local, env: {}, history: false }), (e: unknown) => e instanceof PlanError && /DB_PASSWORD: \.envrc loads \.env\.local after \.env \(direnv: the last file wins\), and \.env\.local is named \*\.local/.test(e.message));
});

test("an Nx workspace: .env and .env.<target> serve every configuration, .<target>.<configuration>.env its configuration, the root's .local.env is named", async () => {
  const root = tree({
    "package.json": JSON.stringify({ name: "skerry", private: true, devDependencies: { nx: "19.8.4" } }),
    "nx.json": "{}\n",
    ".local.env": "TURBO_LIKE_TOKEN=CANARY_rootlocal_Vq7Lm2Xw9Kp4\n",
    "apps/worker/project.json": JSON.stringify({ targets: { consume: {} } }),
    "apps/worker/.env": `QUEUE_PASSWORD=${PW}\n`,
    "apps/worker/.env.consume": "SENDGRID_API_KEY=CANARY_consume_Hd3Ws8Zq6Nr1Lt\n",
    "apps/worker/.consume.staging.env": "QUEUE_PASSWORD=CANARY_staging_Jx5Kc2Vb9Mq4Yr\n",
    "apps/worker/.local.env": "MAPS_SECRET=CANARY_local_Pf8Tn3Wk6Zr2Lc\n",
    "apps/worker/.env.staging": "MAPS_SECRET=CANARY_stagemaps_Rb4Gz7Xn1Qs9Vd\n",
    "apps/worker/main.js": "module.exports = [process.env.QUEUE_PASSWORD, process.env.SENDGRID_API_KEY, process.env.MAPS_SECRET, process.env.TURBO_LIKE_TOKEN];\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`).sort(), [
    ".local.env:TURBO_LIKE_TOKEN@development",
    "apps/worker/.consume.staging.env:QUEUE_PASSWORD@staging",
    "apps/worker/.env.consume:SENDGRID_API_KEY@shared",
    "apps/worker/.env.staging:MAPS_SECRET@staging",
    "apps/worker/.env:QUEUE_PASSWORD@shared",
    "apps/worker/.local.env:MAPS_SECRET@development",
  ]);
  // The project's .local.env is covered under staging by staging's own file (Nx reads that one
  // first); the root's is read for every project's staging run, and staging has no value: named.
  const local = p.warnings.filter((w) => w.code === "local-override");
  assert.deepEqual(local.map((w) => `${w.file}:${w.line}`), [".local.env:1"]);
  assert.match(local[0]!.message, /also reads \.local\.env under staging/);
  // Without Nx, a .env.<word> file is that word's environment, as before.
  const plain = tree({ ".env": `QUEUE_PASSWORD=${PW}\n`, ".env.consume": "SENDGRID_API_KEY=CANARY_consume_Hd3Ws8Zq6Nr1Lt\n" });
  const q = await plan({ root: plain, env: {} });
  assert.deepEqual(q.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`).sort(), [".env.consume:SENDGRID_API_KEY@consume", ".env:QUEUE_PASSWORD@development"]);
});

test("names that differ only by case or punctuation are two variables: each keeps its own Vault key, in every environment", async () => {
  const root = tree({
    ".env": "smtp_password=CANARY_low_Xk9mP2vL8qR4nZ\nSMTP_PASSWORD=CANARY_up_Lp4Xs8Ne2Wq6Ry9\nsmtp.host=mail.local\n",
    ".env.production": "SMTP_PASSWORD=CANARY_prd_Zq8Lm3Vx7Kw2Np5\nsmtp-password=CANARY_dash_Vb7mQ2xL9pK4wZ\n",
    "index.js": 'module.exports = [process.env.smtp_password, process.env.SMTP_PASSWORD, process.env["smtp-password"]];\n',
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.environment}:${s.name}→${s.target.path.split("/").pop()}#${s.target.key}`).sort(), [
    "development:SMTP_PASSWORD→smtp#SMTP_PASSWORD",
    "development:smtp_password→smtp#smtp_password",
    "production:SMTP_PASSWORD→smtp#SMTP_PASSWORD",
    "production:smtp-password→smtp#smtp-password",
  ]);
  // One name alone keeps the lower-snake key, as before.
  const single = await plan({ root: tree({ ".env": "SMTP_PASSWORD=CANARY_up_Lp4Xs8Ne2Wq6Ry9\n" }), env: {} });
  assert.equal(single.secrets[0]!.target.key, "password");
});

test("a secret a server bundle's define inlines (esbuild platform node) moves, and the plan says the bundle no longer carries it; a browser bundle's stays browser-exposed", async () => {
  const root = tree({
    "srv/.env": `STRIPE_SECRET_KEY=${PW}\n`,
    "srv/build.mjs": 'import { build } from "esbuild";\nconst NAMES = ["STRIPE_SECRET_KEY"];\nawait build({ entryPoints: ["src/handler.js"], platform: "node", define: Object.fromEntries(NAMES.map((n) => [`process.env.${n}`, JSON.stringify(process.env[n])])) });\n',
    "srv/src/handler.js": "exports.handler = async () => process.env.STRIPE_SECRET_KEY.length;\n",
    "web/.env": `STRIPE_SECRET_KEY=${PW}\n`,
    "web/build.mjs": 'import { build } from "esbuild";\nconst NAMES = ["STRIPE_SECRET_KEY"];\nawait build({ entryPoints: ["src/app.js"], platform: "browser", define: Object.fromEntries(NAMES.map((n) => [`process.env.${n}`, JSON.stringify(process.env[n])])) });\n',
    "web/src/app.js": "export const k = process.env.STRIPE_SECRET_KEY;\n",
  });
  const server = await plan({ root: join(root, "srv"), env: {} });
  assert.deepEqual(server.secrets.map((s) => s.name), ["STRIPE_SECRET_KEY"]);
  const w = server.warnings.filter((x) => x.code === "build-inlined");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`), ["build.mjs:3"]);
  assert.match(w[0]!.message, /inlines process\.env\.STRIPE_SECRET_KEY into a bundle that runs in Node.*needs VAULT_ADDR and a token/);
  const browser = await plan({ root: join(root, "web"), env: {} });
  assert.deepEqual(browser.secrets, []);
  assert.deepEqual(browser.warnings.filter((x) => x.code === "browser-exposed").map((x) => x.file), [".env"]);
});

test("a password in a git-ignored config file (Ghost's config.production.json) is named in the plan as left behind, without its value", async () => {
  const root = tree({
    ".gitignore": "config.production.json\nnode_modules/\n",
    "config.production.json": `{\n  "database": { "connection": { "user": "ghost", "password": "${PW}" } }\n}\n`,
    ".env": `STRIPE_KEY=CANARY_only_Bn7Vc5Xz3Lk1Jh\n`,
    "index.js": `require("dotenv").config();\nmodule.exports = process.env.STRIPE_KEY;\n`,
  });
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "first");
  const p = await plan({ root, env: {}, history: false });
  const left = p.warnings.filter((w) => w.code === "not-migrated" && w.file === "config.production.json");
  assert.deepEqual(left.map((w) => w.line), [2]);
  assert.ok(!JSON.stringify(p).includes(PW), "the value is in the plan");
});

test("a loader picking .env.<word> by the command line or the npm script's name is refused before anything is written; by NODE_ENV it plans", async () => {
  const files = {
    "package.json": '{"name":"curlew"}\n',
    ".env.staging": `HUBSPOT_ACCESS_TOKEN=${PW}staging\n`,
    ".env.prod": `HUBSPOT_ACCESS_TOKEN=${PW}prod\n`,
    "src/token.js": "module.exports = process.env.HUBSPOT_ACCESS_TOKEN;\n",
  };
  const root = tree({ ...files, "src/env.js": "const target = process.argv[2] ?? process.env.npm_lifecycle_event;\nrequire('dotenv').config({ path: `.env.${target}` });\n" });
  await assert.rejects(plan({ root, env: {} }), (e: unknown) => {
    assert.ok(e instanceof PlanError);
    assert.match(e.message, /src\/env\.js:2 \(by process\.argv and npm_lifecycle_event\)/);
    assert.match(e.message, /one of \.env\.prod, \.env\.staging would read another environment's secrets/);
    assert.ok(!e.message.includes(PW));
    return true;
  });
  const byNodeEnv = tree({ ...files, "src/env.js": "require('dotenv').config({ path: `.env.${process.env.NODE_ENV}` });\n" });
  assert.deepEqual((await plan({ root: byNodeEnv, env: {} })).secrets.map((s) => s.environment).sort(), ["production", "staging"]);
});

test("a hard-coded secret in a comment of a config.js (a commented-out setting someone filled in) is listed as not moved, with that reason; the live one beside it moves", async () => {
  const OLD = "CANARY_old_Tq4Wz8Nc2Hv6Jm";
  const root = tree({
    "package.json": JSON.stringify({ name: "lounge", private: true }),
    "config.js":
      '"use strict";\nmodule.exports = {\n  // defaults: {\n  //   host: "irc.example.org",\n' +
      `  //   password: "${OLD}",\n  // },\n  /* ldap.rootPassword: "${OLD}x" */\n  ldap: {\n    rootPassword: "${PW}",\n    url: "http://x.test//y", // a // inside a string is no comment\n  },\n};\n`,
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.source.line}`), ["config.js:9"], "the live literal only");
  const notMoved = p.warnings.filter((w) => w.code === "not-migrated");
  assert.deepEqual(notMoved.map((w) => `${w.file}:${w.line}`).sort(), ["config.js:5", "config.js:7"]);
  for (const w of notMoved) assert.match(w.message, /in a comment of config\.js: no code reads it and no reference to Vault can stand in a comment, so nothing moves it/);
  const text = JSON.stringify(p);
  assert.ok(!text.includes(OLD) && !text.includes(PW), "a value in the plan");
});

test("a TypeScript project whose only env reader is JavaScript (create-t3-app's src/env.js, imported uncompiled by next.config.js) gets a JavaScript secrets module; a .ts file that reads process.env keeps it TypeScript", async () => {
  const files = {
    "package.json": JSON.stringify({ name: "t3", private: true, type: "module", dependencies: { next: "15.0.0", "@t3-oss/env-nextjs": "0.12.0" } }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { allowJs: true, checkJs: true, strict: true, module: "ESNext", paths: { "~/*": ["./src/*"] } } }),
    ".env": `DATABASE_URL="postgresql://postgres:${PW}@localhost:5432/t3"\nAUTH_SECRET="${PW}a"\n`,
    "next.config.js": 'import "./src/env.js";\nexport default { reactStrictMode: true };\n',
    "src/env.js": 'import { createEnv } from "@t3-oss/env-nextjs";\nexport const env = createEnv({ runtimeEnv: { DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET } });\n',
    "src/server/db/index.ts": 'import { env } from "~/env";\nexport const url: string = env.DATABASE_URL;\n',
    "drizzle.config.ts": 'import { env } from "~/env";\nexport default { dbCredentials: { url: env.DATABASE_URL } };\n',
  };
  const p = await plan({ root: tree(files), env: {} });
  assert.deepEqual([p.secretsModule?.file, p.secretsModule?.language, p.secretsModule?.moduleKind], ["src/vaultshift-secrets.js", "js", "esm"]);
  assert.deepEqual(p.files.filter((c) => c.kind === "code").map((c) => c.file), ["src/env.js"]);
  const q = await plan({ root: tree({ ...files, "src/server/db/index.ts": "export const url: string = process.env.DATABASE_URL!;\n" }), env: {} });
  assert.deepEqual([q.secretsModule?.file, q.secretsModule?.language], ["src/vaultshift-secrets.ts", "ts"], "a TypeScript reader imports the TypeScript module");
});

test("a second migration of a TypeScript project keeps its TypeScript secrets module when the only new reader is JavaScript: the .ts files importing it still do", async () => {
  const root = tree({
    "package.json": JSON.stringify({ name: "api", private: true }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "CommonJS", outDir: "dist", allowJs: true } }),
    ".env": `SEED_TOKEN=${PW}\n`,
    "src/vaultshift-secrets.ts": '// Generated by vaultshift for api\nexport const secrets: Record<string, string> = {};\n',
    "src/app.ts": 'import { secrets } from "./vaultshift-secrets";\nexport const pw = secrets.SEED_TOKEN ?? secrets.DB_PASSWORD;\n',
    "src/seed.js": "module.exports = process.env.SEED_TOKEN;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual([p.secretsModule?.file, p.secretsModule?.language], ["src/vaultshift-secrets.ts", "ts"]);
});
