import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { runCli } from "../cli/main.js";
import { PACKAGE_ROOT } from "../demo/demo.js";
import { runApp, type AppRun } from "../demo/app-runner.js";
import { launches, runLaunched, type Launch } from "./launch.js";
import type { DevServer } from "../devserver/index.js";
import { migrate, rollback } from "../migrate/index.js";
import { fileDevServer } from "../migrate/testing.js";
import type { MigrateOptions, MigrateResult } from "../plan/types.js";

// End-to-end proof on a fixture app: its settings digest is the same before
// and after the migration in every environment, `scan` finds nothing
// afterwards, no planted value is anywhere it should not be, and rollback
// restores every file byte for byte. Each app is copied to a temp dir with
// only `vaultshift` (and, for TypeScript, the compiler) in node_modules.

export interface FixtureApp {
  fixture: string;
  app: string;
  environments: string[];
  /** Script printing `digest sha256:…`, relative to the app root (after build). */
  entry: string;
  /** Packages symlinked from this repository's node_modules besides vaultshift. */
  links?: string[];
  /** Build step (TypeScript), run before each set of runs. */
  build?: (root: string) => void;
  /**
   * What git and the copy cannot carry (symlinks, file modes, git-ignored
   * build output), set up once after the copy; the planted values are
   * collected before it runs, so files it moves out of the app still count.
   */
  prepare?: (root: string) => void;
  /**
   * After the migration, start the app under `vaultshift run --` (which sets the plan's variables
   * from Vault): an app whose config loader reads the environment, and no code vaultshift rewrote.
   */
  underRun?: boolean;
  /**
   * Also start the app as its launcher does (`npm run <script>`, a Procfile line through sh), from
   * the harness rather than the app's digest script (which the migration may rewrite), and compare
   * that output before and after: src/e2e/launch.ts.
   */
  launch?: Launch;
}

export interface E2eRun {
  root: string;
  base: string;
  stateDir: string;
  original: Map<string, Buffer>;
  planted: string[];
  before: AppRun[];
  after: AppRun[];
  /** The launcher's runs (FixtureApp.launch), before and after; empty when the app does not opt in. */
  launchedBefore: AppRun[];
  launchedAfter: AppRun[];
  result: MigrateResult;
  log: string;
  token: string;
}

const SKIP = new Set(["node_modules", "dist", ".git"]);

/** Every file of the app (relative path → bytes), without node_modules, build output and .git. */
export function tree(root: string, skipReports = false): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIP.has(name)) continue;
      const full = join(dir, name);
      const rel = relative(root, full);
      if (skipReports && (rel === "reports" || rel === "vaultshift.plan.json")) continue;
      if (lstatSync(full).isDirectory()) walk(full);
      else out.set(rel, readFileSync(full));
    }
  };
  walk(root);
  return out;
}

export function textOf(files: Map<string, Buffer>): string {
  return [...files.values()].map((b) => b.toString("utf8")).join("\n");
}

/**
 * The values planted in the fixture: every CANARY token, and the pieces
 * between URL separators. Under test folders the scanner rightly reads the
 * word "canary" as test data (src/scan/placeholder-filter.ts), so values
 * planted there are marked C4N4RY instead.
 */
export function plantedValues(root: string): string[] {
  const found = new Set<string>();
  for (const m of textOf(tree(root)).matchAll(/[A-Za-z0-9_:/@.+-]*(?:CANARY|C4N4RY)[A-Za-z0-9_]*/g)) {
    found.add(m[0]);
    for (const part of m[0].split(/[:/@.]/)) if (/CANARY|C4N4RY/.test(part)) found.add(part);
  }
  return [...found];
}

export function typescriptBuild(root: string): void {
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", root], { cwd: root, stdio: "pipe", timeout: 120_000 });
}

async function appToken(server: DevServer, policy: string): Promise<string> {
  const res = await fetch(`${server.address}/v1/auth/token/create`, {
    method: "POST",
    headers: { "X-Vault-Token": server.rootToken, "Content-Type": "application/json" },
    body: JSON.stringify({ policies: [policy], no_default_policy: true, ttl: "10m" }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await res.json()) as { auth: { client_token: string } };
  assert.equal(res.status, 200);
  return body.auth.client_token;
}

export function tempBase(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `vaultshift-e2e-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What runs the migration of a fixture copy: `migrate()` by default; the interactive session's tests drive it through the UI. */
export type MigrateWith = (options: MigrateOptions) => Promise<MigrateResult>;

export async function migrateFixture(server: DevServer, app: FixtureApp, base: string, migrateWith: MigrateWith = migrate): Promise<E2eRun> {
  const root = join(base, app.app);
  cpSync(join(PACKAGE_ROOT, "fixtures", app.fixture), root, { recursive: true });
  for (const pkg of ["vaultshift", ...(app.links ?? [])]) {
    const link = join(root, "node_modules", pkg);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(pkg === "vaultshift" ? PACKAGE_ROOT : join(PACKAGE_ROOT, "node_modules", pkg), link, "dir");
  }
  // As npm links an installed package's `bin`: scripts that apply runs under `vaultshift run` find it.
  mkdirSync(join(root, "node_modules", ".bin"), { recursive: true });
  symlinkSync(relative(join(root, "node_modules", ".bin"), join(root, "node_modules", "vaultshift", "bin", "vaultshift.js")), join(root, "node_modules", ".bin", "vaultshift"));
  const stateDir = join(base, "state");
  const planted = plantedValues(root);
  assert.ok(planted.length >= 4, "the fixture plants canary values");
  app.prepare?.(root);
  const original = tree(root);

  app.build?.(root);
  const before = await Promise.all(app.environments.map((e) => runApp(root, e, {}, { entry: app.entry })));
  for (const r of before) assert.ok(r.ok, `${app.app} does not run before the migration (${r.environment}): ${r.error}`);
  const launched = (env: Record<string, string>) => (app.launch ? Promise.all(app.environments.filter((e) => launches(app.launch!, e)).map((e) => runLaunched(root, app.launch!, e, env))) : Promise.resolve([]));
  const launchedBefore = await launched({});
  for (const r of launchedBefore) assert.ok(r.ok, `${app.app} does not start from its launcher before the migration (${r.environment}): ${r.error}`);

  let log = "";
  const result = await migrateWith({
    root,
    app: app.app,
    vault: { address: server.address, token: server.rootToken },
    env: { PATH: process.env.PATH ?? "", HOME: base, VAULTSHIFT_STATE_DIR: stateDir },
    onProgress: (e) => (log += `${e.stage} ${e.step}/${e.total} ${e.message}\n`),
  });

  app.build?.(root);
  const token = await appToken(server, result.plan.policy.name);
  const underRun = app.underRun ? { prefix: [join(PACKAGE_ROOT, "bin", "vaultshift.js"), "run", "-q", "--", process.execPath] } : {};
  const after = await Promise.all(app.environments.map((e) => runApp(root, e, { VAULT_ADDR: server.address, VAULT_TOKEN: token }, { entry: app.entry, ...underRun })));
  const launchedAfter = await launched({ VAULT_ADDR: server.address, VAULT_TOKEN: token });
  return { root, base, stateDir, original, planted, before, after, launchedBefore, launchedAfter, result, log, token };
}

/** The assertions every fixture app must pass. */
export async function assertMigrated(run: E2eRun, server: DevServer, options: { sameBehaviour?: boolean } = {}): Promise<void> {
  const { result, root } = run;
  assert.equal(result.verification.verdict, "zero-secrets", JSON.stringify(result.verification.rescan.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)));
  assert.ok(result.plan.secrets.length > 0);

  // Same observable behaviour in every environment (a test whose app changes in a way the plan says checks that change itself).
  if (options.sameBehaviour !== false) assertSameBehaviour(run);

  // The scanner, run as a user would, finds nothing.
  const scan = await runCli(["scan", "."], { cwd: root, env: { PATH: process.env.PATH ?? "", HOME: run.base } });
  assert.equal(scan.exitCode, 0, scan.stdout + scan.stderr);

  // No planted value in the tree, the plan, the reports, the progress log, the scan output or the state.
  const everything = [
    textOf(tree(root)),
    readFileSync(join(root, "vaultshift.plan.json"), "utf8"),
    run.log,
    scan.stdout,
    scan.stderr,
    ...[...run.after, ...run.launchedAfter].map((a) => a.output + a.error),
    textOf(stateFiles(run.stateDir)),
  ].join("\n");
  for (const value of run.planted) assert.ok(!everything.includes(value), `a planted value (${value.slice(0, 6)}…) leaked`);

  // The secrets did reach Vault: read one back with the app's token.
  const s = result.plan.secrets[0]!;
  const res = await fetch(`${server.address}/v1/${s.target.mount}/data/${s.target.path}`, { headers: { "X-Vault-Token": run.token }, signal: AbortSignal.timeout(5000) });
  assert.equal(res.status, 200);
}

/** The app behaves exactly as before in every environment. */
export function assertSameBehaviour(run: E2eRun): void {
  for (const [i, a] of run.after.entries()) {
    assert.ok(a.ok, `${a.environment} does not start after the migration: ${a.error}`);
    assert.equal(a.digest, run.before[i]!.digest, `${a.environment}: settings changed`);
  }
  for (const [i, a] of run.launchedAfter.entries()) {
    assert.ok(a.ok, `${a.environment} does not start from its launcher after the migration: ${a.error}`);
    assert.equal(a.digest, run.launchedBefore[i]!.digest, `${a.environment}: started by its launcher, the app's output changed`);
  }
}

/** No planted value in the plan, the progress log or the app's output (for apps whose tree still holds the ones not migrated). */
export function assertNoLeakOutsideTree(run: E2eRun): void {
  const places: [string, string][] = [["the plan", readFileSync(join(run.root, "vaultshift.plan.json"), "utf8")], ["the progress log", run.log], ...[...run.after, ...run.launchedAfter].map((a): [string, string] => [`the ${a.environment} run's output`, a.output + a.error])];
  for (const value of run.planted) {
    const where = places.filter(([, text]) => text.includes(value)).map(([place]) => place);
    assert.ok(where.length === 0, `a planted value (${value.slice(0, 6)}…) leaked into ${where.join(", ")}`);
  }
}

/** State files, but not the backups directory (plaintext originals for rollback, 0600, removed by rollback). */
function stateFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(d, name);
      if (lstatSync(full).isDirectory()) {
        if (name !== "backups") walk(full);
      } else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** Rollback must restore every file of the app byte for byte (`force`: over files the app changed after apply, as `rollback --force`). */
export async function assertRollback(run: E2eRun, server: DevServer, force = false): Promise<void> {
  await rollback({ root: run.root, ...(force ? { force } : {}), vault: { address: server.address, token: server.rootToken }, env: { PATH: process.env.PATH ?? "", HOME: run.base, VAULTSHIFT_STATE_DIR: run.stateDir } });
  const restored = tree(run.root, true);
  assert.deepEqual([...restored.keys()].sort(), [...run.original.keys()].sort());
  for (const [file, bytes] of run.original) assert.ok(restored.get(file)!.equals(bytes), `${file} differs after rollback`);
}

/**
 * The preamble of an e2e file: one in-process dev server and one temp
 * directory for the file's tests, started before them and removed after.
 */
export function e2eSuite(prefix: string): { readonly server: DevServer; readonly dir: string } {
  const tmp = tempBase(prefix);
  const devServer = fileDevServer(tmp.remove);
  return {
    get server() {
      return devServer();
    },
    dir: tmp.dir,
  };
}

/**
 * A round of blind apps (fixtures/<dir>/): its suite, a FixtureApp of that directory (with
 * `defaults`, e.g. the packages to link), and a migration into the suite's directory.
 */
export function blindRound(prefix: string, dir: string, defaults: Partial<FixtureApp> = {}) {
  const suite = e2eSuite(prefix);
  const app = (fixture: string, name: string, environments: string[], entry: string, extra: Partial<FixtureApp> = {}): FixtureApp => ({
    fixture: `${dir}/${fixture}`,
    app: name,
    environments,
    entry,
    ...defaults,
    ...extra,
  });
  const migrated = (fixture: FixtureApp): Promise<E2eRun> => migrateFixture(suite.server, fixture, join(suite.dir, fixture.fixture.split("/")[1]!));
  return { suite, app, migrated };
}

/**
 * `prepare` that installs stand-ins of published packages (fixtures/<dir>/_libs/NAME) into the app's
 * node_modules, as npm would: each `bin` of their package.json is linked from node_modules/.bin.
 */
export const installedFrom =
  (dir: string) =>
  (...names: string[]) =>
  (root: string): void => {
    for (const name of names) {
      const target = join(root, "node_modules", name);
      cpSync(join(PACKAGE_ROOT, "fixtures", dir, "_libs", name), target, { recursive: true });
      const { bin } = JSON.parse(readFileSync(join(target, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
      const bins = typeof bin === "string" ? { [name.split("/").pop()!]: bin } : (bin ?? {});
      for (const [command, file] of Object.entries(bins)) {
        mkdirSync(join(root, "node_modules", ".bin"), { recursive: true });
        symlinkSync(relative(join(root, "node_modules", ".bin"), join(target, file)), join(root, "node_modules", ".bin", command));
      }
    }
  };

/** A file of the migrated copy, as text. */
export const readMigrated = (run: E2eRun, file: string): string => readFileSync(join(run.root, file), "utf8");

/** Where the plan stores each secret: "file:NAME" → its Vault path. */
export const secretTargets = (run: E2eRun): Record<string, string> => Object.fromEntries(run.result.plan.secrets.map((s) => [`${s.source.file}:${s.name}`, s.target.path]));

/** The secrets the plan moved, as "file:NAME", sorted. */
export const movedSecrets = (run: E2eRun): string[] => run.result.plan.secrets.map((s) => `${s.source.file}:${s.name}`).sort();

/** Where the plan warns with `code`, as "file:line" ("file:" when the warning has no line). */
export function warningPlaces(warnings: { code: string; file?: string; line?: number }[], code: string): string[] {
  return warnings.filter((w) => w.code === code).map((w) => `${w.file}:${w.line ?? ""}`);
}
