import { readFileSync } from "node:fs";
import { join } from "node:path";
import { encodeSecretFile } from "../plan/secret-files.js";
import { readDotenv } from "../scan/dotenv-reader.js";
import { configValueAt } from "./config-file-editor.js";
import { expandValue } from "../classify/expansion.js";
import { fingerprint } from "../util/fingerprint.js";
import { readTextFile } from "../util/text-encoding.js";
import type { Plan, PlannedSecret, SecretSource } from "../plan/types.js";

// Apply step 1: read each secret again from where the plan found it, and keep
// it only if it still matches the plan's fingerprint. Values live in this
// process's memory only, for the time of the Vault writes.

function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const i = text.indexOf("\n", offset);
    if (i === -1) return -1;
    offset = i + 1;
  }
  return offset;
}

/** Files read once per apply: a large .env is parsed once, not once per key. */
export class SourceCache {
  #texts = new Map<string, string | null>();
  #dotenv = new Map<string, Map<string, string>>();
  constructor(readonly root: string) {}
  text(file: string): string | null {
    if (!this.#texts.has(file)) {
      try {
        this.#texts.set(file, readTextFile(join(this.root, file)).text);
      } catch {
        this.#texts.set(file, null);
      }
    }
    return this.#texts.get(file)!;
  }
  dotenv(file: string): Map<string, string> | null {
    const text = this.text(file);
    if (text === null) return null;
    if (!this.#dotenv.has(file)) this.#dotenv.set(file, new Map(readDotenv(text).map((e) => [e.key, e.value]))); // last entry wins, as dotenv
    return this.#dotenv.get(file)!;
  }
}

/** The value at a source, or null when the file or entry is gone. */
export function readSourceValue(root: string, source: SecretSource, cache = new SourceCache(root)): string | null {
  // A whole file a variable names: its bytes, as the plan stores them (src/plan/secret-files.ts).
  if (source.type === "file") {
    try {
      const { value, encoding } = encodeSecretFile(readFileSync(join(root, source.file)));
      return encoding === (source.encoding ?? "utf8") ? value : null;
    } catch {
      return null;
    }
  }
  const text = cache.text(source.file);
  if (text === null) return null;
  if (source.type === "dotenv") {
    const values = cache.dotenv(source.file);
    const raw = values?.get(source.name);
    if (raw === undefined) return null;
    // Stored expanded (src/classify/expansion.ts): read it the same way.
    if (!source.expand) return raw;
    const vars = Object.fromEntries(values!);
    // An environment's own expansion: its files' values over this file's, the first file winning.
    for (const layer of [...(source.layers ?? [])].reverse()) {
      const over = cache.dotenv(layer);
      if (over === null) return null;
      Object.assign(vars, Object.fromEntries(over));
    }
    return expandValue(raw, vars, new Set([source.name]));
  }
  // A config file's string: by its JSON path.
  if (source.type === "config") {
    const value = configValueAt(source.file, text, source.keyPath ?? []);
    return typeof value === "string" ? value : null;
  }
  // A literal: by its position (line/column survive edits elsewhere in the line's file better than offsets).
  const length = (source.end ?? 0) - (source.start ?? 0);
  const start = lineOffset(text, source.line);
  if (start >= 0 && length > 0) {
    const at = start + source.column - 1;
    return text.slice(at, at + length);
  }
  return null;
}

export interface SourceCheck {
  secret: PlannedSecret;
  /** The value when the source still holds it; null otherwise. */
  value: string | null;
  /** Where it was read, for messages. */
  where: string;
}

export function readPlannedValues(root: string, plan: Plan): SourceCheck[] {
  const cache = new SourceCache(root);
  return plan.secrets.map((secret) => {
    for (const source of [secret.source, ...secret.duplicates]) {
      const v = readSourceValue(root, source, cache);
      if (v !== null && fingerprint(plan.salt, v) === secret.fingerprint) return { secret, value: v, where: `${source.file}:${source.line}` };
    }
    return { secret, value: null, where: `${secret.source.file}:${secret.source.line}` };
  });
}
