import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { generateSecretsModule } from "./secrets-module.js";
import type { SecretBinding } from "../plan/types.js";

// The generated module is run for real: in a temp project whose
// `vaultshift/runtime` is a stand-in `loadSecrets` that answers each location
// with "mount/path#key@environment", so the test sees which location each
// name was read from in each environment.

const require = createRequire(import.meta.url);
const bindings: SecretBinding[] = [
  {
    envName: "DB_PASSWORD",
    mount: "secret",
    path: "shop/{environment}/database",
    key: "password",
    environments: { development: { path: "shop/development/database" }, production: { path: "shop/production/database" } },
  },
  { envName: "SENTRY_DSN", mount: "secret", path: "shop/{environment}/app", key: "SENTRY_DSN", environments: { production: { path: "shop/production/app" } } },
  { envName: "STRIPE_KEY", mount: "kv", path: "shop/shared/stripe", key: "STRIPE_KEY", environments: { shared: { path: "shop/shared/stripe" } } },
];

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "vaultshift-secrets-module-"));
  const pkg = join(dir, "node_modules", "vaultshift");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "vaultshift", type: "module", exports: { "./runtime": { types: "./runtime.d.ts", default: "./runtime.js" } } }));
  writeFileSync(
    join(pkg, "runtime.d.ts"),
    `export declare function loadSecrets(options: { app: string; environment?: string; paths: Record<string, { mount: string; path: string; key: string }> }): Promise<Record<string, string>>;\n` +
      `export declare function resolveEnvironment(explicit?: string): string;\n`,
  );
  writeFileSync(
    join(pkg, "runtime.js"),
    `export async function loadSecrets({ app, environment, paths }) {
  if (app !== "shop") throw new Error("wrong app");
  if (process.env.ONLY_IN_LOADER && !process.env.VAULTSHIFT_SECRETS_LOADER) throw new Error("loaded in the app's own process");
  const out = {};
  for (const [name, l] of Object.entries(paths)) out[name] = l.mount + "/" + l.path + "#" + l.key + "@" + environment;
  return out;
}
export function resolveEnvironment(explicit, env = process.env) {
  const raw = explicit ?? env.VAULTSHIFT_ENV ?? env.NODE_ENV ?? "development";
  return raw === "prod" ? "production" : raw;
}\n`,
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  for (const [f, content] of Object.entries(files)) writeFileSync(join(root, f), content);
  return root;
}

function run(cwd: string, entry: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [entry], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env }, timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dev = {
  DB_PASSWORD: "secret/shop/development/database#password@development",
  STRIPE_KEY: "kv/shop/shared/stripe#STRIPE_KEY@development",
};
const prod = {
  DB_PASSWORD: "secret/shop/production/database#password@production",
  SENTRY_DSN: "secret/shop/production/app#SENTRY_DSN@production",
  STRIPE_KEY: "kv/shop/shared/stripe#STRIPE_KEY@production",
};
const print = "JSON.stringify({ environment, DB_PASSWORD: secrets.DB_PASSWORD, SENTRY_DSN: secrets.SENTRY_DSN, STRIPE_KEY: secrets.STRIPE_KEY })";

test("ESM: read once at start-up, per environment from NODE_ENV, VAULTSHIFT_ENV winning", () => {
  const { content } = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings });
  const root = project("esm", {
    "package.json": `{"type":"module"}`,
    "secrets.js": content,
    "main.js": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print});\n`,
  });
  assert.deepEqual(JSON.parse(run(root, "main.js", {}).stdout), { environment: "development", ...dev });
  assert.deepEqual(JSON.parse(run(root, "main.js", { NODE_ENV: "production" }).stdout), { environment: "production", ...prod });
  assert.deepEqual(JSON.parse(run(root, "main.js", { NODE_ENV: "development", VAULTSHIFT_ENV: "prod" }).stdout), { environment: "production", ...prod });
});

test("a variable not migrated for the running environment still comes from process.env", () => {
  const { content } = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings });
  const root = project("fallback", { "package.json": `{"type":"module"}`, "secrets.js": content, "main.js": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print});\n` });
  const out = JSON.parse(run(root, "main.js", { SENTRY_DSN: "https://public@sentry.example/1", DB_PASSWORD: "ignored-in-favour-of-vault" }).stdout);
  assert.deepEqual(out, { environment: "development", ...dev, SENTRY_DSN: "https://public@sentry.example/1" });
});

test("an environment nobody migrated fails at start-up, naming the known ones", () => {
  const { content } = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings });
  const root = project("unknown", { "package.json": `{"type":"module"}`, "secrets.js": content, "main.js": `import "./secrets.js";\n` });
  const r = run(root, "main.js", { NODE_ENV: "test" });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no secrets were migrated for the environment "test" \(known: development, production\)\. Set VAULTSHIFT_ENV/);
});

test("CommonJS: synchronous after require, usable at module level, and importable from ESM", () => {
  const { content } = generateSecretsModule({ language: "js", moduleKind: "cjs", app: "shop", bindings });
  const root = project("cjs", {
    "package.json": `{"type":"commonjs"}`,
    "secrets.js": content,
    "config.js": `const { secrets, environment } = require("./secrets.js");\nmodule.exports = ${print};\n`,
    "main.js": `console.log(require("./config.js"));\n`,
    "main.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print});\n`,
  });
  assert.deepEqual(JSON.parse(run(root, "main.js", { NODE_ENV: "production" }).stdout), { environment: "production", ...prod });
  assert.deepEqual(JSON.parse(run(root, "main.mjs", {}).stdout), { environment: "development", ...dev });
  const unknown = run(root, "main.js", { NODE_ENV: "test" });
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /no secrets were migrated for the environment "test" \(known: development, production\)\. Set VAULTSHIFT_ENV/);
});

test("CommonJS: a failing load is an error at require time with the runtime's message", () => {
  const { content } = generateSecretsModule({ language: "js", moduleKind: "cjs", app: "other-app", bindings });
  const root = project("cjs-fail", { "package.json": `{"type":"commonjs"}`, "secrets.js": content, "main.js": `require("./secrets.js");\n` });
  const r = run(root, "main.js", {});
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /could not load the secrets: wrong app/);
});

test("printing the secrets object shows names, not values", () => {
  const { content } = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings });
  const root = project("inspect", { "package.json": `{"type":"module"}`, "secrets.js": content, "main.js": `import { secrets } from "./secrets.js";\nconsole.log(secrets);\n` });
  const out = run(root, "main.js", {}).stdout;
  assert.equal(out.trim(), "Secrets { DB_PASSWORD, SENTRY_DSN, STRIPE_KEY }");
});

test("TypeScript: type-checks under strict settings in both flavours, runs once compiled, and types optional names", () => {
  const ts = require("typescript") as typeof import("typescript");
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "ts", moduleKind, app: "shop", bindings });
    const root = project(`ts-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.ts": content,
      "main.ts": `import { secrets, environment, processEnv } from "./secrets.js";\nconst db: string = secrets.DB_PASSWORD;\nif (processEnv["DB_PASSWORD"] !== db) throw new Error("processEnv does not hold the secret");\nconst dsn: string | undefined = secrets.SENTRY_DSN;\nconsole.log(JSON.stringify({ environment, DB_PASSWORD: db, SENTRY_DSN: dsn, STRIPE_KEY: secrets.STRIPE_KEY }));\n`,
      "bad.ts": `import { secrets } from "./secrets.js";\nexport const dsn: string = secrets.SENTRY_DSN;\n`,
    });
    const options: import("typescript").CompilerOptions = {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noPropertyAccessFromIndexSignature: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      typeRoots: [join(process.cwd(), "node_modules", "@types")],
      outDir: join(root, "out"),
      skipLibCheck: true,
    };
    const program = ts.createProgram([join(root, "main.ts"), join(root, "secrets.ts"), join(root, "bad.ts")], options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.fileName.replace(root, "") : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    // Exactly one error: assigning the optional SENTRY_DSN to `string` in bad.ts.
    assert.equal(diagnostics.length, 1, diagnostics.join("\n"));
    assert.match(diagnostics[0]!, /^\/bad\.ts: Type 'string \| undefined' is not assignable to type 'string'/);
    const emitted = program.emit();
    assert.equal(emitted.emitSkipped, false);
    writeFileSync(join(root, "out", "package.json"), moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`);
    execFileSync("ln", ["-s", join(dir, "node_modules"), join(root, "node_modules")]);
    assert.deepEqual(JSON.parse(run(join(root, "out"), "main.js", { NODE_ENV: "production" }).stdout), { environment: "production", ...prod }, moduleKind);
  }
});

test("processEnv is process.env with the secrets added: passed to a child, spread, enumerated, tested with `in`, read by computed name; writes and deletes win, in secrets too", () => {
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings });
    const imp = moduleKind === "esm" ? `import { processEnv, secrets } from "./secrets.js";` : `const { processEnv, secrets } = require("./secrets.js");`;
    const root = project(`overlay-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "child.js": `process.stdout.write(JSON.stringify({ db: process.env.DB_PASSWORD ?? null, plain: process.env.PLAIN ?? null }));\n`,
      "main.js": [
        imp,
        `const { execFileSync } = ${moduleKind === "esm" ? `await import("node:child_process")` : `require("node:child_process")`};`,
        `const name = ["DB", "PASSWORD"].join("_");`,
        `const child = JSON.parse(execFileSync(process.execPath, ["child.js"], { env: processEnv, encoding: "utf8" }));`,
        `const copy = { ...processEnv };`,
        `const before = { dynamic: processEnv[name], has: name in processEnv, listed: Object.keys(processEnv).includes(name), copied: copy.DB_PASSWORD, plain: processEnv.PLAIN, sentry: processEnv.SENTRY_DSN ?? null, child };`,
        `processEnv.DB_PASSWORD = "overridden";`,
        `const written = { overlay: processEnv.DB_PASSWORD, real: process.env.DB_PASSWORD, secret: secrets.DB_PASSWORD };`,
        `delete processEnv.DB_PASSWORD;`,
        `console.log(JSON.stringify({ before, written, deleted: name in processEnv, secretAfterDelete: secrets.DB_PASSWORD ?? null, stripe: secrets.STRIPE_KEY }));`,
      ].join("\n"),
    });
    const r = run(root, "main.js", { PLAIN: "config" });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout),
      {
        before: { dynamic: dev.DB_PASSWORD, has: true, listed: true, copied: dev.DB_PASSWORD, plain: "config", sentry: null, child: { db: dev.DB_PASSWORD, plain: "config" } },
        // A write or delete through processEnv is what secrets.X reads from then on, as process.env.X did.
        written: { overlay: "overridden", real: "overridden", secret: "overridden" },
        deleted: false,
        secretAfterDelete: null,
        stripe: dev.STRIPE_KEY,
      },
      moduleKind,
    );
  }
});

test("a secret deleted or replaced through processEnv stays so in a child that inherits the environment; code that replaces process.env reads the replacement", () => {
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings });
    const imp = moduleKind === "esm" ? `import { processEnv, secrets } from "./secrets.js";` : `const { processEnv, secrets } = require("./secrets.js");`;
    const root = project(`inherit-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "child.js": `${imp}\nprocess.stdout.write(JSON.stringify({ db: secrets.DB_PASSWORD ?? null, has: "DB_PASSWORD" in processEnv, stripe: secrets.STRIPE_KEY ?? null }));\n`,
      "main.js": [
        imp,
        `const { execFileSync } = ${moduleKind === "esm" ? `await import("node:child_process")` : `require("node:child_process")`};`,
        `const untouched = JSON.parse(execFileSync(process.execPath, ["child.js"], { encoding: "utf8" }));`,
        `delete processEnv.DB_PASSWORD;`,
        `processEnv.STRIPE_KEY = "minted";`,
        `const child = JSON.parse(execFileSync(process.execPath, ["child.js"], { encoding: "utf8" }));`,
        `const saved = process.env;`,
        `process.env = { ...saved, STRIPE_KEY: "stub" };`,
        `const stubbed = secrets.STRIPE_KEY;`,
        `process.env = saved;`,
        `console.log(JSON.stringify({ untouched, child, stubbed, restored: secrets.STRIPE_KEY }));`,
      ].join("\n"),
    });
    const r = run(root, "main.js", {});
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout),
      {
        untouched: { db: dev.DB_PASSWORD, has: true, stripe: dev.STRIPE_KEY },
        // The child loads its own secrets, but not the ones its parent deleted or replaced in its environment.
        child: { db: null, has: false, stripe: "minted" },
        stubbed: "stub",
        restored: "minted",
      },
      moduleKind,
    );
  }
});

test("envExports: names read by a library, not by the app's code, are set in process.env when the module loads; a value already set wins", () => {
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings, envExports: ["DB_PASSWORD", "NOT_MIGRATED"] });
    const imp = moduleKind === "esm" ? `import "./secrets.js";` : `require("./secrets.js");`;
    const root = project(`exports-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "main.js": `${imp}\nconsole.log(JSON.stringify({ db: process.env.DB_PASSWORD ?? null, stripe: process.env.STRIPE_KEY ?? null, other: process.env.NOT_MIGRATED ?? null }));\n`,
    });
    assert.deepEqual(JSON.parse(run(root, "main.js", {}).stdout), { db: dev.DB_PASSWORD, stripe: null, other: null }, moduleKind);
    assert.deepEqual(JSON.parse(run(root, "main.js", { DB_PASSWORD: "from-shell" }).stdout), { db: "from-shell", stripe: null, other: null }, moduleKind);
    assert.deepEqual(JSON.parse(run(root, "main.js", { VAULTSHIFT_SECRETS_FROM_ENV: "1" }).stdout), { db: null, stripe: null, other: null }, moduleKind);
    // A parent deleted it from the environment this process inherited: it stays deleted.
    assert.deepEqual(JSON.parse(run(root, "main.js", { VAULTSHIFT_WRITTEN: "DB_PASSWORD" }).stdout), { db: null, stripe: null, other: null }, moduleKind);
  }
  // Without envExports the module is as before: nothing is set in process.env.
  assert.doesNotMatch(generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings }).content, /envExports/);
});

test("the module holds locations only and is deterministic", () => {
  const a = generateSecretsModule({ language: "ts", moduleKind: "esm", app: "shop", bindings }).content;
  const b = generateSecretsModule({ language: "ts", moduleKind: "esm", app: "shop", bindings: [...bindings].reverse() }).content;
  assert.equal(a, b);
  assert.match(a, /DB_PASSWORD: \{ mount: "secret", path: "shop\/production\/database", key: "password" \}/);
});

test("CommonJS: a preload through NODE_OPTIONS cannot make the loader spawn itself forever", () => {
  const { content } = generateSecretsModule({ language: "js", moduleKind: "cjs", app: "shop", bindings });
  const root = project("preload", { "package.json": `{"type":"commonjs"}`, "secrets.js": content, "main.js": `console.log(require("./secrets.js").secrets.STRIPE_KEY);\n` });
  const r = run(root, "main.js", { NODE_OPTIONS: `--require ${join(root, "secrets.js")}` });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /loaded inside its own loader process/);
});

test("VAULTSHIFT_SECRETS_FROM_ENV=1 reads every name from process.env and never calls Vault, in both flavours", () => {
  for (const moduleKind of ["esm", "cjs"] as const) {
    // "other-app" makes the stand-in loadSecrets throw: the test fails if it is called.
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "other-app", bindings });
    const root = project(`from-env-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "main.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print});\n`,
    });
    const out = run(root, "main.mjs", { VAULTSHIFT_SECRETS_FROM_ENV: "1", NODE_ENV: "test", DB_PASSWORD: "from-env-db", STRIPE_KEY: "from-env-stripe" });
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), { environment: "test", DB_PASSWORD: "from-env-db", STRIPE_KEY: "from-env-stripe" }, moduleKind);
  }
});

test("vaultEnv: a child given only ...vaultEnv loads the same environment's secrets; it holds the Vault settings that are set, and prints names only", () => {
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings });
    const root = project(`vault-env-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "main.mjs": [
        `import { execFileSync } from "node:child_process";`,
        `import { inspect } from "node:util";`,
        `import { vaultEnv } from "./secrets.js";`,
        `const child = execFileSync(process.execPath, ["child.mjs"], { env: { ...vaultEnv, MODE: "child" }, encoding: "utf8" });`,
        `console.log(JSON.stringify({ child: JSON.parse(child), shown: inspect(vaultEnv), serialised: JSON.stringify(vaultEnv), frozen: Object.isFrozen(vaultEnv) }));`,
        ``,
      ].join("\n"),
      "child.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(JSON.stringify({ secrets: ${print}, keys: Object.keys(process.env).sort() }));\n`,
    });
    // NODE_ENV=prod resolves to production in the parent; the child has no NODE_ENV and still reads production.
    const out = run(root, "main.mjs", { NODE_ENV: "prod", VAULT_ADDR: "http://127.0.0.1:1", VAULT_TOKEN: "tok-canary-value", VAULT_FORMAT: "json" });
    assert.equal(out.status, 0, out.stderr);
    const got = JSON.parse(out.stdout) as { child: { secrets: string; keys: string[] }; shown: string; serialised: string; frozen: boolean };
    assert.deepEqual(JSON.parse(got.child.secrets), { environment: "production", ...prod }, moduleKind);
    assert.deepEqual(got.child.keys.filter((k) => k !== "VAULTSHIFT_SECRETS_LOADER"), ["MODE", "VAULTSHIFT_ENV", "VAULT_ADDR", "VAULT_TOKEN"], moduleKind);
    assert.equal(got.shown, "VaultEnv { VAULT_ADDR, VAULT_TOKEN, VAULTSHIFT_ENV }");
    assert.equal(got.serialised, JSON.stringify(got.shown), "JSON.stringify(vaultEnv) shows names only");
    assert.equal(got.frozen, true);
    assert.ok(!out.stdout.includes("tok-canary-value"));
  }
  // Without Vault (VAULTSHIFT_SECRETS_FROM_ENV=1) the child reads its env the same way.
  const { content } = generateSecretsModule({ language: "js", moduleKind: "esm", app: "other-app", bindings });
  const root = project("vault-env-from-env", {
    "package.json": `{"type":"module"}`,
    "secrets.js": content,
    "main.mjs": `import { vaultEnv } from "./secrets.js";\nconsole.log(JSON.stringify({ ...vaultEnv }));\n`,
  });
  const out = run(root, "main.mjs", { VAULTSHIFT_SECRETS_FROM_ENV: "1", NODE_ENV: "test" });
  assert.deepEqual(JSON.parse(out.stdout), { VAULTSHIFT_ENV: "test", VAULTSHIFT_SECRETS_FROM_ENV: "1" }, out.stderr);
});

test("a layered base .env (shared) serves an environment that has no file of its own, as Next/Vite/dotenv-flow read it; without one that environment is refused", () => {
  // .env (the base layer, shared) and .env.production only: development reads the base.
  const layered: SecretBinding[] = [
    { envName: "PROXY_TOKEN", mount: "secret", path: "web/{environment}/app", key: "PROXY_TOKEN", environments: { shared: { path: "web/shared/app" }, production: { path: "web/production/app" } } },
    { envName: "CMS_SECRET", mount: "secret", path: "web/shared/app", key: "CMS_SECRET", environments: { shared: { path: "web/shared/app" } } },
  ];
  const print2 = "JSON.stringify({ environment, PROXY_TOKEN: secrets.PROXY_TOKEN, CMS_SECRET: secrets.CMS_SECRET })";
  for (const moduleKind of ["esm", "cjs"] as const) {
    for (const layeredBase of [true, false]) {
      const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings: layered, layeredBase });
      const root = project(`layered-${moduleKind}-${layeredBase}`, {
        "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
        "secrets.js": content,
        "main.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print2});\n`,
      });
      const dev = run(root, "main.mjs", { NODE_ENV: "development" });
      if (!layeredBase) {
        assert.notEqual(dev.status, 0, `${moduleKind}: refused without a layered base`);
        assert.match(dev.stderr, /no secrets were migrated for the environment "development" \(known: production\)/);
        continue;
      }
      assert.equal(dev.status, 0, dev.stderr);
      assert.deepEqual(JSON.parse(dev.stdout), { environment: "development", PROXY_TOKEN: "secret/web/shared/app#PROXY_TOKEN@development", CMS_SECRET: "secret/web/shared/app#CMS_SECRET@development" }, moduleKind);
      const prod = run(root, "main.mjs", { NODE_ENV: "production" });
      assert.deepEqual(JSON.parse(prod.stdout), { environment: "production", PROXY_TOKEN: "secret/web/production/app#PROXY_TOKEN@production", CMS_SECRET: "secret/web/shared/app#CMS_SECRET@production" }, moduleKind);
    }
  }
});

test("an environment with a .env file but nothing migrated reads process.env; a project whose only file is a plain .env serves every environment from it", () => {
  const devOnly: SecretBinding[] = [
    { envName: "DB_PASSWORD", mount: "secret", path: "shop/{environment}/database", key: "password", environments: { development: { path: "shop/development/database" } } },
  ];
  const printDb = "JSON.stringify({ environment, DB_PASSWORD: secrets.DB_PASSWORD ?? null })";
  for (const moduleKind of ["esm", "cjs"] as const) {
    const make = (name: string, extra: { environments?: string[]; fallbackEnvironment?: string }) =>
      project(`${name}-${moduleKind}`, {
        "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
        "secrets.js": generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings: devOnly, ...extra }).content,
        "main.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(${printDb});\n`,
      });
    // .env and a .env.production whose values were all left (config, or encrypted): production is known.
    const known = make("known-empty", { environments: ["development", "production"] });
    const prod = run(known, "main.mjs", { NODE_ENV: "production", DB_PASSWORD: "from-the-environment" });
    assert.equal(prod.status, 0, prod.stderr);
    assert.deepEqual(JSON.parse(prod.stdout), { environment: "production", DB_PASSWORD: "from-the-environment" }, moduleKind);
    const test = run(known, "main.mjs", { NODE_ENV: "test" });
    assert.notEqual(test.status, 0);
    assert.match(test.stderr, /no secrets were migrated for the environment "test" \(known: development, production\)/);
    // Only a plain .env: dotenv loaded it whatever NODE_ENV said, so production reads its secrets.
    const lone = make("lone-env", { environments: ["development"], fallbackEnvironment: "development" });
    for (const env of ["production", "test", "development"]) {
      const r = run(lone, "main.mjs", { NODE_ENV: env });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { environment: env, DB_PASSWORD: `secret/shop/development/database#password@${env}` }, `${moduleKind} ${env}`);
    }
  }
});

test("both flavours in one process load once: the CommonJS one takes what the ES module one loaded (no loader process), and the other way round", () => {
  const esm = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings }).content;
  const cjs = generateSecretsModule({ language: "js", moduleKind: "cjs", app: "shop", bindings }).content;
  const root = project("dual", {
    "package.json": `{"type":"module"}`,
    "vaultshift-secrets.js": esm,
    "vaultshift-secrets.cjs": cjs,
    "esm-first.js": `import { secrets, environment } from "./vaultshift-secrets.js";\nimport { createRequire } from "node:module";\nconst legacy = createRequire(import.meta.url)("./vaultshift-secrets.cjs");\nconsole.log(JSON.stringify([${print}, legacy.secrets.DB_PASSWORD, legacy.environment]));\n`,
    "cjs-first.cjs": `const { secrets, environment } = require("./vaultshift-secrets.cjs");\nimport("./vaultshift-secrets.js").then((m) => console.log(JSON.stringify([${print}, m.secrets.DB_PASSWORD, m.environment])));\n`,
  });
  // A CommonJS load inside a loader process throws (the NODE_OPTIONS guard): it does not load at all.
  const a = run(root, "esm-first.js", { NODE_ENV: "production", VAULTSHIFT_SECRETS_LOADER: "1" });
  const parsed = (out: string) => (JSON.parse(out) as string[]).map((x, i) => (i === 0 ? JSON.parse(x) : x));
  assert.deepEqual(parsed(a.stdout), [{ environment: "production", ...prod }, prod.DB_PASSWORD, "production"], a.stderr);
  // The stand-in runtime refuses to load outside a loader process: the ES module one does not load at all.
  const b = run(root, "cjs-first.cjs", { NODE_ENV: "production", ONLY_IN_LOADER: "1" });
  assert.deepEqual(parsed(b.stdout), [{ environment: "production", ...prod }, prod.DB_PASSWORD, "production"], b.stderr);
  // Each alone still loads (the guards above are what the reuse avoided).
  assert.match(run(root, "esm-first.js", { ONLY_IN_LOADER: "1" }).stderr, /loaded in the app's own process/);
});

test("both flavours in one process: the CommonJS one takes the other's values only for the same environment (NODE_ENV changed in between: it loads its own)", () => {
  const esm = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings }).content;
  const cjs = generateSecretsModule({ language: "js", moduleKind: "cjs", app: "shop", bindings }).content;
  const root = project("dual-env", {
    "package.json": `{"type":"module"}`,
    "vaultshift-secrets.js": esm,
    "vaultshift-secrets.cjs": cjs,
    "switch.js": `import { secrets } from "./vaultshift-secrets.js";\nimport { createRequire } from "node:module";\nprocess.env.NODE_ENV = "development";\nconst legacy = createRequire(import.meta.url)("./vaultshift-secrets.cjs");\nconsole.log(JSON.stringify([secrets.DB_PASSWORD, legacy.secrets.DB_PASSWORD, legacy.environment]));\n`,
  });
  const r = run(root, "switch.js", { NODE_ENV: "production" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [prod.DB_PASSWORD, dev.DB_PASSWORD, "development"]);
});

test("both flavours in one process: the CommonJS one loaded while the ES module one awaits Vault (a CommonJS package imported next to it) does not make it fail", () => {
  const esm = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings }).content;
  const cjs = generateSecretsModule({ language: "js", moduleKind: "cjs", app: "shop", bindings }).content;
  const root = project("dual-interleaved", {
    "package.json": `{"type":"module"}`,
    "vaultshift-secrets.mjs": esm,
    "vaultshift-secrets.cjs": cjs,
    "env.js": `import "./vaultshift-secrets.mjs";\n`,
    "config.cjs": `const { secrets } = require("./vaultshift-secrets.cjs");\nexports.db = secrets.DB_PASSWORD;\n`,
    "main.js": `import "./env.js";\nimport { db } from "./config.cjs";\nimport { secrets } from "./vaultshift-secrets.mjs";\nconsole.log(JSON.stringify([db, secrets.DB_PASSWORD]));\n`,
  });
  const r = run(root, "main.js", { NODE_ENV: "production" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [prod.DB_PASSWORD, prod.DB_PASSWORD]);
});

test("both flavours in one process: a secret written or deleted through either one's processEnv is so in the other's secrets and processEnv", () => {
  const esm = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings }).content;
  const cjs = generateSecretsModule({ language: "js", moduleKind: "cjs", app: "shop", bindings }).content;
  const root = project("dual-written", {
    "package.json": `{"type":"module"}`,
    "vaultshift-secrets.js": esm,
    "vaultshift-secrets.cjs": cjs,
    "main.js": [
      `import { secrets, processEnv } from "./vaultshift-secrets.js";`,
      `import { createRequire } from "node:module";`,
      `const legacy = createRequire(import.meta.url)("./vaultshift-secrets.cjs");`,
      `processEnv.STRIPE_KEY = "minted";`,
      `delete legacy.processEnv.DB_PASSWORD;`,
      `console.log(JSON.stringify({ legacyStripe: legacy.secrets.STRIPE_KEY, legacyEnvStripe: legacy.processEnv.STRIPE_KEY, db: secrets.DB_PASSWORD ?? null, dbIn: "DB_PASSWORD" in processEnv, dbKey: Object.keys(processEnv).includes("DB_PASSWORD") }));`,
    ].join("\n"),
  });
  const r = run(root, "main.js", { NODE_ENV: "production", VAULTSHIFT_SECRETS_LOADER: "1" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { legacyStripe: "minted", legacyEnvStripe: "minted", db: null, dbIn: false, dbKey: false });
});

test("Firebase: the project id (GCLOUD_PROJECT, GCP_PROJECT, FIREBASE_CONFIG) selects its functions/.env.<projectId> environment whatever NODE_ENV says; VAULTSHIFT_ENV wins; another project falls back to NODE_ENV", () => {
  const perProject: SecretBinding[] = [
    { envName: "MAPS_TOKEN", mount: "secret", path: "fn/{environment}/app", key: "MAPS_TOKEN", environments: { "acme-dev": { path: "fn/acme-dev/app" }, "acme-prod-42": { path: "fn/acme-prod-42/app" } } },
  ];
  const print3 = "JSON.stringify({ environment, MAPS_TOKEN: secrets.MAPS_TOKEN })";
  const at = (env: string) => ({ environment: env, MAPS_TOKEN: `secret/fn/${env}/app#MAPS_TOKEN@${env}` });
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings: perProject, projectEnvironments: ["acme-dev", "acme-prod-42"] });
    const root = project(`firebase-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "main.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print3});\n`,
    });
    // Cloud Functions runs every project with NODE_ENV=production: the project decides.
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { NODE_ENV: "production", GCLOUD_PROJECT: "acme-dev" }).stdout), at("acme-dev"), moduleKind);
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { GCP_PROJECT: "acme-prod-42" }).stdout), at("acme-prod-42"), moduleKind);
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { FIREBASE_CONFIG: JSON.stringify({ projectId: "acme-prod-42", storageBucket: "b" }) }).stdout), at("acme-prod-42"), moduleKind);
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { GCLOUD_PROJECT: "acme-dev", VAULTSHIFT_ENV: "acme-prod-42" }).stdout), at("acme-prod-42"), moduleKind);
    // A project with no file of its own (not in .firebaserc): NODE_ENV, refused with the known ones.
    const other = run(root, "main.mjs", { GCLOUD_PROJECT: "someone-else", NODE_ENV: "production" });
    assert.notEqual(other.status, 0);
    assert.match(other.stderr, /no secrets were migrated for the environment "production" \(known: acme-dev, acme-prod-42\)/, moduleKind);
  }
  // Without projectEnvironments the project id is not looked at.
  const { content } = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings: perProject });
  assert.doesNotMatch(content, /GCLOUD_PROJECT/);
});

test("a loader choosing .env.${APP_ENV}: that variable selects the environment whatever NODE_ENV says, its fallback when unset; VAULTSHIFT_ENV wins; an unknown value is refused", () => {
  const perTarget: SecretBinding[] = [
    { envName: "STRIPE_KEY", mount: "secret", path: "shop/{environment}/stripe", key: "STRIPE_KEY", environments: { development: { path: "shop/development/stripe" }, staging: { path: "shop/staging/stripe" }, production: { path: "shop/production/stripe" } } },
  ];
  const print3 = "JSON.stringify({ environment, STRIPE_KEY: secrets.STRIPE_KEY })";
  const at = (env: string) => ({ environment: env, STRIPE_KEY: `secret/shop/${env}/stripe#STRIPE_KEY@${env}` });
  const selector = { variable: "APP_ENV", fallback: "local", values: { local: "development", staging: "staging", production: "production" } };
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings: perTarget, selector });
    const root = project(`selector-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "main.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print3});\n`,
    });
    // Staging and production both run optimised builds: APP_ENV decides.
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { NODE_ENV: "production", APP_ENV: "staging" }).stdout), at("staging"), moduleKind);
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { NODE_ENV: "production", APP_ENV: "production" }).stdout), at("production"), moduleKind);
    // Unset: the loader's own fallback ("local" → .env.local → development), not NODE_ENV.
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { NODE_ENV: "production" }).stdout), at("development"), moduleKind);
    assert.deepEqual(JSON.parse(run(root, "main.mjs", { APP_ENV: "staging", VAULTSHIFT_ENV: "production" }).stdout), at("production"), moduleKind);
    const other = run(root, "main.mjs", { APP_ENV: "qa", NODE_ENV: "production" });
    assert.notEqual(other.status, 0);
    assert.match(other.stderr, /no secrets were migrated for the environment "qa" \(known: development, production, staging\)/, moduleKind);
  }
  // Without a fallback, an unset variable leaves the choice to NODE_ENV.
  const { content } = generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings: perTarget, selector: { variable: "DEPLOY_ENV", values: { staging: "staging" } } });
  const root = project("selector-nofallback", { "package.json": `{"type":"module"}`, "secrets.js": content, "main.mjs": `import { secrets, environment } from "./secrets.js";\nconsole.log(${print3});\n` });
  assert.deepEqual(JSON.parse(run(root, "main.mjs", { NODE_ENV: "production" }).stdout), at("production"));
  assert.deepEqual(JSON.parse(run(root, "main.mjs", { NODE_ENV: "production", DEPLOY_ENV: "staging" }).stdout), at("staging"));
  // Without a selector no such variable is read.
  assert.doesNotMatch(generateSecretsModule({ language: "js", moduleKind: "esm", app: "shop", bindings: perTarget }).content, /APP_ENV|bySelector/);
});

test("under vitest or Jest (VITEST, JEST_WORKER_ID) the secrets are put in process.env and read there: a test's stub, delete and restore reach secrets.X, in both flavours; a value already set wins", () => {
  const stub = `process.env.DB_PASSWORD = "stubbed";\nconst a = secrets.DB_PASSWORD;\ndelete process.env.DB_PASSWORD;\nconst b = secrets.DB_PASSWORD;\nconsole.log(JSON.stringify({ a, b: b ?? null, p: processEnv.DB_PASSWORD ?? null }));\n`;
  for (const moduleKind of ["esm", "cjs"] as const) {
    const { content } = generateSecretsModule({ language: "js", moduleKind, app: "shop", bindings });
    const root = project(`under-test-${moduleKind}`, {
      "package.json": moduleKind === "esm" ? `{"type":"module"}` : `{"type":"commonjs"}`,
      "secrets.js": content,
      "main.mjs": `import { secrets, processEnv } from "./secrets.js";\nconst before = secrets.DB_PASSWORD;\nconsole.log(JSON.stringify({ before, env: process.env.DB_PASSWORD ?? null }));\n${stub}`,
    });
    for (const runner of [{ VITEST: "true" }, { JEST_WORKER_ID: "1" }] as Record<string, string>[]) {
      const r = run(root, "main.mjs", runner);
      assert.equal(r.status, 0, r.stderr);
      const [loaded, stubbed] = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
      assert.deepEqual(loaded, { before: dev.DB_PASSWORD, env: dev.DB_PASSWORD }, moduleKind);
      assert.deepEqual(stubbed, { a: "stubbed", b: null, p: null }, moduleKind);
      // A value the runner's environment already has wins, as with dotenv.
      const set = run(root, "main.mjs", { ...runner, DB_PASSWORD: "from-shell" });
      assert.deepEqual(JSON.parse(set.stdout.trim().split("\n")[0]!), { before: "from-shell", env: "from-shell" }, moduleKind);
    }
    // Outside a test runner nothing is put in process.env, and a direct write does not change secrets.X.
    const plain = run(root, "main.mjs", {});
    const [loaded, stubbed] = plain.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(loaded, { before: dev.DB_PASSWORD, env: null }, moduleKind);
    assert.deepEqual(stubbed, { a: dev.DB_PASSWORD, b: dev.DB_PASSWORD, p: dev.DB_PASSWORD }, moduleKind);
  }
});
