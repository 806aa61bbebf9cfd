import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Candidate, CandidateSet } from "../classify/candidates.js";
import { envDefaults } from "../apply/env-default-editor.js";
import { environmentOf, isEnvironmentWord, BASE_LAYER_ENVIRONMENT } from "../map/environment.js";
import { judge } from "../scan/judge.js";
import { configEnvWarning, type ConfigSecrets } from "./config-secrets.js";

// Secrets typed in as the default of a framework's environment helper:
// Strapi's config/*.js|ts export `({ env }) => ({ … env('ADMIN_JWT_SECRET', '…') … })`
// (docs.strapi.io "Environment variables": env(key, default) is the variable when
// set, else the default; @strapi/core loads the project's .env itself). Such a
// default moves to the variable the call already names: the default is dropped
// (`env('ADMIN_JWT_SECRET')`), Vault holds the value, and `vaultshift run` sets
// the variable, as it does for the project's .env secrets (Strapi's own loader
// reads them, no code of the project does). No secrets module is written for
// them, and the call keeps its place. A literal the scanner found there stops
// being a literal to rewrite; one it missed (a template literal) is judged by
// the variable's name, as a .env entry would be.

/** Whether the project is a Strapi app (its package.json depends on @strapi/strapi). */
function isStrapiProject(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    return ["dependencies", "devDependencies"].some((k) => pkg[k]?.["@strapi/strapi"] !== undefined || pkg[k]?.["@strapi/core"] !== undefined);
  } catch {
    return false;
  }
}

/** Strapi's configuration files: config/*.js|ts, and config/env/<environment>/*.js|ts for one environment. */
function strapiConfigEnvironment(file: string): string | undefined {
  if (!/^config\/(?:env\/[^/]+\/)?[^/]+\.(?:[cm]?js|[cm]?ts)$/.test(file)) return undefined;
  const env = /^config\/env\/([^/]+)\//.exec(file)?.[1];
  if (env === undefined) return BASE_LAYER_ENVIRONMENT;
  return isEnvironmentWord(env.toLowerCase()) ? environmentOf(`.env.${env.toLowerCase()}`) : undefined;
}

/**
 * Move the env() defaults of a Strapi project's config files out of `found.secrets` (literals to
 * rewrite) into `into` (candidates set in the environment, edits dropping the default, a
 * `config-env` warning per file).
 */
export function takeEnvHelperDefaults(root: string, found: CandidateSet, into: ConfigSecrets): void {
  if (!isStrapiProject(root)) return;
  for (const file of found.sourceFiles) {
    const environment = strapiConfigEnvironment(file);
    if (environment === undefined) continue;
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    const names: string[] = [];
    const defaults = envDefaults(file, text) ?? [];
    for (const d of defaults.filter((x, i) => defaults.findIndex((y) => y.name === x.name) === i)) {
      // Every place with this name holds the same default: the literals found at any of them stop being literals.
      const places = defaults.filter((x) => x.name === d.name);
      const isPlace = (c: Candidate) => c.source.type === "literal" && c.source.file === file && places.some((p) => p.line === c.source.line) && c.value === d.value;
      const literal = found.secrets.find(isPlace);
      const judged = literal ? undefined : judge(d.name, d.value, "code");
      if (!literal && !judged?.secret) continue;
      const why = literal ? literal.reason : judged!.reason;
      const moving: Candidate = {
        source: { type: "config", file, line: d.line, column: d.column, name: d.name, keyPath: ["env", d.name] },
        name: d.name,
        value: d.value,
        environment,
        kind: literal?.kind ?? (judged!.secret ? judged!.kind : "generic-secret"),
        confidence: literal?.confidence ?? (judged!.secret ? judged!.confidence : 0.5),
        reason: `${why}; the default of env('${d.name}') in ${file}: Strapi's env() reads ${d.name} from the environment over it`,
      };
      found.secrets = found.secrets.filter((c) => !isPlace(c));
      into.candidates.push(moving);
      into.edits.push({ file, keyPath: ["env", d.name], how: "drop-default", envName: d.name });
      names.push(d.name);
    }
    if (names.length > 0) into.warnings.push(configEnvWarning(file, names, `Strapi's env() reads ${names.length === 1 ? "it" : "them"} from the environment instead (the default${names.length === 1 ? " is" : "s are"} dropped)`));
  }
}
