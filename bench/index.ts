import { mkdirSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { renderTable } from "./table.js";
import type { BenchContext, Benchmark } from "./types.js";

// `npm run bench [-- <filter>...]`: imports every compiled module next to this
// one (dist/bench/*.js, tests excluded), collects their `benchmarks` exports,
// and runs those whose name contains one of the filters (all when none).
// Tables go to stdout as Markdown, progress to stderr. Nothing here asserts a
// timing: the figures are for people to read and compare with the targets.

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");

function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== "object" || value === null) return false;
  const b = value as Record<string, unknown>;
  return typeof b.name === "string" && typeof b.run === "function";
}

/**
 * A module that fails to load (a half-written build, a missing dependency) is
 * reported through `onError` and skipped, so that it cannot take the other
 * benchmarks down with it.
 */
export async function discover(dir = here, onError: (file: string, error: unknown) => void = () => {}): Promise<Benchmark[]> {
  const found: Benchmark[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".js") || file.endsWith(".test.js") || file === "index.js") continue;
    let mod: { benchmarks?: unknown };
    try {
      mod = (await import(pathToFileURL(join(dir, file)).href)) as { benchmarks?: unknown };
    } catch (error) {
      onError(file, error);
      continue;
    }
    if (!Array.isArray(mod.benchmarks)) continue;
    for (const b of mod.benchmarks) {
      if (!isBenchmark(b)) throw new Error(`bench/${file}: every entry of \`benchmarks\` needs a name and a run() function`);
      if (seen.has(b.name)) throw new Error(`bench/${file}: benchmark name "${b.name}" is used twice; names must be unique`);
      seen.add(b.name);
      found.push(b);
    }
  }
  return found;
}

export function select(all: Benchmark[], filters: string[]): Benchmark[] {
  return filters.length === 0 ? all : all.filter((b) => filters.some((f) => b.name.includes(f)));
}

async function main(argv: string[]): Promise<number> {
  const broken: string[] = [];
  const all = await discover(here, (file, error) => {
    broken.push(file);
    process.stderr.write(`[bench] bench/${file} could not be loaded, its benchmarks are skipped: ${error instanceof Error ? error.message : String(error)}\n`);
  });
  if (argv.includes("--list") || argv.includes("-l")) {
    for (const b of all) process.stdout.write(`${b.name.padEnd(24)} ${b.description}\n`);
    return 0;
  }
  const filters = argv.filter((a) => !a.startsWith("-"));
  const chosen = select(all, filters);
  if (chosen.length === 0) {
    process.stderr.write(`bench: no benchmark matches ${filters.join(", ")}. Known: ${all.map((b) => b.name).join(", ")}\n`);
    return 2;
  }
  const workDir = join(root, ".bench");
  mkdirSync(workDir, { recursive: true });
  const ctx: BenchContext = {
    root,
    workDir,
    cpus: availableParallelism(),
    log: (m) => process.stderr.write(`[bench] ${m}\n`),
  };
  process.stdout.write(
    `## vaultshift benchmarks, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC\n\n` +
      `Node ${process.version}, ${ctx.cpus} CPUs, ${process.platform}/${process.arch}\n\n`,
  );
  let failed = 0;
  for (const b of chosen) {
    ctx.log(`${b.name}: ${b.description}`);
    const started = performance.now();
    try {
      for (const table of await b.run(ctx)) process.stdout.write(`${renderTable(table)}\n`);
      ctx.log(`${b.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      // One broken benchmark must not hide the others' figures.
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(`### ${b.name}\n\nFAILED: ${message}\n\n`);
      ctx.log(`${b.name}: FAILED: ${error instanceof Error && error.stack ? error.stack : message}`);
    }
  }
  if (broken.length > 0) process.stdout.write(`Not run (module failed to load): ${broken.map((f) => `bench/${f}`).join(", ")}\n`);
  return failed === 0 && broken.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
