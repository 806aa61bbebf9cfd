import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { readDotenv } from "../scan/dotenv-reader.js";
import { isEnvFile, isEnvTemplate } from "../map/environment.js";
import { SKIP_DIRS } from "./candidates.js";

// A .env template (.env.example, .env.sample, example.env…) documents
// variables, so its values are read as placeholders and never moved. But a
// template made by copying .env holds the real values: an entry whose value is
// the very value of a secret the plan moves is that secret, committed in
// plaintext, whatever the template's name says. The plan names it and the
// re-scan counts it (by the plan's fingerprints, once .env no longer holds
// the value). Only exact copies: a placeholder is never a moved secret's value.

const SKIP = SKIP_DIRS.map((d) => `**/${d}/**`);

export interface TemplateCopy {
  file: string;
  line: number;
  column: number;
  /** The template's name for it. */
  name: string;
  value: string;
  /** What it copies, as the caller named it ("JWT_SECRET (.env:4)"). */
  copyOf: string;
}

/** The project's .env templates, as relative paths. */
export function envTemplates(root: string, exclude: string[] = []): string[] {
  return fg
    .sync(["**/.env.*", "**/*.env"], { cwd: root, dot: true, onlyFiles: true, ignore: [...SKIP, ...exclude], followSymbolicLinks: false })
    .filter((f) => isEnvFile(f) && isEnvTemplate(f))
    .sort();
}

/**
 * Entries of the templates whose value `copyOf` recognises as a secret that moves
 * (it returns what the value copies, or undefined). Empty values are never copies.
 * `sources`: templates that are sources of the plan (a `.env.defaults` that
 * dotenv-defaults loads), which are not documents but the secrets' own files.
 */
export function templateCopies(root: string, copyOf: (value: string) => string | undefined, sources: ReadonlySet<string> = new Set(), exclude: string[] = []): TemplateCopy[] {
  const out: TemplateCopy[] = [];
  for (const file of envTemplates(root, exclude)) {
    if (sources.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    for (const e of readDotenv(text)) {
      if (e.value === "") continue;
      const of = copyOf(e.value);
      if (of !== undefined) out.push({ file, line: e.line, column: e.column, name: e.key, value: e.value, copyOf: of });
    }
  }
  return out;
}
