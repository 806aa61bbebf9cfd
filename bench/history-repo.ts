import { mkdirSync, rmSync } from "node:fs";
import { jsFunction, jsModule, jsonConfig, markdown } from "./code-gen.js";
import { Prng, fakeSecret, type FakeSecret } from "./fake-secrets.js";
import { git } from "./git.js";
import { snippet, type PlantedSecret } from "./plant.js";

// A synthetic project history for the --history benchmark, written with
// `git fast-import` (one process, exact dates, identical on every machine):
// ~200 commits that edit, add and delete files the way a small team does, a
// few of which add a secret that a later commit removes again (the case
// history scanning exists for: the secret is gone from the tree, not from git).

export interface HistoryRepo {
  commits: number;
  /** Secrets added by some commit; `line` is the line in the file as that commit left it. */
  planted: (PlantedSecret & { commit: number; removedIn: number })[];
}

interface Commit {
  message: string;
  set: Map<string, string[]>;
  remove: string[];
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** `values[i]` is planted[i]'s secret, for tests only: it is never written anywhere but the repository. */
export function generateHistory(
  commitCount: number,
  secretCommits: number[],
  seed = 0x4157,
): { stream: string; planted: HistoryRepo["planted"]; values: string[] } {
  const rng = new Prng(seed);
  const files = new Map<string, string[]>();
  const commits: Commit[] = [];
  const planted: HistoryRepo["planted"] = [];
  const values: string[] = [];
  const pending: { at: number; file: string; lines: string[] }[] = [];

  const initial = new Map<string, string[]>();
  for (let i = 0; i < 200; i++) initial.set(`src/${["api", "lib", "jobs", "web"][i % 4]}/module-${i}.js`, jsModule(rng));
  for (let i = 0; i < 12; i++) initial.set(`config/service-${i}.json`, jsonConfig(rng));
  initial.set("README.md", markdown(rng));
  initial.set(".env.example", ["PORT=3000", "DATABASE_URL=", "STRIPE_SECRET_KEY="]);
  for (const [k, v] of initial) files.set(k, v);
  commits.push({ message: "Initial import", set: initial, remove: [] });

  for (let c = 1; c < commitCount; c++) {
    const set = new Map<string, string[]>();
    const remove: string[] = [];
    const paths = [...files.keys()].sort();
    const edits = 1 + rng.int(6);
    for (let e = 0; e < edits; e++) {
      const path = rng.pick(paths);
      const lines = [...(set.get(path) ?? files.get(path) ?? [])];
      if (path.endsWith(".js")) {
        const at = rng.int(lines.length + 1);
        if (rng.int(3) === 0 && lines.length > 30) lines.splice(at, 3 + rng.int(10));
        else lines.splice(at, 0, ...jsFunction(rng));
      } else if (path.endsWith(".json")) {
        lines.splice(0, lines.length, ...jsonConfig(rng));
      } else if (path.endsWith(".md")) {
        lines.push(...markdown(rng).slice(2));
      }
      set.set(path, lines);
    }
    if (rng.int(8) === 0) set.set(`src/feature-${c}.js`, jsModule(rng));
    if (rng.int(15) === 0) {
      const victim = rng.pick(paths.filter((p) => p.startsWith("src/feature-")).concat(paths.filter((p) => p.endsWith(".js"))));
      if (!set.has(victim) && !pending.some((p) => p.file === victim)) remove.push(victim);
    }
    // A secret goes in...
    if (secretCommits.includes(c)) {
      const secret: FakeSecret = fakeSecret(rng);
      const env = rng.int(2) === 0;
      const path = env ? `deploy/.env.${c}` : `src/settings-${c}.js`;
      const snip = snippet(secret, env ? "env" : "js", rng);
      const lines = env ? ["NODE_ENV=production", ...snip.lines] : [...jsModule(rng, 2), ...snip.lines];
      const first = lines.length - snip.lines.length + 1;
      set.set(path, lines);
      planted.push({
        id: planted.length + 1,
        provider: secret.provider,
        name: secret.name,
        host: env ? "env" : "js",
        file: path,
        line: first + snip.line,
        column: snip.column + 1,
        endLine: first + snip.endLine,
        endColumn: snip.endColumn + 1,
        existingFile: false,
        commit: c,
        removedIn: Math.min(commitCount - 1, c + 3 + rng.int(10)),
      });
      values.push(secret.value);
      pending.push({ at: planted[planted.length - 1]?.removedIn ?? c, file: path, lines: snip.lines });
    }
    // ...and is taken out again a few commits later (the lines deleted, the file kept).
    for (const p of pending.filter((x) => x.at === c)) {
      const current = set.get(p.file) ?? files.get(p.file);
      if (current) set.set(p.file, current.filter((l) => !p.lines.includes(l)));
    }
    for (const [k, v] of set) files.set(k, v);
    for (const r of remove) files.delete(r);
    commits.push({ message: `${["Fix", "Add", "Refactor", "Update", "Tidy"][rng.int(5)]} ${[...set.keys()][0] ?? "files"}`, set, remove });
  }

  let stream = "";
  commits.forEach((commit, i) => {
    const when = 1_767_225_600 + i * 3_600; // 2026-01-01, one commit an hour
    stream += `commit refs/heads/main\nmark :${i + 1}\n`;
    stream += `author Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n`;
    stream += data(commit.message);
    if (i > 0) stream += `from :${i}\n`;
    for (const r of commit.remove) stream += `D ${r}\n`;
    for (const [path, lines] of commit.set) stream += `M 100644 inline ${path}\n${data(`${lines.join("\n")}\n`)}`;
  });
  return { stream, planted, values };
}

export function buildHistoryRepo(
  dir: string,
  commitCount = 200,
  secretCommits = [23, 61, 97, 140, 178],
): HistoryRepo & { values: string[] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { stream, planted, values } = generateHistory(commitCount, secretCommits);
  git(dir, ["init", "-q", "-b", "main"]);
  git(dir, ["fast-import", "--quiet"], stream);
  git(dir, ["checkout", "-q", "main"]);
  return { commits: commitCount, planted, values };
}
