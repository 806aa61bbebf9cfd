import { readFileSync } from "node:fs";
import { join } from "node:path";
import { yarnInjectedFiles } from "./yarn-env.js";
import { dirOf, environmentOf, isEnvFile, isStandardEnvironment, namesEnvironment } from "./environment.js";

// A .env file named by a word that is no environment (`.env.web`, `.env.worker`,
// `.env.api`) is, by its name alone, an environment of that name. But when a
// launcher loads it together with the other .env files in one command
// (node-foreman's `nf run -e .env,.env.web`, dotenv-cli's `-e .env -e .env.web`,
// `node --env-file=.env --env-file=.env.worker`), or docker compose passes it to
// a service (`env_file: .env.api`, whatever `--env-file` picked for the mode),
// it is loaded in every environment: a layer over the others (one per process
// role, per service), not an environment of its own. Its secrets go to the
// shared location every environment reads, as a layered `.env`'s do; the secrets
// module serves them wherever NODE_ENV points. A file whose word NODE_ENV or
// VAULTSHIFT_ENV is set to somewhere keeps its environment. Yarn 4 injects the
// files `.yarnrc.yml` lists (`injectEnvironmentFiles`) into every script: layers too.

const LAUNCHER_FILES = ["package.json", "Procfile", ".foreman", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"];

/** The .env paths a command line or compose line names (relative to the file's directory as written, `./` dropped). */
function namedEnvFiles(line: string): string[] {
  const out: string[] = [];
  for (const token of line.split(/[\s,=:;'"[\]]+/)) {
    const t = token.replace(/^\.\//, "");
    if (t !== "" && isEnvFile(t) && !t.includes("$")) out.push(t);
  }
  return out;
}

/** The lines that start something: npm scripts, Procfile and .foreman lines, compose `env_file` entries (with whether they are compose's). */
function launchLines(file: string, text: string): { line: string; compose: boolean }[] {
  if (file.endsWith("package.json")) {
    try {
      const scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
      return Object.values(scripts).filter((v): v is string => typeof v === "string").map((line) => ({ line, compose: false }));
    } catch {
      return [];
    }
  }
  if (/compose/.test(file)) {
    const out: { line: string; compose: boolean }[] = [];
    let indent = -1;
    for (const line of text.split(/\r?\n/)) {
      const own = /^\s*/.exec(line)![0].length;
      if (/^\s*env_file\s*:/.test(line)) {
        indent = own;
        out.push({ line: line.replace(/^\s*env_file\s*:/, ""), compose: true });
      } else if (indent >= 0 && own > indent && /^\s*-/.test(line)) out.push({ line: line.replace(/^\s*-\s*(?:path\s*:)?/, ""), compose: true });
      else if (indent >= 0 && !/^\s*(?:required|format)\s*:/.test(line)) indent = -1;
    }
    return out;
  }
  return text.split(/\r?\n/).map((line) => ({ line, compose: false }));
}

/** The env files (of `envFiles`) that launchers load as layers of every environment. */
export function launcherLayers(root: string, envFiles: string[]): Set<string> {
  const odd = envFiles.filter((f) => namesEnvironment(f) && !isStandardEnvironment(environmentOf(f)) && environmentOf(f) !== "local");
  const layers = new Set<string>();
  if (odd.length === 0) return layers;
  const texts: string[] = [];
  for (const dir of new Set(["", ...odd.map(dirOf)])) {
    for (const name of LAUNCHER_FILES) {
      const file = dir === "" ? name : `${dir}/${name}`;
      let text: string;
      try {
        text = readFileSync(join(root, file), "utf8");
      } catch {
        continue;
      }
      texts.push(text);
      for (const { line, compose } of launchLines(file, text)) {
        const named = namedEnvFiles(line).map((n) => (dir === "" ? n : `${dir}/${n}`));
        if (!compose && named.length < 2) continue;
        for (const f of named) if (odd.includes(f)) layers.add(f);
      }
    }
  }
  // Yarn 4's injectEnvironmentFiles: every `yarn run` loads them, whatever the environment.
  for (const dir of new Set(["", ...odd.map(dirOf)])) for (const f of yarnInjectedFiles(root, dir, envFiles)) if (odd.includes(f)) layers.add(f);
  for (const f of layers) {
    const word = environmentOf(f).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (texts.some((t) => new RegExp(`\\b(?:NODE_ENV|VAULTSHIFT_ENV)["'\\]]?\\s*(?:=|:)\\s*["'\`]?${word}(?![\\w-])`, "i").test(t))) layers.delete(f);
  }
  return layers;
}
