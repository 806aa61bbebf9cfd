import { statSync } from "node:fs";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ConfigError } from "../errors.js";
import type { Decision } from "../plan/decisions.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { loadConfig } from "./load.js";
import { validateConfig } from "./schema.js";

// Writing the user's decisions (`migrate.decisions`) into the project config,
// the file `loadConfig` reads (or a new vaultshift.config.json at the root).
// The rest of the file stays byte-identical: only the text of the decisions
// array is replaced, or a key is inserted, the way a person would edit it.
// Written atomically (src/util/atomic-write.ts) with the file's own mode.

/** The text span of each value in a JSON document, by JSON path (`migrate.decisions`), for objects only. */
interface Span {
  start: number;
  end: number;
  /** For an object: where its closing brace is, and whether it has members. */
  close?: number;
  empty?: boolean;
}

/** A small JSON reader that records where each object member's value starts and ends; the text is valid JSON (loadConfig parsed it). */
function spans(text: string): Map<string, Span> {
  const out = new Map<string, Span>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = () => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      let empty = true;
      while (text[i] !== "}") {
        empty = false;
        ws();
        const k = str();
        ws();
        i++; // :
        value(path === "" ? k : `${path}.${k}`);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      out.set(path, { start, end: i + 1, close: i, empty });
      i++;
    } else if (c === "[") {
      i++;
      ws();
      let n = 0;
      while (text[i] !== "]") {
        value(`${path}[${n++}]`);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
      out.set(path, { start, end: i });
    } else if (c === '"') {
      str();
      out.set(path, { start, end: i });
    } else {
      while (i < text.length && /[^\s,}\]]/.test(text[i]!)) i++;
      out.set(path, { start, end: i });
    }
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  value("");
  return out;
}

/** The file's indentation unit (two spaces when it has none). */
function indentOf(text: string): string {
  return /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
}

/** The indentation of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function decisionsText(decisions: readonly Decision[], indent: string, unit: string): string {
  if (decisions.length === 0) return "[]";
  // One decision a line: a reviewer reads the diff of the config one decision at a time.
  const order = ["name", "file", "environment", "action", "path", "key"] as const;
  const line = (d: Decision) => `{ ${order.filter((k) => d[k] !== undefined).map((k) => `${JSON.stringify(k)}: ${JSON.stringify(d[k])}`).join(", ")} }`;
  return `[\n${decisions.map((d) => `${indent}${unit}${line(d)}`).join(",\n")}\n${indent}]`;
}

/** Insert `"key": value` as the last member of the object spanning `obj`. */
function insertMember(text: string, obj: Span, key: string, render: (indent: string) => string, unit: string): string {
  const indent = lineIndent(text, obj.close!);
  const inner = indent + unit;
  const member = `${JSON.stringify(key)}: ${render(inner)}`;
  if (obj.empty) return `${text.slice(0, obj.start)}{\n${inner}${member}\n${indent}}${text.slice(obj.end)}`;
  // After the last member's value: back over whitespace from the closing brace.
  let at = obj.close!;
  while (/\s/.test(text[at - 1]!)) at--;
  return `${text.slice(0, at)},\n${inner}${member}${text.slice(at)}`;
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
  const map = spans(text);
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
