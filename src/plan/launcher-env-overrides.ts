import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PlanError } from "../errors.js";
import type { Candidate } from "../classify/candidates.js";
import { BASE_LAYER_ENVIRONMENT, dirOf } from "../map/environment.js";

// A development launcher can set variables itself before the app's dotenv
// runs: nodemon's `env` (nodemon.json, or package.json "nodemonConfig") is
// merged over the shell's environment of the process it starts, and dotenv
// never replaces a variable already set, so for a name both hold nodemon's
// value is the one the app reads in development. After the migration the code
// reads the .env file's value from Vault instead: another value, with nothing
// said. The plan stops before anything is written when a secret it would move
// from a file of the launcher's environment holds another value than the
// launcher sets (the same value changes nothing).

export interface LauncherEnvSetting {
  /** The launcher's file, relative to the project root. */
  file: string;
  line: number;
  name: string;
  value: string;
  /** The environment the launcher runs in: its own NODE_ENV, else development. */
  environment: string;
}

/** The variables nodemon sets (nodemon.json's `env`, else package.json's nodemonConfig.env) in each of `dirs`. */
export function launcherEnvSettings(root: string, dirs: Iterable<string>): LauncherEnvSetting[] {
  const out: LauncherEnvSetting[] = [];
  for (const dir of new Set(dirs)) {
    const at = (name: string) => (dir === "" ? name : `${dir}/${name}`);
    for (const [file, pick] of [
      [at("nodemon.json"), (j: Record<string, unknown>) => j["env"]],
      [at("package.json"), (j: Record<string, unknown>) => (j["nodemonConfig"] as Record<string, unknown> | undefined)?.["env"]],
    ] as const) {
      let text: string;
      let env: unknown;
      try {
        text = readFileSync(join(root, file), "utf8");
        env = pick(JSON.parse(text) as Record<string, unknown>);
      } catch {
        continue;
      }
      if (!env || typeof env !== "object") continue;
      const vars = Object.entries(env as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
      const environment = vars.find(([k]) => k === "NODE_ENV")?.[1] ?? "development";
      const lines = text.split(/\r?\n/);
      for (const [name, value] of vars) {
        const key = `${JSON.stringify(name)}:`;
        const line = lines.findIndex((l) => l.replace(/"\s+:/g, '":').includes(key)) + 1;
        out.push({ file, line, name, value, environment });
      }
      break; // nodemon.json wins over package.json's nodemonConfig
    }
  }
  return out;
}

/**
 * Stop when a secret that would move from a .env file read in the launcher's
 * environment (that environment's file or the shared base layer, in the
 * launcher's directory) is set to another value by the launcher: the processes
 * it starts read the launcher's value today and would read the file's from Vault.
 */
export function refuseLauncherEnvOverrides(root: string, movable: readonly Candidate[]): void {
  const fromFiles = movable.filter((c) => c.source.type === "dotenv");
  if (fromFiles.length === 0) return;
  const problems: string[] = [];
  let first: { setting: LauncherEnvSetting; file: string } | undefined;
  for (const s of launcherEnvSettings(root, fromFiles.map((c) => dirOf(c.source.file)))) {
    for (const c of fromFiles) {
      if (c.name !== s.name || c.value === s.value || dirOf(c.source.file) !== dirOf(s.file)) continue;
      if (c.environment !== s.environment && c.environment !== BASE_LAYER_ENVIRONMENT) continue;
      problems.push(`${c.name}: ${s.file}:${s.line} sets it in the environment of the processes nodemon starts (${s.environment}), over ${c.source.file}:${c.source.line}'s value, which dotenv does not replace; after the migration the code would read ${c.source.file}'s value from Vault there instead.`);
      first ??= { setting: s, file: c.source.file };
    }
  }
  if (!first) return;
  throw new PlanError(`${problems.length} secret${problems.length === 1 ? " is" : "s are"} set by nodemon's env over a .env file's value; moving the file's value would change what the app reads under nodemon:\n  ${problems.join("\n  ")}`, {
    hint: `Choose one: delete ${first.setting.name} from ${first.setting.file}'s env if ${first.file}'s value is the right one, or put nodemon's value in ${first.file} (or in a .env file of its own for that environment) and delete it from ${first.setting.file}. Then plan again.`,
  });
}
