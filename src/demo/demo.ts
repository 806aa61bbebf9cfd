import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { FileAccessError } from "../errors.js";
import { migrate } from "../migrate/index.js";
import type { MigrateResult } from "../plan/types.js";
import { runApp, type AppRun } from "./app-runner.js";
import { progressPrinter, style, type Style } from "./progress.js";

// `vaultshift demo`: the whole story on one machine in a few seconds, with no
// Vault, no network and no question. An in-process dev server stands in for
// Vault; a copy of fixtures/demo-app (committed to a throw-away git repo, as
// real secrets usually are) is migrated with the same `migrate()` the CLI
// uses; the app runs before and after in every environment and must print the
// same settings digest; the reports land in `reports/`.

export interface DemoOptions {
  reportsDir: string;
  write: (text: string) => void;
  tty: boolean;
  colour: boolean;
  /** Keep the migrated copy of the app (its path is printed). */
  keep?: boolean;
  /** The app to migrate; default the package's fixtures/demo-app. */
  fixture?: string;
}

export interface DemoResult {
  ok: boolean;
  verdict: string;
  before: AppRun[];
  after: AppRun[];
  /** The app started without a Vault token: it must refuse. */
  withoutToken: AppRun | null;
  secrets: number;
  reports: string[];
  /** The migrated copy (removed unless `keep`). */
  appDir: string;
  ms: number;
}

/** The package root: dist/src/demo/demo.js → ../../.. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export function demoEnvironments(appDir: string): string[] {
  const envs = readdirSync(appDir)
    .filter((f) => f === ".env" || (f.startsWith(".env.") && !/\.(example|sample|template)$/.test(f)))
    .map((f) => (f === ".env" ? "development" : f.slice(".env.".length)));
  const order = ["development", "test", "staging", "production"];
  return envs.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const st = style(options.colour);
  const out = (s = "") => options.write(`${s}\n`);
  const fixture = resolve(options.fixture ?? join(PACKAGE_ROOT, "fixtures", "demo-app"));
  if (!existsSync(join(fixture, "package.json"))) {
    throw new FileAccessError(`The demo app is missing: ${fixture}`, { hint: "Run the demo from a clone of the vaultshift repository (npm run demo)." });
  }
  const tmp = mkdtempSync(join(tmpdir(), "vaultshift-demo-"));
  const appDir = join(tmp, "acme-shop");
  let server: DevServer | undefined;
  try {
    out(st.bold("vaultshift demo") + st.dim(": move a small app's secrets into Vault, rewrite its code, prove nothing changed."));
    out();
    server = await startDevServer({ port: 0 });
    step(out, st, 1, "Vault", `dev server at ${server.address} ${st.dim("(in memory, in this process: nothing to install)")}`);

    cpSync(fixture, appDir, { recursive: true });
    const committed = commitToGit(appDir);
    // The migrated app imports `vaultshift/runtime`: resolve it to this package.
    mkdirSync(join(appDir, "node_modules"), { recursive: true });
    // A junction on Windows needs no administrator rights; elsewhere a plain directory symlink.
    symlinkSync(PACKAGE_ROOT, join(appDir, "node_modules", "vaultshift"), process.platform === "win32" ? "junction" : "dir");
    const environments = demoEnvironments(appDir);
    step(out, st, 2, "App", `acme-shop (CommonJS + ESM, ${environments.length} environments, a hard-coded key) copied to ${appDir}${committed ? st.dim(" and committed to git, secrets included") : ""}`);

    const before = await Promise.all(environments.map((e) => runApp(appDir, e, {})));
    step(out, st, 3, "Before", digests(before, st));
    const broken = before.find((r) => !r.ok);
    if (broken) throw new FileAccessError(`The demo app does not start before the migration (${broken.environment}): ${firstLine(broken.error)}`, { hint: "Check that node ≥ 20.12 is used (process.loadEnvFile)." });

    step(out, st, 4, "Migrate", st.dim("scan → classify → map → plan → apply → verify → report"));
    const progress = progressPrinter(options.write, options.tty, st);
    let result: MigrateResult;
    try {
      result = await migrate({
        root: appDir,
        app: "acme-shop",
        vault: { address: server.address, token: server.rootToken },
        reportsDir: resolve(options.reportsDir),
        onProgress: progress.onProgress,
        env: { PATH: process.env.PATH ?? "", HOME: tmp, VAULTSHIFT_STATE_DIR: join(tmp, "state") },
      });
    } finally {
      progress.done();
    }
    showDiff(out, st, result, "src/config.js");
    showDiff(out, st, result, ".env.production");

    // The app now reads its secrets from Vault with a token that holds only its own policy.
    const token = await appToken(server, result.plan.policy.name);
    const after = await Promise.all(environments.map((e) => runApp(appDir, e, { VAULT_ADDR: server!.address, VAULT_TOKEN: token })));
    const same = after.every((a, i) => a.ok && a.digest === before[i]!.digest);
    step(out, st, 5, "After", digests(after, st, before));
    for (const a of after.filter((x) => !x.ok)) out(`     ${st.red(a.environment)}: ${firstLine(a.error)}`);
    const withoutToken = await runApp(appDir, environments[environments.length - 1]!, { VAULT_ADDR: server.address });
    out(`     ${st.dim("without a Vault token the app")} ${withoutToken.ok ? st.red("still starts (it should not)") : st.green("refuses to start")}${withoutToken.ok ? "" : st.dim(`: ${firstLine(withoutToken.error).slice(0, 110)}…`)}`);

    const v = result.verification;
    const verified = v.secrets.filter((s) => s.status === "ok").length;
    const rewritten = result.plan.files.filter((f) => f.kind === "code").length;
    const good = v.verdict === "zero-secrets" && same && !withoutToken.ok;
    const verdict = v.verdict === "zero-secrets" ? st.green("zero secrets left") : st.red(v.verdict);
    step(
      out,
      st,
      6,
      "Result",
      `${verdict} · ${result.plan.secrets.length} secrets in Vault, ${verified} verified by read-back · ${rewritten} source files rewritten · re-scan: ${v.rescan.findings.length} findings · app ${same ? st.green("unchanged in every environment") : st.red("CHANGED")}`,
    );
    const rotate = result.report.secrets.filter((s) => s.inGitHistory).length;
    if (rotate > 0) out(`     ${st.yellow(`${rotate} of them are still in git history: the report lists them to rotate.`)}`);
    out();
    const html = result.reports.find((f) => f.endsWith(".html"));
    out(`${st.bold("Reports")}   ${result.reports.map((f) => rel(f)).join("  ")}`);
    if (html) out(`${st.bold("Open")}      file://${html}`);
    out(`${st.bold("App")}       ${options.keep ? `${appDir} ${st.dim("(kept: try `git diff` there, or NODE_ENV=production VAULT_ADDR=… VAULT_TOKEN=… npm run settings)")}` : st.dim("temporary copy removed (--keep to look at it)")}`);
    out(`${st.bold("Time")}      ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { ok: good, verdict: v.verdict, before, after, withoutToken, secrets: result.plan.secrets.length, reports: result.reports, appDir, ms: Date.now() - started };
  } finally {
    await server?.close();
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
  }
}

function step(out: (s?: string) => void, st: Style, n: number, title: string, text: string): void {
  out(`${st.bold(`${n}. ${title.padEnd(8)}`)} ${text}`);
}

function digests(runs: AppRun[], st: Style, before?: AppRun[]): string {
  return runs
    .map((r, i) => {
      const d = r.digest ? r.digest.slice(0, 12) : "failed";
      if (!before) return `${r.environment} ${st.dim(d)}`;
      const same = r.ok && r.digest === before[i]!.digest;
      return `${r.environment} ${st.dim(d)} ${same ? st.green("same") : st.red("different")}`;
    })
    .join("   ");
}

function showDiff(out: (s?: string) => void, st: Style, result: MigrateResult, file: string): void {
  const change = result.plan.files.find((f) => f.file === file);
  if (!change) return;
  out(`     ${st.bold(file)} ${st.dim("(redacted diff, as stored in the plan)")}`);
  const lines = change.diff.split("\n").filter((l) => !/^(Index:|===|---|\+\+\+)/.test(l) && l !== "");
  for (const l of lines.slice(0, 24)) {
    const coloured = l.startsWith("+") ? st.green(l) : l.startsWith("-") ? st.red(l) : l.startsWith("@@") ? st.cyan(l) : st.dim(l);
    out(`       ${coloured}`);
  }
  if (lines.length > 24) out(st.dim(`       … ${lines.length - 24} more lines`));
}

/** A token with only the app's policy (least privilege), from the dev server's token API. */
async function appToken(server: DevServer, policy: string): Promise<string> {
  const res = await fetch(`${server.address}/v1/auth/token/create`, {
    method: "POST",
    headers: { "X-Vault-Token": server.rootToken, "Content-Type": "application/json" },
    body: JSON.stringify({ policies: [policy], ttl: "15m", display_name: "acme-shop-demo", no_default_policy: true }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await res.json()) as { auth?: { client_token?: string } };
  if (!res.ok || !body.auth?.client_token) {
    throw new FileAccessError(`The dev server did not issue a token for the policy ${policy} (HTTP ${res.status}).`, { hint: "This is a bug in the demo; please report it." });
  }
  return body.auth.client_token;
}

/** Commit the app as it is, secrets included, the way most leaks start. False when git is unavailable. */
function commitToGit(dir: string): boolean {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore", timeout: 15_000, env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: dir } });
  try {
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=Acme Dev", "-c", "user.email=dev@acme.example", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "Initial shop backend");
    return true;
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.trim().split("\n").find((l) => l.trim() !== "" && !l.startsWith("/") && !/^\s*\^/.test(l) && !l.includes("throw new Error")) ?? text.trim();
}

function rel(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith("..") ? path : r;
}
