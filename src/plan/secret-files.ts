import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import type { ScriptEnvironment } from "../apply/script-environment.js";
import type { Candidate } from "../classify/candidates.js";
import { lowerSnake } from "../map/group.js";
import { envEntries, leavesRoot, looksLikePath, resolvedFrom } from "../map/env-path-values.js";
import { BASE_LAYER_ENVIRONMENT, dirOf, environmentOf, isEnvFile } from "../map/environment.js";
import { sanitizePath, type MappedLocation, type PathTemplates } from "../map/path-mapper.js";
import type { Finding } from "../scan/types.js";
import { withArticle } from "../util/plural.js";
import { redact } from "../util/redact.js";
import { sha256 } from "./project.js";
import { launcherStarts } from "./launcher-starts.js";
import { outsideUses } from "./outside-uses.js";
import { DEFAULT_PLAN_FILE, readPlan } from "./plan-file.js";
import type { Plan, PlannedFileChange, PlannedSecret, PlannedSecretFile, PlanWarning, SecretFileEncoding } from "./types.js";

// Secret files named by a path variable: `KAFKA_SSL_KEY_PATH=certs/client-key.pem`,
// `GOOGLE_APPLICATION_CREDENTIALS=./sa.json`, a TLS key, an SSH deploy key. The code (or a
// library: google-auth-library, ssh, https.Agent options) opens the file the variable names,
// so rewriting reads of the variable cannot serve it. The file's bytes move to Vault as one
// string (base64 when they are not UTF-8 text) at `<app>/<environment>/files#<variable>`;
// apply deletes the file (its backup keeps rollback byte-exact) and leaves the variable in
// .env as it is; `vaultshift run` writes the content into a private temporary directory and
// sets the variable to that path for the command it starts (src/run/secret-files.ts). apply
// runs the npm scripts that start the app's code under `vaultshift run --`.
//
// Refused, with the reason, when: the path leaves the project (or the file is a link that
// does) or names a directory; the file is larger than 64 KiB (a key file is a few KiB);
// a program vaultshift does not start reads the variable (`outside-use`: a shell script,
// compose, another language); nothing starts the app's code in a way vaultshift can put
// under `vaultshift run` (it would load its secrets only through the secrets module, which
// cannot write a file before the app's first read). One Vault location given two files
// with different contents (two files of one environment, or a path template without
// {environment}) is refused by the planner's collision check.

/** Larger files are no key files: refused. */
export const SECRET_FILE_MAX_BYTES = 64 * 1024;
/** The `{group}` of a secret file's Vault path. */
export const SECRET_FILE_GROUP = "files";

/** A .env entry whose value is a path. */
interface PathRef {
  envFile: string;
  name: string;
  line: number;
  environment: string;
}

export interface SecretFiles {
  /** One per file and variable and environment (source type `file`), planned like any secret. */
  candidates: Candidate[];
  /** The findings of files that move (they get no not-migrated warning). */
  moved: Set<Finding>;
  /** "file:line" → the whole not-migrated message of a finding in a file that stays. */
  refusals: Map<string, string>;
  warnings: PlanWarning[];
  /** apply deletes these files (kind `secret-file`, `afterHash` null). */
  removals: PlannedFileChange[];
  /** npm scripts apply runs under `vaultshift run --`. */
  scripts: ScriptEnvironment[];
  /** A shared-layer candidate → the environments whose own .env file sets its variable to something else. */
  notIn: Map<Candidate, string[]>;
}

/** How `bytes` are stored in Vault: as text when they are UTF-8 without NUL, else base64. */
export function encodeSecretFile(bytes: Buffer): { value: string; encoding: SecretFileEncoding } {
  const text = bytes.toString("utf8");
  if (!text.includes("\0") && Buffer.from(text, "utf8").equals(bytes)) return { value: text, encoding: "utf8" };
  return { value: bytes.toString("base64"), encoding: "base64" };
}

/** The bytes a Vault value of a secret file stands for. */
export function decodeSecretFile(value: string, encoding: SecretFileEncoding): Buffer {
  return encoding === "base64" ? Buffer.from(value, "base64") : Buffer.from(value, "utf8");
}

/** Where a secret file of `name` in `environment` goes: the env template with the group `files`, the key the variable's name. */
export function secretFileLocation(name: string, environment: string, app: string, templates: PathTemplates): MappedLocation {
  const fill = (env: string) => sanitizePath(templates.env.replaceAll("{app}", app).replaceAll("{group}", SECRET_FILE_GROUP).replaceAll("{environment}", env));
  return { path: fill(environment), pathTemplate: fill("{environment}"), key: lowerSnake(name), group: SECRET_FILE_GROUP };
}

/** The redacted label of a planned secret: a file's says its size only (its first characters may be a line break, or the start of a JSON key). */
export function secretLabel(c: Pick<Candidate, "source" | "value">): string {
  if (c.source.type !== "file") return redact(c.value);
  const bytes = c.source.encoding === "base64" ? Buffer.from(c.value, "base64").length : Buffer.byteLength(c.value, "utf8");
  return `file of ${bytes} bytes`;
}


/**
 * npm scripts of the root package.json that start the app's code with node (or nodemon, tsx,
 * ts-node) on one file, as one command: apply prefixes them with `vaultshift run --`.
 */
export function startScripts(root: string): string[] {
  let scripts: Record<string, unknown> = {};
  try {
    const text = readFileSync(join(root, "package.json"), "utf8");
    scripts = ((JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { scripts?: Record<string, unknown> }).scripts ?? {}) as Record<string, unknown>;
  } catch {
    return [];
  }
  const starts = /^(?:node|nodemon|tsx|ts-node|ts-node-dev)(?:\s+-[-\w]+(?:=\S+)?)*\s+\.{0,2}\/?[\w@./-]*[\w/-]\s*(?:\s\S+)*$/;
  return Object.entries(scripts)
    .filter(([, c]) => typeof c === "string" && starts.test(c.trim()) && !/[;&|<>`$()]/.test(c) && !/\s--test\b|\bvaultshift\b/.test(c))
    .map(([name]) => name)
    .sort();
}

/**
 * Which files holding findings are named by a .env variable, and what the plan does with each:
 * move (candidates, removals, scripts to wrap) or refuse (with the reason).
 */
export function secretFiles(root: string, findings: readonly Finding[], envFiles: readonly string[], envEnvironments: Readonly<Record<string, string>> = {}, exclude: string[] = []): SecretFiles {
  const out: SecretFiles = { candidates: [], moved: new Set(), refusals: new Map(), warnings: [], removals: [], scripts: [], notIn: new Map() };
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (!isEnvFile(f.file) && !/\.[cm]?[jt]sx?$/i.test(f.file)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  if (byFile.size === 0) return out;

  // Every .env entry naming a path, by what it resolves to (the last entry of a name wins, as in dotenv).
  const refs = new Map<string, PathRef[]>();
  const dirRefs: { dir: string; ref: PathRef }[] = [];
  const setIn = new Map<string, Map<string, string>>(); // environment → name → resolved path (or the raw value)
  for (const envFile of envFiles) {
    const entries = envEntries(root, envFile);
    const environment = envEnvironments[envFile] ?? environmentOf(envFile);
    const last = new Map(entries.map((e) => [e.key, e]));
    for (const e of last.values()) {
      const names = setIn.get(environment) ?? new Map<string, string>();
      names.set(e.key, looksLikePath(e.value) ? resolvedFrom(root, envFile, e.value) : e.value);
      setIn.set(environment, names);
      if (!looksLikePath(e.value)) continue;
      const rel = resolvedFrom(root, envFile, e.value);
      const ref: PathRef = { envFile, name: e.key, line: e.line, environment };
      if (byFile.has(rel)) refs.set(rel, [...(refs.get(rel) ?? []), ref]);
      else if (rel !== "" && !leavesRoot(rel) && [...byFile.keys()].some((f) => f.startsWith(`${rel}/`))) {
        try {
          if (statSync(join(root, rel)).isDirectory()) dirRefs.push({ dir: rel, ref });
        } catch {
          // not there: nothing to say
        }
      }
    }
  }

  const refuse = (file: string, why: string, next: string) => {
    for (const f of byFile.get(file) ?? []) {
      out.refusals.set(`${f.file}:${f.line}`, `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, ${why}, so it stays there and the verdict will say so. ${next} Rotate it if the file was ever committed.`);
    }
  };
  const named = (rs: PathRef[]) => [...new Set(rs.map((r) => `${r.name} (${r.envFile}:${r.line})`))].join(", ");

  for (const { dir, ref } of dirRefs) {
    for (const file of byFile.keys()) {
      if (refs.has(file) || !file.startsWith(`${dir}/`)) continue;
      refuse(file, `a file of the directory ${dir} that ${ref.name} (${ref.envFile}:${ref.line}) names: vaultshift moves single files a variable names, not directories (what reads the directory may list it or read other files there)`, `Name the file itself in a variable of its own (e.g. ${ref.name.replace(/_(DIR|PATH)$/, "")}_KEY_PATH=${file}) and plan again, or store it in Vault and have the platform mount it.`);
    }
  }

  const scripts = startScripts(root);
  // Starts outside npm (a Procfile, a Dockerfile's CMD, a systemd unit…): rewritten or named by the planner.
  const launchers = launcherStarts(root, exclude);
  for (const [file, rs] of [...refs].sort(([a], [b]) => a.localeCompare(b))) {
    let bytes: Buffer;
    try {
      if (lstatSync(join(root, file)).isSymbolicLink()) {
        const real = relative(realpathSync(root), realpathSync(join(root, file))).split(sep).join("/");
        if (leavesRoot(real)) {
          refuse(file, `a link to a file outside the project that ${named(rs)} names: vaultshift changes nothing outside the project (other projects or the system may read that file)`, "Store the file's content in Vault and delete the link and the shared file by hand once nothing else reads it, or replace the link by a file of this project and plan again.");
          continue;
        }
      }
      bytes = readFileSync(join(root, file));
    } catch {
      continue;
    }
    if (bytes.length > SECRET_FILE_MAX_BYTES) {
      refuse(file, `named by ${named(rs)}, is ${bytes.length} bytes: vaultshift moves files of up to ${SECRET_FILE_MAX_BYTES / 1024} KiB (key files, certificates, service-account JSON) and this one is larger`, "Keep only the key material in the file (or store it in Vault and have the platform mount it), then plan again.");
      continue;
    }
    // A program vaultshift does not start (a shell script, compose, another language) reading the variable would find a path to nothing.
    const probe: PlannedSecret[] = rs.map((r, i) => ({ id: `f${i}`, name: r.name, kind: "private-key", confidence: 1, reason: "", environment: r.environment, source: { type: "dotenv", file: r.envFile, line: r.line, column: 1, name: r.name }, duplicates: [], target: { mount: "", path: "", key: "" }, fingerprint: "", redacted: "" }));
    const outside = outsideUses(root, probe, exclude, [], new Set()).filter((w) => w.code === "outside-use");
    if (outside.length > 0) {
      const places = [...new Set(outside.map((w) => `${w.file}${w.line !== undefined ? `:${w.line}` : ""}`))].join(", ");
      refuse(file, `named by ${named(rs)}, a variable that ${places} also read${outside.length === 1 ? "s" : ""} (a program vaultshift does not start, which would find the path to a deleted file)`, `Start that program under \`vaultshift run --\` (which writes the file and sets the variable) or have it read the content from Vault, then plan again.`);
      continue;
    }
    if (scripts.length === 0 && launchers.length === 0) {
      refuse(file, `named by ${named(rs)}: nothing in the project starts the app's code in a way vaultshift can put under \`vaultshift run\` (no npm script, Procfile line, Dockerfile CMD, systemd unit, pm2 entry or compose command runs node, nodemon, tsx or ts-node on one file), and the secrets module alone cannot write the file before the app's first read`, `Add an npm script that starts the app (e.g. "start": "node server.js") and plan again: apply runs it under \`vaultshift run --\`, which writes the file and sets the variable.`);
      continue;
    }
    const { value, encoding } = encodeSecretFile(bytes);
    const fs = byFile.get(file)!;
    for (const f of fs) out.moved.add(f);
    const first = fs[0]!;
    const byEnv = new Map<string, PathRef>();
    for (const r of rs) if (!byEnv.has(`${r.environment}\0${r.name}`)) byEnv.set(`${r.environment}\0${r.name}`, r);
    for (const r of byEnv.values()) {
      out.candidates.push({
        source: { type: "file", file, line: 1, column: 1, name: r.name, encoding },
        name: r.name,
        value,
        environment: r.environment,
        kind: first.kind,
        confidence: first.confidence,
        reason: `${file} (${bytes.length} bytes, ${withArticle(first.ruleId)}) is the file ${r.name} names in ${r.envFile}:${r.line}; its content moves, the variable stays`,
      });
    }
    out.removals.push({ file, kind: "secret-file", beforeHash: sha256(bytes), afterHash: null, diff: `--- a/${file}\n+++ /dev/null\n@@ deleted: ${bytes.length} bytes moved to Vault (content not shown) @@\n`, edits: 1 });
  }
  if (out.removals.length > 0) {
    for (const script of scripts) out.scripts.push({ file: "package.json", script, environment: BASE_LAYER_ENVIRONMENT, wrap: true, whole: true });
  }
  // The shared layer's file does not serve an environment whose own file sets the variable to something else.
  for (const c of out.candidates) {
    if (c.environment !== BASE_LAYER_ENVIRONMENT) continue;
    const notIn = [...setIn].filter(([env, names]) => env !== BASE_LAYER_ENVIRONMENT && names.has(c.name) && names.get(c.name) !== c.source.file).map(([env]) => env).sort();
    if (notIn.length > 0) out.notIn.set(c, notIn);
  }
  return out;
}

/** The plan's record of each moved file, from the placed candidates (after decisions and collisions). */
export function plannedSecretFiles(placed: readonly { c: Candidate; loc: { path: string; key: string } }[], mount: string, root: string, notIn: ReadonlyMap<Candidate, string[]>): PlannedSecretFile[] {
  const byId = new Map<string, PlannedSecretFile>();
  for (const { c, loc } of placed) {
    if (c.source.type !== "file") continue;
    const id = `${c.name}\0${c.source.file}`;
    let entry = byId.get(id);
    if (!entry) {
      const bytes = readFileSync(join(root, c.source.file));
      entry = { envName: c.name, file: c.source.file, baseName: posix.basename(c.source.file), encoding: c.source.encoding ?? "utf8", size: bytes.length, sha256: sha256(bytes), mount, key: loc.key, environments: {} };
      byId.set(id, entry);
    }
    entry.environments[c.environment] = { path: loc.path };
    const skip = notIn.get(c);
    if (skip) entry.notIn = skip;
  }
  return [...byId.values()];
}

/** The `secret-file` warning of each moved file: where it goes, what apply and `vaultshift run` do. */
export function secretFileWarnings(files: readonly PlannedSecretFile[], scripts: readonly ScriptEnvironment[]): PlanWarning[] {
  const wrapped = scripts.filter((s) => s.whole).map((s) => s.script);
  return files.map((f) => {
    const where = Object.entries(f.environments).map(([env, { path }]) => `${f.mount}/${path}#${f.key} (${env})`).join(", ");
    return {
      code: "secret-file",
      file: f.file,
      message:
        `${f.file} (${f.size} bytes${f.encoding === "base64" ? ", stored base64" : ""}), the file ${f.envName} names, moves to Vault at ${where}. ` +
        `Apply deletes the file (rollback restores it) and leaves ${f.envName} in the .env file as it is. ` +
        `\`vaultshift run\` writes the content into a private temporary directory (0700, the file 0600, named ${f.baseName}), sets ${f.envName} to that path for the command it starts, and deletes the directory when the command ends. ` +
        `${wrapped.length > 0 ? `Apply runs the npm script${wrapped.length === 1 ? "" : "s"} ${wrapped.join(", ")} under \`vaultshift run --\`; ` : ""}a Procfile line, a Dockerfile CMD or a systemd unit starting it is rewritten the same way where that is exact, else named with its new command (the launcher-start and outside-use warnings); wherever else the app starts, start it under \`vaultshift run -- <command>\`, or it finds no file at that path.` +
        `${f.notIn ? ` Not written under ${f.notIn.join(", ")}, whose own .env file sets ${f.envName} otherwise.` : ""}`,
    };
  });
}

/**
 * verify: a moved file's Vault value must decode to exactly the bytes the file held (its sha256
 * in the plan), as `vaultshift run` will write them; null when it does (or `s` is no file).
 */
export function secretFileRoundTrip(plan: { secretFiles?: PlannedSecretFile[] }, s: Pick<PlannedSecret, "name" | "source">, value: string): string | null {
  if (s.source.type !== "file") return null;
  const f = (plan.secretFiles ?? []).find((x) => x.file === s.source.file && x.envName === s.name);
  if (!f) return `the plan has no record of the file ${s.source.file} that ${s.name} names`;
  const bytes = decodeSecretFile(value, f.encoding);
  if (f.encoding === "base64" && bytes.toString("base64") !== value) return `Vault's value for ${f.file} is not valid base64, so \`vaultshift run\` could not write the file`;
  if (bytes.length !== f.size || sha256(bytes) !== f.sha256) return `Vault's value for ${f.file} decodes to ${bytes.length} bytes that differ from the ${f.size} bytes moved, so \`vaultshift run\` would write another file`;
  return null;
}

/**
 * The secret files an earlier migration of this project moved (its committed plan, same app and
 * mount) that this plan does not move again: the file is gone from the tree, so a later plan finds
 * nothing there, but `vaultshift run` must go on writing it. Kept as they were (see carried.ts
 * for the same reasoning about bindings); not written or verified again.
 */
export function carriedSecretFiles(root: string, app: string, mount: string, moved: readonly PlannedSecretFile[]): PlannedSecretFile[] {
  let previous: Plan;
  try {
    previous = readPlan(join(root, DEFAULT_PLAN_FILE));
  } catch {
    return []; // none, or unreadable: carried.ts says so for the whole plan
  }
  if (previous.app !== app || previous.mount !== mount) return [];
  return (previous.secretFiles ?? []).filter((f) => !moved.some((m) => m.envName === f.envName && m.file === f.file) && !existsSync(join(root, f.file)));
}
