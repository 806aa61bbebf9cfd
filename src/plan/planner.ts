import { sourcedEnvFiles } from "./sourced-env-files.js";
import { launcherStarts, launcherStartWarning } from "./launcher-starts.js";
import type { ScriptEnvironment } from "../apply/script-environment.js";
import { plural, withArticle } from "../util/plural.js";
import { carriedBindings } from "./carried.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collectCandidates, type Candidate, type CandidateSet, type Classifier } from "../classify/candidates.js";
import { loadConfig } from "../config/load.js";
import type { VaultshiftConfig } from "../config/schema.js";
import { afterBytes, computeFileChanges, hashOf, readIfExists } from "../apply/file-changes.js";
import { findingText } from "../apply/finding-text.js";
import type { KvStore } from "../apply/kv-store.js";
import { DEFAULT_ENV_TEMPLATE, DEFAULT_LITERAL_TEMPLATE, checkTemplate, findCollisions, mapLocation, sanitizePath, type MappedLocation, type PathTemplates } from "../map/path-mapper.js";
import { DECIDED, decisionFor, targetProblem, type Decisions } from "./decisions.js";
import { lowerSnake } from "../map/group.js";
import { PlanError } from "../errors.js";
import { scanTreeAndIgnoredConfig } from "../scan/ignored-config-files.js";
import { envNamedFiles } from "../map/env-path-values.js";
import { isOwnOutput } from "../scan/own-outputs.js";
import { BASE_LAYER_ENVIRONMENT, dirOf, environmentOf, isDefaultsFile, isEnvFile, isEnvTemplate, isEnvToolFile, namesEnvironment } from "../map/environment.js";
import { fingerprint, newSalt } from "../util/fingerprint.js";
import { templateCopies } from "../classify/template-copies.js";
import { redact } from "../util/redact.js";
import { appName, isSecretsModuleFile, mayUseWholeEnv, packageDirOf, packageTypes, projectId, secretsModuleLayout, typescriptOutput } from "./project.js";
import { isEsmEnvLoader } from "../apply/code-rewriter.js";
import { envFileWrites } from "./env-file-writes.js";
import { testEnvStubs } from "./test-env-stubs.js";
import { unselectedEnvironments } from "./unselected-environments.js";
import { outsideUses, pinnedEnvLoads, workerBindings } from "./outside-uses.js";
import { planId } from "./plan-file.js";
import { policyFor } from "./policy.js";
import { historySecrets } from "./history.js";
import { configRefusalMessage, configSecrets, setInEnvironment } from "./config-secrets.js";
import { takeEnvHelperDefaults } from "./env-helper-defaults.js";
import { takeConvictDefaults } from "./convict-defaults.js";
import { refuseLauncherEnvOverrides } from "./launcher-env-overrides.js";
import { partialLayerWarnings } from "./partial-layers.js";
import { readsBeforeEnvLoad } from "./reads-before-load.js";
import { SECRET_FILE_MAX_BYTES, carriedSecretFiles, plannedSecretFiles, secretFileLocation, secretFiles, secretFileWarnings, secretLabel } from "./secret-files.js";
import type { LauncherEdit, LiteralBinding, Plan, PlanEnvFile, PlanOptions, PlannedSecret, PlannedTarget, PlanWarning, SecretBinding, SecretSource } from "./types.js";

// plan(): decide, write nothing. Scan → classify → map → compute the file
// changes → a Plan that holds fingerprints, locations and redacted diffs, and
// no value.

export interface PlannerOptions extends PlanOptions {
  /** Replaces the classifier (tests). */
  classify?: Classifier;
  /** Vault, to record each target's current version; optional. */
  store?: KvStore;
}

/** Exposure prefixes bundlers inline into browser code: such a secret is a leak, not something to move server-side. */
const BROWSER_PREFIXES = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_"];

function where(s: SecretSource): string {
  return `${s.file}:${s.line} ${s.name}`;
}

/** Templates from options, else config (`pathTemplate`, `migrate.templates`), else the defaults. `<x>` is accepted for `{x}`. */
function templatesFrom(options: PlanOptions, config: VaultshiftConfig): PathTemplates {
  const fromMigrate = (config.migrate?.templates ?? {}) as { env?: unknown; literal?: unknown };
  const norm = (t: string) => t.replace(/<(app|environment|group)>/g, "{$1}").replace(/^(<mount>|\{mount\})\//, "");
  const env = norm(options.templates?.env ?? (typeof fromMigrate.env === "string" ? fromMigrate.env : undefined) ?? config.pathTemplate ?? DEFAULT_ENV_TEMPLATE);
  const literal = norm(options.templates?.literal ?? (typeof fromMigrate.literal === "string" ? fromMigrate.literal : undefined) ?? DEFAULT_LITERAL_TEMPLATE);
  checkTemplate(env, "environment");
  checkTemplate(literal, "literal");
  return { env, literal };
}

/** A literal assigned to `process.env.X` (a test setup file) is named X, not PROCESS_ENV_X. */
function literalName(name: string): string {
  return name.replace(/^(?:process\.env|import\.meta\.env)\.(?=[A-Za-z_$])/, "");
}

/** `stripeKey` → `STRIPE_KEY`: the secrets-module name of a literal. */
function moduleName(name: string): string {
  const n = lowerSnake(literalName(name)).toUpperCase();
  return /^[A-Z_]/.test(n) ? n : `SECRET_${n}`;
}

/** What a file must mention to read the environment at all (process.env, import.meta.env, Bun.env, Deno.env). */
const ENV_ACCESS = /\bprocess\b|\bimport\.meta\.env\b|\bBun\.env\b|\bDeno\.env\b/;

export async function plan(options: PlannerOptions): Promise<Plan> {
  const root = options.root;
  const progress = options.onProgress ?? (() => {});
  let config: VaultshiftConfig = {};
  try {
    config = loadConfig(root).config;
  } catch (error) {
    throw error;
  }
  const app = appName(root, options.app ?? config.app);
  const mount = (options.mount ?? config.mount ?? "secret").replace(/^\/+|\/+$/g, "");
  const templates = templatesFrom(options, config);
  const salt = newSalt();
  const decisions: Decisions = options.decisions ?? config.migrate?.decisions ?? [];

  progress({ stage: "scan", step: 1, total: 1, message: "reading .env files and sources" });
  const found = collectCandidates(root, { ...(options.classify ? { classify: options.classify } : {}), ...(config.environments ? { environments: config.environments } : {}), ...(config.exclude ? { exclude: config.exclude } : {}), ...(decisions.length > 0 ? { decisions } : {}) });
  const warnings: PlanWarning[] = [...found.warnings];

  // Secrets in files that are neither .env nor JS/TS (JSON, YAML, Dockerfiles…),
  // and real-looking ones in .env templates and defaults files, are not moved;
  // verify's re-scan would find them afterwards. Say so before anything is
  // applied, so the reviewer of the plan sees them too.
  const handled = new Set([...found.envFiles, ...found.sourceFiles]);
  // Git-ignored configuration files (Ghost's config.production.json, NodeBB's config.json) too:
  // the tree scan skips them, and their secrets are just as much left on disk.
  const elsewhereFindings = (await scanTreeAndIgnoredConfig(root, handled, envNamedFiles(root, found.envFiles, SECRET_FILE_MAX_BYTES))).findings.filter(
    (f) => !handled.has(f.file) && !isOwnOutput(f.file) && (!isEnvFile(f.file) || isEnvToolFile(f.file) || isEnvTemplate(f.file)),
  );
  // Their values stay in those files, and a file vaultshift changes anyway (package.json
  // gains a dependency) shows them as context lines of its diff: hidden there too.
  const texts = new Map<string, string[] | null>();
  // JSON configuration files whose loader reads an environment variable over a value: those move.
  // Files a .env variable names by their path (a TLS key, a service-account JSON): those move whole.
  const fromFiles = secretFiles(root, elsewhereFindings, found.envFiles, found.envEnvironments, config.exclude);
  const fromConfig = configSecrets(root, elsewhereFindings.filter((f) => !fromFiles.moved.has(f)), found.sourceFiles, (f) => findingText(root, f, texts));
  takeEnvHelperDefaults(root, found, fromConfig); // Strapi's env('NAME', default): the default moves to NAME
  takeConvictDefaults(root, found, fromConfig); // convict schema defaults: to the leaf's env name
  warnings.push(...fromConfig.warnings);
  const unmovedValues = [...elsewhereFindings.map((f) => findingText(root, f, texts)), ...(found.kept ?? []).map((c) => c.value), ...(found.browserLiterals ?? []).map((c) => c.value), ...(found.userKept ?? []).map((c) => c.value), ...(found.strays ?? []).map((c) => c.value)].filter((v) => v !== "");
  // Kept by the user: it stays, and the re-scan after apply still reports it unless allowed.
  for (const c of found.userKept ?? []) {
    warnings.push({
      code: "kept-by-user",
      file: c.source.file,
      line: c.source.line,
      message: `${c.source.file}:${c.source.line}: ${c.name} looks like a ${c.kind} (${redact(c.value)}) but is kept where it is (${DECIDED}, migrate.decisions). The scanner and the check after apply still report it: if it is not a secret, allowlist it (a "vaultshift-allow" comment or "allowlist" in vaultshift.config.json); if it is, remove the decision and plan again.`,
    });
  }
  for (const c of found.browserLiterals ?? []) {
    warnings.push({
      code: "browser-exposed",
      file: c.source.file,
      line: c.source.line,
      message: `${c.source.file}:${c.source.line}: a hard-coded ${c.kind} (${redact(c.value)}) in browser code (${found.browserFiles?.get(c.source.file) ?? "a browser bundle reaches it"}): the Vault client cannot run in a browser, and the bundle ships the value, so it is not moved and the file is not rewritten. It is public already: rotate it, and have the backend make the calls that need it.`,
    });
  }
  const elsewhere: { file: string; line: number; ruleId: string; redacted: string }[] = elsewhereFindings.filter((f) => !fromConfig.moved.has(f) && !fromFiles.moved.has(f)).map((f) => ({ file: f.file, line: f.line, ruleId: f.ruleId, redacted: f.redacted }));
  // A tool's key file is usually git-ignored (the tree scan skips it): its secrets are listed all the same.
  const listed = new Set(elsewhere.map((f) => `${f.file}:${f.line}`));
  for (const c of found.kept ?? []) {
    if (fromFiles.removals.some((r) => r.file === c.source.file)) continue; // a *_FILE's file that moves whole
    if (!listed.has(`${c.source.file}:${c.source.line}`)) elsewhere.push({ file: c.source.file, line: c.source.line, ruleId: "dotenv-secret", redacted: redact(c.value) });
  }
  const strays = new Map((found.strays ?? []).map((st) => [`${st.file}:${st.line}`, st]));
  for (const st of strays.values()) if (!listed.has(`${st.file}:${st.line}`)) elsewhere.push({ file: st.file, line: st.line, ruleId: st.ruleId, redacted: redact(st.value) });
  const overriddenDefault = new Map((found.defaultsOverridden ?? []).map((d) => [`${d.file}:${d.line}`, d.by]));
  // A template made by copying .env: the value that moves stays there in plaintext. Said as
  // such, also where a rule finds it too (the copy is what the reader must act on).
  const movedValues = new Map<string, string>();
  for (const c of found.secrets) if (!movedValues.has(c.value)) movedValues.set(c.value, `${c.name} (${c.source.file}:${c.source.line})`);
  const copies = templateCopies(root, (v) => movedValues.get(v), new Set(found.envFiles), config.exclude ?? []);
  const copied = new Set(copies.map((t) => `${t.file}:${t.line}`));
  for (const t of copies) {
    unmovedValues.push(t.value);
    warnings.push({
      code: "not-migrated",
      file: t.file,
      line: t.line,
      message: `${t.file}:${t.line}: ${t.name} in ${t.file}, a template vaultshift does not migrate, holds the same value as ${t.copyOf}, which moves to Vault: the copy stays here in plaintext and the verdict will say so. Replace it with a placeholder, and rotate the secret (the template is usually committed).`,
    });
  }
  for (const f of elsewhere) {
    if (copied.has(`${f.file}:${f.line}`)) continue;
    const configKey = packageConfigKey(root, f.file, f.line);
    warnings.push({
      code: "not-migrated",
      file: f.file,
      line: f.line,
      // A Docker *_FILE file that stays keeps its own message (what reads it is often a container's entrypoint).
      message: fromFiles.refusals.has(`${f.file}:${f.line}`) && found.secretFiles?.[f.file] === undefined
        ? fromFiles.refusals.get(`${f.file}:${f.line}`)!
        : strays.get(`${f.file}:${f.line}`)?.commented && !isEnvFile(f.file)
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in a comment of ${f.file}: no code reads it and no reference to Vault can stand in a comment, so nothing moves it, and the verdict will say so while it is there. If it is an old value or an example someone filled in, delete it from the comment and rotate it (it sat in plaintext); if the commented-out setting is switched on at times, uncomment it and plan again, so that it is read from Vault.`
        : strays.get(`${f.file}:${f.line}`)?.commented
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in a commented-out line of ${f.file}: dotenv does not read it, so nothing moves it, and the verdict will say so while it is there. If it is an old value, delete the line and rotate the key (it sat in plaintext); if the line is switched on at times, make it an entry of its own file (.env.<mode>) and plan again.`
        : strays.has(`${f.file}:${f.line}`)
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, named like a .env file but not in dotenv syntax here (JSON, or a tool's own format such as env-cmd's .env.json): vaultshift reads .env files as dotenv does and cannot rewrite this one, so it stays and the verdict will say so. Move the value into a dotenv .env file (or Vault) by hand, or load it from the secrets module, and rotate it.`
        : found.secretFiles?.[f.file] !== undefined
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}): ${f.file} holds a secret's value in plaintext, named by ${found.secretFiles[f.file]} (Docker's *_FILE convention, read by an entrypoint or the app itself). vaultshift does not move it, since what reads the file would then find nothing, and the verdict will say so while it is in the tree. Store the value in Vault, have the platform mount it as a secret (Docker or Kubernetes secrets at /run/secrets), and delete the file; rotate it if it was ever committed.`
        : found.containerRead?.[f.file] !== undefined
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, which docker reads when it starts the dev container (${found.containerRead[f.file]}: runArgs --env-file): the app in the container gets only the container's environment, with no VAULT_ADDR or token to reach Vault, so it is not moved and the verdict will say so. Keep the file out of git (commit a template), or pass VAULT_ADDR and a token into the container (remoteEnv "\${localEnv:VAULT_TOKEN}") and read the value from Vault there, then plan again.`
        : found.linkedOutside?.[f.file] !== undefined
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, a link to ${found.linkedOutside[f.file]} outside the project: vaultshift changes nothing outside the project (other projects may read that file), so it is not moved and the verdict will say so. Store it in Vault and remove it from the shared file by hand once every project that reads it has moved, or replace the link by a file of this project's own and plan again.`
        : overriddenDefault.has(`${f.file}:${f.line}`)
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, the fallback values the app loads under every other file, for a name that ${overriddenDefault.get(`${f.file}:${f.line}`)} (every environment's base) also sets to another value: where that file exists this one was never read, where it does not it was, and one Vault location cannot hold both, so it is not moved and the verdict will say so. If the fallback is unused, delete the line; if it is the value machines without ${overriddenDefault.get(`${f.file}:${f.line}`)} need, give the name one value, then plan again. Rotate it either way: it was committed.`
        : found.loadedPrivately?.[f.file] !== undefined && isDefaultsFile(f.file)
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, which ${found.loadedPrivately[f.file]} reads itself (util.parseEnv, dotenv.parse, or a read the plan cannot follow) into an object of its own, not into process.env: the app reads it from that object, where the secrets module cannot put it, so it is not moved and the verdict will say so. Read it from the secrets module (secrets.NAME) in that code, or load the file into process.env (process.loadEnvFile, dotenv-defaults), then plan again.`
        : found.loadedPrivately?.[f.file] !== undefined
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, which ${found.loadedPrivately[f.file]} loads with dotenv into an object of its own (the processEnv option, or dotenv.populate into another object), not into process.env: the app reads it from that object, where the secrets module cannot put it, so it is not moved and the verdict will say so. Read it from the secrets module (secrets.NAME) in that code, then plan again.`
        : isEnvToolFile(f.file)
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in a file of a .env encryption tool (dotenvx keys, dotenv-vault): that tool reads it before the app starts, so it is not moved and the verdict will say so. Keep the file out of git, have the platform inject the key (DOTENV_PRIVATE_KEY_<ENV> for dotenvx, DOTENV_KEY for dotenv-vault), and rotate it if it was ever committed.`
        : isDefaultsFile(f.file)
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, a defaults file that nothing in the project is seen to load (no dotenv-defaults, dotenv-mono or dotenv-flow dependency, no source file naming it), so it is read as a template: it stays and the verdict will say so. If the app does load it (a script, a launcher), move the value into .env (or Vault) by hand and plan again; if not, replace the value with a placeholder. Rotate it either way: it was committed.`
        : isEnvFile(f.file) && isEnvTemplate(f.file)
        ? `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in ${f.file}, a template or defaults file that vaultshift does not migrate (it documents variables, or a loader such as dotenv-flow or dotenv-defaults reads it under every other file), so it stays and the verdict will say so. If the app reads it, move the value into .env (or Vault) by hand and plan again; if it only documents the variable, replace the value with a placeholder. Rotate it either way: it was committed.`
        : fromConfig.refusals.has(`${f.file}:${f.line}`)
        ? configRefusalMessage(f, withArticle(f.ruleId), fromConfig.refusals.get(`${f.file}:${f.line}`)!)
        : configKey !== undefined
        ? packageConfigMessage(f, configKey)
        : `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in a file vaultshift does not rewrite; it stays there and the verdict will say so. Move it by hand (store it in Vault, read it through the secrets module) and rotate it.`,
    });
  }
  progress({ stage: "classify", step: 1, total: 1, message: `${plural(found.secrets.length, "secret")}, ${plural(found.config.length, "config value")}` });

  // Browser-exposed secrets cannot be read at runtime from Vault by the browser: report them, leave them.
  const inlined = found.inlined;
  const movable: Candidate[] = [];
  /** A server bundle's define ("file:line") → the moving secrets it inlined. */
  const serverInlined = new Map<string, Set<string>>();
  for (const c of found.secrets) {
    const exposed = c.kind === "browser-exposed" || (c.source.type === "dotenv" && BROWSER_PREFIXES.some((p) => c.name.startsWith(p)));
    // VAULT_TOKEN, VAULT_SECRET_ID…: what vaultshift/runtime reads to reach
    // Vault at start-up. Moved into Vault, the app could no longer get in.
    if (c.source.type === "dotenv" && /^VAULT(SHIFT)?_/.test(c.name)) {
      warnings.push({
        code: "vault-bootstrap",
        file: c.source.file,
        line: c.source.line,
        message: `${c.name} is what the app uses to reach Vault (vaultshift/runtime reads it at start-up), so it cannot be moved into Vault and stays in ${c.source.file}. Keep that file out of git, have the platform inject ${c.name} (or use AppRole or Kubernetes auth), and rotate it if it was ever committed.`,
      });
      continue;
    }
    const browserRead = c.source.type === "dotenv" && !exposed ? found.browserReads?.get(c.name) : undefined;
    if (browserRead && !inlined.has(c.name) && /Edge function/i.test(browserRead.why)) {
      warnings.push({
        code: "edge-runtime",
        file: c.source.file,
        line: c.source.line,
        message: `${c.name} is a secret read by ${browserRead.file}:${browserRead.line}, ${browserRead.why}: the Vault client needs Node (sockets, a child process), so that file cannot load the secrets module. It is not moved and that file is not rewritten. Give the Edge function the value through the platform's own secret store (vercel env add, netlify env:set, wrangler secret put), or read it in a Node function instead, then plan again.`,
      });
      continue;
    }
    if (browserRead && !inlined.has(c.name) && /Deno/.test(browserRead.why) && !/Edge Function/.test(browserRead.why)) {
      warnings.push({
        code: "deno-runtime",
        file: c.source.file,
        line: c.source.line,
        message: `${c.name} is a secret read by ${browserRead.file}:${browserRead.line}, ${browserRead.why}: Deno reads it from its own environment (deno run --env-file, Deno Deploy's variables), and that file cannot import the secrets module. It is not moved and that file is not rewritten. Give the Deno process the value another way (Deno Deploy's environment variables, or vault kv get into the environment of deno run), or read it in Node code only, then plan again.`,
      });
      continue;
    }
    if (browserRead && !inlined.has(c.name)) {
      warnings.push({
        code: "browser-exposed",
        file: c.source.file,
        line: c.source.line,
        message: `${c.name} looks like a secret, but ${browserRead.file}:${browserRead.line} reads it and is browser code (${browserRead.why}): a bundler either inlines it there (then the bundle, which browsers download, holds it) or leaves it undefined, and the Vault client cannot run in a browser. It is not moved and that file is not rewritten. If the browser needs it, it is public: rotate it and have the backend make the calls that need it; if that file runs only on a server, read the secret in a server module instead, then plan again.`,
      });
      continue;
    }
    const define = c.source.type === "dotenv" ? inlined.get(c.name) : undefined;
    if (define?.server && !exposed) {
      // A server bundle: the secret moves; the sources the bundler inlined it into now read it at run time.
      const names = (serverInlined.get(`${define.file}:${define.line}`) ?? new Set<string>()).add(c.name);
      serverInlined.set(`${define.file}:${define.line}`, names);
      movable.push(c);
      continue;
    }
    if (define && !exposed) {
      warnings.push({
        code: "browser-exposed",
        file: c.source.file,
        line: c.source.line,
        message: `${c.name} looks like a secret, but ${define.file}:${define.line} has the bundler inline process.env.${c.name} into the code it bundles (a define replacement), which browsers download: it is already public, and moving it would not take it out of the bundle. It is not moved. Rotate it, keep it out of the bundle, and serve what needs it from the backend.`,
      });
      continue;
    }
    if (exposed) {
      warnings.push({
        code: "browser-exposed",
        file: c.source.file,
        line: c.source.line,
        message: `${c.name} looks like a secret but its prefix makes the bundler inline it into browser code; it is not moved. Rotate it and serve it from the backend instead.`,
      });
    } else movable.push(c);
  }

  movable.push(...fromConfig.candidates, ...fromFiles.candidates);

  for (const [place, names] of serverInlined) {
    const [file, line] = [place.slice(0, place.lastIndexOf(":")), Number(place.slice(place.lastIndexOf(":") + 1))];
    const listed = [...names].sort().join(", ");
    warnings.push({
      code: "build-inlined",
      file,
      line,
      message: `${file}:${line}: the bundler's define inlines process.env.${[...names].sort()[0]}${names.size > 1 ? ` and ${names.size - 1} more (${listed})` : ""} into a bundle that runs in Node: the built file held the values, so it ran without them in its environment. After the migration the bundled sources read ${names.size > 1 ? "them" : "it"} from Vault at run time (the define no longer matches a rewritten read), so the bundle no longer carries ${names.size > 1 ? "them" : "it"}, and where it runs (a Lambda, a container) it needs VAULT_ADDR and a token (or AppRole); the build itself reads them through the secrets module. If the deployment cannot reach Vault, keep ${names.size > 1 ? "these names" : "this name"} out of the migration (migrate.decisions: keep).`,
    });
  }

  // Layered loaders also read `.env.local` under every environment but test,
  // above `.env.<mode>`. It is migrated as the development machine's file; say
  // where that changes what another environment reads on this machine. Nx reads
  // `.env.local`/`.local.env` under every configuration too, but below the
  // configuration's own files, and the workspace root's for every project below it.
  const layered = new Set(found.layeredDirs ?? []);
  const nx = found.nxWorkspace === true;
  for (const c of movable) {
    if (c.source.type !== "dotenv") continue;
    const file = c.source.file;
    const dir = dirOf(file);
    const base = (file.split("/").pop() ?? "").toLowerCase();
    if (!(nx || layered.has(dir)) || !(base === ".env.local" || (nx && base === ".local.env"))) continue;
    // Loaded as `.env.${APP_ENV}` with APP_ENV=local: one target's file, not an override of every mode.
    if (found.envSelectors?.[file] !== undefined) continue;
    const inScope = found.envFiles.filter((f) => dirOf(f) === dir || (nx && (dir === "" || dirOf(f).startsWith(`${dir}/`))));
    const environmentOfFile = (f: string) => found.envEnvironments?.[f] ?? environmentOf(f);
    const others = [...new Set(inScope.map(environmentOfFile))].filter(
      (e) => e !== "development" && e !== "test" && e !== BASE_LAYER_ENVIRONMENT,
    );
    const covers = (o: Candidate, e: string) =>
      o.name === c.name && o.source.type === "dotenv" && (nx ? inScope.includes(o.source.file) && o.environment === e : o.source.file === `${dir ? `${dir}/` : ""}.env.${e}.local`);
    const uncovered = others.filter((e) => !movable.some((o) => covers(o, e)));
    if (uncovered.length === 0) continue;
    warnings.push({
      code: "local-override",
      file,
      line: c.source.line,
      message: `${c.name} in ${file} is migrated for development only. This project's loader also reads ${file.split("/").pop()} under ${uncovered.join(", ")}, where ${c.name} will now come from that environment's own file or the process environment instead. Set it there if those runs need it.`,
    });
  }

  for (const s of found.shadowed ?? []) {
    warnings.push({
      code: "shadowed",
      file: s.file,
      line: s.line,
      message: s.lastWins
        ? `${s.name} in ${s.file} is never read: ${s.loader} loads ${s.by} after it, which sets ${s.name} to another value, and direnv's dotenv replaces a name already set. That line is removed with the migrated ones and its value is not stored; the value from ${s.by} is.`
        : `${s.name} in ${s.file} is never read: ${s.loader} loads ${s.by} first, which sets ${s.name} to another value, and dotenv does not replace a name already set. That line is removed with the migrated ones and its value is not stored; the value from ${s.by} is.`,
    });
  }

  // Map each candidate to a location; identical values at one location are one secret.
  progress({ stage: "map", step: 1, total: 1, message: `mapping ${plural(movable.length, "secret")} to ${mount}/` });
  const placed = movable.map((c) => {
    const loc = c.source.type === "file" ? secretFileLocation(c.name, c.environment, app, templates) : mapLocation({ name: c.source.type === "literal" ? literalName(c.name) : c.name, environment: c.environment, from: c.source.type === "literal" ? "literal" : "dotenv" }, app, templates);
    const target = decisionFor(decisions, { name: c.name, file: c.source.file, environment: c.environment });
    return { c, fp: fingerprint(salt, c.value), loc: target ? decidedLocation(loc, target, c.name, c.environment, app) : loc, userTarget: target?.path !== undefined || target?.key !== undefined };
  });
  keepDistinctNamesApart(placed);
  sameKeyEverywhere(placed);
  separateLiterals(placed, mount);
  refuseLocalWins(found.localWins ?? [], placed, mount);
  refuseUnfollowedSelections(found, movable);
  refuseLauncherEnvOverrides(root, movable);
  findCollisions(placed.map(({ c, fp, loc, userTarget }) => ({ mount, path: loc.path, key: loc.key, fingerprint: fp, where: `${where(c.source)}${userTarget ? ` (target ${DECIDED})` : ""}`, redacted: secretLabel(c), packageDir: packageDirOf(root, c.source.file) })));

  const secrets: PlannedSecret[] = [];
  const byLocation = new Map<string, PlannedSecret>();
  for (const { c, fp, loc, userTarget } of placed) {
    const id = `${loc.path}#${loc.key}`;
    const existing = byLocation.get(id);
    if (existing) {
      existing.duplicates.push(c.source);
      continue;
    }
    const s: PlannedSecret = {
      id: `s${secrets.length + 1}`,
      name: c.name,
      kind: c.kind,
      confidence: c.confidence,
      reason: userTarget ? `${c.reason}; target ${DECIDED}` : c.reason,
      environment: c.environment,
      source: c.source,
      duplicates: [],
      target: { mount, path: loc.path, key: loc.key },
      fingerprint: fp,
      redacted: secretLabel(c),
      ...(c.decidedByUser || userTarget ? { decidedByUser: true as const } : {}),
    };
    byLocation.set(id, s);
    secrets.push(s);
  }
  // One value stored at two locations is legitimate (e.g. shared by two apps) but worth knowing.
  const byFingerprint = new Map<string, PlannedSecret>();
  for (const s of secrets) {
    const first = byFingerprint.get(s.fingerprint);
    if (first) warnings.push({ code: "duplicate-value", file: s.source.file, line: s.source.line, message: `${s.name} has the same value as ${first.name} (${first.source.file}:${first.source.line}); both are stored.` });
    else byFingerprint.set(s.fingerprint, s);
  }

  // npm scripts, compose, Serverless, shell scripts reading the moved variables; Worker bindings.
  const scriptEnvironments: ScriptEnvironment[] = [];
  const readElsewhere = new Set<string>();
  warnings.push(...outsideUses(root, secrets, config.exclude, scriptEnvironments, readElsewhere), ...workerBindings(root, config.exclude), ...pinnedEnvLoads(root, secrets, found.sourceFiles), ...envFileWrites(root, secrets, found.sourceFiles), ...testEnvStubs(root, secrets, found.sourceFiles), ...partialLayerWarnings(root, secrets), ...readsBeforeEnvLoad(root, secrets, found.sourceFiles), ...unselectedEnvironments(root, secrets, found.sourceFiles, config.environments, [...(found.projectEnvironments ?? []), ...Object.keys(found.envSelectors ?? {}).map((f) => found.envEnvironments?.[f] ?? "")]));

  // Shell scripts sourcing a moved .env file for another program (envsubst, psql): wrapped or named.
  const sourced = sourcedEnvFiles(root, secrets, config.exclude);
  warnings.push(...sourced.warnings);
  scriptEnvironments.push(...sourced.scripts);

  const movedFiles = plannedSecretFiles(placed, mount, root, fromFiles.notIn);
  // Files an earlier migration moved (gone from the tree now): `vaultshift run` goes on writing them.
  const keptFiles = carriedSecretFiles(root, app, mount, movedFiles);
  let launcherEdits: LauncherEdit[] = [];
  if (movedFiles.length > 0) {
    scriptEnvironments.push(...fromFiles.scripts);
    warnings.push(...secretFileWarnings(movedFiles, fromFiles.scripts));
    // Starts outside npm scripts: rewritten to run under `vaultshift run`, or named with the command.
    const starts = launcherStarts(root, config.exclude);
    const variables = [...new Set(movedFiles.map((f) => f.envName))].sort();
    warnings.push(...starts.map((s) => launcherStartWarning(s, variables)));
    launcherEdits = starts.filter((s) => s.rewrite).map(({ file, line, before, after }) => ({ file, line, before, after }));
  }

  // Git history: values committed once stay readable there.
  if (options.history !== false) {
    progress({ stage: "scan", step: 1, total: 1, message: "scanning git history" });
    // The tree holds the secrets it moves and the ones it leaves (not-migrated): neither is "only in history".
    const currentValues = [...found.secrets.map((c) => c.value), ...fromConfig.candidates.map((c) => c.value), ...fromFiles.candidates.map((c) => c.value), ...unmovedValues];
    const current = new Set(currentValues.map((v) => fingerprint(salt, v)));
    const history = await historySecrets(root, salt, current, currentValues);
    warnings.push(...history.warnings);
    for (const s of secrets) {
      if (!history.committed.has(s.fingerprint)) continue;
      s.inGitHistory = true;
      warnings.push({ code: "in-git-history", file: s.source.file, line: s.source.line, message: `${s.name} (${s.source.file}:${s.source.line}) was committed to git; after the migration the old value is still in history: rotate it.` });
    }
  }

  // Targets: one KV secret per path, keys merged in.
  const targetMap = new Map<string, PlannedTarget>();
  for (const s of secrets) {
    const t = targetMap.get(s.target.path) ?? { mount, path: s.target.path, keys: {}, versionAtPlan: null };
    t.keys[s.target.key] = s.fingerprint;
    targetMap.set(s.target.path, t);
  }
  const targets = [...targetMap.values()].sort((a, b) => a.path.localeCompare(b.path));
  if (options.store && targets.length > 0) {
    const store = options.store;
    await store.checkMount?.(mount);
    await Promise.all(
      targets.map(async (t) => {
        const meta = await store.metadata(mount, t.path);
        t.versionAtPlan = meta?.currentVersion ?? 0;
        const current = meta && !meta.currentDeleted ? await store.read(mount, t.path) : null;
        for (const [key, fp] of Object.entries(t.keys)) {
          const v = current?.data[key];
          if (typeof v === "string" && fingerprint(salt, v) !== fp) {
            warnings.push({ code: "vault-value-differs", message: `${mount}/${t.path} already has a key "${key}" with another value; apply replaces it (rollback restores it).` });
          }
        }
      }),
    );
  }

  // Bindings: env variables (one per name, with a path per environment) and literals.
  const bindings = new Map<string, SecretBinding>();
  for (const { c, loc } of placed) {
    if (!setInEnvironment(c.source)) continue;
    const b = bindings.get(c.name) ?? { envName: c.name, mount, path: loc.pathTemplate, key: loc.key, environments: {} };
    b.environments[c.environment] = { path: loc.path };
    bindings.set(c.name, b);
  }
  const literals: LiteralBinding[] = [];
  const literalBindings = new Map<string, SecretBinding>();
  for (const { c, loc } of placed) {
    if (c.source.type !== "literal") continue;
    let name = moduleName(c.name);
    const clash = bindings.get(name) ?? literalBindings.get(name);
    if (clash && (clash.path !== loc.path || clash.key !== loc.key)) {
      let n = 2;
      while (bindings.has(`${name}_${n}`) || literalBindings.has(`${name}_${n}`)) n++;
      name = `${name}_${n}`;
    }
    if (!bindings.has(name)) literalBindings.set(name, { envName: name, mount, path: loc.path, key: loc.key, environments: { shared: { path: loc.path } } });
    const s = c.source;
    literals.push({ file: s.file, line: s.line, column: s.column, endLine: s.endLine ?? s.line, endColumn: s.endColumn ?? s.column, start: s.start ?? 0, end: s.end ?? 0, mount, path: loc.path, key: loc.key, name });
  }

  // What an earlier migration of this project moved and the project still reads from Vault.
  const inEnvFiles = new Set([...found.config.map((c) => c.name), ...found.secrets.filter((c) => c.source.type === "dotenv").map((c) => c.name), ...(found.shadowed ?? []).map((x) => x.name)]);
  const earlier = carriedBindings(root, app, mount, new Set([...bindings.keys(), ...literalBindings.keys()]), inEnvFiles, found.sourceFiles);
  warnings.push(...earlier.warnings);
  for (const b of earlier.bindings) bindings.set(b.envName, b);

  // File changes, with redacted diffs.
  progress({ stage: "plan", step: 1, total: 2, message: "computing code and .env changes" });
  // The files that will import the secrets module decide its flavour (a CommonJS
  // one among them needs the CommonJS module): those that mention a migrated
  // name or hold a migrated literal, the same pre-filter computeFileChanges uses.
  const bindingNames = [...bindings.keys()];
  // Names only a config file's loader reads arrive through `vaultshift run` in the real process.env: no whole-env use needs rewriting for them.
  const configNames = new Set(fromConfig.edits.map((e) => e.envName));
  const envBindings = bindingNames.some((n) => !configNames.has(n));
  const literalFiles = new Set(literals.map((l) => l.file));
  const esmLoaders: string[] = [];
  const types = packageTypes(root);
  const tsOutput = typescriptOutput(root);
  const rewritten = found.sourceFiles.filter((f) => {
    if (found.browserFiles?.has(f)) return false; // never rewritten
    // The module an earlier migration generated is regenerated, not an importer: its own env reads made it look like a CommonJS-needing loader.
    if (isSecretsModuleFile(f)) return false;
    if (literalFiles.has(f)) return true;
    const text = bindingNames.length > 0 ? readIfExists(join(root, f))?.toString("utf8") : undefined;
    if (text === undefined) return false;
    const wholeEnv = mayUseWholeEnv(text);
    if (wholeEnv && isEsmEnvLoader(f, text, types(f), /\.[cm]?tsx?$/i.test(f) ? (tsOutput.commonJs(f) ? "cjs" : "esm") : undefined)) esmLoaders.push(f);
    if (wholeEnv && envBindings) return true;
    if (!bindingNames.some((n) => text.includes(n))) return false;
    // TypeScript that names a secret without reaching the environment (T3's `env.DATABASE_URL`, read from
    // the validated object src/env.js exports) is not rewritten, so it imports nothing: counted as an
    // importer it would make the module TypeScript for the JavaScript files that do import it. One that
    // imports the module an earlier migration wrote still does (its language must not change under it).
    return !/\.[cm]?tsx?$/i.test(f) || ENV_ACCESS.test(text) || text.includes("vaultshift-secrets");
  });
  const secretsModule = secretsModuleLayout(root, found.sourceFiles, rewritten, esmLoaders);
  const envKeys = new Map<string, Omit<PlanEnvFile, "file">>();
  for (const file of found.envFiles) {
    const environment = found.envEnvironments?.[file];
    const byProject = environment !== undefined && (found.projectEnvironments ?? []).includes(environment);
    envKeys.set(file, { keys: [], migratedKeys: [], ...(environment !== undefined ? { environment } : {}), ...(byProject ? { selectedBy: "project-id" as const } : {}), ...(found.envSelectors?.[file] ? { selector: found.envSelectors[file] } : {}) });
  }
  for (const c of found.config) envKeys.get(c.file)?.keys.push(c.name);
  for (const c of found.secrets) if (c.source.type === "dotenv") envKeys.get(c.source.file)?.keys.push(c.name);
  for (const { c } of placed) if (c.source.type === "dotenv") envKeys.get(c.source.file)?.migratedKeys.push(c.name);
  for (const s of found.shadowed ?? []) {
    const keys = envKeys.get(s.file)?.migratedKeys;
    if (keys && !keys.includes(s.name)) keys.push(s.name);
  }
  const { changes, warnings: rewriteWarnings, envExports } = await computeFileChanges({
    root,
    app,
    bindings: [...bindings.values()],
    literalBindings: [...literalBindings.values()],
    literals,
    secretsModule,
    sourceFiles: found.sourceFiles,
    envFiles: [...envKeys].map(([file, v]) => ({ file, ...v })),
    scriptEnvironments,
    launcherEdits,
    readElsewhere,
    values: [...new Set([...found.secrets.map((c) => c.value), ...fromConfig.candidates.map((c) => c.value), ...fromFiles.candidates.map((c) => c.value), ...(found.overridden ?? []), ...unmovedValues])],
    configEdits: fromConfig.edits,
    ...(found.browserFiles ? { browserFiles: found.browserFiles } : {}),
  });
  warnings.push(...rewriteWarnings);
  progress({ stage: "plan", step: 2, total: 2, message: `${changes.length} files to change` });

  const body: Omit<Plan, "id"> = {
    format: "vaultshift-plan",
    version: 1,
    createdAt: new Date().toISOString(),
    app,
    projectId: projectId(root),
    mount,
    salt,
    secrets,
    config: found.config,
    targets,
    files: [...changes.map((ch) => ({ file: ch.file, kind: ch.kind, beforeHash: hashOf(ch.before), afterHash: hashOf(afterBytes(ch))!, diff: ch.diff, edits: ch.edits })), ...(movedFiles.length > 0 ? fromFiles.removals.filter((r) => movedFiles.some((m) => m.file === r.file)) : [])],
    bindings: [...bindings.values()],
    literals,
    policy: policyFor(app, mount, [...targets.map((t) => t.path), ...earlier.bindings.flatMap((b) => Object.values(b.environments).map((e) => e.path)), ...keptFiles.flatMap((f) => Object.values(f.environments).map((e) => e.path))]),
    secretsModule: changes.some((ch) => ch.kind === "secrets-module") ? secretsModule : null,
    ...(envExports.length > 0 ? { envExports } : {}),
    ...(fromConfig.edits.length > 0 ? { configEdits: fromConfig.edits } : {}),
    ...(earlier.carried.length > 0 ? { carried: earlier.carried } : {}),
    ...(scriptEnvironments.length > 0 ? { scriptEnvironments } : {}),
    ...(launcherEdits.length > 0 ? { launcherEdits } : {}),
    ...(movedFiles.length + keptFiles.length > 0 ? { secretFiles: [...movedFiles, ...keptFiles] } : {}),
    envFiles: [...envKeys].map(([file, v]) => ({ file, ...v })),
    warnings,
  };
  return { id: planId(body), ...body };
}

/**
 * The key of package.json's `config` object on `line` of `file`, when that is where the finding is:
 * npm gives each to scripts as `npm_package_config_<key>`
 * (https://docs.npmjs.com/cli/v10/configuring-npm/package-json#config). Not moved: npm reads the
 * manifest before the app starts, and package.json is committed, so the value is public to everyone
 * with the repository already.
 */
function packageConfigKey(root: string, file: string, line: number): string | undefined {
  if (file !== "package.json" && !file.endsWith("/package.json")) return undefined;
  try {
    const text = readFileSync(join(root, file), "utf8");
    const config = (JSON.parse(text) as { config?: unknown }).config;
    if (typeof config !== "object" || config === null) return undefined;
    const lines = text.split("\n");
    const start = lines.findIndex((l) => /^\s*"config"\s*:/.test(l));
    if (start === -1 || line - 1 < start) return undefined;
    const here = lines[line - 1] ?? "";
    return Object.keys(config).find((k) => typeof (config as Record<string, unknown>)[k] === "string" && here.includes(`${JSON.stringify(k)}`));
  } catch {
    return undefined;
  }
}

function packageConfigMessage(f: { file: string; line: number; ruleId: string; redacted: string }, key: string): string {
  const name = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
  return `${f.file}:${f.line}: ${withArticle(f.ruleId)} (${f.redacted}) in package.json "config" (npm gives it to scripts as npm_package_config_${key}): vaultshift does not move package.json config, which npm reads before the app starts, so it stays there and the verdict will say so. package.json is committed: rotate it, put the new value in .env as ${name}, read process.env.${name} instead of process.env.npm_package_config_${key}, delete "${key}" from "config", and plan again to move it to Vault.`;
}

/**
 * A later-loaded .env value that a machine-local file (git-ignored, untracked,
 * `*.local`) sets first: that file wins only on this machine, so both values
 * are read somewhere and one Vault location cannot hold them. Stop with both
 * files, the name, why the first one is machine-local and the ways out,
 * before the generic collision says less. No value is named.
 */
/**
 * A loader that picks `.env.<word>` by the command line or by a variable the
 * secrets module cannot follow (`npm run staging` loading `.env.${npm_lifecycle_event}`,
 * `--target=prod`) and files of several environments whose secrets move: the
 * secrets module would serve the environment VAULTSHIFT_ENV or NODE_ENV names,
 * not the one whose file the loader picked (staging reading production's
 * secrets, with nothing said). Refused before anything is written.
 */
function refuseUnfollowedSelections(found: CandidateSet, movable: Candidate[]): void {
  const loaders = found.unfollowedSelections ?? [];
  if (loaders.length === 0) return;
  const files = [...new Set(movable.filter((c) => c.source.type === "dotenv" && namesEnvironment(c.source.file) && c.environment !== BASE_LAYER_ENVIRONMENT).map((c) => c.source.file))].sort();
  if (files.length === 0) return;
  const where = loaders.map((l) => `${l.file}:${l.line} (by ${l.chosenBy})`).join(", ");
  throw new PlanError(
    `The app picks its .env file by something other than NODE_ENV: ${where}. After the migration the secrets module picks the environment by VAULTSHIFT_ENV or NODE_ENV, so a process that loaded one of ${files.join(", ")} would read another environment's secrets.`,
    {
      hint: 'Have the loader pick the file by NODE_ENV, or by one variable read in the path (`.env.${process.env.APP_ENV}`, which vaultshift follows and the secrets module then selects by); or leave these files out of the migration ("exclude" in vaultshift.config.json). Then plan again.',
    },
  );
}

function refuseLocalWins(wins: NonNullable<CandidateSet["localWins"]>, placed: { c: Candidate; loc: { path: string; key: string } }[], mount: string): void {
  const problems: string[] = [];
  for (const w of wins) {
    const later = placed.find(({ c }) => c.source.type === "dotenv" && c.source.file === w.file && c.name === w.name);
    if (!later) continue; // not moved (a bootstrap or browser variable): nothing to lose
    problems.push(
      `${w.name}: ${w.loader} loads ${w.by} ${w.lastWins ? `after ${w.file} (${w.loader.endsWith(".yarnrc.yml") ? "Yarn's injectEnvironmentFiles" : w.loader.endsWith(".envrc") ? "direnv" : "its launcher"}: the last file wins)` : `before ${w.file}`}, and ${w.by} is ${w.why}, so it wins only where it exists; everywhere else the app reads ${w.name} from ${w.file}:${w.line}. The two values differ and both would go to ${mount}/${later.loc.path}#${later.loc.key}.`,
    );
  }
  if (problems.length === 0) return;
  const first = wins[0]!;
  throw new PlanError(`${problems.length} variable${problems.length === 1 ? " is" : "s are"} set by a machine-local .env file over another file's value; storing only one value would lose the other:\n  ${problems.join("\n  ")}`, {
    hint: `Choose one: map the machine-local file to an environment of its own ("environments": {"${first.by}": "local"} in vaultshift.config.json; run with VAULTSHIFT_ENV=local where it applies), make the two values equal, or delete the local override from ${first.by} if ${first.file}'s value is the right one. Then plan again.`,
  });
}

/**
 * A hard-coded literal has no environment: two literals of one name with
 * different values (PM2's `env` and `env_production` blocks, one key per
 * service in two files) are two secrets, not a collision. Each literal whose
 * location already holds another value (a literal's or a .env secret's) gets
 * the next free key (`auth_token_2`); the same value still shares its key.
 * Two .env values at one location stay a collision (findCollisions).
 */
function separateLiterals(placed: { c: { source: { type: string } }; fp: string; loc: { path: string; key: string }; userTarget?: boolean }[], mount: string): void {
  const taken = new Map<string, string>();
  const id = (path: string, key: string) => `${mount}/${path}#${key}`;
  // A location the user chose is theirs: never renamed; another value there is a collision (findCollisions).
  for (const p of placed) if ((p.c.source.type !== "literal" || p.userTarget) && !taken.has(id(p.loc.path, p.loc.key))) taken.set(id(p.loc.path, p.loc.key), p.fp);
  for (const p of placed) {
    if (p.c.source.type !== "literal" || p.userTarget) continue;
    let key = p.loc.key;
    for (let n = 2; taken.has(id(p.loc.path, key)) && taken.get(id(p.loc.path, key)) !== p.fp; n++) key = `${p.loc.key}_${n}`;
    taken.set(id(p.loc.path, key), p.fp);
    p.loc = { ...p.loc, key };
  }
}

/**
 * The location a user's target decision gives: its path (with `{app}`,
 * `{environment}`, `{group}` filled in) and/or its key, over the mapped ones.
 * A target Vault would refuse stops the plan here, naming the decision.
 */
function decidedLocation(loc: MappedLocation, target: { path?: string; key?: string }, name: string, environment: string, app: string): MappedLocation {
  const problem = targetProblem(target);
  if (problem) {
    throw new PlanError(`The target decided for ${name} (migrate.decisions) cannot be used: ${problem}.`, {
      hint: "Fix or remove that decision in vaultshift.config.json (migrate.decisions), then plan again.",
    });
  }
  if (target.path === undefined) return { ...loc, ...(target.key !== undefined ? { key: target.key } : {}) };
  const fill = (env: string) => sanitizePath(target.path!.replaceAll("{app}", app).replaceAll("{group}", loc.group).replaceAll("{environment}", env));
  return { ...loc, path: fill(environment), pathTemplate: fill("{environment}"), ...(target.key !== undefined ? { key: target.key } : {}) };
}

/**
 * The secrets module reads one key per variable name, whatever the
 * environment: a key decided for one environment (or file) only would leave
 * the others' values under another key. Refused, with the way out.
 */
/**
 * Two variables whose names differ only by case or punctuation (`api_token` and `API_TOKEN`,
 * `db.password` and `DB_PASSWORD`) map to one lower-snake key; with different values that was a
 * collision, though they are two variables to the app (process.env is case-sensitive on Linux)
 * and Vault keys are case-sensitive too. Each such name is stored under its own exact spelling,
 * in every environment (the runtime reads one key per name). Same values still merge, as before.
 */
function keepDistinctNamesApart(placed: { c: Candidate; fp: string; loc: { path: string; key: string }; userTarget: boolean }[]): void {
  const at = new Map<string, { names: Set<string>; fps: Set<string> }>();
  for (const { c, fp, loc, userTarget } of placed) {
    if (c.source.type !== "dotenv" || userTarget) continue;
    const id = `${loc.path}#${loc.key}`;
    const slot = at.get(id) ?? { names: new Set(), fps: new Set() };
    slot.names.add(c.name);
    slot.fps.add(fp);
    at.set(id, slot);
  }
  const apart = new Set<string>();
  for (const { names, fps } of at.values()) if (names.size > 1 && fps.size > 1) for (const n of names) apart.add(n);
  for (const p of placed) if (p.c.source.type === "dotenv" && !p.userTarget && apart.has(p.c.name)) p.loc = { ...p.loc, key: p.c.name };
}

function sameKeyEverywhere(placed: { c: Candidate; loc: { key: string }; userTarget: boolean }[]): void {
  const keys = new Map<string, { key: string; where: string; user: boolean }>();
  for (const { c, loc, userTarget } of placed) {
    if (c.source.type !== "dotenv") continue;
    const first = keys.get(c.name);
    if (!first) {
      keys.set(c.name, { key: loc.key, where: where(c.source), user: userTarget });
      continue;
    }
    if (first.key === loc.key || !(first.user || userTarget)) continue;
    throw new PlanError(`${c.name} would be stored under two keys: "${first.key}" for ${first.where} and "${loc.key}" for ${where(c.source)} (a target ${DECIDED} in migrate.decisions).`, {
      hint: `The app reads ${c.name} from one key in every environment: give the key in a decision without "file" and "environment" ({"name": "${c.name}", "key": "${loc.key}"}); a path may still differ per environment.`,
    });
  }
}
