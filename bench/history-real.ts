import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { Prng, fakeSecret } from "./fake-secrets.js";
import { git } from "./git.js";
import type { HistoryRepo } from "./history-repo.js";
import { buildConfigFile, insertLines, newFileKinds, snippet } from "./plant.js";
import { readTar, safeEntryPath } from "./tar.js";

// A repository of real code churn for the --history benchmark: consecutive
// published versions of a few real npm packages (bench/history-real-packages.json,
// pinned), each committed over the previous one in its own directory, like a
// monorepo whose packages are released in turn. The tarballs come from
// `npm pack` once and are cached in .bench/cache/history-real/, so later builds
// need no network. A few fake secrets are planted: some appended to a real
// source file (kept through the package's next versions), some in a config
// file committed by mistake, each removed again a few commits later.

const run = promisify(execFile);

/** Bump when the generation changes, so that a cached repository is rebuilt. */
const GENERATION = 2;
const SEED = 0x7e41;
/** Commit indexes that plant a secret (0 is the first commit). */
export const REAL_SECRET_COMMITS = [17, 48, 83, 112, 151, 176];

export interface RealPackage {
  name: string;
  versions: string[];
}

/** A package version's files: path inside the package (`package/` stripped) → content and whether it is executable. */
export type VersionFiles = Map<string, { data: Buffer; executable: boolean }>;

export function readRealPackages(root: string): RealPackage[] {
  return (JSON.parse(readFileSync(join(root, "bench", "history-real-packages.json"), "utf8")) as { packages: RealPackage[] }).packages;
}

/** The order in which versions are committed: the package furthest behind (by share of its versions done) goes next. */
export function commitOrder(packages: RealPackage[]): { pkg: number; version: number }[] {
  const done = packages.map(() => 0);
  const total = packages.reduce((n, p) => n + p.versions.length, 0);
  const order: { pkg: number; version: number }[] = [];
  while (order.length < total) {
    let best = -1;
    for (let i = 0; i < packages.length; i++) {
      const p = packages[i] as RealPackage;
      if ((done[i] as number) >= p.versions.length) continue;
      const share = ((done[i] as number) + 1) / p.versions.length;
      if (best === -1 || share < ((done[best] as number) + 1) / (packages[best] as RealPackage).versions.length) best = i;
    }
    order.push({ pkg: best, version: done[best] as number });
    done[best] = (done[best] as number) + 1;
  }
  return order;
}

function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, "").replace(/\//g, "-")}-${version}.tgz`;
}

/** `npm pack` of the versions not in the cache yet (one call). Returns the cache folder. */
export async function fetchRealTarballs(packages: RealPackage[], cache: string, log: (msg: string) => void): Promise<string> {
  mkdirSync(cache, { recursive: true });
  const missing = packages.flatMap((p) => p.versions.filter((v) => !existsSync(join(cache, tarballName(p.name, v)))).map((v) => `${p.name}@${v}`));
  if (missing.length > 0) {
    log(`history-real: npm pack ${missing.length} package version(s) into ${cache}`);
    try {
      await run("npm", ["pack", ...missing, "--pack-destination", cache, "--json", "--silent"], { cwd: cache, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      throw new Error(`npm pack failed for ${missing.length} version(s) of ${packages.map((p) => p.name).join(", ")}: is the npm registry reachable?`, {
        cause: error,
      });
    }
  }
  for (const p of packages) {
    for (const v of p.versions) {
      if (!existsSync(join(cache, tarballName(p.name, v)))) throw new Error(`history-real: npm pack did not produce ${tarballName(p.name, v)} in ${cache}`);
    }
  }
  return cache;
}

export function readVersionFiles(cache: string, name: string, version: string): VersionFiles {
  const files: VersionFiles = new Map();
  for (const entry of readTar(gunzipSync(readFileSync(join(cache, tarballName(name, version)))))) {
    if (entry.type !== "file") continue;
    const rel = safeEntryPath(entry.path, 1);
    if (rel !== null) files.set(rel, { data: entry.data, executable: (entry.mode & 0o111) !== 0 });
  }
  return files;
}

/** A source file a secret can be appended to: plain JavaScript, not minified, not huge. */
function plantable(path: string, data: Buffer): boolean {
  if (!/\.(c|m)?js$/.test(path) || /\.min\.js$/.test(path) || data.length < 200 || data.length > 300_000) return false;
  return !data.subarray(0, 4096).includes(0);
}

interface Overlay {
  pkg: number;
  /** Path inside the package. */
  file: string;
  /** Appended lines (a real file) or the whole file (a new config file). */
  lines: string[];
  newFile: boolean;
  removedIn: number;
  /** Its record, whose removedIn moves up when a release deletes the file first. */
  planted: HistoryRepo["planted"][number];
}

/**
 * The fast-import stream of the whole history, with the planted secrets.
 * `files(name, version)` gives a version's files. `values[i]` is planted[i]'s
 * secret, for tests only: it is never written anywhere but the repository.
 */
export function generateRealHistory(
  packages: RealPackage[],
  files: (name: string, version: string) => VersionFiles,
  secretCommits = REAL_SECRET_COMMITS,
  seed = SEED,
): { stream: Buffer; planted: HistoryRepo["planted"]; values: string[]; commits: number } {
  const rng = new Prng(seed);
  const order = commitOrder(packages);
  const current = packages.map(() => new Map() as VersionFiles);
  const overlays: Overlay[] = [];
  const planted: HistoryRepo["planted"] = [];
  const values: string[] = [];
  const chunks: Buffer[] = [];
  const out = (s: string) => chunks.push(Buffer.from(s, "utf8"));
  const blob = (mode: string, path: string, data: Buffer) => {
    out(`M ${mode} inline ${path}\ndata ${data.length}\n`);
    chunks.push(data);
    out("\n");
  };
  /** A package file with the overlays active at commit `c` applied. */
  const withOverlays = (pkg: number, path: string, data: Buffer, c: number): Buffer => {
    let text: string | undefined;
    for (const o of overlays) {
      if (o.pkg !== pkg || o.file !== path || o.newFile || c >= o.removedIn) continue;
      text = insertLines(text ?? data.toString("utf8"), o.lines, "end").text;
    }
    return text === undefined ? data : Buffer.from(text, "utf8");
  };

  order.forEach(({ pkg, version }, c) => {
    const p = packages[pkg] as RealPackage;
    const v = p.versions[version] as string;
    current[pkg] = files(p.name, v);
    // A release that deletes a file holding a secret removes the secret with it.
    for (const o of overlays) {
      if (o.pkg === pkg && !o.newFile && c < o.removedIn && !current[pkg].has(o.file)) o.removedIn = o.planted.removedIn = c;
    }
    const dir = p.name.replace(/^@/, "").replace(/\//g, "__");

    if (secretCommits.includes(c)) {
      const secret = fakeSecret(rng);
      const removedIn = Math.min(order.length - 1, c + 3 + rng.int(10));
      const candidates = [...current[pkg].entries()].filter(([path, f]) => plantable(path, f.data)).map(([path]) => path).sort();
      if (planted.length % 2 === 0 && candidates.length > 0) {
        // Appended to a real source file, which keeps it through the package's next versions.
        const file = rng.pick(candidates);
        const snip = snippet(secret, "js", rng);
        const base = withOverlays(pkg, file, (current[pkg].get(file) as { data: Buffer }).data, c).toString("utf8");
        const { firstLine } = insertLines(base, snip.lines, "end");
        planted.push({
          id: planted.length + 1, provider: secret.provider, name: secret.name, host: "js", file: `${dir}/${file}`,
          line: firstLine + snip.line, column: snip.column + 1, endLine: firstLine + snip.endLine, endColumn: snip.endColumn + 1,
          existingFile: true, commit: c, removedIn,
        });
        overlays.push({ pkg, file, lines: snip.lines, newFile: false, removedIn, planted: planted[planted.length - 1]! });
      } else {
        // A config file committed by mistake.
        let kind = rng.pick(newFileKinds);
        while (kind.host === "properties" && secret.value.includes("\n")) kind = rng.pick(newFileKinds);
        const { text, positions } = buildConfigFile(kind.host, [secret], rng);
        const pos = positions[0] as { line: number; column: number; endLine: number; endColumn: number };
        planted.push({
          id: planted.length + 1, provider: secret.provider, name: secret.name, host: kind.host, file: `${dir}/${kind.path}`,
          ...pos, existingFile: false, commit: c, removedIn,
        });
        overlays.push({ pkg, file: kind.path, lines: text.replace(/\n$/, "").split("\n"), newFile: true, removedIn, planted: planted[planted.length - 1]! });
      }
      values.push(secret.value);
    }

    const when = 1_577_836_800 + c * 86_400; // 2020-01-01, one release a day
    out(`commit refs/heads/main\nmark :${c + 1}\n`);
    out(`author Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n`);
    const message = `${p.name} ${v}`;
    out(`data ${Buffer.byteLength(message)}\n${message}\n`);
    if (c > 0) out(`from :${c}\n`);
    // The package's folder is replaced by the new version: files it no longer has are deleted.
    out(`D ${dir}\n`);
    for (const path of [...current[pkg].keys()].sort()) {
      const f = current[pkg].get(path) as { data: Buffer; executable: boolean };
      blob(f.executable ? "100755" : "100644", `${dir}/${path}`, withOverlays(pkg, path, f.data, c));
    }
    for (const o of overlays) {
      const oDir = (packages[o.pkg] as RealPackage).name.replace(/^@/, "").replace(/\//g, "__");
      if (o.newFile && o.pkg === pkg && c < o.removedIn) blob("100644", `${oDir}/${o.file}`, Buffer.from(`${o.lines.join("\n")}\n`, "utf8"));
      if (c !== o.removedIn || o.pkg === pkg) continue;
      // Removed by a commit of another package: the file goes back to the package's current version.
      if (o.newFile) out(`D ${oDir}/${o.file}\n`);
      else {
        const f = current[o.pkg].get(o.file);
        if (f) blob(f.executable ? "100755" : "100644", `${oDir}/${o.file}`, withOverlays(o.pkg, o.file, f.data, c));
      }
    }
  });
  return { stream: Buffer.concat(chunks), planted, values, commits: order.length };
}

export interface RealHistoryRepo extends HistoryRepo {
  packages: string[];
}

/**
 * Builds (or reuses, when its stamp matches) the repository in `dir`. The stamp
 * (`dir`.stamp.json) records the inputs and where the secrets are, never a value.
 */
export async function buildRealHistoryRepo(root: string, dir: string, cache: string, log: (msg: string) => void): Promise<RealHistoryRepo> {
  const packages = readRealPackages(root);
  const key = createHash("sha256").update(JSON.stringify({ GENERATION, SEED, REAL_SECRET_COMMITS, packages })).digest("hex");
  const stampFile = `${dir}.stamp.json`;
  if (existsSync(stampFile) && existsSync(join(dir, ".git"))) {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as { key: string; repo: RealHistoryRepo };
    if (stamp.key === key) return stamp.repo;
  }
  await fetchRealTarballs(packages, cache, log);
  log(`history-real: building ${dir}`);
  const { stream, planted, commits } = generateRealHistory(packages, (name, version) => readVersionFiles(cache, name, version));
  rmSync(stampFile, { force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "-q", "-b", "main"]);
  git(dir, ["fast-import", "--quiet"], stream);
  git(dir, ["checkout", "-q", "main"]);
  git(dir, ["gc", "-q"]);
  const repo: RealHistoryRepo = { commits, planted, packages: packages.map((p) => `${p.name}@${p.versions[0]}..${p.versions[p.versions.length - 1]} (${p.versions.length})`) };
  writeFileSync(stampFile, `${JSON.stringify({ key, repo }, null, 2)}\n`);
  return repo;
}
