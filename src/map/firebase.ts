// Firebase's own .env load order for Cloud Functions
// (https://firebase.google.com/docs/functions/config-env#env-variables):
// the CLI loads `<source>/.env`, then `<source>/.env.<projectId or alias>` of the
// project it deploys to or emulates (the alias resolved through `.firebaserc`),
// the project's file winning. Which file is read is decided by the project, not
// by NODE_ENV (Cloud Functions sets NODE_ENV=production in every project). So a
// project's file is mapped to an environment named after the project id, and the
// secrets module selects it by the id the runtime and the emulator set
// (GCLOUD_PROJECT, GCP_PROJECT, FIREBASE_CONFIG's projectId); `<source>/.env`
// is the base layer of every project.

import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { dirOf } from "./environment.js";

export interface FirebaseEnvFiles {
  /** `<source>/.env.<projectId|alias>` → the project id Firebase loads it for. */
  projectOf: Map<string, string>;
  /** Functions source directories that have at least one project file: their `.env` is every project's base layer. */
  baseDirs: Set<string>;
}

/** The project aliases of `.firebaserc` (alias → project id), `{}` when there is none or it cannot be read. */
function firebaseProjects(root: string): Record<string, string> {
  try {
    const rc = JSON.parse(readFileSync(join(root, ".firebaserc"), "utf8")) as { projects?: Record<string, unknown> };
    const out: Record<string, string> = {};
    for (const [alias, id] of Object.entries(rc.projects ?? {})) if (typeof id === "string" && id !== "") out[alias] = id;
    return out;
  } catch {
    return {};
  }
}

/** The functions source directories of `firebase.json` (`functions.source`, one or a list of codebases; "functions" by default). */
function functionsSources(root: string): string[] {
  let config: { functions?: unknown };
  try {
    config = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")) as { functions?: unknown };
  } catch {
    return [];
  }
  if (config.functions === undefined) return [];
  const list = Array.isArray(config.functions) ? config.functions : [config.functions];
  return list.map((f) => {
    const source = typeof f === "object" && f !== null ? (f as { source?: unknown }).source : undefined;
    return posix.normalize(typeof source === "string" ? source : "functions").replace(/^\.\/?|\/$/g, "");
  });
}

/**
 * The .env files Firebase selects by project: `<source>/.env.<id>` and
 * `<source>/.env.<alias>` of a functions source of `firebase.json`, for the
 * projects of `.firebaserc`. Empty for a project that is not a Firebase one.
 */
export function firebaseEnvFiles(root: string, envFiles: string[]): FirebaseEnvFiles {
  const out: FirebaseEnvFiles = { projectOf: new Map(), baseDirs: new Set() };
  const projects = firebaseProjects(root);
  if (Object.keys(projects).length === 0) return out;
  const byName = new Map<string, string>();
  for (const [alias, id] of Object.entries(projects)) {
    byName.set(id, id);
    byName.set(alias, id);
  }
  for (const source of functionsSources(root)) {
    for (const f of envFiles) {
      if (dirOf(f) !== source) continue;
      const base = f.split("/").pop() ?? f;
      const id = base.startsWith(".env.") ? byName.get(base.slice(5)) : undefined;
      if (id === undefined) continue;
      out.projectOf.set(f, id);
      out.baseDirs.add(source);
    }
  }
  return out;
}
