import { closeSync, existsSync, openSync, readFileSync, readSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { join, posix, sep } from "node:path";
import fg from "fast-glob";
import { classifyVariable, type Classification, type ClassifyOptions } from "./index.js";
import { dotenvObject, readDotenv, type DotenvEntry } from "../scan/dotenv-reader.js";
import { EXPANDER_IMPORT, expandValue, hasEscapedDollar, referencedNames } from "./expansion.js";
import { scanText } from "../scan/engine.js";
import { commentRanges, insideComment } from "./comment-ranges.js";
import { addInlinedNames, type InlinedName } from "./bundler-define.js";
import { machineLocalFiles } from "./machine-local.js";
import { tsconfigPaths } from "../plan/module-alias.js";
import { browserFacts, browserReached, htmlEntries, type BrowserFacts } from "./browser-files.js";
import { angularBrowserEntries } from "./angular-entries.js";
import { extensionEntries } from "./extension-entries.js";
import type { SecretKind } from "../scan/types.js";
import { firebaseEnvFiles } from "../map/firebase.js";
import { launcherBaseLayers, launcherLayers, launcherLoadPairs } from "../map/launcher-layers.js";
import { libraryLoadedLayers } from "../map/library-env-files.js";
import { devcontainerEnvFiles } from "../map/devcontainer.js";
import { yarnInjectedFiles } from "../map/yarn-env.js";
import { providerQualifiedName } from "../map/group.js";
import { environmentSelectors, projectSelector, selectorValueOf, unfollowedSelections, type EnvironmentSelector, type EnvSelection } from "../map/environment-selector.js";
import { BASE_LAYER_ENVIRONMENT, dirOf, environmentOf, isEnvFile, isEnvTemplate, isEnvToolFile, isDefaultsFile, defaultsLoads, DEFAULTS_PACKAGES, isPackageDefaultsName, envrcLoadOrder, layeredByCode, layeredEnvDirs, layerFilesByCode, loadedFirst, privateDotenvLoads } from "../map/environment.js";
import { isNxWorkspace, nxTargetFile, nxTargetNames } from "../map/nx.js";
import type { PlannedConfig, PlanWarning, SecretSource } from "../plan/types.js";
import { DECIDED, decisionFor, type Decisions } from "../plan/decisions.js";
import { encodingLabel, readTextFile } from "../util/text-encoding.js";

// Everything the migration could move: every key of every .env file (secret or
// config, decided by the classifier, or by a scanner rule that recognises the
// value), and secret literals in JS/TS source (from the scanner). Values stay
// in memory: a Candidate never leaves the planning process.

export interface Candidate {
  source: SecretSource;
  name: string;
  /** The secret value: in memory only. */
  value: string;
  environment: string;
  kind: SecretKind;
  confidence: number;
  reason: string;
  /** A user's decision (`migrate.decisions`) made it a secret. */
  decidedByUser?: true;
}

export interface StraySecret {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  kind: SecretKind;
  confidence: number;
  value: string;
  reason: string;
  /** The line is a comment (`#`), or the secret sits in a comment of a source file. */
  commented: boolean;
}

export interface CandidateSet {
  secrets: Candidate[];
  config: PlannedConfig[];
  warnings: PlanWarning[];
  /** Relative paths of the .env files read (templates excluded). */
  envFiles: string[];
  /** Relative paths of the JS/TS source files seen. */
  sourceFiles: string[];
  /** Variables a bundler configuration among the sources inlines into browser code (bundler-define.ts), first place of each. */
  inlined: Map<string, InlinedName>;
  /** Directories ("" = root) whose `.env` is the base layer of every environment (src/map/environment.ts). */
  layeredDirs?: string[];
  /**
   * An Nx workspace (src/map/nx.ts): a configuration's file wins over `.env.local`/`.local.env`,
   * and the workspace root's files are loaded for every project below it.
   */
  nxWorkspace?: true;
  /**
   * Secrets in the files of .env encryption tools (dotenvx `.env.keys`,
   * dotenv-vault `.env.me`): never moved (the tool reads them before the app
   * starts), reported, and counted by the re-scan.
   */
  kept?: Candidate[];
  /**
   * .env files that are symbolic links to a file outside the project (file →
   * link target as written): read like any .env file, but their secrets are
   * kept (vaultshift changes nothing outside the project; other projects may
   * share that file).
   */
  linkedOutside?: Record<string, string>;
  /**
   * .env files the code loads with dotenv into another object than process.env
   * (`processEnv: target`), or a `.env.defaults` it parses itself
   * (`util.parseEnv`, `dotenv.parse`) → the source file that does: kept, like linkedOutside.
   */
  loadedPrivately?: Record<string, string>;
  /**
   * Files of the project that hold one secret's value and that a `.env` entry names by
   * Docker's `*_FILE` convention (`DB_PASSWORD_FILE=./secrets/db_password.txt`) → that
   * entry ("DB_PASSWORD_FILE in .env:5"): kept, like linkedOutside.
   */
  secretFiles?: Record<string, string>;
  /**
   * .env files that docker reads when it starts a dev container (devcontainer.json
   * `runArgs: ["--env-file", FILE]`, src/map/devcontainer.ts) → that devcontainer.json:
   * the development environment of the container, kept like linkedOutside.
   */
  containerRead?: Record<string, string>;
  /**
   * Secrets the scanner's rules find in a .env file outside any entry dotenv reads: a
   * commented-out line (`# STRIPE_SECRET_KEY=sk_…`, an old key kept "for reference"), or a
   * file named like one that is not in dotenv syntax (`.env.json`, env-cmd's JSON env file).
   * Nothing reads them through process.env, so nothing moves them: reported, and counted by
   * the re-scan (the cleaned file is git-ignored, which the tree scan honours). Also a hard-coded
   * secret inside a comment of a source file (a commented-out `password: "…"` of a config.js).
   */
  strays?: StraySecret[];
  /**
   * Secrets of a loaded `.env.defaults` that a layered base `.env` sets to
   * another value (keepOverriddenDefaults): kept in their file, listed.
   */
  defaultsOverridden?: { file: string; line: number; name: string; by: string }[];
  /** Source files a browser bundle reaches (browser-files.ts) → why: never rewritten. */
  browserFiles?: Map<string, string>;
  /** Variables browser code reads by name → the first such read: not moved (the bundle inlines them or has none). */
  browserReads?: Map<string, { file: string; line: number; why: string }>;
  /** Literal secrets in browser code: not moved (the Vault client cannot run there), reported. */
  browserLiterals?: Candidate[];
  /** The environment each .env file was mapped to (`shared` for a layered base). */
  envEnvironments?: Record<string, string>;
  /**
   * Environments named after a Google Cloud project id, which the runtime selects
   * by that id rather than by NODE_ENV (Firebase's `functions/.env.<projectId>`,
   * src/map/firebase.ts).
   */
  projectEnvironments?: string[];
  /**
   * .env files the app's own loader picks by a variable other than NODE_ENV
   * (`.env.${APP_ENV}`, src/map/environment-selector.ts): the variable, the value
   * that loads the file, and the loader's fallback when the variable is unset.
   */
  envSelectors?: Record<string, EnvSelection>;
  /**
   * Loaders that pick `.env.<word>` by the command line or by a variable the
   * secrets module cannot follow (src/map/environment-selector.ts, unfollowedSelections).
   */
  unfollowedSelections?: { file: string; line: number; chosenBy: string }[];
  /**
   * Values of earlier lines of a migrated key that a later line overrides
   * (`DB_PASSWORD=old` … `DB_PASSWORD=new`): not migrated (dotenv and Node's
   * --env-file keep the last), but the cleaner removes those lines too, so the
   * redacted diffs must hide them as well; so must the written form (`\$`) of
   * a value that moves unescaped (resolveEscapedDollars). In memory only.
   */
  overridden?: string[];
  /**
   * Keys of a .env file that another file of the same environment, loaded
   * before it by the code (dotenv sets only what is not set yet), also sets
   * to another value: the app never reads them. Not migrated; their lines
   * are removed with the migrated ones (their values are in `overridden`).
   */
  shadowed?: { file: string; name: string; line: number; by: string; loader: string; lastWins?: true }[];
  /**
   * The same pairs where the file loaded first may be missing on another
   * machine (git-ignored, untracked, `*.local`: machine-local.ts): there the
   * later file's value is the one read, so it is kept, and the planner stops
   * on the two values (`why`: what makes the first file machine-local).
   */
  localWins?: { file: string; name: string; line: number; by: string; loader: string; why: string; lastWins?: true }[];
  /**
   * Secrets the user decided to keep where they are (a `keep` decision): listed
   * as config, not moved; their values are hidden in diffs like any secret's. In memory only.
   */
  userKept?: Candidate[];
}

/** `options.quote`: the quote around the value in its .env file (a single-quoted value is read literally). */
export type Classifier = (name: string, value: string, file?: string, options?: ClassifyOptions) => Classification;

export interface CandidateOptions {
  classify?: Classifier;
  /** .env file name (base name or relative path) → environment, from config. */
  environments?: Record<string, string>;
  /** Extra globs never read. */
  exclude?: string[];
  /** The user's decisions (`migrate.decisions`): keep as config, migrate as secret. */
  decisions?: Decisions;
}

/** Directories that hold dependencies or build output, never the app's own sources. */
export const SKIP_DIRS = ["node_modules", ".git", "dist", "build", "out", ".next", ".nuxt", ".svelte-kit", ".turbo", ".cache", "coverage", "vendor", ".vercel", ".output"];

export const SOURCE_EXTENSIONS = ["js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts"];

const ignore = SKIP_DIRS.map((d) => `**/${d}/**`);

/**
 * The project's .env files, in one walk of the tree: `files` (templates and
 * the files of .env encryption tools left out), `toolKeys` (dotenvx
 * `.env.keys`, dotenv-vault `.env.me`: read, never migrated), and
 * `linkedOutside`: .env files that are symbolic links to a file outside
 * `root` (`.env -> ../shared/.env`), with their link text. A link to a file
 * inside the project needs nothing, since its target is read under its own name.
 */
export function findEnvFiles(root: string, exclude: string[] = []): { files: string[]; toolKeys: string[]; linkedOutside: Record<string, string>; defaults: string[] } {
  const out = { files: [] as string[], toolKeys: [] as string[], linkedOutside: {} as Record<string, string>, defaults: [] as string[] };
  const entries = fg.sync(["**/.env", "**/.env.*", "**/*.env"], { cwd: root, dot: true, onlyFiles: false, objectMode: true, ignore: [...ignore, ...exclude], followSymbolicLinks: false });
  let realRoot: string | undefined;
  for (const { path: f, dirent } of entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (dirent.isFile() && /^\.env\.(?:keys|me)$/.test(f.split("/").pop() ?? f)) out.toolKeys.push(f);
    if (dirent.isFile() && isDefaultsFile(f)) out.defaults.push(f);
    if (!isEnvFile(f) || isEnvTemplate(f) || isEnvToolFile(f)) continue;
    if (dirent.isFile()) {
      out.files.push(f);
      continue;
    }
    if (!dirent.isSymbolicLink()) continue;
    const full = join(root, f);
    try {
      realRoot ??= realpathSync(root);
      const target = realpathSync(full);
      if (!statSync(target).isFile() || target === realRoot || target.startsWith(realRoot + sep)) continue;
      out.linkedOutside[f] = readlinkSync(full);
    } catch {
      continue; // a dangling link: nothing to read
    }
  }
  return out;
}

/** Two .env files one loader reads in an order: `winner` is the one whose value is read. `lastWins`: direnv, where the later file wins. */
interface LoadOrder {
  winner: string;
  loser: string;
  loader: string;
  lastWins?: true;
}

/**
 * Two .env files of one environment loaded one after the other by the code
 * (`loadedFirst`): a secret of the later file whose name the earlier one sets
 * too, to another value, is never read (dotenv keeps the first) — wherever
 * the earlier file exists. When it exists everywhere the code runs
 * (committed; outside git, not ignored and not `*.local`), the later value is
 * not a second value of that name (which would stop the plan as a collision):
 * it is left out of Vault and its line removed, as an overridden line of one
 * file is. When the earlier file is machine-local, the later value is the one
 * every other machine reads: it is kept and the pair listed in `localWins`.
 */
function shadowLaterLoads(root: string, out: CandidateSet, order: LoadOrder[], entriesOf: Map<string, Map<string, string>>): void {
  let local: Map<string, string> | undefined;
  for (const { winner, loser, loader, lastWins } of order) {
    const how = lastWins ? { lastWins } : {};
    const env = out.envEnvironments ?? {};
    if (env[winner] === undefined || env[winner] !== env[loser]) continue;
    const first = entriesOf.get(winner);
    if (!first) continue;
    out.secrets = out.secrets.filter((c) => {
      if (c.source.type !== "dotenv" || c.source.file !== loser || !first.has(c.name) || first.get(c.name) === c.value) return true;
      // Asked of git only when some value would be dropped, once for every winner.
      local ??= machineLocalFiles(root, [...new Set(order.map((o) => o.winner))]);
      const why = local.get(winner);
      if (why !== undefined) {
        (out.localWins ??= []).push({ file: loser, name: c.name, line: c.source.line, by: winner, loader, why, ...how });
        return true;
      }
      (out.overridden ??= []).push(c.value);
      (out.shadowed ??= []).push({ file: loser, name: c.name, line: c.source.line, by: winner, loader, ...how });
      return false;
    });
  }
}

/**
 * The files a browser bundle reaches, what they read from the environment,
 * and their literal secrets (taken out of `literals`): see browser-files.ts.
 */
function markBrowserCode(root: string, out: CandidateSet, facts: Map<string, BrowserFacts>, literals: Candidate[], htmlFiles: readonly string[]): void {
  const scripts: string[] = [];
  for (const html of htmlFiles) {
    try {
      scripts.push(...htmlEntries(html, readFileSync(join(root, html), "utf8")));
    } catch {
      continue;
    }
  }
  // `@/lib/x` and kin: the project's tsconfig/jsconfig paths (the first that has them).
  const aliases = tsconfigPaths(root, "tsconfig.json") ?? tsconfigPaths(root, "jsconfig.json") ?? null;
  const reached = browserReached(facts, scripts, aliases, [...angularBrowserEntries(root, SKIP_DIRS.map((d) => `**/${d}/**`)), ...extensionEntries(root, SKIP_DIRS.map((d) => `**/${d}/**`))]);
  if (reached.size === 0) return;
  out.browserFiles = reached;
  const reads = (out.browserReads = new Map());
  for (const [file, why] of [...reached].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const [name, line] of facts.get(file)?.reads ?? []) if (!reads.has(name)) reads.set(name, { file, line, why });
  }
  const inBrowser = literals.filter((c) => reached.has(c.source.file));
  if (inBrowser.length === 0) return;
  out.browserLiterals = [...(out.browserLiterals ?? []), ...inBrowser];
  // The caller's array keeps the others, in order (compacted in place).
  let kept = 0;
  for (const c of literals) if (!reached.has(c.source.file)) literals[kept++] = c;
  literals.length = kept;
}

/**
 * A loaded `.env.defaults` value is read only where no other file sets the
 * name (dotenv-defaults merges `.env` over it; dotenv-flow and
 * `process.loadEnvFile` of the more specific files first do the same). Its
 * location is the shared one, which a per-environment file's value overrides
 * in the secrets module as it did in process.env. Another shared value of the
 * name (a layered base `.env`) would be a second value at that location: the
 * defaults value is then kept in its file, listed (`defaultsOverridden`), not
 * guessed at: where the base `.env` exists it was never read, and on a
 * machine without it, it was.
 */
function keepOverriddenDefaults(out: CandidateSet, loadedDefaults: Set<string>): void {
  if (loadedDefaults.size === 0) return;
  const sharedValue = new Map<string, { file: string; value: string }>();
  for (const c of out.secrets) {
    if (c.source.type === "dotenv" && c.environment === BASE_LAYER_ENVIRONMENT && !loadedDefaults.has(c.source.file)) sharedValue.set(c.name, { file: c.source.file, value: c.value });
  }
  out.secrets = out.secrets.filter((c) => {
    if (c.source.type !== "dotenv" || !loadedDefaults.has(c.source.file)) return true;
    const other = sharedValue.get(c.name);
    if (other === undefined || other.value === c.value) return true;
    (out.kept ??= []).push(c);
    (out.defaultsOverridden ??= []).push({ file: c.source.file, line: c.source.line, name: c.name, by: other.file });
    return false;
  });
}

export function findSourceFiles(root: string, exclude: string[] = []): string[] {
  return listSources(root, exclude).sources;
}

/**
 * JavaScript without a JavaScript extension: tools' rc files that are CommonJS modules
 * (sequelize-cli runs `.sequelizerc`, which often loads dotenv itself), and scripts whose
 * first line starts node (`#!/usr/bin/env node`, `#!/usr/bin/env -S node --env-file=.env`,
 * npm `bin` files). The tools and the shell run them as any module is run.
 */
const JS_RC_FILES = ["**/.sequelizerc"];
const NODE_SHEBANG = /^#![^\n]*\b(?:node|nodejs|tsx|ts-node)(?:\s|$)/;

function isNodeScript(path: string): boolean {
  try {
    const fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(128);
      const n = readSync(fd, head, 0, head.length, 0);
      return NODE_SHEBANG.test(head.subarray(0, n).toString("utf8"));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Source files and HTML pages (browser entries' `<script src>`), in one walk of the tree. */
function listSources(root: string, exclude: string[] = []): { sources: string[]; html: string[] } {
  const sources: string[] = [];
  const html: string[] = [];
  for (const f of fg.sync([`**/*.{${SOURCE_EXTENSIONS.join(",")},html}`], { cwd: root, dot: false, onlyFiles: true, ignore: [...ignore, "**/*.d.ts", "**/*.min.js", ...exclude], followSymbolicLinks: false })) {
    (f.endsWith(".html") ? html : sources).push(f);
  }
  // Extensionless files: only those that are JavaScript (a known rc module, a node shebang).
  for (const f of fg.sync(["**/!(*.*)", ...JS_RC_FILES], { cwd: root, dot: false, onlyFiles: true, ignore: [...ignore, ...exclude], followSymbolicLinks: false })) {
    if (f.endsWith(".sequelizerc") || isNodeScript(join(root, f))) sources.push(f);
  }
  return { sources: [...new Set(sources)].sort(), html: html.sort() };
}

function envName(file: string, map: Record<string, string> | undefined, layered: Set<string>, nxTargets?: Set<string>, launched: ReadonlySet<string> = new Set()): string {
  const base = file.split("/").pop() ?? file;
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  // A layered project's `.env` is loaded under every environment: its secrets
  // go to one location that every environment reads unless a more specific
  // file overrides the name (the secrets module's shared set).
  // A loaded `.env.defaults` is the lowest layer of every environment: the same shared set.
  // So is an Nx target's `.env.<target>`: loaded for every configuration of the target.
  const targetFile = nxTargets !== undefined && nxTargetFile(file, nxTargets) !== undefined;
  // And a per-process or per-service file a launcher loads with the others (map/launcher-layers.ts).
  const layeredBase = (base === ".env" && layered.has(dir)) || isDefaultsFile(file) || targetFile || launched.has(file) ? BASE_LAYER_ENVIRONMENT : undefined;
  return map?.[file] ?? map?.[base] ?? layeredBase ?? environmentOf(file);
}

/** Every dependency name in the package.json of `root` (any dependency field). */
function dependencyNames(root: string): string[] {
  try {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;
    return ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((k) => {
      const deps = pkg[k];
      return typeof deps === "object" && deps !== null ? Object.keys(deps) : [];
    });
  } catch {
    return [];
  }
}

export function collectCandidates(root: string, options: CandidateOptions = {}): CandidateSet {
  const classify = options.classify ?? classifyVariable;
  const out: CandidateSet = { secrets: [], config: [], warnings: [], envFiles: [], sourceFiles: [], inlined: new Map() };

  const { files, toolKeys, linkedOutside, defaults } = findEnvFiles(root, options.exclude);
  if (Object.keys(linkedOutside).length > 0) out.linkedOutside = linkedOutside;
  const envFiles = [...files, ...Object.keys(linkedOutside)].sort();
  // `.env.defaults` files named by a source file: how (into process.env or an object of the code's) and by which.
  const defaultsRead = new Map<string, { into: "env" | "private" | "unknown"; by: string }>();
  // Sources are read first: a loader in them may say that a .env is every mode's base
  // layer, or load two files in an order. Each text is read once and dropped: what is
  // needed of it (those facts, its literal secrets) is taken in the same pass.
  const loadedByCode: string[] = [];
  // Files of no environment the code loads in every mode with the mode's own (`.env.secrets`).
  const layeredFiles = new Set<string>();
  // Where a process may start (a package of its own): a loader joining `.env` to the working
  // directory reads theirs.
  const packageDirs = [...new Set(envFiles.map(dirOf))].filter((d) => existsSync(join(root, d, "package.json")));
  const loadOrder: LoadOrder[] = [];
  const literals: Candidate[] = [];
  const facts = new Map<string, BrowserFacts>();
  const selectors: EnvironmentSelector[] = [];
  const listed = listSources(root, options.exclude);
  // Code that runs dotenv-expand over what dotenv loaded: `\$` in a value is a dollar for it.
  let expanderIn: string | undefined;
  for (const file of listed.sources) {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    out.sourceFiles.push(file);
    if (expanderIn === undefined && EXPANDER_IMPORT.test(text)) expanderIn = file;
    addInlinedNames(out.inlined, file, text);
    facts.set(file, browserFacts(file, text));
    loadedByCode.push(...layeredByCode(file, text, envFiles, packageDirs));
    for (const f of layerFilesByCode(text, envFiles)) layeredFiles.add(f);
    selectors.push(...environmentSelectors(text));
    for (const u of unfollowedSelections(text)) (out.unfollowedSelections ??= []).push({ file, ...u });
    for (const written of privateDotenvLoads(text)) {
      for (const f of envFiles) if (f === written || f.endsWith(`/${written}`)) (out.loadedPrivately ??= {})[f] ??= file;
    }
    for (const [winner, loser] of loadedFirst(file, text, envFiles)) loadOrder.push({ winner, loser, loader: file });
    for (const { written, into } of defaultsLoads(text)) {
      for (const f of defaults) {
        if (!(f === written || f.endsWith(`/${written}`))) continue;
        // One private read is enough: that code would lose the value if it moved. A load into
        // process.env tells more than a mention the plan cannot follow.
        const known = defaultsRead.get(f)?.into;
        if (known === undefined || into === "private" || (into === "env" && known === "unknown")) defaultsRead.set(f, { into, by: file });
      }
    }
    let comments: [number, number][] | undefined;
    for (const f of scanText({ text, file }).findings) {
      // A secret the code assembles (`"sk_live_" + "…"`, scan/concatenation.ts) is no one literal the
      // rewriter could replace by its position: the scan reports it, the plan does not move it.
      if (text.slice(f.start, f.end) !== f.secret) continue;
      // In a comment (a commented-out setting of a config.js, an old key kept "for reference"): no
      // code reads it and no expression can stand there, so nothing moves it; listed like a .env's.
      if (insideComment((comments ??= commentRanges(file, text)), f.start, f.end)) {
        (out.strays ??= []).push({ file, line: f.line, column: f.column, ruleId: f.ruleId, kind: f.kind, confidence: f.confidence, value: f.secret, reason: f.reason, commented: true });
        continue;
      }
      literals.push({
        source: { type: "literal", file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, name: f.name ?? f.ruleId, start: f.start, end: f.end },
        name: providerQualifiedName(f.name ?? f.ruleId, f.ruleId),
        value: f.secret,
        environment: "shared",
        kind: f.kind,
        confidence: f.confidence,
        reason: f.reason,
      });
    }
  }
  // direnv's `.envrc` beside the .env files: its dotenv lines load them in an order too (the last wins).
  for (const dir of new Set(envFiles.map(dirOf))) {
    const envrc = dir === "" ? ".envrc" : `${dir}/.envrc`;
    let text: string;
    try {
      text = readFileSync(join(root, envrc), "utf8");
    } catch {
      continue;
    }
    for (const [winner, loser] of envrcLoadOrder(envrc, text, envFiles)) loadOrder.push({ winner, loser, loader: envrc, lastWins: true });
  }
  // Yarn 4 injects its files into every script in order: a later file wins for the names both hold.
  for (const dir of new Set(envFiles.map(dirOf))) {
    const injected = yarnInjectedFiles(root, dir, envFiles);
    for (let i = 0; i < injected.length; i++) {
      for (let j = i + 1; j < injected.length; j++) loadOrder.push({ winner: injected[j]!, loser: injected[i]!, loader: dir === "" ? ".yarnrc.yml" : `${dir}/.yarnrc.yml`, lastWins: true });
    }
  }
  // A launcher in an npm script loading several files in one command (`node --env-file=a --env-file=b`, `dotenvx run -f a -f b`).
  loadOrder.push(...launcherLoadPairs(root, envFiles));
  markBrowserCode(root, out, facts, literals, listed.html);
  const dependencies = dependencyNames(root);
  // A `.env.defaults` is a source of the app's values only where something loads it: a
  // package that does (dotenv-defaults…) or code naming it. It then holds the lowest layer
  // of every environment (shared); read into an object of the code's own, it is kept like a
  // file dotenv loads with processEnv. With no such evidence it stays a template.
  const loadedDefaults = new Set<string>();
  for (const f of defaults) {
    const read = defaultsRead.get(f);
    const byPackage = isPackageDefaultsName(f) && [...dependencies, ...dependencyNames(join(root, dirOf(f)))].some((d) => DEFAULTS_PACKAGES.includes(d));
    // Named by code that neither loads nor parses it where the plan can see: kept, as a private read.
    if (read?.into === "private" || (read?.into === "unknown" && !byPackage)) (out.loadedPrivately ??= {})[f] ??= read.by;
    else if (read === undefined && !byPackage) continue;
    else loadedDefaults.add(f);
    envFiles.push(f);
  }
  envFiles.sort();
  // Nx loads .env, .env.<target>, .env.<configuration> and the local files for every target it runs.
  const nx = isNxWorkspace(root, dependencies);
  const nxTargets = nx ? nxTargetNames(root, envFiles) : undefined;
  if (nx) out.nxWorkspace = true;
  // Firebase loads `<source>/.env` under every project and `<source>/.env.<projectId>` over it.
  const firebase = firebaseEnvFiles(root, envFiles);
  // A launcher in an npm script loading an environment's file over .env (dotenvx run -f, dotenv -e, --env-file).
  loadedByCode.push(...launcherBaseLayers(root, envFiles));
  out.layeredDirs = [...new Set([...layeredEnvDirs(envFiles, nx ? [...dependencies, "nx"] : dependencies, loadedByCode), ...firebase.baseDirs])].sort();
  const layered = new Set(out.layeredDirs);
  if (firebase.projectOf.size > 0) out.projectEnvironments = [...new Set(firebase.projectOf.values())].sort();
  // The variable the app's loaders pick `.env.<word>` by, when it is not NODE_ENV (APP_ENV…).
  const selector = projectSelector(selectors);
  // A dev container's `--env-file`: docker reads it, the app in the container has no Vault settings.
  for (const [file, config] of devcontainerEnvFiles(root, envFiles, options.exclude)) (out.containerRead ??= {})[file] = config;
  const launched = launcherLayers(root, envFiles.filter((f) => !firebase.projectOf.has(f) && !(nxTargets !== undefined && nxTargetFile(f, nxTargets) !== undefined)));
  for (const f of layeredFiles) launched.add(f);
  // A file a library loads itself under the app's own (TypeORM's ormconfig.env).
  for (const f of libraryLoadedLayers(root, envFiles)) launched.add(f);
  const entriesOf = new Map<string, Map<string, string>>();
  // The last entry of each key of each file (where it is, how it is quoted).
  const lastEntries = new Map<string, Map<string, DotenvEntry>>();
  // Files whose bytes are not UTF-8, read as Latin-1 (src/util/text-encoding.ts).
  const latin1Files = new Set<string>();
  for (const file of envFiles) {
    let text: string;
    try {
      const decoded = readTextFile(join(root, file));
      text = decoded.text;
      if (decoded.encoding === "latin1") latin1Files.add(file);
    } catch {
      out.warnings.push({ code: "unreadable-file", file, message: `${file} could not be read; its variables are not part of the plan.` });
      continue;
    }
    out.envFiles.push(file);
    const environment = options.environments?.[file] ?? options.environments?.[file.split("/").pop() ?? file] ?? firebase.projectOf.get(file) ?? (out.containerRead?.[file] !== undefined ? "development" : undefined) ?? envName(file, options.environments, layered, nxTargets, launched);
    (out.envEnvironments ??= {})[file] = environment;
    const selection = selector !== undefined && !(file in (options.environments ?? {})) ? selectorValueOf(file) : undefined;
    if (selection !== undefined && selector !== undefined) (out.envSelectors ??= {})[file] = { ...selector, value: selection };
    // The scanner's rules recognise provider tokens whatever the variable is called.
    const ruleHits = scanText({ text, file }).findings;
    const entries = readDotenv(text);
    addStrays(out, file, text, entries, ruleHits);
    entriesOf.set(file, new Map(entries.filter((e) => !e.overridden).map((e) => [e.key, e.value])));
    lastEntries.set(file, new Map(entries.filter((e) => !e.overridden).map((e) => [e.key, e])));
    const firstSecret = out.secrets.length;
    const firstConfig = out.config.length;
    for (const entry of entries) {
      if (entry.overridden) continue; // dotenv keeps the last one; the cleaner removes every line of a migrated key
      if (entry.value === "") {
        // An empty value over the base layer's secret (`MAILGUN_API_KEY=` in `.env.local`, to turn a
        // feature off on this machine) is what this environment reads: it moves with the base's value,
        // as an empty one, or the secrets module would serve this environment the base's Vault value.
        const base = environment !== BASE_LAYER_ENVIRONMENT && decisionFor(options.decisions, { name: entry.key, file, environment })?.action !== "keep" ? baseLayerSecret(out.secrets, file, entry.key) : undefined;
        if (base && !(file in linkedOutside) && out.loadedPrivately?.[file] === undefined) {
          out.secrets.push({
            source: { type: "dotenv", file, line: entry.line, column: entry.column, name: entry.key },
            name: entry.key,
            value: "",
            environment,
            kind: base.kind,
            confidence: base.confidence,
            reason: `empty here, over ${base.source.file}, the base layer of every environment, which holds a secret under this name: the empty value is what ${environment} reads, so it is stored as that environment's value`,
          });
        }
        continue;
      }
      const verdict = classify(entry.key, entry.value, file, { ...(entry.quote ? { quote: entry.quote } : {}), ...(isDefaultsFile(file) ? { loaded: true } : {}) });
      const hit = ruleHits.find((h) => h.start >= entry.valueStart && h.end <= entry.valueEnd);
      const judged = verdict.verdict === "secret" || (hit !== undefined && verdict.verdict !== "public");
      const decided = decisionFor(options.decisions, { name: entry.key, file, environment })?.action;
      const isSecret = decided === "keep" ? false : decided === "migrate" ? true : judged;
      const source: SecretSource = { type: "dotenv", file, line: entry.line, column: entry.column, name: entry.key };
      if (decided === "keep" && judged) {
        (out.userKept ??= []).push({ source, name: entry.key, value: entry.value, environment, kind: verdict.kind ?? hit?.kind ?? "generic-secret", confidence: 1, reason: verdict.verdict === "secret" ? verdict.reason : hit!.reason });
        out.config.push({ name: entry.key, file, line: entry.line, verdict: "config", reason: `kept by the user (${DECIDED}; vaultshift judged it a secret: ${verdict.verdict === "secret" ? verdict.reason : hit!.reason})`, decidedByUser: true });
      } else if (decided === "migrate" && !judged) {
        out.secrets.push({ source, name: entry.key, value: entry.value, environment, kind: "generic-secret", confidence: 1, reason: `migrated as a secret: ${DECIDED} (vaultshift judged it ${verdict.verdict}: ${verdict.reason})`, decidedByUser: true });
      } else if (isSecret) {
        (file in linkedOutside || out.loadedPrivately?.[file] !== undefined || out.containerRead?.[file] !== undefined ? (out.kept ??= []) : out.secrets).push({
          source,
          name: entry.key,
          value: entry.value,
          environment,
          kind: verdict.verdict === "secret" ? (verdict.kind ?? hit?.kind ?? "generic-secret") : hit!.kind,
          confidence: verdict.verdict === "secret" ? verdict.confidence : hit!.confidence,
          reason: verdict.verdict === "secret" ? verdict.reason : hit!.reason,
        });
      } else {
        // The base layer's secret of this name would be what secrets.NAME reads in this
        // file's environment (the secrets module overlays process.env), not this value:
        // left as config here, the environment would silently read the base's value.
        const base = decided !== "keep" && verdict.verdict === "config" && environment !== BASE_LAYER_ENVIRONMENT ? baseLayerSecret(out.secrets, file, entry.key) : undefined;
        if (base && !(file in linkedOutside) && out.loadedPrivately?.[file] === undefined) {
          out.secrets.push({
            source,
            name: entry.key,
            value: entry.value,
            environment,
            kind: base.kind,
            confidence: base.confidence,
            reason: `${base.source.file}, the base layer of every environment, holds a secret under this name: its Vault value would otherwise be read here instead of this one (${verdict.reason})`,
          });
          continue;
        }
        out.config.push({ name: entry.key, file, line: entry.line, verdict: verdict.verdict === "public" ? "public" : "config", ...(decided === "keep" ? { reason: `${verdict.reason}; kept by the user (${DECIDED})`, decidedByUser: true as const } : { reason: verdict.reason }) });
      }
    }
    resolveEscapedDollars(out, file, firstSecret, expanderIn ?? (dependencies.includes("dotenv-expand") ? "package.json" : undefined));
    expandReferences(out, entries, file, environment, firstSecret, firstConfig);
    if (latin1Files.has(file)) warnLatin1(out, file, firstSecret);
    // Earlier lines of every key that moves (expanded references included): one pass over the file's entries.
    const moved = new Set(out.secrets.slice(firstSecret).map((c) => c.name));
    const last = new Map(entries.filter((e) => !e.overridden).map((e) => [e.key, e.value]));
    for (const e of entries) {
      if (e.overridden && e.value !== "" && moved.has(e.key) && e.value !== last.get(e.key)) (out.overridden ??= []).push(e.value);
    }
  }

  warnExpandedOverrides(out, entriesOf, expandPerEnvironment(out, entriesOf, lastEntries));
  keepSecretFiles(root, out, lastEntries, classify);
  shadowLaterLoads(root, out, loadOrder, entriesOf);
  keepOverriddenDefaults(out, loadedDefaults);

  for (const file of toolKeys) {
    let text: string;
    try {
      text = readTextFile(join(root, file)).text;
    } catch {
      continue;
    }
    for (const entry of readDotenv(text)) {
      if (entry.overridden || entry.value === "") continue;
      const verdict = classify(entry.key, entry.value, file);
      if (verdict.verdict !== "secret") continue;
      (out.kept ??= []).push({
        source: { type: "dotenv", file, line: entry.line, column: entry.column, name: entry.key },
        name: entry.key,
        value: entry.value,
        environment: "kept",
        kind: verdict.kind ?? "generic-secret",
        confidence: verdict.confidence,
        reason: verdict.reason,
      });
    }
  }

  // Literal secrets in sources come after the .env files' ones, as they always have.
  for (const c of literals) {
    if (decisionFor(options.decisions, { name: c.name, file: c.source.file, environment: c.environment })?.action !== "keep") {
      out.secrets.push(c);
      continue;
    }
    (out.userKept ??= []).push(c);
    out.config.push({ name: c.name, file: c.source.file, line: c.source.line, verdict: "config", reason: `kept by the user (${DECIDED}; vaultshift judged it a hard-coded secret: ${c.reason}); it stays in the code`, decidedByUser: true });
  }
  return out;
}

/**
 * A layered directory's base `.env` entry that refers to other variables
 * (`DATABASE_URL=postgres://app:${DB_PASSWORD}@${DB_HOST}/app`) is expanded by
 * dotenv-expand (Next.js, Vite…) with whatever the process holds when it
 * runs: an environment whose own file (loaded first, so it wins) sets
 * DB_PASSWORD reads its own expansion, not the base file's. When such an entry
 * moves (it refers to a moved secret, in the base file or in that
 * environment's file), each environment whose expansion differs gets its own
 * value, stored under that environment (`source.layers` names the files read
 * over the base one, so apply recomputes it the same way). An entry that refers
 * only to a name moved in one environment moves in the base layer too, or its
 * line would leave the base file and the other environments with it.
 * Environment files that disagree on a referenced name are left to
 * warnExpandedOverrides. Returns "base file\0name\0other file" for each pair handled.
 */
function expandPerEnvironment(out: CandidateSet, entriesOf: ReadonlyMap<string, ReadonlyMap<string, string>>, lastEntries: ReadonlyMap<string, ReadonlyMap<string, DotenvEntry>>): Set<string> {
  const handled = new Set<string>();
  const envOf = out.envEnvironments ?? {};
  for (const [base, own] of entriesOf) {
    if (envOf[base] !== BASE_LAYER_ENVIRONMENT || isDefaultsFile(base)) continue;
    const dir = dirOf(base);
    // A directory with two base layers (.env and a loaded .env.defaults): the order between them is not modelled here.
    if ([...entriesOf.keys()].some((f) => f !== base && dirOf(f) === dir && envOf[f] === BASE_LAYER_ENVIRONMENT)) continue;
    const filesOf = new Map<string, string[]>();
    for (const f of entriesOf.keys()) {
      const environment = envOf[f];
      if (f === base || dirOf(f) !== dir || environment === undefined || environment === BASE_LAYER_ENVIRONMENT) continue;
      filesOf.set(environment, [...(filesOf.get(environment) ?? []), f]);
    }
    const baseSecret = (name: string) => out.secrets.find((c) => c.source.type === "dotenv" && c.source.file === base && c.name === name && c.environment === BASE_LAYER_ENVIRONMENT);
    for (const [environment, unsorted] of filesOf) {
      // `.env.production.local` over `.env.production`, as every layered loader orders them.
      const files = [...unsorted].sort((a, b) => Number(b.endsWith(".local")) - Number(a.endsWith(".local")) || a.localeCompare(b));
      const overlay = new Map<string, string>();
      const disputed = new Set<string>();
      for (const f of files) {
        for (const [k, v] of entriesOf.get(f)!) {
          if (overlay.has(k) && overlay.get(k) !== v) disputed.add(k);
          if (!overlay.has(k)) overlay.set(k, v);
        }
      }
      const vars = { ...Object.fromEntries(own), ...Object.fromEntries(overlay) };
      const moved = new Set(out.secrets.filter((c) => c.source.type === "dotenv" && (files.includes(c.source.file) || (c.source.file === base && c.environment === BASE_LAYER_ENVIRONMENT))).map((c) => c.name));
      const done = new Set<string>();
      for (let changed = true; changed; ) {
        changed = false;
        for (const [key, raw] of own) {
          // dotenv-expand leaves a single-quoted value as written.
          if (done.has(key) || overlay.has(key) || lastEntries.get(base)?.get(key)?.quote === "'") continue;
          // Kept by the user (migrate.decisions): it stays in the file as written.
          if (out.config.some((c) => c.file === base && c.name === key && c.decidedByUser)) continue;
          const shared = baseSecret(key);
          if (shared && !shared.source.expand) continue; // a value of its own, no reference expanded
          const refs = referencedNames(raw);
          if (refs.length === 0 || (!shared && !refs.some((n) => moved.has(n)))) continue;
          done.add(key);
          moved.add(key);
          changed = true;
          if (refs.some((n) => disputed.has(n))) continue;
          for (const f of files) handled.add(`${base}\0${key}\0${f}`);
          const value = expandValue(raw, vars, new Set([key]));
          const line = out.config.findIndex((c) => c.file === base && c.name === key);
          const at = { file: base, name: key };
          if (!shared) {
            // Config in the base file so far: it moves there too, expanded with the base file's values.
            const baseValue = expandValue(raw, Object.fromEntries(own), new Set([key]));
            const entry = lastEntries.get(base)!.get(key)!;
            if (line >= 0) out.config.splice(line, 1);
            out.secrets.push({
              source: { type: "dotenv", ...at, line: entry.line, column: entry.column, expand: true },
              name: key,
              value: baseValue,
              environment: BASE_LAYER_ENVIRONMENT,
              kind: "connection-string",
              confidence: 0.9,
              reason: `value refers to ${refs.map((n) => `\${${n}}`).join(", ")}, which moves to Vault in ${files.join(", ")}: stored with the references expanded, per environment`,
            });
          }
          const stored = shared?.value ?? expandValue(raw, Object.fromEntries(own), new Set([key]));
          if (value === stored) continue;
          const from = shared ?? out.secrets[out.secrets.length - 1]!;
          out.secrets.push({
            source: { ...from.source, layers: files },
            name: key,
            value,
            environment,
            kind: from.kind,
            confidence: from.confidence,
            reason: `value refers to ${refs.map((n) => `\${${n}}`).join(", ")}, expanded with ${files.join(", ")} over ${base}, as a loader that expands variables reads it in ${environment}`,
          });
          out.warnings.push({
            code: "env-reference",
            file: base,
            line: from.source.line,
            message: `${base}:${from.source.line}: ${key} is expanded differently in ${environment} (${files.join(", ")} ${files.length === 1 ? "sets" : "set"} ${refs.filter((n) => overlay.has(n)).join(", ") || "a name it refers to"}): each environment's expansion is stored under that environment, as dotenv-expand after ${files.join(", ")} computed it.`,
          });
        }
      }
    }
  }
  return handled;
}

/**
 * An entry stored expanded from its own file's values (expandReferences) whose
 * reference another .env file of the same directory sets to another value,
 * without setting the entry itself: where a loader expands it with that file's
 * value (layered loaders, or dotenv-expand after that file was loaded first),
 * the app read a different value than the one stored. Said, with the way out.
 */
function warnExpandedOverrides(out: CandidateSet, entriesOf: ReadonlyMap<string, ReadonlyMap<string, string>>, handled: ReadonlySet<string>): void {
  for (const c of out.secrets) {
    if (c.source.type !== "dotenv" || !c.source.expand || c.source.layers) continue;
    const file = c.source.file;
    const own = entriesOf.get(file);
    const raw = own?.get(c.name);
    if (!own || raw === undefined) continue;
    const refs = referencedNames(raw);
    for (const [other, entries] of entriesOf) {
      if (other === file || dirOf(other) !== dirOf(file) || entries.has(c.name) || handled.has(`${file}\0${c.name}\0${other}`)) continue;
      const differ = refs.filter((n) => entries.has(n) && entries.get(n) !== own.get(n));
      if (differ.length === 0) continue;
      out.warnings.push({
        code: "env-reference",
        file,
        line: c.source.line,
        message: `${file}:${c.source.line}: ${c.name} is stored expanded with ${file}'s ${differ.join(", ")}, but ${other} sets ${differ.length === 1 ? "it" : "them"} to another value and has no ${c.name} of its own: where a loader expands ${c.name} with ${other}'s value${differ.length === 1 ? "" : "s"} (a layered loader, or dotenv-expand after ${other} was loaded first), the app read a different ${c.name} than the one stored. Add ${c.name} to ${other} (with the same reference) and plan again, so that each environment's value is stored.`,
      });
    }
  }
}

/**
 * `DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app` next to a migrated
 * DB_PASSWORD: once expanded (dotenv-expand, Next.js, Vite, compose) it holds
 * the secret, and with DB_PASSWORD gone from the file it would expand with an
 * empty password. Such an entry (of this file, not single-quoted) moves too,
 * its value stored expanded from this file's values; repeated until no new
 * entry refers to a moved one. The plan says so (`env-reference`).
 */
/** Rule hits of a .env file that no dotenv entry holds (CandidateSet.strays). */
function addStrays(out: CandidateSet, file: string, text: string, entries: DotenvEntry[], hits: ReturnType<typeof scanText>["findings"]): void {
  for (const h of hits) {
    if (entries.some((e) => h.start >= e.start && h.end <= e.end)) continue;
    const lineStart = text.lastIndexOf("\n", h.start - 1) + 1;
    const commented = /^\s*#/.test(text.slice(lineStart, h.start));
    (out.strays ??= []).push({ file, line: h.line, column: h.column, ruleId: h.ruleId, kind: h.kind, confidence: h.confidence, value: h.secret, reason: h.reason, commented });
  }
}

/**
 * `env-encoding`: a secret with letters outside ASCII in a file that is not UTF-8. Its bytes are
 * read as Latin-1, as dotenv reads them when told (`encoding: "latin1"`), and that text is what
 * moves. An app reading the file as UTF-8 (dotenv's default) got U+FFFD for each such letter:
 * for it the value changes. Said by line, never with the value.
 */
function warnLatin1(out: CandidateSet, file: string, firstSecret: number): void {
  for (const c of out.secrets.slice(firstSecret)) {
    if (c.source.file !== file || !/[^\x00-\x7f]/.test(c.value)) continue;
    out.warnings.push({
      code: "env-encoding",
      file,
      line: c.source.line,
      message: `${file}:${c.source.line}: ${file} is not UTF-8; ${c.name}'s value has letters outside ASCII and moves as ${encodingLabel("latin1")} reads them, as dotenv does with \`encoding: "latin1"\`. If the app reads this file as UTF-8 (dotenv's default), it saw U+FFFD in place of each of them and now gets the letters: check that it loads the file with \`encoding: "latin1"\`, or save the file as UTF-8 and plan again.`,
    });
  }
}

function expandReferences(out: CandidateSet, entries: ReturnType<typeof readDotenv>, file: string, environment: string, firstSecret: number, firstConfig: number): void {
  const vars = dotenvObject(entries);
  const moved = new Set(out.secrets.slice(firstSecret).map((c) => c.name));
  if (moved.size === 0) return;
  const latest = new Map(entries.filter((e) => !e.overridden).map((e) => [e.key, e]));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = firstConfig; i < out.config.length; i++) {
      const c = out.config[i]!;
      const entry = latest.get(c.name);
      if (c.file !== file || !entry || entry.quote === "'" || c.decidedByUser) continue;
      const refs = referencedNames(entry.value).filter((n) => moved.has(n));
      if (refs.length === 0) continue;
      const value = expandValue(entry.value, vars, new Set([entry.key]));
      if (value === "" || value === entry.value) continue;
      out.config.splice(i--, 1);
      moved.add(entry.key);
      changed = true;
      out.secrets.push({
        source: { type: "dotenv", file, line: entry.line, column: entry.column, name: entry.key, expand: true },
        name: entry.key,
        value,
        environment,
        kind: "connection-string",
        confidence: 0.9,
        reason: `value refers to ${refs.map((n) => `\${${n}}`).join(", ")}, which moves to Vault: stored with the references expanded`,
      });
      out.warnings.push({
        code: "env-reference",
        file,
        line: entry.line,
        message: `${file}:${entry.line}: ${entry.key} refers to ${refs.map((n) => `\${${n}}`).join(", ")}, which moves to Vault, so ${entry.key} moves too, stored as a loader that expands variables (dotenv-expand, Next.js, Vite, Nest's expandVariables, docker compose) reads it. Where nothing expanded this file (plain dotenv, node --env-file), the app used to read the reference text itself and now gets the expanded value.`,
      });
    }
  }
}

/**
 * `DB_PASSWORD=…\$…` (no reference): dotenv-expand turns every `\$` into
 * `$`, plain dotenv keeps the backslash. Where the project runs dotenv-expand
 * (`by`: the file importing it, or package.json listing it) the secret moves as
 * the app read it, unescaped, and apply reads it the same way (`expand`).
 * Without that evidence it moves as written, and the plan says which reading
 * it assumed (`env-escape`), by line, never with the value.
 */
function resolveEscapedDollars(out: CandidateSet, file: string, firstSecret: number, by: string | undefined): void {
  for (const c of out.secrets.slice(firstSecret)) {
    if (c.source.type !== "dotenv" || c.source.file !== file || c.source.expand || !hasEscapedDollar(c.value) || referencedNames(c.value).length > 0) continue;
    if (by !== undefined) {
      // The line as written leaves the file too: the redacted diffs hide that form as well.
      (out.overridden ??= []).push(c.value);
      c.value = expandValue(c.value, {});
      c.source.expand = true;
      continue;
    }
    out.warnings.push({
      code: "env-escape",
      file,
      line: c.source.line,
      message: `${file}:${c.source.line}: ${c.name}'s value holds \\$, which moves as written (backslash included), as plain dotenv and node --env-file read it. No code of this project imports dotenv-expand and package.json does not list it; if a loader that expands variables reads this file (dotenv-expand, or a framework running it), the app read a plain $ there: list dotenv-expand in package.json and plan again, so that the value moves unescaped.`,
    });
  }
}

/** A secret of `name` in the base layer `.env` of `file`'s directory, already classified (it sorts first). */
function baseLayerSecret(secrets: Candidate[], file: string, name: string): Candidate | undefined {
  const dir = dirOf(file);
  const baseFile = dir === "" ? ".env" : `${dir}/.env`;
  return secrets.find((c) => c.source.type === "dotenv" && c.source.file === baseFile && c.name === name && c.environment === BASE_LAYER_ENVIRONMENT);
}

/**
 * Docker's `*_FILE` convention (the official images' entrypoints, and many apps): `X_FILE`
 * names a file holding X's value, for Docker and Kubernetes secrets mounted at
 * /run/secrets. When `.env` points it at a file inside the project, that file is a secret in
 * plaintext in the tree, which the scanner cannot tell from any other text file. It is kept
 * (the entrypoint or the app reads the file; moving it would break that) and listed, and the
 * re-scan counts it while it is there.
 */
function keepSecretFiles(root: string, out: CandidateSet, lastEntries: ReadonlyMap<string, ReadonlyMap<string, DotenvEntry>>, classify: (name: string, value: string, file?: string, options?: ClassifyOptions) => Classification): void {
  for (const [envFile, entries] of lastEntries) {
    for (const [key, e] of entries) {
      if (!/^[A-Za-z][A-Za-z0-9_]*_FILE$/.test(key) || e.value === "" || e.value.startsWith("/") || e.value.includes("${")) continue;
      const file = posixJoin(dirOf(envFile), e.value);
      if (file === "" || file.startsWith("../") || file === ".." || isEnvFile(file) || /\.[cm]?[jt]sx?$/.test(file) || out.secretFiles?.[file] !== undefined) continue;
      let value: string;
      try {
        const st = statSync(join(root, file));
        if (!st.isFile() || st.size === 0 || st.size > 4096) continue;
        value = readFileSync(join(root, file), "utf8").replace(/\r?\n$/, "");
      } catch {
        continue;
      }
      const name = key.slice(0, -"_FILE".length);
      if (value === "" || value.includes("\0")) continue;
      const verdict = classify(name, value, file);
      if (verdict.verdict !== "secret") continue;
      (out.secretFiles ??= {})[file] = `${key} in ${envFile}:${e.line}`;
      (out.kept ??= []).push({
        source: { type: "dotenv", file, line: 1, column: 1, name },
        name,
        value,
        environment: "kept",
        kind: verdict.kind ?? "generic-secret",
        confidence: verdict.confidence,
        reason: `the value of ${name}, which ${key} in ${envFile} names (${verdict.reason})`,
      });
    }
  }
}

/** `dir` + a relative path, normalised with `/` ("" for the project root). */
function posixJoin(dir: string, rel: string): string {
  const joined = posix.normalize(posix.join(dir, rel));
  return joined === "." ? "" : joined.replace(/\/$/, "");
}
