import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PlanError, UsageError } from "../errors.js";
import { findPlanFile, mergeBindings, parseVarFlag, planBindings, selectedEnvironment } from "./bindings.js";
import { mergeEnvironment } from "./environment.js";
import { testPlan } from "./test-plan.js";

const shown = (s: { bindings: { name: string; path: string; key: string }[] }) => s.bindings.map((b) => `${b.name}=${b.path}#${b.key}`);

test("a plan's bindings for the environment asked, as the secrets module chooses them", () => {
  const plan = testPlan("shop", [
    { name: "DB_PASSWORD", environments: { development: "shop/development/database", production: "shop/production/database" } },
    { name: "STRIPE_KEY", environments: { production: "shop/production/stripe" } },
  ]);
  assert.deepEqual(shown(planBindings(plan, "production", "p.json")), ["DB_PASSWORD=shop/production/database#DB_PASSWORD", "STRIPE_KEY=shop/production/stripe#STRIPE_KEY"]);
  // A name not migrated for development is not set there (the app read process.env for it, as before).
  assert.deepEqual(shown(planBindings(plan, "development", "p.json")), ["DB_PASSWORD=shop/development/database#DB_PASSWORD"]);
  // An environment nobody migrated is refused, naming the known ones and how to choose.
  assert.throws(
    () => planBindings(plan, "staging", "p.json"),
    (e: unknown) => e instanceof UsageError && /"staging"/.test(e.message) && /development, production/.test(e.message) && /--env/.test(e.hint ?? ""),
  );
});

test("a layered base .env serves every environment under its own files; plain .env files serve any environment", () => {
  const layered = testPlan("api", [
    { name: "SESSION_SECRET", environments: { shared: "api/shared/app" } },
    { name: "DB_URL", environments: { shared: "api/shared/database", production: "api/production/database" } },
  ]);
  assert.deepEqual(shown(planBindings(layered, "production", "p")), ["DB_URL=api/production/database#DB_URL", "SESSION_SECRET=api/shared/app#SESSION_SECRET"]);
  assert.deepEqual(shown(planBindings(layered, "staging", "p")), ["DB_URL=api/shared/database#DB_URL", "SESSION_SECRET=api/shared/app#SESSION_SECRET"]);
  // Only a plain .env (loaded whatever NODE_ENV says): its environment serves production too.
  const plain = testPlan("cli", [{ name: "API_TOKEN", environments: { development: "cli/development/app" } }], [{ file: ".env", keys: ["API_TOKEN"], migratedKeys: ["API_TOKEN"], environment: "development" }]);
  const s = planBindings(plain, "production", "p");
  assert.equal(s.serving, "development");
  assert.deepEqual(shown(s), ["API_TOKEN=cli/development/app#API_TOKEN"]);
});

test("a plan whose loader chose .env.${APP_ENV}: that variable selects the environment (its fallback when unset), VAULTSHIFT_ENV wins", () => {
  const sel = (value: string) => ({ variable: "APP_ENV", fallback: "local", value });
  const plan = testPlan("portal", [{ name: "STRIPE_KEY", environments: { development: "portal/development/stripe", staging: "portal/staging/stripe", production: "portal/production/stripe" } }], [
    { file: ".env.local", keys: ["STRIPE_KEY"], migratedKeys: ["STRIPE_KEY"], environment: "development", selector: sel("local") },
    { file: ".env.staging", keys: ["STRIPE_KEY"], migratedKeys: ["STRIPE_KEY"], environment: "staging", selector: sel("staging") },
  ]);
  assert.equal(selectedEnvironment(plan, { NODE_ENV: "production", APP_ENV: "staging" }), "staging");
  assert.equal(selectedEnvironment(plan, { NODE_ENV: "production" }), "development");
  assert.equal(selectedEnvironment(plan, { APP_ENV: "staging", VAULTSHIFT_ENV: "production" }), undefined);
  assert.deepEqual(shown(planBindings(plan, selectedEnvironment(plan, { NODE_ENV: "production", APP_ENV: "staging" })!, "p")), ["STRIPE_KEY=portal/staging/stripe#STRIPE_KEY"]);
  // A plan without a selector leaves the choice to VAULTSHIFT_ENV / NODE_ENV.
  assert.equal(selectedEnvironment(testPlan("x", [{ name: "A_KEY", environments: { development: "x/development/app" } }]), { APP_ENV: "staging" }), undefined);
});

test("hard-coded literals were never environment variables: not set; a plan of literals only says so", () => {
  const plan = testPlan("web", [
    { name: "DB_PASSWORD", environments: { development: "web/development/database" } },
    { name: "SENDGRID_KEY", environments: { shared: "web/shared/app" }, literal: true },
  ]);
  assert.deepEqual(shown(planBindings(plan, "development", "p")), ["DB_PASSWORD=web/development/database#DB_PASSWORD"]);
  const literalsOnly = testPlan("web", [{ name: "SENDGRID_KEY", environments: { shared: "web/shared/app" }, literal: true }]);
  assert.throws(() => planBindings(literalsOnly, "development", "p"), (e: unknown) => e instanceof PlanError && /literals/.test(e.message) && /--var/.test(e.hint ?? ""));
});

test("--var NAME=PATH#KEY, the key defaulting to NAME; malformed ones are usage errors", () => {
  assert.deepEqual(parseVarFlag("DB_PASSWORD=secret/shop/prod/db#password", undefined), { name: "DB_PASSWORD", path: "secret/shop/prod/db", key: "password" });
  assert.deepEqual(parseVarFlag("API_KEY=/shop/app/", "kv"), { name: "API_KEY", path: "shop/app", key: "API_KEY", mount: "kv" });
  // A # inside a key name is the last one's business: the field is what follows the last #.
  assert.equal(parseVarFlag("X=secret/a#b#c", undefined).key, "c");
  for (const bad of ["secret/app#key", "=secret/app#k", "1X=secret/app", "X=", "X=#key", "X=secret/app#", "MY-NAME=secret/app"]) {
    assert.throws(() => parseVarFlag(bad, undefined), UsageError, bad);
  }
});

test("flags replace the plan's binding of the same name", () => {
  const merged = mergeBindings([{ name: "A", path: "p/a", key: "A" }, { name: "B", path: "p/b", key: "B" }], [{ name: "A", path: "other", key: "k" }]);
  assert.deepEqual(merged.map((b) => `${b.name}:${b.path}#${b.key}`).sort(), ["A:other#k", "B:p/b#B"]);
});

test("precedence: a variable already set wins by default and is named; override makes Vault win", () => {
  const values = new Map([["DB_URL", "from-vault"], ["TOKEN", "vault-token-value"]]);
  const kept = mergeEnvironment({ DB_URL: "from-shell", PATH: "/bin" }, values, false);
  assert.deepEqual([kept.env.DB_URL, kept.env.TOKEN, kept.env.PATH, kept.kept], ["from-shell", "vault-token-value", "/bin", ["DB_URL"]]);
  const over = mergeEnvironment({ DB_URL: "from-shell" }, values, true);
  assert.deepEqual([over.env.DB_URL, over.kept], ["from-vault", []]);
  // An empty value is set, as dotenv counts it: it wins too.
  assert.deepEqual(mergeEnvironment({ DB_URL: "" }, values, false).kept, ["DB_URL"]);
});

test("the plan file is found in the directory or a parent, not above the repository root", () => {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-run-find-"));
  try {
    const repo = join(dir, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "packages", "e2e"), { recursive: true });
    assert.equal(findPlanFile(join(repo, "packages", "e2e")), undefined);
    // One above the repository is someone else's.
    writeFileSync(join(dir, "vaultshift.plan.json"), "{}");
    assert.equal(findPlanFile(join(repo, "packages", "e2e")), undefined);
    writeFileSync(join(repo, "vaultshift.plan.json"), "{}");
    assert.equal(findPlanFile(join(repo, "packages", "e2e")), join(repo, "vaultshift.plan.json"));
    writeFileSync(join(repo, "packages", "e2e", "vaultshift.plan.json"), "{}");
    assert.equal(findPlanFile(join(repo, "packages", "e2e")), join(repo, "packages", "e2e", "vaultshift.plan.json"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
