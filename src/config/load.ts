import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { validateConfig, type VaultshiftConfig } from "./schema.js";

// Finding and reading the config file. One list of names, searched from the
// scan root upwards to the repository root (the directory holding `.git`);
// the first directory that has one wins (like ESLint's flat config lookup).

/** Looked for in this order in each directory. */
export const CONFIG_FILE_NAMES = ["vaultshift.config.json", ".vaultshiftrc.json", ".vaultshiftrc", "package.json"] as const;

export interface LoadedConfig {
  config: VaultshiftConfig;
  /** Absolute path of the file it came from; undefined when none was found. */
  file: string | undefined;
  /** Directory relative paths in the config (baseline) are resolved against. */
  dir: string;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where JSON.parse gives up, when its message has no position (V8 11 quotes
 * the text instead): the shortest prefix whose failure is not "unexpected
 * end" ends at the bad character. Binary search, so O(n log n) on a small file.
 */
function errorOffset(text: string): number | undefined {
  const failsInside = (k: number) => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      if (k === text.length) return true;
      const at = /at position (\d+)/.exec(message)?.[1];
      if (at !== undefined) return Number(at) < k;
      return !/end of JSON input/i.test(message);
    }
  };
  if (!failsInside(text.length)) return undefined;
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/**
 * JSON.parse's message quotes a piece of the input, which could be a secret
 * (a config may hold an allowlisted token); keep only the position.
 */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1] ?? errorOffset(text);
    let where = "";
    if (position !== undefined) {
      const before = text.slice(0, Number(position));
      const line = before.split("\n").length;
      where = ` at line ${line}, column ${Number(position) - before.lastIndexOf("\n")}`;
    }
    throw new ConfigError(`${file} is not valid JSON${where}.`, {
      cause: new SyntaxError(`invalid JSON${where}`),
      hint: "Fix the syntax (a trailing comma or a missing quote is the usual cause); `node -e 'JSON.parse(require(\"fs\").readFileSync(process.argv[1]))' FILE` shows the error.",
    });
  }
}

function readConfigFile(file: string): VaultshiftConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`Could not read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? "read error"}.`, {
      cause: error,
      hint: "Check that the file exists and is readable, or pass another one with --config.",
    });
  }
  const data = parseJson(text, file);
  let config: unknown = data;
  if (file.endsWith("package.json")) {
    if (typeof data !== "object" || data === null || !("vaultshift" in data)) return undefined;
    config = (data as Record<string, unknown>).vaultshift;
  }
  const problems = validateConfig(config);
  if (problems.length > 0) {
    const prefix = file.endsWith("package.json") ? "vaultshift." : "";
    const list = problems.map((p) => `  ${p.path === "(root)" ? prefix.replace(/\.$/, "") || "(root)" : prefix + p.path}: ${p.message}`).join("\n");
    throw new ConfigError(`${file} does not match the config schema:\n${list}`, {
      cause: new TypeError(`${problems.length} schema problem(s)`),
      hint: "See docs/scanning.md (Configuration) for every key and its type.",
    });
  }
  return config as VaultshiftConfig;
}

/**
 * Load `explicitFile` (from --config) or search from `startDir` upwards.
 * No config anywhere is fine: an empty config.
 */
export function loadConfig(startDir: string, explicitFile?: string): LoadedConfig {
  if (explicitFile !== undefined) {
    const file = resolve(startDir, explicitFile);
    if (!isFile(file)) {
      throw new ConfigError(`The config file ${explicitFile} does not exist.`, {
        cause: new Error("ENOENT"),
        hint: `Create it, or drop --config to use ${CONFIG_FILE_NAMES.slice(0, 2).join(" / ")} found from the scan root upwards.`,
      });
    }
    const config = readConfigFile(file);
    if (config === undefined) {
      throw new ConfigError(`${explicitFile} has no "vaultshift" key.`, {
        cause: new Error("missing key"),
        hint: 'Add a "vaultshift": { ... } object, or point --config at a vaultshift.config.json.',
      });
    }
    return { config, file, dir: dirname(file) };
  }
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (!isFile(file)) continue;
      const config = readConfigFile(file);
      if (config !== undefined) return { config, file, dir };
    }
    // The repository root is as far as a project's config can be.
    if (exists(join(dir, ".git"))) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { config: {}, file: undefined, dir: resolve(startDir) };
}
