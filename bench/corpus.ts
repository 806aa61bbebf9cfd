import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, posix } from "node:path";
import { promisify } from "node:util";
import { Prng, fakeSecret, type FakeSecret } from "./fake-secrets.js";
import { accepts, buildConfigFile, insertLines, newFileKinds, snippet, type PlantedSecret } from "./plant.js";
import { extractTarGz } from "./tar.js";
import type { BenchContext } from "./types.js";

// Builds the scan corpus reproducibly: `npm pack` of pinned package versions
// (cached in .bench/cache), extracted into .bench/corpus/<package>/, then fake
// secrets planted with a fixed seed. The manifest (.bench/corpus-manifest.json,
// outside the scanned tree) records where each planted secret is, never its
// value. A stamp of the inputs skips the rebuild when nothing changed.

const run = promisify(execFile);

/** Bump when planting changes, so that cached corpora are rebuilt. */
const PLANT_VERSION = 1;
const SEED = 0x5eed2026;
export const PLANT_IN_EXISTING = 120;
export const PLANT_IN_NEW_FILES = 80;

export interface CorpusPackage {
  name: string;
  version: string;
}

export interface CorpusManifest {
  packages: CorpusPackage[];
  files: number;
  bytes: number;
  /** Bytes by file extension (lower-case, "" for none), for the corpus table. */
  bytesByExtension: Record<string, number>;
  planted: PlantedSecret[];
}

export interface Corpus extends CorpusManifest {
  dir: string;
}

export function packageDirName(p: CorpusPackage): string {
  return `${p.name.replace(/^@/, "").replace(/\//g, "__")}@${p.version}`;
}

/** Every file under `dir`, relative, `/`-separated, sorted (so planting is deterministic). */
export function listFiles(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === ".git") continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, child));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

function readPackages(root: string): CorpusPackage[] {
  const file = join(root, "bench", "corpus-packages.json");
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { packages: CorpusPackage[] };
  return parsed.packages;
}

async function fetchTarballs(ctx: BenchContext, packages: CorpusPackage[], cache: string): Promise<Map<string, string>> {
  mkdirSync(cache, { recursive: true });
  const tarball = (p: CorpusPackage) => join(cache, `${p.name.replace(/^@/, "").replace(/\//g, "-")}-${p.version}.tgz`);
  const missing = packages.filter((p) => !existsSync(tarball(p)));
  if (missing.length > 0) {
    ctx.log(`corpus: npm pack ${missing.length} package(s) into ${cache}`);
    try {
      await run("npm", ["pack", ...missing.map((p) => `${p.name}@${p.version}`), "--pack-destination", cache, "--json", "--silent"], {
        cwd: cache,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      throw new Error(`npm pack failed for ${missing.map((p) => `${p.name}@${p.version}`).join(", ")}: is the npm registry reachable?`, {
        cause: error,
      });
    }
  }
  const out = new Map<string, string>();
  for (const p of packages) {
    if (!existsSync(tarball(p))) throw new Error(`corpus: npm pack did not produce ${tarball(p)}`);
    out.set(packageDirName(p), tarball(p));
  }
  return out;
}

function plantableJs(file: string, size: number): boolean {
  const ext = extname(file);
  return [".js", ".mjs", ".cjs", ".ts"].includes(ext) && !file.endsWith(".d.ts") && size >= 200 && size <= 2_000_000;
}

/** Plants the fake secrets; returns where they went. Deterministic for a given file list and seed. */
export function plant(dir: string, files: string[], rng: Prng, inExisting: number, inNewFiles: number): PlantedSecret[] {
  const planted: PlantedSecret[] = [];
  const candidates = files.filter((f) => plantableJs(f, statSync(join(dir, f)).size));
  const used = new Set<string>();
  while (planted.length < inExisting && used.size < candidates.length) {
    const file = rng.pick(candidates);
    if (used.has(file)) continue;
    used.add(file);
    const secret = fakeSecret(rng);
    const snip = snippet(secret, "js", rng);
    const where = rng.int(3) === 0 ? "start" : "end";
    const { text, firstLine } = insertLines(readFileSync(join(dir, file), "utf8"), snip.lines, where);
    writeFileSync(join(dir, file), text);
    planted.push({
      id: planted.length + 1,
      provider: secret.provider,
      name: secret.name,
      host: "js",
      file,
      line: firstLine + snip.line,
      column: snip.column + 1,
      endLine: firstLine + snip.endLine,
      endColumn: snip.endColumn + 1,
      existingFile: true,
    });
  }
  const dirs = [...new Set(files.map((f) => posix.dirname(f)))].sort();
  let remaining = inNewFiles;
  while (remaining > 0) {
    const kind = rng.pick(newFileKinds);
    const path = posix.join(rng.pick(dirs), kind.path);
    if (used.has(path) || existsSync(join(dir, path))) continue;
    used.add(path);
    const secrets: FakeSecret[] = [];
    const want = Math.min(remaining, 1 + rng.int(3));
    while (secrets.length < want) {
      const s = fakeSecret(rng);
      if (accepts(kind.host, s) && !secrets.some((x) => x.name === s.name)) secrets.push(s);
    }
    const { text, positions } = buildConfigFile(kind.host, secrets, rng);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    secrets.forEach((secret, i) => {
      const p = positions[i];
      if (!p) throw new Error("plant: missing position");
      planted.push({ id: planted.length + 1, provider: secret.provider, name: secret.name, host: kind.host, file: path, ...p, existingFile: false });
    });
    remaining -= want;
  }
  return planted;
}

function isBinaryHead(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(8000);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

export async function buildCorpus(ctx: BenchContext): Promise<Corpus> {
  const packages = readPackages(ctx.root);
  const dir = join(ctx.workDir, "corpus");
  const manifestFile = join(ctx.workDir, "corpus-manifest.json");
  const stampFile = join(ctx.workDir, "corpus.stamp");
  const stamp = createHash("sha256")
    .update(JSON.stringify({ packages, PLANT_VERSION, SEED, PLANT_IN_EXISTING, PLANT_IN_NEW_FILES }))
    .digest("hex");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(manifestFile) && existsSync(dir)) {
    return { dir, ...(JSON.parse(readFileSync(manifestFile, "utf8")) as CorpusManifest) };
  }
  const tarballs = await fetchTarballs(ctx, packages, join(ctx.workDir, "cache"));
  ctx.log(`corpus: extracting ${packages.length} packages into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, tgz] of tarballs) extractTarGz(readFileSync(tgz), join(dir, name), 1);
  // Its own (empty) git repository: tools that honour .gitignore must not see
  // the enclosing project's `/.bench/` rule and skip the whole corpus.
  await run("git", ["init", "-q", dir]);
  const files = listFiles(dir);
  const planted = plant(dir, files, new Prng(SEED), PLANT_IN_EXISTING, PLANT_IN_NEW_FILES);
  ctx.log(`corpus: planted ${planted.length} fake secrets`);
  let bytes = 0;
  const bytesByExtension: Record<string, number> = {};
  const all = listFiles(dir);
  for (const f of all) {
    const size = statSync(join(dir, f)).size;
    bytes += size;
    const ext = isBinaryHead(join(dir, f)) ? "(binary)" : extname(f).toLowerCase();
    bytesByExtension[ext] = (bytesByExtension[ext] ?? 0) + size;
  }
  const manifest: CorpusManifest = { packages, files: all.length, bytes, bytesByExtension, planted };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);
  writeFileSync(stampFile, stamp);
  return { dir, ...manifest };
}
