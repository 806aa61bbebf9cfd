// The configuration schema: one table that is the source of truth for what a
// vaultshift config may contain, a hand-written validator that reports every
// problem with its JSON path (`allowlist.paths[2]: expected a string`), and the
// typed result. Other stages add their keys here (see docs/scanning.md,
// "Configuration"); unknown keys are errors, so typos do not pass silently.

import { decisionsProblems, type Decision } from "../plan/decisions.js";

export interface RuleAllowlist {
  /** Globs (gitignore syntax, plus `{a,b}`) of files where the rule reports nothing. */
  paths?: string[];
  /** Regular expressions (JavaScript syntax) tested against the secret. */
  regexes?: string[];
}

export interface Allowlist extends RuleAllowlist {
  /** Per-rule allowlists, keyed by rule id. */
  rules?: Record<string, RuleAllowlist>;
}

export interface VaultshiftConfig {
  /** Globs: when set, only matching files are scanned. */
  include?: string[];
  /** Globs of files and directories never scanned (added to the default skips). */
  exclude?: string[];
  /** Skip node_modules, .git, build output and lockfiles (default true). */
  defaultExcludes?: boolean;
  /** Largest file scanned, in bytes (default 10 MiB). */
  maxFileSize?: number;
  /** Turn rules on or off by id. `enable` restricts the run to those rules. */
  rules?: { enable?: string[]; disable?: string[] };
  allowlist?: Allowlist;
  /** Baseline file, relative to the config file. */
  baseline?: string;
  /** Worker threads for large scans (0 = in-process only; default: cores - 1, at most 8). */
  workers?: number;
  // Keys of the migration pipeline (map/plan/apply). Validated for type only;
  // their meaning is documented by those stages.
  /** Application name used in Vault paths. */
  app?: string;
  /** KV v2 mount, e.g. `secret`. */
  mount?: string;
  /** Vault path template, e.g. `<mount>/<app>/<environment>/<group>`. */
  pathTemplate?: string;
  /** Group name → variable-name prefixes (`{"database": ["DB_", "DATABASE_"]}`). */
  groups?: Record<string, string[]>;
  /** .env file name → environment name (`{".env": "development"}`). */
  environments?: Record<string, string>;
  /**
   * Settings of the migration pipeline. `decisions` (src/plan/decisions.ts) is
   * validated here; the other keys by the stage that reads them.
   */
  migrate?: { decisions?: Decision[] } & Record<string, unknown>;
}

export interface SchemaProblem {
  /** JSON path of the offending value, e.g. `allowlist.paths[2]`. */
  path: string;
  message: string;
}

type Check = (value: unknown, path: string, problems: SchemaProblem[]) => void;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const string: Check = (v, path, problems) => {
  if (typeof v !== "string") problems.push({ path, message: `expected a string, got ${describe(v)}` });
};
const boolean: Check = (v, path, problems) => {
  if (typeof v !== "boolean") problems.push({ path, message: `expected true or false, got ${describe(v)}` });
};
const nonNegativeInteger: Check = (v, path, problems) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) problems.push({ path, message: `expected a whole number ≥ 0, got ${describe(v)}` });
};
function arrayOf(item: Check): Check {
  return (v, path, problems) => {
    if (!Array.isArray(v)) {
      problems.push({ path, message: `expected an array, got ${describe(v)}` });
      return;
    }
    v.forEach((x, i) => item(x, `${path}[${i}]`, problems));
  };
}
function recordOf(item: Check): Check {
  return (v, path, problems) => {
    if (!isPlainObject(v)) {
      problems.push({ path, message: `expected an object, got ${describe(v)}` });
      return;
    }
    for (const [k, x] of Object.entries(v)) item(x, `${path}${keyPath(k)}`, problems);
  };
}
function keyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
/** A JavaScript regular expression given as a string; it must compile. */
const regexString: Check = (v, path, problems) => {
  if (typeof v !== "string") {
    problems.push({ path, message: `expected a string, got ${describe(v)}` });
    return;
  }
  try {
    new RegExp(v);
  } catch (error) {
    // V8 quotes the pattern in its message ("Invalid regular expression: /…/: reason");
    // the pattern may be an allowlisted secret, so keep only the reason.
    const reason = (error as Error).message.split(": ").at(-1) ?? "syntax error";
    problems.push({ path, message: `not a valid regular expression (${reason})` });
  }
};
function object(properties: Record<string, Check>): Check {
  return (v, path, problems) => {
    if (!isPlainObject(v)) {
      problems.push({ path, message: `expected an object, got ${describe(v)}` });
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      const check = properties[k];
      const here = path === "" ? k : `${path}${keyPath(k)}`;
      if (!check) {
        const known = Object.keys(properties);
        const near = known.find((name) => name.toLowerCase() === k.toLowerCase() || levenshtein(name, k) <= 2);
        problems.push({ path: here, message: `unknown key${near ? ` (did you mean "${near}"?)` : ""}; known keys: ${known.join(", ")}` });
        continue;
      }
      check(x, here, problems);
    }
  };
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const ruleAllowlist = object({ paths: arrayOf(string), regexes: arrayOf(regexString) });

/** The schema. Add a key here (and to `VaultshiftConfig`) to make it valid. */
export const configSchema: Record<string, Check> = {
  $schema: string,
  include: arrayOf(string),
  exclude: arrayOf(string),
  defaultExcludes: boolean,
  maxFileSize: nonNegativeInteger,
  rules: object({ enable: arrayOf(string), disable: arrayOf(string) }),
  allowlist: object({ paths: arrayOf(string), regexes: arrayOf(regexString), rules: recordOf(ruleAllowlist) }),
  baseline: string,
  workers: nonNegativeInteger,
  app: string,
  mount: string,
  pathTemplate: string,
  groups: recordOf(arrayOf(string)),
  environments: recordOf(string),
  migrate: (v, path, problems) => {
    recordOf(() => undefined)(v, path, problems);
    if (isPlainObject(v) && v.decisions !== undefined) problems.push(...decisionsProblems(v.decisions, `${path}.decisions`));
  },
};

/** Every problem in `value`, each with its JSON path; empty when valid. */
export function validateConfig(value: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!isPlainObject(value)) {
    problems.push({ path: "(root)", message: `expected an object, got ${describe(value)}` });
    return problems;
  }
  object(configSchema)(value, "", problems);
  return problems;
}
