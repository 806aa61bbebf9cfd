import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { blankJsonc } from "../util/jsonc.js";
import { yamlLeaves } from "../util/yaml-spans.js";
import { convictLeaves } from "../apply/convict-schema-editor.js";

// How the app loads a JSON configuration file, and whether that loader takes
// a value from the environment over the file's (what lets a secret leave the
// file). Read from the app's own sources; each mechanism as its library
// documents it:
//
// - nconf (github.com/indexzero/nconf README, "Hierarchical configuration"):
//   stores are read in the order they were added, the first holding a key
//   wins; `.env('__')` / `.env({ separator: '__' })` turns
//   `database__connection__password` into `database:connection:password`
//   (lib/nconf/stores/env.js: `key.split(self.separator)`); `parseValues`
//   turns "123" into a number, `lowerCase` lower-cases every name;
//   `whitelist`/`match`/`transform` filter or rename what is read.
//   Ghost (core/shared/config/loader.js) and NodeBB (app.js) add env before
//   the files.
// - node-config (github.com/node-config/node-config/wiki/Environment-Variables,
//   lib/config.js `substituteDeep`): `config/custom-environment-variables.json`
//   maps a config path to an env name (a string, or `{ "__name": …,
//   "__format": "json" }`) and overrides every file of `config/`.
// - rc (github.com/dominictarr/rc README): `${appname}_a__b` sets `a.b`,
//   over `.${appname}rc` files.
// - `${NAME}` substitution (Etherpad's settings.json, node/utils/Settings.js
//   `lookupEnvironmentVariables`): a string value that is exactly `${NAME}` or
//   `${NAME:default}` is replaced by the environment's NAME.
// - convict (github.com/mozilla/node-convict README, "Precedence order"): a
//   schema leaf's `env` variable overrides a file given to `config.loadFile(…)`.
// - A plain read (`require('./config.json')`, `JSON.parse(fs.readFileSync(…))`,
//   `yaml.load(…)`) takes nothing from the environment.

export type ConfigLoad =
  | { how: "nconf"; by: string; separator: string; parseValues: boolean; lowerCase: boolean; filtered: boolean; envFirst: boolean }
  | { how: "node-config"; by: string; stem: string; mappingFile: string; mappingOther?: string }
  | { how: "rc"; by: string; appname: string }
  /** `envs`: the schema's env name of each leaf path ("db.password" → "DB_PASSWORD"). */
  | { how: "convict"; by: string; envs: Record<string, string> }
  | { how: "substitution"; by: string }
  | { how: "plain"; by: string }
  | { how: "unknown" };

/** The text between `(` at `open` and its matching `)`, strings skipped. */
function argsAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

const stringLiterals = (text: string): string[] => [...text.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((m) => m[2]!);

/**
 * Whether the arguments of a `.file(…)` call name `base`: a literal ending in it, a template
 * (`config.${env}.json`), or pieces around a variable (`'config.' + env + '.json'`).
 */
function namesFile(args: string, base: string): boolean {
  const lits = stringLiterals(args).map((l) => l.split("/").pop()!);
  const escape = (t: string) => t.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  for (const l of lits) {
    if (l === base) return true;
    if (l.includes("${") && new RegExp(`^${l.split(/\$\{[^}]*\}/).map(escape).join(".+")}$`).test(base)) return true;
  }
  return lits.some((tail, j) => tail.endsWith(".json") && base.endsWith(tail) && lits.slice(0, j).some((head) => head !== "" && base.startsWith(head) && base.length > head.length + tail.length));
}

/** A source names the file in a string (`'config.json'`, `'/config.json'`, `__dirname + '/settings.json'`). */
function mentions(text: string, base: string): number {
  const m = new RegExp(`["'\`][^"'\`\\n]*\\b${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["'\`]`).exec(text);
  return m ? m.index : -1;
}

const imports = (text: string, pkg: string): boolean => new RegExp(`require\\(\\s*["']${pkg}["']\\s*\\)|from\\s+["']${pkg}["']|import\\(\\s*["']${pkg}["']\\s*\\)`).test(text);

function nconfOptions(args: string): Omit<Extract<ConfigLoad, { how: "nconf" }>, "how" | "by" | "envFirst"> {
  const trimmed = args.trim();
  const plain = /^["'`]([^"'`]*)["'`]$/.exec(trimmed);
  if (plain) return { separator: plain[1]!, parseValues: false, lowerCase: false, filtered: false };
  if (/^\[/.test(trimmed)) return { separator: "", parseValues: false, lowerCase: false, filtered: true }; // a whitelist array
  const sep = /separator\s*:\s*["'`]([^"'`]*)["'`]/.exec(trimmed);
  return {
    separator: sep?.[1] ?? "",
    parseValues: /parseValues\s*:\s*true/.test(trimmed),
    lowerCase: /lowerCase\s*:\s*true/.test(trimmed),
    // An option the plan cannot follow (`separator: sep`, a whitelist, a match, a transform) filters or renames names.
    filtered: /whitelist|match\s*:|transform\s*:/.test(trimmed) || (/separator\s*:/.test(trimmed) && !sep),
  };
}

/** The node-config files of `config/` at the root (NODE_CONFIG_DIR's default, `./config` from the working directory), JSON or YAML. */
function nodeConfigStem(file: string): string | undefined {
  const m = /^config\/([^/]+)\.(?:json|ya?ml)$/.exec(file);
  return m && m[1] !== "custom-environment-variables" ? m[1] : undefined;
}

/**
 * Where node-config's mappings are: the one custom-environment-variables file vaultshift edits
 * (JSON or YAML; `.json` to create when there is none), or the other format they are kept in.
 */
function nodeConfigMappings(root: string): { mappingFile: string; mappingOther?: string } {
  const at = (e: string) => `config/custom-environment-variables.${e}`;
  const editable = ["json", "yml", "yaml"].map(at).filter((f) => existsSync(join(root, f)));
  const other = ["js", "cjs", "ts", "json5", "toml", "hjson", "properties", "xml"].map(at).find((f) => existsSync(join(root, f)));
  if (other) return { mappingFile: editable[0] ?? at("json"), mappingOther: other };
  // node-config merges every one of them: two editable files are one too many to keep apart.
  if (editable.length > 1) return { mappingFile: editable[0]!, mappingOther: editable[1]! };
  return { mappingFile: editable[0] ?? at("json") };
}

/**
 * How `file` (a JSON file of the project, relative path) is loaded, judged from
 * `sources` (relative paths of the app's JS/TS files); `texts` caches their text.
 */
export function configLoadOf(root: string, file: string, sources: readonly string[], texts = new Map<string, string>()): ConfigLoad {
  const base = file.split("/").pop()!;
  const read = (f: string): string => {
    if (!texts.has(f)) {
      let t = "";
      try {
        t = readFileSync(join(root, f), "utf8");
      } catch {
        /* unreadable: nothing learnt from it */
      }
      texts.set(f, t);
    }
    return texts.get(f)!;
  };
  let plain: ConfigLoad | undefined;
  const stem = nodeConfigStem(file);
  for (const source of sources) {
    const text = read(source);
    if (text === "") continue;
    if (stem !== undefined && imports(text, "config")) {
      const at = /require\(\s*["']config["']\s*\)|from\s+["']config["']/.exec(text)!.index;
      return { how: "node-config", by: `${source}:${lineAt(text, at)}`, stem, ...nodeConfigMappings(root) };
    }
    if (imports(text, "nconf")) {
      for (const m of text.matchAll(/\.file\s*\(/g)) {
        const args = argsAt(text, m.index + m[0].length - 1);
        if (!namesFile(args, base) && !(mentions(text, base) !== -1 && !stringLiterals(args).some((l) => l.endsWith(".json")))) continue;
        const env = /\.env\s*\(/.exec(text);
        if (!env) return { how: "plain", by: `${source}:${lineAt(text, m.index)} (nconf.file, with no nconf.env() in that file)` };
        const options = nconfOptions(argsAt(text, env.index + env[0].length - 1));
        return { how: "nconf", by: `${source}:${lineAt(text, m.index)}`, ...options, envFirst: env.index < m.index };
      }
    }
    if (imports(text, "convict")) {
      for (const m of text.matchAll(/\.loadFile\s*\(/g)) {
        if (!namesFile(argsAt(text, m.index + m[0].length - 1), base)) continue;
        const envs = Object.fromEntries((convictLeaves(source, text) ?? []).flatMap((l) => (l.env !== undefined ? [[l.path.join("."), l.env]] : [])));
        return { how: "convict", by: `${source}:${lineAt(text, m.index)}`, envs };
      }
    }
    const rc = /require\(\s*["']rc["']\s*\)\s*\(\s*["'`]([A-Za-z0-9_-]+)["'`]/.exec(text) ?? (imports(text, "rc") ? /\brc\(\s*["'`]([A-Za-z0-9_-]+)["'`]/.exec(text) : null);
    if (rc && base === `.${rc[1]}rc`) return { how: "rc", by: `${source}:${lineAt(text, rc.index)}`, appname: rc[1]! };
    const at = mentions(text, base);
    if (at !== -1 && plain === undefined) plain = { how: "plain", by: `${source}:${lineAt(text, at)}` };
  }
  if (plain && usesSubstitution(root, file)) return { how: "substitution", by: (plain as { by: string }).by };
  return plain ?? { how: "unknown" };
}

/** A string value that is exactly `${NAME}` or `${NAME:default}` (Etherpad's settings.json convention). */
export const SUBSTITUTION = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}$/;

/** The file (JSON, JSONC or YAML) already takes some value as `${NAME}`: its loader substitutes the environment. */
function usesSubstitution(root: string, file: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(root, file), "utf8");
  } catch {
    return false;
  }
  if (/\.ya?ml$/i.test(file)) return yamlLeaves(text).some((l) => typeof l.value === "string" && SUBSTITUTION.test(l.value));
  let found = false;
  try {
    JSON.parse(blankJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), (_k, v: unknown) => {
      if (typeof v === "string" && SUBSTITUTION.test(v)) found = true;
      return v;
    });
  } catch {
    return false;
  }
  return found;
}
