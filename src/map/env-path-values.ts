import { readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { dirOf, isEnvFile } from "./environment.js";
import { readDotenv } from "../scan/dotenv-reader.js";
import { decodeFile } from "../util/text-encoding.js";

// .env values that name a file of the project (`KAFKA_SSL_KEY_PATH=certs/client-key.pem`,
// `AWS_SHARED_CREDENTIALS_FILE=./.aws/credentials`, `GOOGLE_APPLICATION_CREDENTIALS=./sa.json`).

/** Whether a .env value reads as a path (not a URL, a number or an interpolation). */
export function looksLikePath(value: string): boolean {
  return value.length > 0 && value.length < 1024 && !value.includes("${") && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && /^[\w./~@+-]+$/.test(value) && !/^\d+(\.\d+)*$/.test(value);
}

/** The project-relative path (`/` separators) `value` names from `envFile`, or `../…` when it leaves the root. */
export function resolvedFrom(root: string, envFile: string, value: string): string {
  const abs = isAbsolute(value) ? value : resolve(root, dirOf(envFile), value);
  return relative(root, abs).split(sep).join("/");
}

/**
 * The entries of a project's env file, none when it cannot be read: the planner has already read
 * every env file it is given and said what was wrong with one it could not.
 */
export function envEntries(root: string, envFile: string): ReturnType<typeof readDotenv> {
  try {
    return readDotenv(decodeFile(readFileSync(join(root, envFile))).text);
  } catch {
    return [];
  }
}

export const leavesRoot = (rel: string): boolean => rel === ".." || rel.startsWith("../") || isAbsolute(rel);

/**
 * The regular files inside the project (at most `maxBytes`, not .env files or code) that an
 * entry of `envFiles` names by a path, sorted: the plan and the check after apply scan them by
 * name, since a file the app is pointed at is part of its settings even where .gitignore hides
 * it from the tree scan (a project-local `.aws/credentials`, a git-ignored `certs/` key).
 */
export function envNamedFiles(root: string, envFiles: readonly string[], maxBytes: number): string[] {
  const out = new Set<string>();
  for (const envFile of envFiles) {
    for (const e of envEntries(root, envFile)) {
      if (!looksLikePath(e.value)) continue;
      const rel = resolvedFrom(root, envFile, e.value);
      if (rel === "" || leavesRoot(rel) || isEnvFile(rel) || /\.[cm]?[jt]sx?$/i.test(rel) || /(?:^|\/)node_modules\//.test(rel)) continue;
      try {
        const st = statSync(join(root, rel));
        if (st.isFile() && st.size > 0 && st.size <= maxBytes) out.add(rel);
      } catch {
        // not there
      }
    }
  }
  return [...out].sort();
}
