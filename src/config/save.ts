import { statSync } from "node:fs";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ConfigError } from "../errors.js";
import type { Decision } from "../plan/decisions.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { loadConfig } from "./load.js";
import { indentOf, insertMember, jsonSpans, lineIndent } from "../util/json-spans.js";
import { validateConfig } from "./schema.js";

// Writing the user's decisions (`migrate.decisions`) into the project config,
// the file `loadConfig` reads (or a new vaultshift.config.json at the root).
// The rest of the file stays byte-identical: only the text of the decisions
// array is replaced, or a key is inserted, the way a person would edit it.
// Written atomically (src/util/atomic-write.ts) with the file's own mode.

function decisionsText(decisions: readonly Decision[], indent: string, unit: string): string {
  if (decisions.length === 0) return "[]";
  // One decision a line: a reviewer reads the diff of the config one decision at a time.
  const order = ["name", "file", "environment", "action", "path", "key"] as const;
  const line = (d: Decision) => `{ ${order.filter((k) => d[k] !== undefined).map((k) => `${JSON.stringify(k)}: ${JSON.stringify(d[k])}`).join(", ")} }`;
  return `[\n${decisions.map((d) => `${indent}${unit}${line(d)}`).join(",\n")}\n${indent}]`;
}

/**
 * Store `decisions` as `migrate.decisions` in the config of `root` (the file
 * loadConfig finds, or `explicitFile`), or in a new vaultshift.config.json.
 * Returns the file written.
 */
export function saveDecisions(root: string, decisions: readonly Decision[], explicitFile?: string): string {
  const loaded = loadConfig(root, explicitFile);
  const file = loaded.file ?? join(root, "vaultshift.config.json");
  const inPackage = basename(file) === "package.json";
  const base = inPackage ? "vaultshift" : "";
  const at = (p: string) => (base === "" ? p : p === "" ? base : `${base}.${p}`);
  let text = loaded.file ? readFileSync(file, "utf8") : "{}\n";
  const unit = indentOf(text);
  const map = jsonSpans(text);
  const existing = map.get(at("migrate.decisions"));
  const migrate = map.get(at("migrate"));
  const rootObj = map.get(at(""));
  if (existing) {
    text = text.slice(0, existing.start) + decisionsText(decisions, lineIndent(text, existing.start), unit) + text.slice(existing.end);
  } else if (migrate?.close !== undefined) {
    text = insertMember(text, migrate, "decisions", (indent) => decisionsText(decisions, indent, unit), unit);
  } else if (rootObj?.close !== undefined) {
    text = insertMember(text, rootObj, "migrate", (indent) => `{\n${indent}${unit}"decisions": ${decisionsText(decisions, indent + unit, unit)}\n${indent}}`, unit);
  } else {
    throw new ConfigError(`${file}: the "migrate" setting is not an object, so the decisions cannot be stored in it.`, { hint: 'Make "migrate" an object ({"decisions": [...]}) and try again.' });
  }
  // What was written must read back as the old config with only the decisions changed.
  const before = loaded.config as Record<string, unknown>;
  const want = { ...before, migrate: { ...(before.migrate ?? {}), decisions } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigError(`Could not store the decisions in ${file}: the edited text would not be valid JSON; the file is unchanged.`, { cause: error, hint: `Add "migrate": {"decisions": [...]} to ${file} by hand (docs/migration.md, "Decisions").` });
  }
  const got = inPackage ? (parsed as Record<string, unknown>).vaultshift : parsed;
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want))) || validateConfig(got).length > 0) {
    throw new ConfigError(`Could not store the decisions in ${file}: the edit would change more than migrate.decisions; the file is unchanged.`, { hint: `Add "migrate": {"decisions": [...]} to ${file} by hand (docs/migration.md, "Decisions").` });
  }
  let mode = 0o644;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    /* a new file */
  }
  writeFileAtomic(file, text, { mode });
  return file;
}
