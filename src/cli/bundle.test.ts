import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { allRules } from "../../rules/index.js";
import { anchorLiteral, literalPrefixes, prefixTableKey } from "../scan/literal-prefix.js";
import { buildKeywordTable, keywordTableData, type KeywordTableData } from "../scan/keyword-table.js";
import { compileRuleSet } from "../scan/rule-set.js";
import { commitFiles, GIT_TEST_ENV, git, initRepo, tempDir, writeFiles } from "../scan/test-repo.js";

// The scan bundle (scripts/bundle.js, loaded by bin/vaultshift.js): built on a
// private copy of the package, it must give exactly what the ES modules give
// in every mode, and be ignored as soon as a dist file it was built from
// changes. Canary values stand for secrets and must never be printed.

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const KEY_ID = "AKIACANARYQWERTYZ234"; // vaultshift:allow
const SECRET = "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";
const STRIPE = "sk_live_" + "CANARY4eC39HqLyjWDarjtT1zdp7dc";

function packageCopy(dir: string): string {
  const pkg = join(dir, "pkg");
  mkdirSync(join(pkg, "dist"), { recursive: true });
  cpSync(join(repoRoot, "bin"), join(pkg, "bin"), { recursive: true });
  // Test files are not part of the scan path; leaving them out keeps the copy small.
  const noTests = (src: string) => !src.endsWith(".test.js") && !src.endsWith(".d.ts");
  cpSync(join(repoRoot, "dist", "src"), join(pkg, "dist", "src"), { recursive: true, filter: noTests });
  cpSync(join(repoRoot, "dist", "rules"), join(pkg, "dist", "rules"), { recursive: true, filter: noTests });
  cpSync(join(repoRoot, "package.json"), join(pkg, "package.json"));
  symlinkSync(join(repoRoot, "node_modules"), join(pkg, "node_modules"), "dir");
  const r = spawnSync(process.execPath, [join(repoRoot, "scripts", "bundle.js"), "--dist", join(pkg, "dist")], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return pkg;
}

function run(pkg: string, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  const r = spawnSync(process.execPath, [join(pkg, "bin", "vaultshift.js"), ...args], {
    cwd,
    env: { ...GIT_TEST_ENV, ...env },
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
  });
  for (const out of [r.stdout, r.stderr]) {
    assert.ok(!out.includes(SECRET) && !out.includes(KEY_ID) && !out.includes(STRIPE), "a secret value was printed");
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** JSON report without the timing, which differs from run to run. */
function report(stdout: string): unknown {
  const json = JSON.parse(stdout) as { summary?: { durationMs?: number }; stats?: { durationMs?: number } };
  delete json.summary?.durationMs;
  delete json.stats?.durationMs;
  return json;
}

test("scan bundle: same report as the ES modules in every mode, and unused once a dist file changes", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-bundle-");
  t.after(cleanup);
  const pkg = packageCopy(dir);
  for (const f of ["scan.bundle.js", "scan.bundle.json", "scan.bundle.cache"]) assert.ok(existsSync(join(pkg, "dist", "src", "cli", f)), f);

  const repo = join(dir, "repo");
  mkdirSync(repo);
  initRepo(repo);
  commitFiles(repo, "config", { ".env": `AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`, "src/app.js": "export const port = process.env.PORT;\n" });
  commitFiles(repo, "more", { "deploy.yml": `env:\n  STRIPE_KEY: ${STRIPE}\n`, "README.md": "# app\n" });
  writeFiles(repo, { "src/pay.js": `const stripe = require("stripe")("${STRIPE}");\n` });
  git(repo, "add", "src/pay.js");

  const modes: Array<{ args: string[]; input?: string }> = [
    { args: ["scan", "--staged"] },
    { args: ["scan", "--history"] },
    { args: ["scan", "--since", "HEAD~1"] },
    { args: ["scan", "."] },
    { args: ["scan", "-", "--stdin-filename", "x.env"], input: `DB_PASSWORD=${SECRET}\n` },
  ];
  for (const { args, input } of modes) {
    const bundled = run(pkg, repo, [...args, "--format", "json"], {}, input);
    const modules = run(pkg, repo, [...args, "--format", "json"], { VAULTSHIFT_NO_BUNDLE: "1" }, input);
    assert.equal(bundled.code, 1, `${args.join(" ")}: ${bundled.stderr}`);
    assert.equal(modules.code, 1, `${args.join(" ")}: ${modules.stderr}`);
    assert.deepEqual(report(bundled.stdout), report(modules.stdout), args.join(" "));
  }
  // The bundle is ASCII-only (scripts/bundle.js asciiOnly): its non-ASCII literals, such as the
  // masks "…" and "•••" the placeholder filter knows and the "✖" of the summary, are \u escapes
  // that must read the same.
  const bundleText = readFileSync(join(pkg, "dist", "src", "cli", "scan.bundle.js"), "utf8");
  assert.ok(!/[^\x00-\x7f]/.test(bundleText), "the bundle holds a non-ASCII character");
  const masked = `DB_PASSWORD=${SECRET}\nAPI_TOKEN=sk_live_…\nSMTP_PASSWORD=••••••••\n`;
  for (const format of ["json", "text"]) {
    const args = ["scan", "-", "--stdin-filename", "masked.env", "--format", format];
    const bundled = run(pkg, repo, args, { NO_COLOR: "1" }, masked);
    const modules = run(pkg, repo, args, { NO_COLOR: "1", VAULTSHIFT_NO_BUNDLE: "1" }, masked);
    assert.equal(bundled.code, 1, bundled.stderr);
    if (format === "json") {
      assert.deepEqual(report(bundled.stdout), report(modules.stdout));
      assert.equal((JSON.parse(bundled.stdout) as { findings: unknown[] }).findings.length, 1, "a mask was taken for a secret");
    } else {
      const untimed = (s: string) => s.replace(/\d+(?:\.\d+)? ?m?s\b/g, "…");
      assert.equal(untimed(bundled.stdout), untimed(modules.stdout));
      assert.match(bundled.stdout, /✖/);
    }
  }
  // Errors keep their exit code and message (VaultshiftError classes come from the bundle too).
  const bad = run(pkg, repo, ["scan", "--since", "no-such-ref"]);
  const badModules = run(pkg, repo, ["scan", "--since", "no-such-ref"], { VAULTSHIFT_NO_BUNDLE: "1" });
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, badModules.stderr);
  assert.equal(run(pkg, repo, ["scan", "--staged", "--history"]).code, 2);

  // The history modes take the `git log` the bin started before the bundle loaded (bin/early-git.js)…
  const timeline = { VAULTSHIFT_TIMELINE: "1" };
  const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
  for (const args of [["--history"], ["--since", "HEAD~1"], ["--since=HEAD~1"]]) {
    const early = run(pkg, repo, ["scan", ...args, "--format", "json", "--no-baseline"], timeline);
    assert.equal(early.code, 1, early.stderr);
    assert.match(early.stderr, /git log taken/, `${args.join(" ")}: the bin's git log was not taken`);
    const modules = run(pkg, repo, ["scan", ...args, "--format", "json", "--no-baseline"], { VAULTSHIFT_NO_BUNDLE: "1" });
    assert.deepEqual(findingsOf(early.stdout), findingsOf(modules.stdout), args.join(" "));
  }
  // …and start their own for another directory's or other paths' history, with the same result.
  for (const [cwd, args] of [
    [join(repo, "src"), ["--history"]],
    [repo, ["--history", "deploy.yml"]],
  ] as const) {
    const own = run(pkg, cwd, ["scan", ...args, "--format", "json"], timeline);
    const modules = run(pkg, cwd, ["scan", ...args, "--format", "json"], { VAULTSHIFT_NO_BUNDLE: "1" });
    assert.equal(own.code, 1, own.stderr);
    assert.match(own.stderr, /git log spawned/);
    assert.doesNotMatch(own.stderr, /git log taken/);
    assert.deepEqual(findingsOf(own.stdout), findingsOf(modules.stdout));
  }
  // Where the early git log fails (a REF the range does not have, a `.git` that is no repository,
  // no repository at all), the scan stops with exit 2 and the message it gives without it.
  mkdirSync(join(dir, "fake", ".git"), { recursive: true });
  for (const [cwd, args, message] of [
    [repo, ["--since", "HEAD~9"], /no such commit/],
    [join(dir, "fake"), ["--history"], /not inside a git repository/],
    [dir, ["--history"], /not inside a git repository/],
  ] as const) {
    const early = run(pkg, cwd, ["scan", ...args]);
    const modules = run(pkg, cwd, ["scan", ...args], { VAULTSHIFT_NO_BUNDLE: "1" });
    assert.equal(early.code, 2, `${args.join(" ")}: ${early.stderr}`);
    assert.equal(early.stderr, modules.stderr);
    assert.match(early.stderr, message);
  }
  // Neither a history scan with --output nor a staged scan loads a module through Node's ES module
  // loader (a real import() of a built-in did: ~3 ms, a dozen internal modules, module_job among
  // them): built-ins are require()d by the bundle. Nor do they build stdin's stream, which git
  // gives a hook as /dev/null (process.stdin's getter loads Node's fs streams for it: ~4 ms).
  const preload = join(dir, "esm-loader.cjs");
  writeFileSync(
    preload,
    'process.on("exit", () => require("node:fs").writeSync(2, (process.moduleLoadList.includes("NativeModule internal/modules/esm/module_job") ? "ESM LOADER\\n" : "no esm loader\\n") + (process.moduleLoadList.includes("NativeModule internal/fs/streams") ? "FS STREAMS\\n" : "no fs streams\\n")));\n',
  );
  for (const args of [["--history", "--format", "json", "--output", join(dir, "report.json")], ["--staged"]]) {
    const r = spawnSync(process.execPath, ["-r", preload, join(pkg, "bin", "vaultshift.js"), "scan", ...args], { cwd: repo, env: GIT_TEST_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /no esm loader/, args.join(" "));
    assert.match(r.stderr, /no fs streams/, args.join(" "));
  }

  // The literal-prefix table it carries is what literalPrefixes() computes, for every built-in rule.
  const script = new vm.Script(readFileSync(join(pkg, "dist", "src", "cli", "scan.bundle.js"), "utf8"));
  const load = script.runInThisContext()({
    distUrl: pathToFileURL(join(pkg, "dist")).href + "/",
    distPath: join(pkg, "dist") + "/",
    importModule: (url: string) => import(url),
    require: createRequire(import.meta.url),
  }) as (id: string) => unknown;
  const { PRECOMPUTED, PRECOMPUTED_ANCHORS } = load("src/scan/literal-prefix-table.js") as { PRECOMPUTED: Map<string, string[] | null>; PRECOMPUTED_ANCHORS: Map<string, unknown> };
  const keys = new Set<string>();
  for (const { pattern } of allRules) {
    const ignoreCase = pattern.flags.includes("i");
    const key = prefixTableKey(pattern.source, ignoreCase, pattern.flags);
    keys.add(key);
    assert.ok(PRECOMPUTED.has(key), key);
    assert.deepEqual(PRECOMPUTED.get(key), literalPrefixes(pattern.source, ignoreCase, pattern.flags), key);
    // And the anchors (this process's table is empty: anchorLiteral computes them).
    assert.ok(PRECOMPUTED_ANCHORS.has(key), key);
    assert.deepEqual(PRECOMPUTED_ANCHORS.get(key), anchorLiteral(pattern.source, ignoreCase, pattern.flags), key);
  }
  assert.equal(PRECOMPUTED.size, keys.size);
  assert.equal(PRECOMPUTED_ANCHORS.size, keys.size);
  assert.ok([...PRECOMPUTED_ANCHORS.values()].some((a) => a !== null), "no built-in rule has an anchor: the table is not tested");

  // The keyword pass's table data it carries is what keywordTableData() computes for the built-in
  // rule set's keywords, and its buildKeywordTable gives the table this process builds without it,
  // for those keywords and for a rule set that lacks one of them (which computes its own).
  const { PRECOMPUTED_KEYWORD_TABLE } = load("src/scan/keyword-table-data.js") as { PRECOMPUTED_KEYWORD_TABLE: KeywordTableData | null };
  const { keywords } = compileRuleSet(allRules);
  assert.deepEqual(PRECOMPUTED_KEYWORD_TABLE, keywordTableData(keywords));
  const bundled = load("src/scan/keyword-table.js") as { buildKeywordTable: typeof buildKeywordTable };
  for (const list of [keywords, keywords.filter((k) => k !== "ghp_")]) {
    assert.deepEqual({ ...bundled.buildKeywordTable(list), followPending: null }, { ...buildKeywordTable(list), followPending: null });
  }
  assert.notEqual(keywords.indexOf("ghp_"), -1, "the second list must differ from the built-in one");

  // The bundle is what runs: a change made only to it shows.
  const bundleFile = join(pkg, "dist", "src", "cli", "scan.bundle.js");
  const original = readFileSync(bundleFile, "utf8");
  assert.ok(original.includes("Find secrets in files"));
  writeFileSync(bundleFile, original.replace("Find secrets in files", "Find secrets (bundled) in files"));
  assert.match(run(pkg, repo, ["scan", "--help"]).stdout, /Find secrets \(bundled\) in files/);
  // …until a module it was built from changes: then the ES modules run.
  const scanModule = join(pkg, "dist", "src", "cli", "commands", "scan.js");
  writeFileSync(scanModule, readFileSync(scanModule, "utf8").replace("Find secrets in files", "Find secrets (modules) in files"));
  assert.match(run(pkg, repo, ["scan", "--help"]).stdout, /Find secrets \(modules\) in files/);
  // Other commands never use it.
  writeFileSync(bundleFile, "this is not JavaScript");
  assert.match(run(pkg, repo, ["--help"]).stdout, /Usage: vaultshift <command>/);
});

test("scan bundle: the build's code cache is taken as it is; a missing or rejected one is written again by the next scan", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-bundle-");
  t.after(cleanup);
  const pkg = packageCopy(dir);
  const cache = join(pkg, "dist", "src", "cli", "scan.bundle.cache");
  writeFiles(dir, { "work/.env": `AWS_SECRET_ACCESS_KEY=${SECRET}\n` });
  // Made under the flags a scan sets (bin/scan-bundle.js V8_FLAGS): V8 takes it, and nothing rewrites it.
  const built = readFileSync(cache);
  assert.equal(run(pkg, join(dir, "work"), ["scan"]).code, 1);
  assert.ok(readFileSync(cache).equals(built), "the scan rejected the build's code cache and wrote another");
  rmSync(cache);
  assert.equal(run(pkg, join(dir, "work"), ["scan"]).code, 1);
  assert.ok(readFileSync(cache).length > 1000, "no code cache written");
  // One V8 would reject (not its format): replaced as well.
  writeFileSync(cache, "not a code cache");
  assert.equal(run(pkg, join(dir, "work"), ["scan"]).code, 1);
  assert.notEqual(readFileSync(cache, "utf8").slice(0, 16), "not a code cache");
});

test("scan bundle: a copy whose files all have new mtimes (an npm install) is checked by content once, then by mtime", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-bundle-");
  t.after(cleanup);
  const pkg = packageCopy(dir);
  const manifestFile = join(pkg, "dist", "src", "cli", "scan.bundle.json");
  const files = (JSON.parse(readFileSync(manifestFile, "utf8")) as { files: Array<{ id: string; mtimeMs: number }> }).files;
  // npm's tarballs give every file the same mtime (1985-10-26).
  const npmTime = new Date("1985-10-26T08:15:00Z");
  for (const f of files) utimesSync(join(pkg, "dist", f.id), npmTime, npmTime);
  writeFiles(dir, { "work/.env": `AWS_SECRET_ACCESS_KEY=${SECRET}\n` });
  const bundleFile = join(pkg, "dist", "src", "cli", "scan.bundle.js");
  writeFileSync(bundleFile, readFileSync(bundleFile, "utf8").replace("Find secrets in files", "Find secrets (bundled) in files"));
  assert.match(run(pkg, join(dir, "work"), ["scan", "--help"]).stdout, /Find secrets \(bundled\) in files/, "same contents: the bundle runs");
  const recorded = (JSON.parse(readFileSync(manifestFile, "utf8")) as { files: Array<{ id: string; mtimeMs: number }> }).files;
  assert.equal(recorded.length, files.length);
  for (const f of recorded) assert.equal(f.mtimeMs, statSync(join(pkg, "dist", f.id)).mtimeMs, f.id);
  assert.equal(run(pkg, join(dir, "work"), ["scan"]).code, 1);
  // A module changed later (a newer mtime) is still noticed.
  const scanModule = join(pkg, "dist", "src", "cli", "commands", "scan.js");
  writeFileSync(scanModule, readFileSync(scanModule, "utf8").replace("Find secrets in files", "Find secrets (modules) in files"));
  assert.match(run(pkg, join(dir, "work"), ["scan", "--help"]).stdout, /Find secrets \(modules\) in files/);
});

test("scan bundle: a damaged bundle falls back to the ES modules", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-bundle-");
  t.after(cleanup);
  const pkg = packageCopy(dir);
  writeFileSync(join(pkg, "dist", "src", "cli", "scan.bundle.js"), "(function () { throw new Error('damaged'); })");
  writeFiles(dir, { "work/.env": `AWS_SECRET_ACCESS_KEY=${SECRET}\n` });
  const r = run(pkg, join(dir, "work"), ["scan"]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /aws-secret-access-key/);
});

test("scan bundle: the workers of a pooled scan run the bundle too, and find what the ES modules find", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-bundle-");
  t.after(cleanup);
  const pkg = packageCopy(dir);
  const files: Record<string, string> = { ".env": `AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n` };
  for (let i = 0; i < 40; i++) files[`src/m${i}.js`] = `export const port${i} = process.env.PORT_${i};\n`;
  // Over 1 MiB: the main thread leaves it to the worker (scanner.ts MAIN_LANE_MAX_BYTES).
  files["src/pay.js"] = `${"// filler line of a large generated file\n".repeat(30_000)}const stripe = require("stripe")("${STRIPE}");\n`;
  writeFiles(dir, Object.fromEntries(Object.entries(files).map(([k, v]) => [`work/${k}`, v])));
  const work = join(dir, "work");
  // A line only the bundle's copy of the worker module has: it leaves a file when a worker runs it.
  const bundleFile = join(pkg, "dist", "src", "cli", "scan.bundle.js");
  const head = '"src/scan/scan-worker.js": function (exports, require, module, __vs_import, __vs_meta) {';
  const original = readFileSync(bundleFile, "utf8");
  assert.ok(original.includes(head), "the worker module is in the bundle");
  const marker = join(dir, "worker-ran-the-bundle");
  writeFileSync(bundleFile, original.replace(head, `${head}\nif (process.env.VS_TEST_MARKER) require("node:fs").writeFileSync(process.env.VS_TEST_MARKER, "");`));

  const bundled = run(pkg, work, ["scan", ".", "--workers", "1", "--format", "json", "--no-baseline"], { VS_TEST_MARKER: marker });
  assert.equal(bundled.code, 1, bundled.stderr);
  assert.ok(existsSync(marker), "the worker did not run the bundle");
  const modules = run(pkg, work, ["scan", ".", "--workers", "1", "--format", "json", "--no-baseline"], { VAULTSHIFT_NO_BUNDLE: "1" });
  assert.equal(modules.code, 1, modules.stderr);
  const a = report(bundled.stdout) as { summary: { workers?: number; findings: number } };
  assert.equal(a.summary.workers, 1);
  assert.equal(a.summary.findings, 3);
  assert.deepEqual(a, report(modules.stdout));
});

test("scan bundle: @babel/parser runs with a code cache made for its own source, written again when missing or made for another version", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-bundle-");
  t.after(cleanup);
  const pkg = packageCopy(dir);
  const cacheFile = join(pkg, "dist", "src", "cli", "scan.bundle.parser.cache");
  const parserFile = createRequire(join(pkg, "bin", "x.js")).resolve("@babel/parser");
  const sha1 = createHash("sha1").update(readFileSync(parserFile)).digest("hex");
  const stamp = () => readFileSync(cacheFile).subarray(0, 40).toString("latin1");
  assert.equal(stamp(), sha1, "the build writes the cache, stamped with the parser's SHA-1");
  assert.ok(statSync(cacheFile).size > 10_000);

  // A JavaScript file the scanner parses (a secret as the default of an environment variable).
  writeFiles(dir, { "work/src/db.js": `const { DB_PASSWORD = "${SECRET}" } = process.env;\nmodule.exports = DB_PASSWORD;\n`, "env-only/.env": `AWS_SECRET_ACCESS_KEY=${SECRET}\n` });
  const work = join(dir, "work");
  const expected = report(run(pkg, work, ["scan", "--format", "json"], { VAULTSHIFT_NO_BUNDLE: "1" }).stdout);
  assert.equal((expected as { findings: unknown[] }).findings.length, 1);
  assert.deepEqual(report(run(pkg, work, ["scan", "--format", "json"]).stdout), expected);

  // Stamped for another parser version: not used, and replaced at exit.
  writeFileSync(cacheFile, Buffer.concat([Buffer.from("0".repeat(40), "latin1"), readFileSync(cacheFile).subarray(40)]));
  assert.deepEqual(report(run(pkg, work, ["scan", "--format", "json"]).stdout), expected);
  assert.equal(stamp(), sha1);
  // Missing: written by the next scan that parses JavaScript, and only by one that does.
  rmSync(cacheFile);
  assert.equal(run(pkg, join(dir, "env-only"), ["scan"]).code, 1);
  assert.ok(!existsSync(cacheFile), "a scan without JavaScript does not load the parser");
  assert.deepEqual(report(run(pkg, work, ["scan", "--format", "json"]).stdout), expected);
  assert.equal(stamp(), sha1);
  // Not V8's data at all: rejected, the parser compiles without it, and the file is replaced.
  writeFileSync(cacheFile, `${sha1}not a code cache`);
  assert.deepEqual(report(run(pkg, work, ["scan", "--format", "json"]).stdout), expected);
  assert.ok(statSync(cacheFile).size > 10_000);
});
