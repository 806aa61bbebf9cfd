import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Candidate } from "../classify/candidates.js";
import { configLoadOf, type ConfigLoad } from "../classify/config-loaders.js";
import { configEnvName, configFileEnvironment } from "../map/config-env-names.js";
import { configValueAt, editConfigText, isYamlFile } from "../apply/config-file-editor.js";
import { jsonSpans } from "../util/json-spans.js";
import { blankJsonc, parseJsonc } from "../util/jsonc.js";
import { yamlDocument, yamlLeaves } from "../util/yaml-spans.js";
import { jsMappingName } from "../map/node-config-js-mappings.js";
import type { Finding } from "../scan/types.js";
import type { PlanConfigEdit, PlanWarning, SecretSource } from "./types.js";

// Secrets in JSON configuration files (Ghost's config.production.json, NodeBB's
// config.json, node-config's config/production.json, Etherpad-style
// settings.json): each moves when the file's loader reads an environment
// variable over the value (src/classify/config-loaders.ts), and stays,
// `not-migrated` with the reason, when it does not. A moving one becomes a
// candidate like a .env entry (its variable name is what `vaultshift run` and
// the secrets module set) plus an edit of the file: the member goes, or its
// value becomes `${NAME}`, and node-config gains the mapping.

/** Whether a plan's secret reaches the app as an environment variable (`vaultshift run`, the secrets module's process.env). */
export function setInEnvironment(source: Pick<SecretSource, "type">): boolean {
  return source.type === "dotenv" || source.type === "config";
}

export interface ConfigSecrets {
  candidates: Candidate[];
  edits: PlanConfigEdit[];
  /** `config-env`, one per file that loses values: which variables its loader now reads, and how the app gets them. */
  warnings: PlanWarning[];
  /** The findings whose value moves (they get no not-migrated warning). */
  moved: Set<Finding>;
  /** "file:line" → why the value there is not moved (replaces the generic not-migrated text). */
  refusals: Map<string, string>;
}

const LOADER_NAMES: Record<ConfigLoad["how"], string> = {
  nconf: "nconf",
  "node-config": "node-config (the config package)",
  rc: "rc",
  convict: "convict",
  substitution: "its loader's ${NAME} substitution",
  plain: "a plain read",
  unknown: "nothing known",
};

/** A value the loader would turn into another type when it comes from the environment (nconf parseValues, Etherpad's coercion). */
function retyped(value: string): boolean {
  if (["true", "false", "null", "undefined"].includes(value.trim())) return true;
  try {
    return typeof JSON.parse(value) !== "string";
  } catch {
    return false;
  }
}

/** node-config's existing mapping of `keyPath` (a name, `{ "__name": … }`), or why it cannot be used. */
function existingMapping(root: string, file: string, keyPath: readonly string[]): { name?: string; problem?: string } {
  if (!existsSync(join(root, file))) return {};
  const m = configValueAt(file, readFileSync(join(root, file), "utf8"), keyPath);
  if (m === undefined) return {};
  if (typeof m === "string") return { name: m };
  if (typeof m === "object" && m !== null && typeof (m as { __name?: unknown }).__name === "string") {
    return (m as { __format?: unknown }).__format === undefined ? { name: (m as { __name: string }).__name } : { problem: `${file} maps it with a __format (the variable's text is parsed), which would change the value's type` };
  }
  return { problem: `${file} maps ${keyPath.join(".")} to something vaultshift cannot read as a variable name` };
}

/** A variable name for a config path, for a hint: `mail.auth.pass` → `MAIL_AUTH_PASS`. */
function configEnvNameHint(keyPath: readonly string[]): string {
  return keyPath.map((k) => k.replace(/([a-z0-9])([A-Z])/g, "$1_$2")).join("_").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

const NOT_JSON = "$FILE is neither JSON nor JSON with comments (JSON5's unquoted keys or single quotes), which vaultshift does not rewrite";
const NO_MEMBER = "the value is not a string of $FILE vaultshift can point a variable at (a key, a number, or a string split over lines)";

type Member = { keyPath: string[]; value: string; inArray: boolean } | { problem: string };

/** The string member of a JSON or JSONC text on `line` holding `found` (the finding's matched text). */
function jsonMember(text: string, line: number, found: string): Member {
  try {
    parseJsonc(text);
  } catch {
    return { problem: NOT_JSON };
  }
  const scan = blankJsonc(text);
  for (const [path, span] of jsonSpans(scan, "\u0000")) {
    if (text[span.start] !== '"' || lineOf(text, span.start) !== line) continue;
    const value = JSON.parse(text.slice(span.start, span.end)) as string;
    if (found !== "" && !value.includes(found)) continue;
    return { keyPath: path.split("\u0000"), value, inArray: span.inArray === true || path.includes("[") };
  }
  return { problem: NO_MEMBER };
}

/** The string value of a YAML text starting on `line` holding `found`. */
function yamlMember(text: string, line: number, found: string): Member {
  const read = yamlDocument(text);
  if ("problem" in read) return { problem: `$FILE cannot be edited safely: ${read.problem}` };
  for (const leaf of yamlLeaves(text)) {
    if (leaf.line !== line || typeof leaf.value !== "string" || (found !== "" && !leaf.value.includes(found))) continue;
    return { keyPath: leaf.keyPath, value: leaf.value, inArray: leaf.inArray };
  }
  return { problem: NO_MEMBER };
}

/**
 * Decide, for each finding in a JSON file of the project, whether it moves. `valueOf` gives a
 * finding's matched text (in memory only); `sources` are the app's JS/TS files.
 */
export function configSecrets(root: string, findings: readonly Finding[], sources: readonly string[], valueOf: (f: Finding) => string): ConfigSecrets {
  const out: ConfigSecrets = { candidates: [], edits: [], warnings: [], moved: new Set(), refusals: new Map() };
  const loads = new Map<string, ConfigLoad>();
  const texts = new Map<string, string>();
  const taken = new Set<string>();
  const loaders = new Map<string, ConfigLoad>();
  for (const f of findings) {
    const where = `${f.file}:${f.line}`;
    const yaml = isYamlFile(f.file);
    // rc's `.<appname>rc` may be JSON (then it is looked at) or INI (then it stays as any other file).
    const rcFile = /(^|\/)\.[A-Za-z0-9_-]+rc$/.test(f.file);
    if (!(yaml || rcFile || /\.json$/i.test(f.file)) || /(^|\/)(package|package-lock|tsconfig|composer)\.json$/.test(f.file)) continue;
    let text: string;
    try {
      text = texts.get(f.file) ?? readFileSync(join(root, f.file), "utf8");
    } catch {
      continue;
    }
    texts.set(f.file, text);
    const found = valueOf(f);
    const located = yaml ? yamlMember(text, f.line, found) : jsonMember(text, f.line, found);
    if ("problem" in located) {
      if (!(rcFile && located.problem === NOT_JSON)) out.refusals.set(where, located.problem.replace("$FILE", f.file));
      continue;
    }
    const hit = located;
    const load = loads.get(f.file) ?? configLoadOf(root, f.file, sources, texts);
    loads.set(f.file, load);
    const path = hit.keyPath.join(".");
    const refuse = (why: string) => out.refusals.set(where, why);
    if (hit.inArray) {
      refuse(`${path} is inside an array of ${f.file}, and no environment variable of ${LOADER_NAMES[load.how]} sets one element of an array`);
      continue;
    }
    if (load.how === "plain") {
      refuse(`${f.file} is read by ${load.by} as a plain file (require, readFileSync, a JSON or YAML parse), which takes no value from the environment`);
      continue;
    }
    if (load.how === "unknown") {
      refuse(`no code of the app is seen to load ${f.file} (a program other than this app's Node code reads it, or a loader vaultshift does not know), so nothing says which environment variable could replace the value`);
      continue;
    }
    if (load.how === "node-config" && (load.stem === "local" || load.stem.startsWith("local-"))) {
      refuse(`${f.file} is node-config's machine-local file (config/local*.json, meant to stay out of git), which overrides every environment on this machine only`);
      continue;
    }
    // A custom-environment-variables.js (and no JSON/YAML one): a mapping it already has is used as it is.
    const jsFile = load.how === "node-config" && load.mappingOther !== undefined && /\.c?js$/.test(load.mappingOther) && !existsSync(join(root, load.mappingFile)) ? load.mappingOther : undefined;
    const fromJs = jsFile !== undefined ? jsMappingName(readFileSync(join(root, jsFile), "utf8"), hit.keyPath, jsFile) : undefined;
    if (fromJs !== undefined && fromJs.name === undefined && fromJs.problem === undefined) {
      refuse(`node-config would read it from an environment variable, but ${jsFile} (a module, which vaultshift does not edit) maps nothing to ${path}: add ${JSON.stringify(path)} → a variable name there (e.g. ${hit.keyPath.map((k) => `${k}: {`).join(" ")} "${configEnvNameHint(hit.keyPath)}" ${hit.keyPath.map(() => "}").join(" ")}) and plan again`);
      continue;
    }
    if (load.how === "node-config" && load.mappingOther !== undefined && fromJs === undefined) {
      refuse(`node-config would read it from an environment variable, but mappings are kept in ${load.mappingOther}, which vaultshift does not edit (it edits one custom-environment-variables file, .json, .yml or .yaml)`);
      continue;
    }
    const mapping = fromJs ?? (load.how === "node-config" ? existingMapping(root, load.mappingFile, hit.keyPath) : {});
    if (mapping.problem !== undefined) {
      refuse(mapping.problem);
      continue;
    }
    const named = configEnvName(load, hit.keyPath, mapping.name);
    if ("refused" in named) {
      refuse(named.refused);
      continue;
    }
    if (((load.how === "nconf" && load.parseValues) || load.how === "substitution") && retyped(hit.value)) {
      refuse(`${LOADER_NAMES[load.how]} would read the value back from ${named.name} as a number, boolean or null, not the string the file holds`);
      continue;
    }
    // The edit must be one the editor can make (a YAML flow mapping, a key sharing its line… are not): tried now.
    try {
      editConfigText(text, f.file, [{ keyPath: hit.keyPath, how: load.how === "substitution" ? "substitute" : "remove", envName: named.name }]);
    } catch (e) {
      refuse((e as Error).message.replace(/; the file is left as it is\.$/, ""));
      continue;
    }
    const id = `${f.file}\u0000${path}`;
    out.moved.add(f);
    if (taken.has(id)) continue;
    taken.add(id);
    const precedence =
      load.how === "nconf"
        ? load.envFirst
          ? `nconf reads the environment before the file (${load.by}), so ${named.name} wins over it`
          : `nconf reads the file before the environment (${load.by}), so the value leaves the file and ${named.name} supplies it`
        : load.how === "node-config"
        ? `node-config reads ${named.name} over every file of config/ through ${load.mappingFile}`
        : load.how === "rc"
        ? `rc reads ${named.name} over .${load.appname}rc (${load.by})`
        : load.how === "convict"
        ? `convict reads the schema's ${named.name} over a file given to loadFile (${load.by})`
        : `the file's loader substitutes \${${named.name}} from the environment (${load.by})`;
    out.candidates.push({
      source: { type: "config", file: f.file, line: f.line, column: f.column, name: named.name, keyPath: hit.keyPath },
      name: named.name,
      value: hit.value,
      environment: configFileEnvironment(f.file),
      kind: f.kind,
      confidence: f.confidence,
      reason: `${f.reason}; ${path} in ${f.file}: ${precedence}`,
    });
    loaders.set(f.file, load);
    out.edits.push({ file: f.file, keyPath: hit.keyPath, how: load.how === "substitution" ? "substitute" : "remove", envName: named.name, ...(load.how === "node-config" && mapping.name === undefined ? { mappingFile: load.mappingFile } : {}) });
  }
  for (const [file, load] of loaders) {
    const names = out.edits.filter((e) => e.file === file).map((e) => e.envName);
    const by = "by" in load ? load.by : file;
    out.warnings.push(configEnvWarning(file, names, `${LOADER_NAMES[load.how]} reads ${names.length === 1 ? "it" : "them"} from the environment instead (${by}${load.how === "node-config" && out.edits.some((e) => e.file === file && e.mappingFile) ? `; the mapping is added to ${load.mappingFile}` : ""})`));
  }
  return out;
}

/** The `config-env` warning of a file that loses `names`: `how` says what reads them instead; the app must start under `vaultshift run`. */
export function configEnvWarning(file: string, names: readonly string[], how: string): PlanWarning {
  const one = names.length === 1;
  return {
    code: "config-env",
    file,
    message:
      `${names.join(", ")} ${one ? "leaves" : "leave"} ${file}: ${how}. ` +
      `Nothing of the app sets ${one ? "it" : "them"} from Vault by itself: start the app under \`vaultshift run -- <command>\` (in its systemd unit, pm2 ecosystem file, Docker command or npm script), which sets ${one ? "it" : "them"} from Vault for the environment VAULTSHIFT_ENV or NODE_ENV names; without it the app starts without ${one ? "this value" : "these values"}. ` +
      `A variable of the same name set elsewhere (a compose file, a systemd Environment=) wins over Vault's under \`vaultshift run\` unless --override is given.`,
  };
}

/** The not-migrated message for a config-file value that stays, with what the user can do. */
export function configRefusalMessage(f: { file: string; line: number; redacted: string }, rule: string, why: string): string {
  return `${f.file}:${f.line}: ${rule} (${f.redacted}) stays in ${f.file}: ${why}. The verdict will say so while it is there. Move it by hand: store it in Vault, and have the app read it from the environment (nconf's .env({ separator: "__" }) before .file(), node-config's config/custom-environment-variables.json, a \${NAME} the loader substitutes) or from the secrets module; then remove it from the file and rotate it if the file was ever committed.`;
}
