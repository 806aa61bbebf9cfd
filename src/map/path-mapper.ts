import { PlanError } from "../errors.js";
import { groupOf } from "./group.js";

// Secret → Vault location. Templates use `{app}`, `{environment}` and
// `{group}`; the defaults follow DESIGN.md: `<app>/<environment>/<group>` for
// variables from .env files, `<app>/shared/<group>` for literals in source.

export const DEFAULT_ENV_TEMPLATE = "{app}/{environment}/{group}";
export const DEFAULT_LITERAL_TEMPLATE = "{app}/shared/{group}";

export interface PathTemplates {
  env: string;
  literal: string;
}

export interface MapInput {
  /** Variable (or literal's variable) name. */
  name: string;
  environment: string;
  from: "dotenv" | "literal";
}

export interface MappedLocation {
  path: string;
  key: string;
  group: string;
  /** The path with `{environment}` kept, for the runtime binding. */
  pathTemplate: string;
}

/** A Vault path segment: no leading/trailing slash, no `..`, no empty segments, no trailing period (Vault rejects those). */
export function sanitizePath(path: string): string {
  return path
    .split("/")
    .map((s) => s.trim().replace(/[^A-Za-z0-9_.{}-]+/g, "-").replace(/\.+$/, ""))
    .filter((s) => s !== "" && s !== "." && s !== "..")
    .join("/");
}

export function checkTemplate(template: string, what: string): void {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((p) => !["app", "environment", "group"].includes(p ?? ""));
  if (unknown.length > 0 || sanitizePath(template) === "") {
    throw new PlanError(`The ${what} path template "${template}" is not valid${unknown.length ? `: unknown placeholder {${unknown[0]}}` : ""}.`, {
      hint: "Use only {app}, {environment} and {group}, e.g. \"{app}/{environment}/{group}\".",
    });
  }
}

export function mapLocation(input: MapInput, app: string, templates: PathTemplates): MappedLocation {
  const { group, key } = groupOf(input.name);
  const template = input.from === "dotenv" ? templates.env : templates.literal;
  const fill = (env: string) => sanitizePath(template.replaceAll("{app}", app).replaceAll("{group}", group).replaceAll("{environment}", env));
  return { path: fill(input.environment), pathTemplate: fill("{environment}"), key, group };
}

/** One secret placed at a location, with what identifies its value. */
export interface Placement {
  mount: string;
  path: string;
  key: string;
  fingerprint: string;
  /** For messages: `config/.env:3 DB_PASSWORD`. */
  where: string;
  redacted: string;
  /** The package (a directory with its own package.json, not the root) the source belongs to, if any. */
  packageDir?: string;
}

/**
 * Two different values for one mount/path/key cannot both be migrated: stop
 * and say which. Equal values at one location are the same secret (merged).
 */
export function findCollisions(placements: Placement[]): void {
  const seen = new Map<string, Placement>();
  const problems: string[] = [];
  // Packages of a monorepo that give one name different values: each can be migrated on its own.
  const packages = new Set<string>();
  for (const p of placements) {
    const id = `${p.mount}/${p.path}#${p.key}`;
    const prev = seen.get(id);
    if (!prev) seen.set(id, p);
    else if (prev.fingerprint !== p.fingerprint) {
      problems.push(`${p.mount}/${p.path} key "${p.key}": ${prev.where} (${prev.redacted}) and ${p.where} (${p.redacted}) have different values`);
      if (prev.packageDir && p.packageDir && prev.packageDir !== p.packageDir) packages.add(prev.packageDir).add(p.packageDir);
    }
  }
  if (problems.length > 0) {
    const dirs = [...packages].sort();
    const perPackage =
      dirs.length > 0
        ? ` These values belong to different packages (${dirs.join(", ")}): migrate each package on its own (\`cd ${dirs[0]} && vaultshift migrate\`, and so on), so that each gets its own app name, Vault paths, secrets module and policy.`
        : "";
    throw new PlanError(`${problems.length} Vault location${problems.length === 1 ? "" : "s"} would receive two different values:\n  ${problems.join("\n  ")}`, {
      // A path template cannot separate them: after the migration one variable
      // name reads one location per environment, whichever file or workspace
      // package it came from.
      hint:
        "Make the values equal or delete the stale one. After the migration a variable reads one value per environment, so two files (or two packages of a workspace) that give it different values under the same environment cannot both be kept: rename the variable in one of them (its .env line and its reads), or map one file to another environment with \"environments\" in vaultshift.config.json." + perPackage,
    });
  }
}
