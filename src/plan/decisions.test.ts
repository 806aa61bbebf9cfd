import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { plan } from "./planner.js";
import { decisionFor, targetProblem, withDecision, type Decisions } from "./decisions.js";
import { tempDir, writeTree } from "../migrate/testing.js";
import { PlanError, ConfigError } from "../errors.js";
import { validateConfig } from "../config/schema.js";
import { loadConfig } from "../config/load.js";
import { saveDecisions } from "../config/save.js";
import type { Plan } from "./types.js";

const tmp = tempDir("decisions");
after(() => tmp.remove());

const PW = "CANARY_pw_Xk9mP2vL8qR4nZ7w";
const PROD_PW = "CANARY_prod_Rt5Yu8Io2Pq9Zx";
const API = "CANARY_api_Hd3Jk6Lz9Qw2Er5Ty";
const CANARIES = [PW, PROD_PW, API];

function app(extra: Record<string, string> = {}): string {
  return writeTree(tmp.dir, {
    "package.json": '{"name":"shop","type":"module"}\n',
    ".env": `DB_PASSWORD=${PW}\nPAYMENT_API_KEY=${API}\nAPP_REGION=eu-west-1\nLOG_LEVEL=debug\n`,
    ".env.production": `DB_PASSWORD=${PROD_PW}\nAPP_REGION=us-east-1\n`,
    "index.js": "export const c = [process.env.DB_PASSWORD, process.env.PAYMENT_API_KEY, process.env.APP_REGION, process.env.LOG_LEVEL];\n",
    ...extra,
  });
}

function noCanary(text: string): void {
  for (const c of CANARIES) assert.ok(!text.includes(c) && !text.includes(c.slice(7, 19)), "a value leaked");
}

const loc = (p: Plan) => Object.fromEntries(p.secrets.map((s) => [`${s.name}@${s.environment}`, `${s.target.path}#${s.target.key}`]));

test("a decision is matched by name, narrowed by file and environment; the narrowest wins per field", () => {
  const ds: Decisions = [
    { name: "A", action: "migrate", key: "k" },
    { name: "A", file: ".env.production", action: "keep" },
    { name: "A", environment: "staging", path: "x/{environment}" },
  ];
  assert.deepEqual(decisionFor(ds, { name: "A", file: ".env", environment: "development" }), { name: "A", action: "migrate", key: "k" });
  assert.deepEqual(decisionFor(ds, { name: "A", file: ".env.production", environment: "production" }), { name: "A", action: "keep", key: "k" });
  assert.deepEqual(decisionFor(ds, { name: "A", file: ".env.staging", environment: "staging" }), { name: "A", action: "migrate", key: "k", path: "x/{environment}" });
  assert.equal(decisionFor(ds, { name: "B", file: ".env", environment: "development" }), undefined);
});

test("withDecision replaces the decision of the same scope, merges its fields, and drops one left empty (undo)", () => {
  let ds = withDecision([], { name: "A", action: "keep" });
  ds = withDecision(ds, { name: "B", path: "p", key: "k" });
  ds = withDecision(ds, { name: "A", action: "migrate", key: "x" });
  assert.deepEqual(ds, [{ name: "A", action: "migrate", key: "x" }, { name: "B", path: "p", key: "k" }]);
  ds = withDecision(ds, { name: "A", action: undefined, key: undefined });
  ds = withDecision(ds, { name: "B", file: ".env", action: "keep" });
  assert.deepEqual(ds, [{ name: "B", path: "p", key: "k" }, { name: "B", file: ".env", action: "keep" }]);
});

test("targetProblem refuses what Vault or the secrets module cannot take, and says why", () => {
  assert.equal(targetProblem({ path: "shop/{environment}/db", key: "pass_word-1.x" }), undefined);
  assert.match(targetProblem({ path: "/shop" })!, /start or end with \//);
  assert.match(targetProblem({ path: "data/shop" })!, /leave out data\//);
  assert.match(targetProblem({ path: "shop//db" })!, /empty segment/);
  assert.match(targetProblem({ path: "shop/../db" })!, /"\.\." is not allowed/);
  assert.match(targetProblem({ path: "shop/{env}" })!, /unknown placeholder \{env\}/);
  assert.match(targetProblem({ path: "shop/a b" })!, /"a b" may hold only/);
  assert.match(targetProblem({ key: "" })!, /key is empty/);
  assert.match(targetProblem({ key: "a/b" })!, /key "a\/b" may hold only/);
});

test("config: migrate.decisions problems are reported with their JSON paths", () => {
  assert.deepEqual(validateConfig({ migrate: { templates: { env: "{app}" }, decisions: [{ name: "A", action: "keep" }, { name: "B", file: ".env", path: "x/{group}", key: "k" }] } }), []);
  const problems = validateConfig({
    migrate: {
      decisions: [
        { name: "A", action: "drop" },
        { action: "keep" },
        { name: "B" },
        { name: "C", action: "keep", key: "k" },
        { name: "D", path: "data/x" },
        { name: "E", key: "a b", colour: "red" },
        "F",
        { name: "A", action: "migrate" },
      ],
    },
  });
  const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
  assert.match(byPath["migrate.decisions[0].action"]!, /expected "keep" or "migrate", got "drop"/);
  assert.match(byPath["migrate.decisions[1].name"]!, /missing/);
  assert.match(byPath["migrate.decisions[2]"]!, /decides nothing/);
  assert.match(byPath["migrate.decisions[3]"]!, /do not go with "action": "keep"/);
  assert.match(byPath["migrate.decisions[4].path"]!, /leave out data\//);
  assert.match(byPath["migrate.decisions[5].key"]!, /may hold only/);
  assert.match(byPath["migrate.decisions[5].colour"]!, /unknown key/);
  assert.match(byPath["migrate.decisions[6]"]!, /expected an object, got a string/);
  assert.match(byPath["migrate.decisions[7]"]!, /same name, file and environment as migrate\.decisions\[0\]/);
  assert.deepEqual(validateConfig({ migrate: { decisions: { A: "keep" } } }).map((p) => p.path), ["migrate.decisions"]);
});

test("keep: a secret the user keeps stays in its file, listed as config kept by the user, its value hidden everywhere", async () => {
  const root = app();
  const before = await plan({ root, env: {}, history: false });
  assert.ok(before.secrets.some((s) => s.name === "DB_PASSWORD" && s.environment === "development"));
  const p = await plan({ root, env: {}, history: false, decisions: [{ name: "DB_PASSWORD", file: ".env", action: "keep" }] });
  assert.deepEqual(Object.keys(loc(p)).sort(), ["DB_PASSWORD@production", "PAYMENT_API_KEY@development"]);
  const kept = p.config.find((c) => c.name === "DB_PASSWORD" && c.file === ".env")!;
  assert.equal(kept.decidedByUser, true);
  assert.equal(kept.verdict, "config");
  assert.match(kept.reason, /^kept by the user \(decided by the user; vaultshift judged it a secret: /);
  const w = p.warnings.find((x) => x.code === "kept-by-user")!;
  assert.equal(w.file, ".env");
  assert.equal(w.line, 1);
  // The .env keeps the line: its diff removes only the migrated key, and never shows the kept value.
  const env = p.files.find((f) => f.file === ".env")!;
  assert.match(env.diff, /^-PAYMENT_API_KEY=/m);
  assert.doesNotMatch(env.diff, /^-DB_PASSWORD/m);
  assert.deepEqual(p.envFiles.find((e) => e.file === ".env")!.migratedKeys, ["PAYMENT_API_KEY"]);
  noCanary(JSON.stringify(p));
});

test("migrate: a config value the user calls a secret moves, per environment, its reason saying who decided", async () => {
  const root = app();
  const p = await plan({ root, env: {}, history: false, decisions: [{ name: "APP_REGION", action: "migrate" }] });
  const region = p.secrets.filter((s) => s.name === "APP_REGION");
  assert.deepEqual(region.map((s) => s.environment).sort(), ["development", "production"]);
  for (const s of region) {
    assert.equal(s.decidedByUser, true);
    assert.equal(s.kind, "generic-secret");
    assert.match(s.reason, /^migrated as a secret: decided by the user \(vaultshift judged it config: /);
  }
  assert.ok(!p.config.some((c) => c.name === "APP_REGION"));
  assert.ok(p.bindings.some((b) => b.envName === "APP_REGION"));
  assert.match(p.files.find((f) => f.file === ".env")!.diff, /^-APP_REGION=/m);
  // A narrower keep wins over the name-wide migrate.
  const q = await plan({ root, env: {}, history: false, decisions: [{ name: "APP_REGION", action: "migrate" }, { name: "APP_REGION", environment: "production", action: "keep" }] });
  assert.deepEqual(q.secrets.filter((s) => s.name === "APP_REGION").map((s) => s.environment), ["development"]);
  assert.match(q.config.find((c) => c.name === "APP_REGION" && c.file === ".env.production")!.reason, /kept by the user/);
});

test("target: the user's path (placeholders filled) and key replace the mapped ones, in secrets, targets, bindings and policy", async () => {
  const root = app();
  const p = await plan({ root, env: {}, history: false, decisions: [{ name: "DB_PASSWORD", path: "{app}/db/{environment}", key: "pw" }, { name: "PAYMENT_API_KEY", key: "stripe" }] });
  const l = loc(p);
  assert.equal(l["DB_PASSWORD@development"], "shop/db/development#pw");
  assert.equal(l["DB_PASSWORD@production"], "shop/db/production#pw");
  assert.match(l["PAYMENT_API_KEY@development"]!, /#stripe$/);
  const db = p.secrets.find((s) => s.name === "DB_PASSWORD")!;
  assert.equal(db.decidedByUser, true);
  assert.match(db.reason, /; target decided by the user$/);
  const binding = p.bindings.find((b) => b.envName === "DB_PASSWORD")!;
  assert.equal(binding.path, "shop/db/{environment}");
  assert.equal(binding.key, "pw");
  assert.deepEqual(binding.environments, { development: { path: "shop/db/development" }, production: { path: "shop/db/production" } });
  assert.ok(p.targets.some((t) => t.path === "shop/db/production" && Object.keys(t.keys).join() === "pw"));
  assert.match(p.policy.hcl, /secret\/data\/shop\/db\/production/);
  noCanary(JSON.stringify(p));
});

test("target: a location the user's target shares with another value is refused with the collision message", async () => {
  const root = app();
  const pwLoc = loc(await plan({ root, env: {}, history: false }))["DB_PASSWORD@development"]!;
  const [path, key] = pwLoc.split("#") as [string, string];
  await assert.rejects(plan({ root, env: {}, history: false, decisions: [{ name: "PAYMENT_API_KEY", path, key }] }), (e: unknown) => {
    const m = `${(e as Error).message} ${(e as PlanError).hint}`;
    assert.ok(e instanceof PlanError);
    assert.match(m, /1 Vault location would receive two different values/);
    assert.match(m, new RegExp(`secret/${path} key "${key}"`));
    assert.match(m, /\.env:2 PAYMENT_API_KEY \(target decided by the user\)/);
    noCanary(m);
    return true;
  });
  // A path without {environment} puts production's and development's different values in one place.
  await assert.rejects(plan({ root, env: {}, history: false, decisions: [{ name: "DB_PASSWORD", path: "shop/db" }] }), /two different values/);
});

test("target: a key decided for one environment only is refused (the app reads one key per name)", async () => {
  const root = app();
  await assert.rejects(plan({ root, env: {}, history: false, decisions: [{ name: "DB_PASSWORD", environment: "production", key: "pw" }] }), (e: unknown) => {
    assert.ok(e instanceof PlanError);
    assert.match(e.message, /DB_PASSWORD would be stored under two keys: "password" for \.env:1 DB_PASSWORD and "pw" for \.env\.production:1 DB_PASSWORD/);
    assert.match(e.hint!, /without "file" and "environment"/);
    return true;
  });
  // Scoping the path alone is fine.
  const p = await plan({ root, env: {}, history: false, decisions: [{ name: "DB_PASSWORD", environment: "production", path: "prod/db" }] });
  assert.equal(loc(p)["DB_PASSWORD@production"], "prod/db#password");
});

test("a hard-coded secret can be kept (it stays in the code, listed) or given a key", async () => {
  const literal = `const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q";\nexport default stripeKey;\n`; // vaultshift:allow
  const root = app({ "pay.js": literal });
  const base = await plan({ root, env: {}, history: false });
  const s = base.secrets.find((x) => x.source.type === "literal")!;
  assert.ok(s, "the literal is planned");
  const kept = await plan({ root, env: {}, history: false, decisions: [{ name: s.name, action: "keep" }] });
  assert.ok(!kept.secrets.some((x) => x.source.type === "literal"));
  assert.ok(!kept.files.some((f) => f.file === "pay.js"));
  assert.match(kept.config.find((c) => c.file === "pay.js")!.reason, /kept by the user .*stays in the code/);
  assert.ok(!JSON.stringify(kept).includes("4eC39HqLyjWDarjtT1zdp7dc9Q"));
  const keyed = await plan({ root, env: {}, history: false, decisions: [{ name: s.name, key: "stripe_live" }] });
  assert.equal(keyed.literals.find((l) => l.file === "pay.js")!.key, "stripe_live");
});

test("keep on an entry that refers to a moved secret (${DB_PASSWORD}) keeps it in its file, expanded or not", async () => {
  const root = app({ ".env.local": "", ".env": `DB_PASSWORD=${PW}\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app\n` });
  const moved = await plan({ root, env: {}, history: false });
  assert.ok(moved.secrets.some((s) => s.name === "DATABASE_URL"), "without a decision the referring entry moves with the secret");
  const kept = await plan({ root, env: {}, history: false, decisions: [{ name: "DATABASE_URL", action: "keep" }] });
  assert.ok(!kept.secrets.some((s) => s.name === "DATABASE_URL"));
  assert.match(kept.config.find((c) => c.name === "DATABASE_URL")!.reason, /kept by the user \(decided by the user\)$/);
  assert.doesNotMatch(kept.files.find((f) => f.file === ".env")!.diff, /^-DATABASE_URL/m);
  // The same in a layered project (Next.js loads .env under every environment, .env.production over it).
  const layered = app({ "package.json": '{"name":"shop","dependencies":{"next":"15.0.0"}}\n', ".env": `DB_PASSWORD=${PW}\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app\n` });
  const base = await plan({ root: layered, env: {}, history: false });
  assert.ok(base.secrets.some((s) => s.name === "DATABASE_URL"));
  const keptLayered = await plan({ root: layered, env: {}, history: false, decisions: [{ name: "DATABASE_URL", action: "keep" }] });
  assert.deepEqual(keptLayered.secrets.filter((s) => s.name === "DATABASE_URL"), []);
});

test("a bad target in the config stops the plan, naming the decision", async () => {
  const root = app({ "vaultshift.config.json": JSON.stringify({ migrate: { decisions: [{ name: "DB_PASSWORD", path: "a//b" }] } }) });
  await assert.rejects(plan({ root, env: {}, history: false }), (e: unknown) => e instanceof ConfigError && /migrate\.decisions\[0\]\.path: the path has an empty segment/.test(e.message));
});

/** A plan without what changes on every run (random salt, the fingerprints and ids made with it, the time). */
function comparable(p: Plan): unknown {
  const { id: _id, createdAt: _c, salt: _s, ...rest } = p;
  return JSON.parse(JSON.stringify(rest, (k, v) => (k === "fingerprint" ? undefined : k === "keys" && typeof v === "object" ? Object.keys(v).sort() : v)));
}

test("decisions saved to the config give the plan the session showed, and the rest of the config file is byte-identical", async () => {
  const config = '{\n    "app": "shop",\n    "migrate": {\n        "templates": { "env": "{app}/{environment}/{group}" }\n    },\n    "exclude": ["fixtures"]\n}\n';
  const root = app({ "vaultshift.config.json": config });
  chmodSync(join(root, "vaultshift.config.json"), 0o640);
  const decisions: Decisions = [
    { name: "DB_PASSWORD", file: ".env.production", action: "keep" },
    { name: "APP_REGION", action: "migrate", path: "{app}/region/{environment}" },
    { name: "PAYMENT_API_KEY", key: "stripe" },
  ];
  const shown = await plan({ root, env: {}, history: false, decisions });
  const file = saveDecisions(root, decisions);
  assert.equal(file, join(root, "vaultshift.config.json"));
  const text = readFileSync(file, "utf8");
  assert.equal(statSync(file).mode & 0o777, 0o640);
  // Inserted as the last member of "migrate", in the file's own indentation; nothing else moved.
  assert.equal(
    text,
    '{\n    "app": "shop",\n    "migrate": {\n        "templates": { "env": "{app}/{environment}/{group}" },\n        "decisions": [\n' +
      '            { "name": "DB_PASSWORD", "file": ".env.production", "action": "keep" },\n' +
      '            { "name": "APP_REGION", "action": "migrate", "path": "{app}/region/{environment}" },\n' +
      '            { "name": "PAYMENT_API_KEY", "key": "stripe" }\n        ]\n    },\n    "exclude": ["fixtures"]\n}\n',
  );
  assert.deepEqual(loadConfig(root).config.migrate?.decisions, decisions);
  const later = await plan({ root, env: {}, history: false });
  assert.deepEqual(comparable(later), comparable(shown));
  // Saving again replaces the array only; an empty list stays an empty array.
  saveDecisions(root, []);
  assert.equal(readFileSync(file, "utf8"), text.replace(/"decisions": \[[\s\S]*?\n {8}\]/, '"decisions": []'));
  const none = await plan({ root, env: {}, history: false });
  assert.deepEqual(comparable(none), comparable(await plan({ root, env: {}, history: false, decisions: [] })));
});

test("saveDecisions creates vaultshift.config.json when there is none, and writes into package.json's vaultshift key", () => {
  const bare = writeTree(tmp.dir, { "package.json": '{"name":"x"}\n' });
  // package.json without a "vaultshift" key is not a config: a new file is made.
  assert.equal(saveDecisions(bare, [{ name: "A", action: "keep" }]), join(bare, "vaultshift.config.json"));
  assert.equal(readFileSync(join(bare, "vaultshift.config.json"), "utf8"), '{\n  "migrate": {\n    "decisions": [\n      { "name": "A", "action": "keep" }\n    ]\n  }\n}\n');
  assert.equal(readFileSync(join(bare, "package.json"), "utf8"), '{"name":"x"}\n');
  const pkg = writeTree(tmp.dir, { "package.json": '{\n  "name": "x",\n  "vaultshift": {}\n}\n' });
  saveDecisions(pkg, [{ name: "B", action: "migrate" }]);
  assert.equal(readFileSync(join(pkg, "package.json"), "utf8"), '{\n  "name": "x",\n  "vaultshift": {\n    "migrate": {\n      "decisions": [\n        { "name": "B", "action": "migrate" }\n      ]\n    }\n  }\n}\n');
  assert.deepEqual(loadConfig(pkg).config, { migrate: { decisions: [{ name: "B", action: "migrate" }] } });
  // A one-line config gets the key before its closing brace, the rest untouched.
  const odd = writeTree(tmp.dir, { "vaultshift.config.json": '{"app":"a"}' });
  assert.equal(saveDecisions(odd, []), join(odd, "vaultshift.config.json"));
  assert.equal(readFileSync(join(odd, "vaultshift.config.json"), "utf8"), '{"app":"a",\n  "migrate": {\n    "decisions": []\n  }}');
});
