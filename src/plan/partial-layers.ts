import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BASE_LAYER_ENVIRONMENT, dirOf, isEnvFile } from "../map/environment.js";
import type { PlannedSecret, PlanWarning } from "./types.js";

// A process's own .env file (`.env.jobs`, `.env.worker`) that a launcher loads
// next to the others is a layer of every environment (src/map/launcher-layers.ts):
// its secrets go to the shared location, and the secrets module serves them to
// every process of the app. When the processes are started together and only
// some of them load that file (concurrently running `node --env-file=.env
// src/api.js` and `node --env-file=.env --env-file=.env.jobs src/jobs.js`, a
// Procfile's `web` and `worker`), the others now get secrets they never had: a
// process that reads one sees a value where it saw none. The plan says so,
// naming the file, its secrets and the commands started without it.

/** A command of a launch line that loads .env files: a flag of a known loader names them. */
const LOADS = /--env-file(?:-if-exists)?\b|(?:^|\s)-[ef](?:\s|=)|\bnf\s+(?:run|start)\b|dotenv_config_path=/;

/** The commands of one line: each quoted argument (concurrently's "cmd1" "cmd2") and each part between &&, ||, ;, | and &. */
export function lineCommands(line: string): string[] {
  const quoted: string[] = [];
  const rest = line.replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, (_, d: string | undefined, s: string | undefined) => {
    const inner = (d ?? s ?? "").replace(/\\"/g, '"');
    if (/\s/.test(inner.trim())) {
      quoted.push(inner);
      return " ";
    }
    return ` ${inner} `;
  });
  return [...quoted, ...rest.split(/&&|\|\||;|\||&/)].map((c) => c.trim()).filter((c) => c !== "");
}

/** The .env files (as written, `./` dropped) a command loads. */
function loadedFiles(command: string): string[] {
  if (!LOADS.test(command)) return [];
  return command
    .split(/[\s,=:'"]+/)
    .map((t) => t.replace(/^\.\//, ""))
    .filter((t) => t !== "" && isEnvFile(t) && !t.includes("$"));
}

/** Groups of commands started together: each npm script's line, and a Procfile's processes. */
function launchGroups(root: string, dir: string): { where: string; commands: string[] }[] {
  const at = (name: string) => (dir === "" ? name : `${dir}/${name}`);
  const out: { where: string; commands: string[] }[] = [];
  try {
    const scripts = (JSON.parse(readFileSync(join(root, at("package.json")), "utf8")) as { scripts?: Record<string, unknown> }).scripts ?? {};
    for (const [name, line] of Object.entries(scripts)) if (typeof line === "string") out.push({ where: `${at("package.json")} (npm script "${name}")`, commands: lineCommands(line) });
  } catch {
    // no package.json there
  }
  try {
    const procs = readFileSync(join(root, at("Procfile")), "utf8").split(/\r?\n/).map((l) => l.replace(/^[\w-]+:\s*/, "").trim()).filter((l) => l !== "" && !l.startsWith("#"));
    out.push({ where: at("Procfile"), commands: procs.flatMap(lineCommands) });
  } catch {
    // no Procfile there
  }
  return out;
}

export function partialLayerWarnings(root: string, secrets: readonly PlannedSecret[]): PlanWarning[] {
  const byFile = new Map<string, string[]>();
  for (const s of secrets) {
    if (s.source.type !== "dotenv" || s.environment !== BASE_LAYER_ENVIRONMENT) continue;
    const names = byFile.get(s.source.file) ?? [];
    if (!names.includes(s.name)) names.push(s.name);
    byFile.set(s.source.file, names);
  }
  const warnings: PlanWarning[] = [];
  for (const [file, names] of byFile) {
    const dir = dirOf(file);
    const own = dir === "" ? file : file.slice(dir.length + 1);
    for (const group of launchGroups(root, dir)) {
      const loading = group.commands.filter((c) => loadedFiles(c).length > 0);
      const withIt = loading.filter((c) => loadedFiles(c).includes(own));
      const without = loading.filter((c) => !loadedFiles(c).includes(own));
      if (withIt.length === 0 || without.length === 0) continue;
      const list = names.sort().join(", ");
      warnings.push({
        code: "layer-everywhere",
        file,
        message: `${file} is loaded by only some of the processes ${group.where} starts (\`${withIt[0]}\`), not by \`${without.join("`, `")}\`. Its secrets (${list}) move to the location every environment shares, and the secrets module gives them to every process of the app: those started without ${own} now get them too, and one that reads them sees a value where it saw none. If that matters, move them into a .env file only that process's code reads, or read them in that process's code only, then plan again.`,
      });
      break;
    }
  }
  return warnings;
}
