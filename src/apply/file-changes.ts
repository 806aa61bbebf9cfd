import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { FileChangeKind, LauncherEdit, LiteralBinding, PlanConfigEdit, PlanEnvFile, PlanWarning, SecretBinding } from "../plan/types.js";
import { addEnvMappings, editConfigText } from "./config-file-editor.js";
import { indentOf } from "../util/json-spans.js";
import { inForeignProject, mayUseWholeEnv, packageDirOf, packageTypes, relativeSpecifier, readPackageJson, sha256, typescriptOutput, type SecretsModuleLayout } from "../plan/project.js";
import { processModuleAliases } from "../plan/module-alias.js";
import { BASE_LAYER_ENVIRONMENT, environmentsOfFiles } from "../map/environment.js";
import { addDependency } from "./package-json.js";
import { applyScriptEnvironments, type ScriptEnvironment } from "./script-environment.js";
import { rewriteBridge } from "./rewrite-bridge.js";
import { addLoadAfterEnvLoad } from "./env-load-import.js";
import { secretsIn } from "./redacted-diff.js";
import { removedLineRests } from "./env-cleaner.js";
import { decodeFile, encodeText, type DecodedFile, type TextEncodingName } from "../util/text-encoding.js";
import { version } from "../version.js";
import { rewriteLauncherLines } from "../plan/launcher-starts.js";

// The new content of every file a plan changes, computed from the files as
// they are now. Plan calls it to show diffs and record hashes; apply calls it
// again (after checking each file still hashes as planned) to get the bytes to
// write. The transformations themselves are the rewrite stage's pure
// functions; this module decides which file gets which.

export interface ChangeContext {
  root: string;
  app: string;
  /** Env-variable bindings (what `process.env.X` reads become). */
  bindings: SecretBinding[];
  /** Bindings for hard-coded literals (their secrets-module names). */
  literalBindings: SecretBinding[];
  literals: LiteralBinding[];
  secretsModule: SecretsModuleLayout | null;
  /** Generate the secrets module even when no code file changes now (apply resuming after the code was rewritten). */
  forceSecretsModule?: boolean;
  sourceFiles: string[];
  /** Every .env file read, its keys, and the keys the plan migrates from it. */
  envFiles: PlanEnvFile[];
  /** Values to hide in diffs. In memory only. */
  values: string[];
  /** Skip the diffs (apply needs only the new bytes). */
  noDiffs?: boolean;
  /**
   * Files a browser bundle reaches → why (the plan's browser-files.ts): never
   * rewritten (the secrets module cannot load in a browser), said when they would be.
   */
  browserFiles?: Map<string, string>;
  /**
   * The names the secrets module sets in process.env (read by no code by name), as the
   * plan recorded them: apply runs on files the plan may have rewritten already, where
   * the reads no longer look like reads of process.env. Unset: computed here.
   */
  envExports?: string[];
  /** npm scripts whose VAULTSHIFT_ENV is set in package.json (src/apply/script-environment.ts). */
  scriptEnvironments?: ScriptEnvironment[];
  /** Starts outside npm put under `vaultshift run` (src/plan/launcher-starts.ts). */
  launcherEdits?: LauncherEdit[];
  /**
   * Migrated names a program in another language reads (the plan's `outside-use` warnings
   * name each with its file): read by code, only not by code vaultshift rewrites.
   */
  readElsewhere?: ReadonlySet<string>;
  /** Secrets taken out of JSON configuration files (the plan's configEdits). */
  configEdits?: PlanConfigEdit[];
}

export interface ComputedChange {
  file: string;
  kind: FileChangeKind;
  /** null: the file does not exist yet. */
  before: Buffer | null;
  after: string;
  /** How `after` is written (the encoding `before` was read in: a .env may be UTF-16 or Latin-1); UTF-8 when absent. */
  encoding?: TextEncodingName;
  edits: number;
  diff: string;
}

/** The bytes a change writes. */
export function afterBytes(change: Pick<ComputedChange, "after" | "encoding">): Buffer {
  return encodeText(change.after, change.encoding);
}

export function readIfExists(path: string): Buffer | null {
  try {
    if (!statSync(path).isFile()) return null;
    return readFileSync(path);
  } catch {
    return null;
  }
}

function dirOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i === -1 ? "" : file.slice(0, i + 1);
}

export async function computeFileChanges(ctx: ChangeContext): Promise<{ changes: ComputedChange[]; warnings: PlanWarning[]; envExports: string[] }> {
  const r = await rewriteBridge();
  const changes: ComputedChange[] = [];
  const warnings: PlanWarning[] = [];
  const add = (file: string, kind: FileChangeKind, before: Buffer | null, after: string, edits: number, decoded?: DecodedFile) => {
    const beforeText = before === null ? "" : (decoded?.text ?? before.toString("utf8"));
    if (before !== null && beforeText === after) return;
    // Only the values this file holds need hiding (a large app has thousands);
    // the new content never gains a value that was not in the old one.
    const diff = ctx.noDiffs ? "" : r.redactedDiff(file, beforeText, after, secretsIn(beforeText, ctx.values));
    changes.push({ file, kind, before, after, ...(decoded && decoded.encoding !== "utf8" ? { encoding: decoded.encoding } : {}), edits, diff });
  };

  // 1. Code: env reads and literals become reads from the secrets module.
  const names = ctx.bindings.map((b) => b.envName);
  const moduleFile = ctx.secretsModule?.file;
  // An ES module secrets module with a CommonJS one beside it: CommonJS files require that one.
  const companionFile = ctx.secretsModule?.companion?.file;
  let codeChanged = false;
  // Names some file reads by name (now from the secrets module); the others are read by a library or the framework.
  const readByName = new Set<string>();
  // Names the code still names after the rewrite, other than in a read it rewrote: read through
  // another object that mirrors process.env (Hono's env(c), Bun.env, a config wrapper), with the first place.
  const otherwise = new Map<string, string>();
  let envExports: string[] = [];
  if (ctx.secretsModule && (names.length > 0 || ctx.literals.length > 0)) {
    const esm = ctx.secretsModule.moduleKind === "esm";
    // Node reads a .js file without import/require syntax by the `type` of its
    // nearest package.json (workspaces mix both); TypeScript files are left to
    // the compiler's settings.
    const typeOf = packageTypes(ctx.root);
    const tsOutput = typescriptOutput(ctx.root);
    const processAliases = processModuleAliases(ctx.root, ctx.sourceFiles);
    // A config file's variables reach the app through `vaultshift run`, in the real process.env: code that
    // passes process.env on whole, or parses .env itself, needs no change for them (Ghost: 1,885 files parsed for nothing).
    const fromConfigFiles = new Set((ctx.configEdits ?? []).map((e) => e.envName));
    const envNames = names.filter((n) => !fromConfigFiles.has(n));
    for (const file of ctx.sourceFiles) {
      if (file === moduleFile || file === companionFile) continue;
      const literals = ctx.literals.filter((l) => l.file === file);
      const before = readIfExists(join(ctx.root, file));
      if (before === null) continue;
      const content = before.toString("utf8");
      // A file that parses .env text itself is looked at too (env-file-parse).
      const parsesEnv = envNames.length > 0 && content.includes("dotenv") && /\bparse\s*\(/.test(content);
      if (literals.length === 0 && !names.some((n) => content.includes(n)) && !(envNames.length > 0 && mayUseWholeEnv(content)) && !parsesEnv) continue;
      const packageType = typeOf(file);
      // An ES module needs the full file name (Node's ESM resolver adds no
      // extension); a CommonJS require() may leave a plain `.js` out.
      const importerIsEsm = /\.jsx?$/i.test(file) ? r.moduleKindOf(file, content, packageType) === "esm" : /\.(mjs|mts)$/i.test(file);
      const out = r.rewriteSource({
        file,
        content,
        bindings: names.map((name) => ({ name })),
        secretsImport: companionFile !== undefined && !importerIsEsm ? relativeSpecifier(file, companionFile, false) : relativeSpecifier(file, ctx.secretsModule.file, esm || importerIsEsm),
        literals: literals.map((l) => ({ name: l.name, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn })),
        ...(/\.jsx?$/i.test(file) ? { packageType } : {}),
        // TypeScript writes `import` either way; a `require()` placed in it runs only if tsc emits CommonJS.
        ...(/\.[cm]?tsx?$/i.test(file) ? { runsAs: tsOutput.commonJs(file) ? ("cjs" as const) : ("esm" as const) } : {}),
        ...(ctx.secretsModule ? { secretsModuleKind: companionFile !== undefined && !importerIsEsm ? ("cjs" as const) : ctx.secretsModule.moduleKind } : {}),
        ...(companionFile !== undefined && importerIsEsm ? { lazySecretsImport: relativeSpecifier(file, companionFile, true) } : {}),
        ...(Object.keys(processAliases).length > 0 ? { processAliases } : {}),
        envFiles: ctx.envFiles,
      });
      const browser = ctx.browserFiles?.get(file);
      if (browser !== undefined) {
        if (out.changed) warnings.push({ code: "rewrite-skipped", file, message: `${file} is ${/Edge function|Electron preload|run by Deno/i.test(browser) ? "code that cannot load Node modules" : "browser code"} (${browser}): it is not rewritten, since the secrets module loads the Vault client, which needs Node and cannot run there. What it reads from the environment stays as it is; read secrets on the server and send the browser only what it may see.` });
        continue;
      }
      for (const w of out.warnings) warnings.push({ code: w.code, file: w.file, ...(w.line !== undefined ? { line: w.line } : {}), message: w.message });
      for (const n of out.reads) readByName.add(n);
      for (const [n, line] of readOtherwise(out.changed ? out.content : content, names)) if (!otherwise.has(n)) otherwise.set(n, `${file}:${line}`);
      // Bun.env is process.env under Bun: it finds a migrated name only once the secrets module has run.
      const after = out.changed ? out.content : content;
      const early = bunReadsBeforeLoad(after, names, importerIsEsm ? "esm" : "cjs", [relativeSpecifier(file, ctx.secretsModule.file, true), relativeSpecifier(file, ctx.secretsModule.file, false), ...(companionFile ? [relativeSpecifier(file, companionFile, false)] : [])]);
      if (early.length > 0) {
        const spec = companionFile !== undefined && !importerIsEsm ? relativeSpecifier(file, companionFile, false) : relativeSpecifier(file, ctx.secretsModule.file, esm || importerIsEsm);
        const load = importerIsEsm ? `import "${spec}";` : `require("${spec}");`;
        warnings.push({
          code: "bun-env-read",
          file,
          line: early[0]!.line,
          message:
            `${early.map((r) => `${file}:${r.line}: Bun.env.${r.name}`).join(", ")} ${early.length === 1 ? "is" : "are"} read before this file loads the secrets module (${importerIsEsm ? "it does not import it" : "it requires it later, or not at all"}). ` +
            `Under Bun, Bun.env is process.env, which gets the migrated secrets only when the secrets module runs: ${early.length === 1 ? "this read finds" : "these reads find"} nothing unless another module loaded it first. ` +
            `Put \`${load}\` at the top of ${file}, or read ${early.length === 1 ? "it" : "them"} as secrets.NAME from "${spec}".`,
        });
      }
      if (out.changed) {
        codeChanged = true;
        add(file, "code", before, out.content, out.edits);
      }
    }
    // A migrated name no file reads by name was read from process.env by something else
    // (an SDK's default credentials, `env.get("X")`, a framework's NUXT_* convention): the
    // module sets it there when it loads, and each file that loads .env loads the module
    // right after, so it is there from the same point on.
    // Named by no code at all (an SDK's default credentials, a framework's convention) / named
    // other than as a process.env read (env(c).X, Bun.env.X, Netlify.env.get("X")), read as secrets.X too or not.
    const unread = [...new Set(names)].filter((n) => !readByName.has(n) && !otherwise.has(n)).sort();
    const mirrored = [...otherwise.keys()].sort();
    // A name only a .env of a project in another language holds (a Python worker's), read there and by no
    // JavaScript: that program's secret, not something to put into this app's process.env (its outside-use says so).
    const othersOnly = (n: string): boolean => {
      const holding = ctx.envFiles.filter((f) => f.migratedKeys.includes(n));
      return ctx.readElsewhere?.has(n) === true && holding.length > 0 && holding.every((f) => inForeignProject(ctx.root, f.file));
    };
    envExports = ctx.envExports ?? [...unread.filter((n) => !othersOnly(n)), ...mirrored].sort();
    if (envExports.length > 0) {
      const sites: string[] = [];
      // By file: a find per source file would be files × changes.
      const changeOf = new Map(changes.map((c) => [c.file, c]));
      for (const file of ctx.sourceFiles) {
        if (file === moduleFile || file === companionFile || ctx.browserFiles?.has(file)) continue;
        const changed = changeOf.get(file);
        const before = changed?.before ?? readIfExists(join(ctx.root, file));
        if (before === null) continue;
        const current = changed?.after ?? before.toString("utf8");
        if (!/dotenv|loadEnvFile/.test(current)) continue;
        const packageType = typeOf(file);
        const importerIsEsm = /\.jsx?$/i.test(file) ? r.moduleKindOf(file, current, packageType) === "esm" : /\.(mjs|mts)$/i.test(file);
        // A CommonJS file requires the CommonJS flavour when there are both.
        const specifier = companionFile !== undefined && !importerIsEsm ? relativeSpecifier(file, companionFile, false) : relativeSpecifier(file, ctx.secretsModule.file, esm || importerIsEsm);
        const site = addLoadAfterEnvLoad(file, current, specifier, importerIsEsm ? "esm" : "cjs");
        if (site === null) continue;
        sites.push(`${file}:${site.line}`);
        if (site.late && site.added) {
          warnings.push({
            code: "load-order",
            file,
            line: site.line,
            message: `${file}:${site.line}: .env is loaded in the module body, which runs after every import, the secrets module included: VAULT_ADDR/VAULT_TOKEN from .env are not set yet when the secrets load, and ${envExports.join(", ")} reach process.env before that line runs. Use \`import "dotenv/config"\` before the other imports, or set VAULT_* in the environment.`,
          });
        }
        if (!site.added) continue;
        if (changed) {
          changed.after = site.content;
          if (!ctx.noDiffs) changed.diff = r.redactedDiff(file, before.toString("utf8"), site.content, secretsIn(before.toString("utf8"), ctx.values));
        } else add(file, "code", before, site.content, 1);
        codeChanged = true;
      }
      // Read by a program in another language, or by a config file's loader: their own warnings (`outside-use`, `config-env`) say so.
      const byConfigLoader = new Set((ctx.configEdits ?? []).map((e) => e.envName));
      const unexplained = unread.filter((n) => !ctx.readElsewhere?.has(n) && !byConfigLoader.has(n));
      const list = unexplained.join(", ");
      if (unexplained.length > 0 && !(codeChanged || ctx.forceSecretsModule)) {
        // No code of the app changes, so no secrets module is written: nothing puts them back.
        const them = unexplained.length === 1 ? "it" : "them";
        warnings.push({
          code: "unread-by-app",
          message:
            `${list} ${unexplained.length === 1 ? "is" : "are"} read by no JavaScript or TypeScript of this app, so no secrets module is written and nothing of the app loads ${them} from Vault: ` +
            `whatever read ${them} from ${envFilesHolding(ctx, unexplained)} (a framework, a tool, a program in another language) finds nothing after the migration. ` +
            `Start that program under \`vaultshift run -- <command>\`, which puts the plan's secrets into its environment, or give it the values from Vault (vault kv get).`,
        });
      } else if (unexplained.length > 0) warnings.push({
        code: "library-read",
        ...(sites.length > 0 ? { file: sites[0]!.replace(/:\d+$/, ""), line: Number(sites[0]!.replace(/^.*:/, "")) } : {}),
        message:
          `${list} ${unexplained.length === 1 ? "is" : "are"} read by no code of the app by name: a library, the framework or a tool reads ${unexplained.length === 1 ? "it" : "them"} from process.env ` +
          `(an SDK's default credentials, a validator's env.get("X"), a framework's naming convention), where .env used to put ${unexplained.length === 1 ? "it" : "them"}. ` +
          `The secrets module now sets ${unexplained.length === 1 ? "it" : "them"} in process.env when it loads (a value already set wins, as with dotenv)` +
          (sites.length > 0
            ? `, and is loaded right after .env is: ${sites.join(", ")}.`
            : `; no file of the app loads .env itself (the framework or a tool does), so ${unexplained.length === 1 ? "it is" : "they are"} there only once a file that imports the secrets module has run. If a library reads ${unexplained.length === 1 ? "it" : "them"} before that, import the secrets module first thing in the entry point.`) +
          ` A process that never loads the secrets module (a library's own CLI, a tool run by a script) no longer finds ${unexplained.length === 1 ? "it" : "them"}: start it under \`vaultshift run --\`, or give it the value from Vault (vault kv get).`,
      });
    }
    // Said once the plan knows whether a secrets module is written (a .env load site adds one).
    if (mirrored.length > 0) {
      const first = otherwise.get(mirrored[0]!)!;
      const them = mirrored.length === 1 ? "it" : "them";
      const where = `${mirrored.join(", ")} ${mirrored.length === 1 ? "is" : "are"} named by the code other than as a process.env read (${mirrored.map((n) => `${n} at ${otherwise.get(n)}`).join(", ")})`;
      warnings.push(
        codeChanged || ctx.forceSecretsModule
          ? {
              code: "library-read",
              file: first.replace(/:\d+$/, ""),
              line: Number(first.replace(/^.*:/, "")),
              message:
                `${where}: through an object that mirrors process.env (Hono's env(c), Bun.env, a config wrapper), a string or a comment. The secrets module sets ${them} in process.env as well when it loads, as .env did (a value already set wins), so such reads find ${them} from then on; ` +
                `a read before the secrets module has loaded, or in a process that never loads it, finds nothing: read ${them} from the secrets module (secrets.NAME) there.`,
            }
          : {
              // No code of the app reads process.env by name: no secrets module is written, so
              // nothing sets them in process.env (a framework's env("X") helper, Strapi's config files).
              code: "unread-by-app",
              file: first.replace(/:\d+$/, ""),
              line: Number(first.replace(/^.*:/, "")),
              message:
                `${where}: through a framework's config helper (Strapi's ({ env }) => env("X"), AdonisJS's Env.get("X")), an object that mirrors process.env, a string or a comment. ` +
                `No code of this app reads process.env by name, so no secrets module is written and nothing of the app loads ${them} from Vault: the framework that read ${them} from ${envFilesHolding(ctx, mirrored)} finds nothing after the migration. ` +
                `Start the app under \`vaultshift run -- <command>\`, which puts the plan's secrets into its environment, or give it the values from Vault (vault kv get).`,
            },
      );
    }
  }

  // 2. The generated secrets module (always when something was rewritten).
  if (ctx.secretsModule && (codeChanged || ctx.forceSecretsModule)) {
    const moduleInput = {
      language: ctx.secretsModule.language,
      moduleKind: ctx.secretsModule.moduleKind,
      app: ctx.app,
      bindings: [...ctx.bindings, ...ctx.literalBindings],
      layeredBase: ctx.bindings.some((b) => BASE_LAYER_ENVIRONMENT in b.environments),
      ...environmentsOfFiles(ctx.envFiles),
      ...(envExports.length > 0 ? { envExports } : {}),
    };
    const { content } = r.generateSecretsModule(moduleInput);
    add(ctx.secretsModule.file, "secrets-module", readIfExists(join(ctx.root, ctx.secretsModule.file)), content, 1);
    if (companionFile !== undefined) {
      const cjs = r.generateSecretsModule({ ...moduleInput, moduleKind: "cjs" }).content;
      add(companionFile, "secrets-module", readIfExists(join(ctx.root, companionFile)), cjs, 1);
    }
  }

  // 3. The app now imports vaultshift/runtime, and scripts run under `vaultshift run` need its
  // binary: a dependency. Scripts that load a .env file themselves name its environment (for
  // code of this app) or run under `vaultshift run` (another program), even when no code changed.
  const moduleWritten = ctx.secretsModule !== null && (codeChanged || ctx.forceSecretsModule === true);
  const scripts = (ctx.scriptEnvironments ?? []).filter((s) => moduleWritten || s.wrap);
  const launcherEdits = ctx.launcherEdits ?? [];
  if (moduleWritten || scripts.length > 0 || launcherEdits.length > 0) {
    // The package the secrets module went into (a monorepo's workspace, Firebase's functions/) imports vaultshift/runtime.
    const owner = moduleWritten ? packageDirOf(ctx.root, ctx.secretsModule!.file) : "";
    const ownerManifest = owner === "" ? "package.json" : `${owner}/package.json`;
    // The root's manifest first, as the plan lists it; a root package.json JSON cannot read is left alone.
    const manifests = [...new Set([ownerManifest, ...scripts.map((s) => s.file)])].sort((a, b) => (a === "package.json" ? -1 : b === "package.json" ? 1 : a < b ? -1 : a > b ? 1 : 0));
    for (const file of manifests) {
      const before = readIfExists(join(ctx.root, file));
      if (before === null || (file === "package.json" && readPackageJson(ctx.root) === null)) continue;
      // A package's own scripts run its own node_modules/.bin: it needs vaultshift too.
      const edited = applyScriptEnvironments(before.toString("utf8"), file, scripts);
      // A launcher's command runs node_modules/.bin/vaultshift: the root package needs it.
      const needsRuntime = file === ownerManifest || scripts.some((s) => s.file === file && s.wrap) || (file === "package.json" && launcherEdits.length > 0);
      add(file, "package-json", before, needsRuntime ? addDependency(edited, "vaultshift", `^${version}`).content : edited, (file === ownerManifest ? 1 : 0) + scripts.filter((s) => s.file === file).length);
    }
  }

  // 3b. Starts outside npm (a Procfile line, a Dockerfile CMD, a systemd ExecStart=) run under `vaultshift run`.
  for (const file of [...new Set(launcherEdits.map((e) => e.file))].sort()) {
    const before = readIfExists(join(ctx.root, file));
    if (before === null) continue;
    const edits = launcherEdits.filter((e) => e.file === file);
    add(file, "launcher", before, rewriteLauncherLines(before.toString("utf8"), edits), edits.length);
  }

  // 4. .env files lose their migrated values; .env.example documents every key.
  const migratedDirs = new Map<string, Set<string>>();
  for (const env of ctx.envFiles) {
    if (env.migratedKeys.length === 0) continue;
    const before = readIfExists(join(ctx.root, env.file));
    if (before === null) continue;
    const decoded = decodeFile(before);
    const after = r.cleanEnvFile(decoded.text, env.migratedKeys);
    add(env.file, "env", before, after, env.migratedKeys.length, decoded);
    warnings.push(...lineRestWarnings(env.file, decoded.text, env.migratedKeys));
    const dir = dirOf(env.file);
    const keys = migratedDirs.get(dir) ?? new Set<string>();
    for (const e of ctx.envFiles.filter((f) => dirOf(f.file) === dir)) for (const k of e.keys) keys.add(k);
    migratedDirs.set(dir, keys);
  }
  for (const [dir, keys] of migratedDirs) {
    const file = `${dir}.env.example`;
    const before = readIfExists(join(ctx.root, file));
    add(file, "env-example", before, r.updateEnvExample(before === null ? null : before.toString("utf8"), [...keys]), keys.size);
  }

  // 4b. JSON configuration files lose their migrated values (the loader reads the variable instead);
  // node-config's custom-environment-variables.json gains the mappings.
  const configEdits = ctx.configEdits ?? [];
  for (const file of [...new Set(configEdits.map((e) => e.file))].sort()) {
    const before = readIfExists(join(ctx.root, file));
    if (before === null) continue;
    const edits = configEdits.filter((e) => e.file === file);
    // A code file (Strapi's config/*.js) the rewriter changed already: the edit goes on top, as one change.
    const earlier = changes.findIndex((c) => c.file === file);
    if (earlier !== -1) {
      const [code] = changes.splice(earlier, 1);
      add(file, code!.kind, before, editConfigText(code!.after, file, edits), code!.edits + edits.length);
    } else add(file, "config", before, editConfigText(before.toString("utf8"), file, edits), edits.length);
  }
  for (const mappingFile of [...new Set(configEdits.flatMap((e) => (e.mappingFile ? [e.mappingFile] : [])))].sort()) {
    const mappings = new Map(configEdits.filter((e) => e.mappingFile === mappingFile).map((e) => [e.keyPath.join("\u0000"), e]));
    const before = readIfExists(join(ctx.root, mappingFile));
    const sibling = configEdits.find((e) => e.mappingFile === mappingFile)!.file;
    const unit = indentOf(readIfExists(join(ctx.root, sibling))?.toString("utf8") ?? "");
    add(mappingFile, "config", before, addEnvMappings(before === null ? null : before.toString("utf8"), [...mappings.values()], unit, mappingFile), mappings.size);
  }

  // 5. .env files stay out of git from now on.
  if (migratedDirs.size > 0 || codeChanged || ctx.forceSecretsModule) {
    const before = readIfExists(join(ctx.root, ".gitignore"));
    add(".gitignore", "gitignore", before, r.ensureGitignore(before === null ? null : before.toString("utf8")), 1);
  }
  return { changes, warnings, envExports };
}

/**
 * `env-line-rest`: what goes with a migrated entry's line besides its value (an inline comment,
 * the rest of a word dotenv cut at `#`), said with its length only (it may hold a secret).
 */
export function lineRestWarnings(file: string, content: string, migratedKeys: string[]): PlanWarning[] {
  return removedLineRests(content, migratedKeys).map((r) => ({
    code: "env-line-rest",
    file,
    line: r.line,
    message:
      r.kind === "cut"
        ? `${file}:${r.line}: ${r.key}'s value is unquoted and has a '#' in it: dotenv read only the part before the '#', which is what moves to Vault (what the app read). ` +
          `The rest of the word (${r.length} characters from the '#') goes with the line. If it belongs to the secret, quote the whole value in ${file} and plan again; if it was a comment, copy it back.`
        : `${file}:${r.line}: the comment after ${r.key}'s value (${r.length} characters) goes with the line, which is removed whole (it is not moved to Vault, and it may name the secret). Copy it back above the line if it is still needed.`,
  }));
}

export function hashOf(bytes: Buffer | null): string | null {
  return bytes === null ? null : sha256(bytes);
}


/**
 * The migrated names a file's code still names once its reads are rewritten (not as
 * `secrets.X`, `processEnv.X` or `process.env.X`), each with its first line, comments left out.
 */
/** The .env files the plan moves any of `names` from, for a message. */
function envFilesHolding(ctx: ChangeContext, names: readonly string[]): string {
  const files = ctx.envFiles.filter((f) => f.migratedKeys.some((k) => names.includes(k))).map((f) => f.file).sort();
  return files.length > 0 ? files.join(", ") : ".env";
}

export function readOtherwise(code: string, names: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const candidates = names.filter((n) => code.includes(n));
  if (candidates.length === 0) return out;
  // Comments out, line breaks kept (a `//` inside a string such as a URL cuts a line short: names only get lost).
  const text = code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
  for (const n of candidates) {
    const reads = new RegExp(String.raw`\b(?:secrets|processEnv|process\s*\??\.\s*env)\s*(?:\??\.\s*${n}\b|\??\.?\[\s*(["'\`])${n}\1\s*\])`, "g");
    const rest = text.replace(reads, (m) => " ".repeat(m.length));
    const name = new RegExp(String.raw`(?<![\w$])${n}(?![\w$])`, "g");
    for (let at = name.exec(rest); at !== null; at = name.exec(rest)) {
      if (!mirrorUse(rest, at.index, n.length)) continue;
      out.set(n, rest.slice(0, at.index).split("\n").length);
      break;
    }
  }
  return out;
}

/**
 * The name at `start` is read through something other than the environment: a member of
 * another object (`env(c).X`, `Bun.env.X`), a string (`Netlify.env.get("X")`, `c.env["X"]`), or
 * a key of a destructuring of another object (`const { X } = env(c)`). A bare identifier is a
 * local binding — the rewriter's own `const { X } = secrets`, or its later uses — not a read.
 */
function mirrorUse(text: string, start: number, length: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  if (/\??\.\s*$/.test(before)) return true;
  const quote = before.slice(-1);
  if ((quote === '"' || quote === "'" || quote === "`") && text[start + length] === quote) return true;
  const open = text.lastIndexOf("{", start);
  if (open === -1 || text.lastIndexOf("}", start) > open) return false;
  const close = text.indexOf("}", start);
  if (close === -1 || (text.indexOf("{", start) !== -1 && text.indexOf("{", start) < close)) return false;
  const init = /^\s*=(?!=)\s*(\S[^;\n]*)/.exec(text.slice(close + 1));
  return init !== null && !/^(?:secrets|processEnv|process\s*\??\.\s*env)\b/.test(init[1]!);
}

/**
 * `Bun.env.X` / `Bun.env["X"]` / `const { X } = Bun.env` reads of migrated names that run before
 * the file has loaded the secrets module: in an ES module, when it imports none of `specifiers`
 * (imports run before the body); in CommonJS, when no `require` of one comes on an earlier line.
 * Bun.env is process.env under Bun (https://bun.sh/docs/runtime/env), which the secrets module fills.
 */
export function bunReadsBeforeLoad(code: string, names: readonly string[], kind: "esm" | "cjs", specifiers: readonly string[]): { name: string; line: number }[] {
  if (!code.includes("Bun")) return [];
  const text = code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
  const lineOf = (at: number) => text.slice(0, at).split("\n").length;
  let loadedAt = Infinity;
  for (const spec of specifiers) {
    const quoted = new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])${spec.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\1`);
    const m = quoted.exec(text);
    if (m) loadedAt = Math.min(loadedAt, kind === "esm" ? 0 : lineOf(m.index));
  }
  const out: { name: string; line: number }[] = [];
  for (const name of names) {
    if (!text.includes(name)) continue;
    const read = new RegExp(String.raw`\bBun\s*\??\.\s*env\s*(?:\??\.\s*${name}\b|\??\.?\[\s*(["'\`])${name}\1\s*\])|\{[^{}]*\b${name}\b[^{}]*\}\s*=\s*(?:globalThis\s*\.\s*)?Bun\s*\??\.\s*env\b`);
    const m = read.exec(text);
    if (m && loadedAt !== 0 && lineOf(m.index) <= loadedAt) out.push({ name, line: lineOf(m.index) });
  }
  return out.sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
}

