import type { SecretBinding } from "../plan/types.js";
import { CONNECTION_ENV } from "../runtime/options.js";
import type { EnvironmentSelection } from "../map/environment.js";

// Generates the module a migrated app reads its secrets from (`src/secrets.js`
// or `.ts`): a map of Vault locations per environment (no values), loaded once
// at start-up through `vaultshift/runtime`, then exposed synchronously as
// `secrets.NAME`, which is what the code rewriter turns `process.env.NAME` into.
//
// ESM: a top-level `await` (ES2022; Node ≥ 14.8) loads the secrets before any
// module that imports this one runs its body, so module-level reads keep working.
// CommonJS cannot await at the top level and `require()` is synchronous, so a
// CJS module loads through a short child process (`execFileSync` of node
// importing vaultshift/runtime and printing JSON on a pipe). That costs one
// process start (~40 ms) once, and keeps every existing `require` order and
// module-level read working, with no change to the app's entry point. The same
// CJS file is importable from ESM too (Node detects `exports.secrets =`), so a
// project mixing both uses the CJS flavour.
//
// Environment: VAULTSHIFT_ENV, else NODE_ENV, else "development", at run time,
// so one codebase serves every migrated environment (for Firebase's
// functions/.env.<projectId>, the project id the code runs in comes first; for
// a loader choosing `.env.${APP_ENV}`, that variable does). An environment nobody
// migrated is an error naming the known ones (never a silent empty secret).
// Variables not migrated for the running environment keep coming from
// process.env, as before the migration.

export interface SecretsModuleInput {
  language: "ts" | "js";
  moduleKind: "esm" | "cjs";
  app: string;
  bindings: SecretBinding[];
  /**
   * A layered base `.env` (Next.js, Vite, dotenv-flow order) was migrated into
   * the shared locations: those loaders read it under every mode, so an
   * environment with no file of its own is served by it, not refused.
   */
  layeredBase?: boolean;
  /**
   * Every environment that has a .env file, secrets migrated or not: one
   * with nothing migrated reads process.env, as before, instead of being
   * refused as unknown.
   */
  environments?: string[];
  /**
   * The environment that serves one with no file of its own: set when the
   * project's only files are plain `.env`/`.env.local`, which the app loads
   * whatever the environment (see environmentsOfFiles in src/map/environment.ts).
   */
  fallbackEnvironment?: string;
  /**
   * Names no code of the app reads by name: a library, the framework or a tool
   * reads them from process.env (an SDK's default credentials, `env.get("X")`,
   * Nuxt's NUXT_*). The module sets them there when it loads, as the .env loader
   * did; a value already set wins, as with dotenv.
   */
  envExports?: string[];
  /**
   * Environments named after a Google Cloud project id (Firebase's
   * `functions/.env.<projectId>`, src/map/firebase.ts): the project the code
   * runs in (GCLOUD_PROJECT, GCP_PROJECT, FIREBASE_CONFIG's projectId) selects
   * one of them, as Firebase selected the file, unless VAULTSHIFT_ENV is set.
   */
  projectEnvironments?: string[];
  /**
   * The variable the app's own loader picked `.env.<value>` by (`APP_ENV`,
   * src/map/environment-selector.ts), and the environment each value selects:
   * it selects here too (after VAULTSHIFT_ENV and a Firebase project id, before
   * NODE_ENV), so that staging under NODE_ENV=production reads staging's secrets.
   */
  selector?: EnvironmentSelection;
}

/** The environment a literal (hard-coded) secret is filed under: the same value everywhere. */
export const SHARED_ENVIRONMENT = "shared";

interface Location {
  mount: string;
  path: string;
  key: string;
}

export function generateSecretsModule(input: SecretsModuleInput): { content: string } {
  const ts = input.language === "ts";
  const esm = input.moduleKind === "esm";
  // TypeScript writes `export` in both flavours; tsc turns it into `exports.x =` for CJS.
  const exp = esm || ts ? "export " : "";
  const names = [...new Set(input.bindings.map((b) => b.envName))].sort();
  const environments = [...new Set(input.bindings.flatMap((b) => Object.keys(b.environments)))].filter((e) => e !== SHARED_ENVIRONMENT).sort();
  const perEnv: Record<string, Record<string, Location>> = {};
  for (const env of environments) perEnv[env] = {};
  const shared: Record<string, Location> = {};
  for (const b of [...input.bindings].sort((x, y) => x.envName.localeCompare(y.envName))) {
    for (const [env, { path }] of Object.entries(b.environments).sort(([x], [y]) => x.localeCompare(y))) {
      const loc = { mount: b.mount, path, key: b.key };
      if (env === SHARED_ENVIRONMENT) shared[b.envName] = loc;
      else perEnv[env]![b.envName] = loc;
    }
  }
  // A name is always defined when every environment (or the shared set) has it.
  const always = new Set(names.filter((n) => n in shared || (environments.length > 0 && environments.every((e) => n in perEnv[e]!))));
  // Environments with a file but no secret are known too (their names read process.env); the
  // types above stay as they were, since process.env.X was already `string | undefined` there.
  for (const env of input.environments ?? []) if (env !== SHARED_ENVIRONMENT) perEnv[env] ??= {};
  const fallback = input.fallbackEnvironment !== undefined && input.fallbackEnvironment in perEnv ? input.fallbackEnvironment : undefined;
  // Which environment's locations the running one reads: its own, else the fallback's.
  const serving = fallback === undefined ? "locations[environment]" : `locations[own.call(locations, environment) ? environment : ${JSON.stringify(fallback)}]`;
  const projectEnvironments = [...new Set(input.projectEnvironments ?? [])].filter((e) => e in perEnv).sort();
  const byProject = projectEnvironments.length > 0;
  const selector = input.selector !== undefined && Object.keys(input.selector.values).length > 0 ? input.selector : undefined;
  // The environment chosen before VAULTSHIFT_ENV/NODE_ENV are read (the project's, the loader variable's), as an expression.
  const chosenFirst = [...(byProject ? ["byProjectId"] : []), ...(selector ? ["bySelector"] : [])];
  const explicit = chosenFirst.length > 0 ? chosenFirst.join(" ?? ") : "undefined";

  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  // The ES module and CommonJS flavours of one app can both be loaded in a process (an ES
  // module app with a CommonJS file): the first to load leaves its values on the global
  // object under a registered symbol, and the other takes them instead of loading again
  // (for the CommonJS flavour, instead of starting a loader process).
  const sharedLoad = () => [
    "// One load per process: the other flavour of this module, loaded first, left its values here.",
    `const loadedKey = Symbol.for(${JSON.stringify(`vaultshift.secrets/${input.app}`)});`,
    `const store = globalThis${T(" as unknown as Record<symbol, { environment: string; values: Record<string, string>; requested?: string } | undefined>")};`,
    `const earlier = fromEnv ? undefined : store[loadedKey];`,
    "// The environment asked for, as vaultshift/runtime's resolveEnvironment reads it (before its aliases):",
    "// values loaded for another one (NODE_ENV changed in between) are not taken.",
    `const requested = (${chosenFirst.map((e) => `${e} ?? `).join("")}process.env["VAULTSHIFT_ENV"] ?? process.env["NODE_ENV"] ?? "development").trim() || "development";`,
  ];
  const variableSelection = () =>
    selector
      ? [
        `// The app's loader chose its .env file by ${selector.variable} (.env.<${selector.variable}>), not by NODE_ENV: the same`,
        "// variable selects the environment here (VAULTSHIFT_ENV, when set, wins). A value no file was",
        "// migrated for is taken as it is, and refused below as an environment nobody migrated.",
        `const selectorValues${T(": Record<string, string>")} = ${JSON.stringify(selector.values)};`,
        `const selectorValue = ${selector.fallback !== undefined ? `process.env[${JSON.stringify(selector.variable)}] || ${JSON.stringify(selector.fallback)}` : `process.env[${JSON.stringify(selector.variable)}]`};`,
        `const bySelector = process.env["VAULTSHIFT_ENV"] === undefined && selectorValue ? (own.call(selectorValues, selectorValue) ? selectorValues[selectorValue] : selectorValue) : undefined;`,
      ]
      : [];
  const projectSelection = () => [...variableSelection(), ...projectIdSelection()];
  const projectIdSelection = () =>
    byProject
      ? [
        "// Firebase loaded functions/.env.<projectId> for the project it deploys to or emulates, whatever",
        "// NODE_ENV says: the project id the runtime and the emulator set selects that environment here",
        "// too (VAULTSHIFT_ENV, when set, wins).",
        `const projectEnvironments = ${JSON.stringify(projectEnvironments)};`,
        `const firebaseProject = ()${T(": string | undefined")} => {`,
        '  const config = process.env["FIREBASE_CONFIG"];',
        '  if (config === undefined || !config.trim().startsWith("{")) return undefined;',
        "  try {",
        `    const id = (JSON.parse(config)${T(" as { projectId?: unknown }")}).projectId;`,
        '    return typeof id === "string" ? id : undefined;',
        "  } catch {",
        "    return undefined;",
        "  }",
        "};",
        'const projectId = process.env["GCLOUD_PROJECT"] || process.env["GCP_PROJECT"] || firebaseProject();',
        `const byProjectId = process.env["VAULTSHIFT_ENV"] === undefined && projectId !== undefined && projectEnvironments.includes(projectId) ? projectId : undefined;`,
      ]
      : [];
  push(
    `// Generated by vaultshift for ${JSON.stringify(input.app).slice(1, -1)}: the app's secrets, read once from Vault`,
    "// at start-up through vaultshift/runtime, then available synchronously as",
    "// `secrets.NAME`. `vaultshift apply` regenerates this file: change the plan, not this file.",
    "//",
    "// Environment: VAULTSHIFT_ENV, else NODE_ENV, else \"development\". Vault is reached",
    "// the way the Vault CLI does: VAULT_ADDR plus VAULT_TOKEN, or AppRole with",
    "// VAULT_ROLE_ID and VAULT_SECRET_ID. This file holds locations, never values.",
  );
  if (!esm) {
    push(
      "//",
      "// CommonJS: require() is synchronous, so the secrets are loaded by a short child",
      "// process (node importing vaultshift/runtime) before this module finishes loading.",
    );
  }
  if (!esm && !ts) push('"use strict";');
  if (esm) push('import { loadSecrets, resolveEnvironment } from "vaultshift/runtime";');
  else if (ts) push('import { execFileSync } from "node:child_process";', 'import { pathToFileURL } from "node:url";');
  else push('const { execFileSync } = require("node:child_process");', 'const { pathToFileURL } = require("node:url");');
  push("");
  const T = (type: string) => (ts ? type : "");
  if (ts) {
    push("interface Location {", "  mount: string;", "  path: string;", "  key: string;", "}", "");
    push("/** The secrets this app reads; `undefined` where a variable is not migrated in every environment. */");
    push("export interface Secrets {");
    for (const n of names) push(`  readonly ${prop(n)}: ${always.has(n) ? "string" : "string | undefined"};`);
    push("}", "");
  }
  push("/** Where each secret lives (KV v2 mount, path, key), per environment. */");
  push(`const locations${T(": Record<string, Record<string, Location>>")} = ${objectLiteral(perEnv, 0)};`);
  push("/** Secrets that were hard-coded: one location for every environment. */");
  push(`const shared${T(": Record<string, Location>")} = ${objectLiteral(shared, 0)};`);
  push(`const names${T(": readonly (keyof Secrets)[]")} = [${names.map((n) => JSON.stringify(n)).join(", ")}];`);
  push(`const own = Object.prototype.hasOwnProperty;`, "");
  push(
    "// VAULTSHIFT_SECRETS_FROM_ENV=1: no Vault, every name read from process.env as before the",
    "// migration (unit tests, offline work). An explicit opt-in, never a fallback.",
    `const fromEnv = process.env["VAULTSHIFT_SECRETS_FROM_ENV"] === "1";`,
  );
  if (esm) {
    push(
      ...projectSelection(),
      "// VAULTSHIFT_ENV, else NODE_ENV, else development; `prod` → production and other aliases.",
      `export const environment${T(": string")} = resolveEnvironment(${chosenFirst.length > 0 ? explicit : ""});`,
      ...(input.layeredBase
        ? ["// A layered base .env is every environment's default: an environment with no file of its own reads it."]
        : fallback !== undefined
          ? ["// The project's only .env files are loaded whatever the environment: one with no file of its own reads theirs."]
          : [
            `if (!fromEnv && Object.keys(locations).length > 0 && !own.call(locations, environment)) {`,
            "  throw new Error(",
            "    `vaultshift: no secrets were migrated for the environment \"${environment}\" (known: ${Object.keys(locations).join(\", \")}). ` +",
            "      \"Set VAULTSHIFT_ENV to one of them.\",",
            "  );",
            "}",
          ]),
      `const paths${T(": Record<string, Location>")} = fromEnv ? {} : { ...shared, ...${serving} };`,
      ...sharedLoad(),
      `const loaded${T(": Record<string, string>")} = fromEnv ? {} : earlier !== undefined && earlier.environment === environment ? earlier.values : await loadSecrets({ app: ${JSON.stringify(input.app)}, environment, paths });`,
      "// The CommonJS flavour may have loaded while this one awaited Vault (a CommonJS file imported",
      "// next to this module requires it): what it recorded stays.",
      `if (!fromEnv && store[loadedKey] === undefined) Object.defineProperty(store, loadedKey, { value: { environment, values: loaded, requested } });`,
    );
  } else {
    push(
      ...projectSelection(),
      ...sharedLoad(),
      `const loadedSync = fromEnv`,
      `  ? { environment: ${chosenFirst.map((e) => `${e} || `).join("")}process.env["VAULTSHIFT_ENV"] || process.env["NODE_ENV"] || "development", values: {} }`,
      `  : earlier !== undefined && earlier.requested === requested ? earlier : loadSync(${JSON.stringify(input.app)});`,
      `if (!fromEnv && earlier === undefined) Object.defineProperty(store, loadedKey, { value: { ...loadedSync, requested } });`,
      `${exp}const environment${T(": string")} = loadedSync.environment;`,
      `const paths${T(": Record<string, Location>")} = fromEnv ? {} : { ...shared, ...${serving} };`,
      `const loaded${T(": Record<string, string>")} = loadedSync.values;`,
    );
  }
  push(
    "",
    "// What a child process started with a scoped env (`fork(file, { env: { … } })`) needs to",
    "// load its own secrets as this process did: the Vault connection settings this process",
    "// has (the variables vaultshift/runtime reads) and the environment it resolved. The code",
    "// rewriter adds `...vaultEnv` to such an env. It holds the token: never log it (it prints names only).",
    `const vaultEnvValues${T(": Record<string, string>")} = {};`,
    `for (const name of ${JSON.stringify(CONNECTION_ENV)}) {`,
    "  const value = process.env[name];",
    "  if (value !== undefined) vaultEnvValues[name] = value;",
    "}",
    'vaultEnvValues["VAULTSHIFT_ENV"] = environment;',
    'if (fromEnv) vaultEnvValues["VAULTSHIFT_SECRETS_FROM_ENV"] = "1";',
    "// Printed (console.log, util.inspect) or serialised (JSON.stringify), it shows names only;",
    "// both methods are non-enumerable, so `...vaultEnv` copies the values alone.",
    "const vaultEnvShown = () => `VaultEnv { ${Object.keys(vaultEnvValues).join(\", \")} }`;",
    "Object.defineProperty(vaultEnvValues, Symbol.for(\"nodejs.util.inspect.custom\"), { value: vaultEnvShown });",
    "Object.defineProperty(vaultEnvValues, \"toJSON\", { value: vaultEnvShown });",
    `${exp}const vaultEnv${T(": Readonly<Record<string, string>>")} = Object.freeze(vaultEnvValues);`,
    "",
    "// Names the app wrote or deleted through processEnv (`process.env.X = …` is rewritten",
    "// so): from then on secrets.X reads process.env, as process.env.X did before the migration.",
    "// A child process inherits that list (VAULTSHIFT_WRITTEN) with the environment: a secret",
    "// its parent deleted or replaced is not loaded back from Vault, as it was not in the env.",
    "// One list for both flavours of this module in a process (the ES module one and the",
    "// CommonJS one beside it): a write through either is seen by the other.",
    `const writtenKey = Symbol.for(${JSON.stringify(`vaultshift.written/${input.app}`)});`,
    `const writtenStore = globalThis${T(" as unknown as Record<symbol, Set<string> | undefined>")};`,
    `const written = writtenStore[writtenKey] ?? new Set${T("<string>")}(`,
    `  (process.env["VAULTSHIFT_WRITTEN"] ?? "").split(",").filter((name) => (names${T(" as readonly string[]")}).includes(name)),`,
    ");",
    "if (writtenStore[writtenKey] === undefined) Object.defineProperty(writtenStore, writtenKey, { value: written });",
    "// The environment object this module saw. Code that replaces it (a test's",
    "// `process.env = { ...OLD_ENV, X: \"stub\" }`) reads from the replacement, as before.",
    "const startEnv = process.env;",
  );
  const envExports = [...new Set(input.envExports ?? [])].filter((n) => names.includes(n)).sort();
  if (envExports.length > 0) {
    push(
      "",
      "// Read by a library, the framework or a tool, not by name in the app's code: set in",
      "// process.env as the .env loader did (a value already set there wins, as with dotenv).",
      `const envExports = [${envExports.map((n) => JSON.stringify(n)).join(", ")}];`,
      "for (const name of envExports) {",
      "  if (!fromEnv && own.call(paths, name) && !written.has(name) && loaded[name] !== undefined && process.env[name] === undefined) process.env[name] = loaded[name];",
      "}",
    );
  }
  push(
    "",
    "// Under a test runner (vitest sets VITEST, Jest JEST_WORKER_ID) the secrets are put in process.env,",
    "// as the .env loader did (a value already set wins), and read from there: a test's stub",
    "// (vi.stubEnv, jest.replaceProperty, process.env.X = …, delete) reaches the code as before.",
    'const underTest = process.env["VITEST"] !== undefined || process.env["JEST_WORKER_ID"] !== undefined;',
    "if (underTest && !fromEnv) {",
    "  for (const name of names) {",
    "    if (own.call(paths, name) && !written.has(name) && loaded[name] !== undefined && process.env[name] === undefined) process.env[name] = loaded[name];",
    "  }",
    "}",
    "// Not migrated for this environment: read the process environment, as before.",
    `const values${T(": Record<string, string | undefined>")} = {};`,
    "for (const name of names) {",
    "  Object.defineProperty(values, name, {",
    "    enumerable: true,",
    "    get: () => (!underTest && process.env === startEnv && own.call(paths, name) && !written.has(name) ? loaded[name] : process.env[name]),",
    "  });",
    "}",
    "// console.log(secrets) and util.inspect print names only.",
    "Object.defineProperty(values, Symbol.for(\"nodejs.util.inspect.custom\"), {",
    "  value: () => `Secrets { ${names.join(\", \")} }`,",
    "});",
    "",
    `${exp}const secrets${T(": Secrets")} = Object.freeze(values)${T(" as unknown as Secrets")};`,
    "",
    "// process.env with this environment's migrated secrets added, for code that passes the",
    "// environment on (a child process, a library configured from it) or reads it by a name",
    "// known only at run time: it sees what it saw before the migration. Writes and deletes go",
    "// to process.env, and a name written or deleted there is no longer overlaid (in secrets too).",
    `const overlaid = new Set${T("<string>")}(underTest ? [] : names.filter((name) => own.call(paths, name) && loaded[name] !== undefined && !written.has(name)));`,
    `const forget = (name${T(": string")}) => {`,
    "  overlaid.delete(name);",
    `  if (written.has(name) || !(names${T(" as readonly string[]")}).includes(name)) return;`,
    "  written.add(name);",
    '  startEnv["VAULTSHIFT_WRITTEN"] = [...written].join(",");',
    "};",
    "// The other flavour may have written it since this one loaded (`written` is shared).",
    `const overlays = (name${T(": string")}) => overlaid.has(name) && !written.has(name);`,
    `${exp}const processEnv${T(": NodeJS.ProcessEnv")} = new Proxy(process.env, {`,
    "  get(target, name) {",
    "    return typeof name === \"string\" && overlays(name) ? loaded[name] : Reflect.get(target, name);",
    "  },",
    "  has(target, name) {",
    "    return (typeof name === \"string\" && overlays(name)) || Reflect.has(target, name);",
    "  },",
    "  ownKeys(target) {",
    "    const keys = Reflect.ownKeys(target);",
    "    const seen = new Set(keys);",
    "    for (const name of overlaid) if (!seen.has(name) && !written.has(name)) keys.push(name);",
    "    return keys;",
    "  },",
    "  getOwnPropertyDescriptor(target, name) {",
    "    if (typeof name === \"string\" && overlays(name)) return { value: loaded[name], writable: true, enumerable: true, configurable: true };",
    "    return Reflect.getOwnPropertyDescriptor(target, name);",
    "  },",
    "  set(target, name, value) {",
    "    if (typeof name === \"string\") forget(name);",
    "    return Reflect.set(target, name, value);",
    "  },",
    "  deleteProperty(target, name) {",
    "    if (typeof name === \"string\") forget(name);",
    "    return Reflect.deleteProperty(target, name);",
    "  },",
    "  defineProperty(target, name, descriptor) {",
    "    if (typeof name === \"string\") forget(name);",
    "    return Reflect.defineProperty(target, name, descriptor);",
    "  },",
    "});",
    "/** Resolves when the secrets are loaded (always, once this module has loaded); for symmetry with async code. */",
    `${exp}function ready()${T(": Promise<Secrets>")} {`,
    "  return Promise.resolve(secrets);",
    "}",
  );
  if (!esm) {
    push(
      "",
      `function loadSync(app${T(": string")})${T(": { environment: string; values: Record<string, string> }")} {`,
      "  // A preload (NODE_OPTIONS=--require …) that reaches this module would otherwise spawn loaders forever.",
      '  if (process.env["VAULTSHIFT_SECRETS_LOADER"]) {',
      '    throw new Error("vaultshift: the secrets module was loaded inside its own loader process; do not preload it through NODE_OPTIONS.");',
      "  }",
      `  let runtime${T(": string")};`,
      "  try {",
      '    runtime = require.resolve("vaultshift/runtime");',
      "  } catch (error) {",
      '    throw Object.assign(new Error("vaultshift: cannot find vaultshift/runtime. Install it: npm install vaultshift"), { cause: error });',
      "  }",
      "  // The child resolves the environment and loads exactly as the ESM flavour does,",
      "  // and answers with JSON on a pipe (values copied out of the runtime's redacting object).",
      "  const loaderScript = [",
      '    "const [url, request] = process.argv.slice(1);",',
      '    "import(url).then(async (m) => {",',
      '    "  const { app, locations, shared } = JSON.parse(request);",',
      '    "  const environment = m.resolveEnvironment(JSON.parse(request).explicit);",',
      '    "  const { anyEnvironment, fallback } = JSON.parse(request);",',
      '    "  const known = anyEnvironment ? [] : Object.keys(locations);",',
      '    "  if (known.length > 0 && fallback === undefined && !Object.prototype.hasOwnProperty.call(locations, environment))",',
      '    "    throw new Error(\'no secrets were migrated for the environment \\"\' + environment + \'\\" (known: \' + known.join(\', \') + \'). Set VAULTSHIFT_ENV to one of them.\');",',
      '    "  const serving = fallback !== undefined && !Object.prototype.hasOwnProperty.call(locations, environment) ? fallback : environment;",',
    '    "  const values = await m.loadSecrets({ app, environment, paths: { ...shared, ...locations[serving] } });",',
      '    "  process.stdout.write(JSON.stringify({ environment, values: { ...values } }));",',
      '    "}).catch((e) => {",',
      '    "  process.stderr.write(String((e && e.message) || e) + (e && e.hint ? \'\\\\n  \' + e.hint : \'\'));",',
      '    "  process.exitCode = 1;",',
      '    "});",',
      '  ].join("\\n");',
      `  const request = JSON.stringify({ app, locations, shared${input.layeredBase ? ", anyEnvironment: true" : ""}${fallback !== undefined ? `, fallback: ${JSON.stringify(fallback)}` : ""}${chosenFirst.length > 0 ? `, explicit: ${explicit}` : ""} });`,
      "  try {",
      '    const out = execFileSync(process.execPath, ["--input-type=module", "-e", loaderScript, pathToFileURL(runtime).href, request], {',
      '      encoding: "utf8",',
      '      env: { ...process.env, VAULTSHIFT_SECRETS_LOADER: "1" },',
      '      stdio: ["ignore", "pipe", "pipe"],',
      "      windowsHide: true,",
      "      maxBuffer: 64 * 1024 * 1024,",
      "    });",
      "    return JSON.parse(out);",
      "  } catch (error) {",
      `    const stderr = ${ts ? "(error as { stderr?: unknown })" : "error"}.stderr;`,
      "    const detail = stderr ? String(stderr).trim() : String(error);",
      "    // The child's message says what failed; its command line would only add noise.",
      '    throw new Error(`vaultshift: could not load the secrets: ${detail}`);',
      "  }",
      "}",
    );
  }
  if (ts || esm) push("export default secrets;");
  else push("", "exports.secrets = secrets;", "exports.processEnv = processEnv;", "exports.environment = environment;", "exports.vaultEnv = vaultEnv;", "exports.ready = ready;");
  return { content: lines.join("\n") + "\n" };
}

function prop(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A readable nested object literal (one entry per line), keys quoted only when needed. */
function objectLiteral(value: Record<string, unknown>, depth: number): string {
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const pad = "  ".repeat(depth + 1);
  const inner = entries.map(([k, v]) => {
    if (isLocation(v)) return `${pad}${prop(k)}: { mount: ${JSON.stringify(v.mount)}, path: ${JSON.stringify(v.path)}, key: ${JSON.stringify(v.key)} },`;
    return `${pad}${prop(k)}: ${objectLiteral(v as Record<string, unknown>, depth + 1)},`;
  });
  return `{\n${inner.join("\n")}\n${"  ".repeat(depth)}}`;
}

function isLocation(v: unknown): v is Location {
  return typeof v === "object" && v !== null && typeof (v as Location).mount === "string" && typeof (v as Location).key === "string";
}
