import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plan } from "./planner.js";
import { aKind } from "./history.js";
import { tempDir } from "../migrate/testing.js";

const tmp = tempDir("history");
after(() => tmp.remove());

function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore", timeout: 10_000 });
}

/** A new repository under the temp dir with these files in one first commit. */
function committedRepo(name: string, files: Record<string, string>): string {
  const root = join(tmp.dir, name);
  mkdirSync(root, { recursive: true });
  git(root, "init", "-q");
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "first");
  return root;
}

test("secrets in git history: a committed .env value is flagged for rotation, a removed literal is reported as history-only", async () => {
  const root = committedRepo("repo", {
    ".env": "DB_PASSWORD=CANARY_hist_Xk9mP2vL8qR4nZ7w\n",
    "pay.js": 'export const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q";\n', // vaultshift:allow
  });
  rmSync(join(root, "pay.js"));
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "remove the key");

  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => [s.name, s.inGitHistory]), [["DB_PASSWORD", true]]);
  const only = p.warnings.filter((w) => w.code === "history-only");
  assert.equal(only.length, 1);
  assert.equal(only[0]!.file, "pay.js");
  assert.match(only[0]!.message, /^An api key \(sk_l…\(34 chars\)\) was committed to pay\.js:1 .*rotate it\.$/);
  assert.ok(!JSON.stringify(p).includes("4eC39HqLyjWDarjtT1zdp7dc9Q") && !JSON.stringify(p).includes("CANARY_hist"));

  const without = await plan({ root, env: {}, history: false });
  assert.equal(without.warnings.some((w) => w.code === "history-only"), false);
});

test("a secret still in the tree in a file vaultshift does not migrate (package.json config) is not reported as history-only", async () => {
  const root = committedRepo("kept", {
    "package.json": '{\n  "name": "kept",\n  "config": { "webhookSecret": "whsec_CANARYkeep4Rt7Yu2Io9Pa5Sd8Fg" }\n}\n',
    ".env": "DB_PASSWORD=CANARY_kept_Xk9mP2vL8qR4nZ7w\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.warnings.filter((w) => w.code === "not-migrated").map((w) => w.file), ["package.json"]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "history-only"), []);
});

test("a committed URL whose password the scanner finds: the moved DATABASE_URL is flagged for rotation, not reported as history-only", async () => {
  const root = committedRepo("url", { ".env": "DATABASE_URL=postgres://app:CANARYurlPw7Qm2Xk9Lp4Rt@db.internal:5432/shop\n" }); // vaultshift:allow
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => [s.name, s.inGitHistory]), [["DATABASE_URL", true]]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "history-only"), []);
  assert.ok(!JSON.stringify(p).includes("CANARYurlPw"));
});

test("a project that is one package of a larger repository: its own committed secrets are flagged and named from the package, another package's are not its history", async () => {
  const repo = committedRepo("mono", { "README.md": "# mono\n" });
  mkdirSync(join(repo, "services/api"), { recursive: true });
  mkdirSync(join(repo, "services/worker"), { recursive: true });
  writeFileSync(join(repo, "services/api/.env"), "DB_PASSWORD=CANARY_mono_Xk9mP2vL8qR4nZ7w\n");
  writeFileSync(join(repo, "services/api/pay.js"), 'export const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q";\n'); // vaultshift:allow
  writeFileSync(join(repo, "services/worker/mail.js"), 'export const key = "sk_live_9xQ27HqLyjWDarjtT1zdp7dc4Z";\n'); // vaultshift:allow
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "services");
  rmSync(join(repo, "services/api/pay.js"));
  rmSync(join(repo, "services/worker/mail.js"));
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "remove the keys");

  const p = await plan({ root: join(repo, "services/api"), env: {} });
  assert.deepEqual(p.secrets.map((s) => [s.name, s.inGitHistory]), [["DB_PASSWORD", true]]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "history-only").map((w) => w.file), ["pay.js"], "the package's own removed key, named from the package; the worker's is not this project's");
  assert.deepEqual(p.warnings.filter((w) => w.code === "history-unknown"), []);
});

test("a finding's kind reads as words with its article", () => {
  assert.equal(aKind("api-key"), "An api key");
  assert.equal(aKind("password"), "A password");
  assert.equal(aKind("oauth-token"), "An oauth token");
});
