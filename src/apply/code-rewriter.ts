import type { File, Node } from "@babel/types";
import {
  bindingCounts,
  importedEnvNames,
  isMember,
  isProcessEnv,
  isProcessObject,
  moduleKindOfAst,
  moduleKindOfExtension,
  parseSource,
  processNames,
  type ProcessNames,
  propertyKeyName,
  staticKey,
  walk,
  type ModuleKind,
} from "./code-rewriter-ast.js";
import { literalEdit, type RewriteLiteral } from "./code-rewriter-literal.js";
import { unusedAliasRemovals } from "./code-rewriter-unused.js";
import { svelteKitEnvEdits } from "./code-rewriter-sveltekit.js";
import { CHILD_CALLS, constantTexts, inheritedEnvCall, namesReadByStrings } from "./code-rewriter-inherit.js";
import { filesRead, parsedUses, readVerdict, type EnvFileKeys } from "./code-rewriter-parsed.js";
import { dotenvConfigCall, findExistingImports, importInsertion, statementInsertion, type ImportedName } from "./code-rewriter-import.js";
import type { SecretBinding } from "../plan/types.js";
import type { RewriteWarning } from "./code-rewriter-types.js";
import { escapeRegExp } from "../util/regexp.js";

export { moduleKindOf, type ModuleKind } from "./code-rewriter-ast.js";
export type { RewriteWarning } from "./code-rewriter-types.js";
export type { RewriteLiteral } from "./code-rewriter-literal.js";

// Rewrites environment reads of migrated secrets into reads from the generated
// secrets module. Every change is a ranged edit computed from Babel node
// offsets and applied from the end of the file backwards (ESLint's
// source-code-fixer model), so everything the edits do not touch — comments,
// formatting, a BOM, CRLF line endings, TypeScript types — stays byte for byte.
//
// Forms rewritten: `process.env.X`, `process.env["X"]`, `process?.env?.X`,
// `const { X, Y: y = d } = process.env`, aliases (`const env = process.env` or
// `const { env } = process`, then `env.X`), and hard-coded secret literals.
// Forms reported and left alone: dynamic keys (`process.env[name]`), writes
// (`process.env.X = …`, `delete process.env.X`), browser-exposed prefixes,
// `import.meta.env`, destructuring in assignments.

/** Names a browser bundler inlines into client code: never moved to a server-side secrets module. */
export const BROWSER_PREFIXES = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_"];

export interface RewriteInput {
  file: string;
  content: string;
  /** The migrated secrets: each `envName` read becomes `secrets.<envName>` (`{ name }` is accepted too). */
  bindings: ReadonlyArray<Pick<SecretBinding, "envName"> | { name: string }>;
  /** Module specifier of the secrets module, relative to this file (`./secrets.js`). */
  secretsImport: string;
  /** Hard-coded secret literals in this file to replace by `secrets.<name>`. */
  literals: ReadonlyArray<RewriteLiteral>;
  /** How to import the module; default: from the file's syntax and extension. */
  moduleKind?: ModuleKind;
  /** package.json `type` of the file's package: decides for a file whose syntax does not (no import/require). */
  packageType?: "module" | "commonjs";
  /** What the file runs as once compiled (TypeScript: `import` syntax, CommonJS output under `module: commonjs`); default: `moduleKind`. */
  runsAs?: ModuleKind;
  /**
   * The flavour of the generated secrets module. When it is CommonJS, an ES
   * module .env loader reads the overlay through `createRequire(import.meta.url)`
   * where it is used, as a CommonJS loader does with `require` (see
   * `isEsmEnvLoader`, which makes the planner choose that flavour).
   */
  secretsModuleKind?: ModuleKind;
  /**
   * The CommonJS flavour beside an ES module secrets module (relative to this
   * file): an ES module .env loader reaches it through `createRequire` where
   * it reads, as with `secretsModuleKind: "cjs"`.
   */
  lazySecretsImport?: string;
  /**
   * `process` / `node:process` when the project maps the specifier to a module
   * of its own (a tsconfig `paths` entry, a bundler or Babel alias) → what maps
   * it. Imports of it are not taken for Node's process object.
   */
  processAliases?: Readonly<Record<string, string>>;
  /**
   * The plan's .env files and the names migrated from each: a read of dotenv's own
   * result (`parsed.X`, `dotenv.parse(…).X`) becomes secrets.X only where that is the
   * same value (code-rewriter-parsed.ts). Unset: such reads are said, not rewritten.
   */
  envFiles?: ReadonlyArray<EnvFileKeys>;
}

export interface RewriteOutput {
  content: string;
  changed: boolean;
  edits: number;
  warnings: RewriteWarning[];
  /**
   * The migrated names this file reads by name (`process.env.X`, destructuring, an alias),
   * now read from the secrets module, or already read from it (a rewritten file). A name no
   * file reads so is read by something else: a library, the framework (see envExports).
   */
  reads: string[];
}

/** Object.prototype methods that test whether the object has a property. */
const KEY_TESTS = new Set(["hasOwnProperty", "propertyIsEnumerable"]);

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function rewriteSource(input: RewriteInput): RewriteOutput {
  return rewrite(input, false);
}

/** `importedAnyway`: an ES module loader that imports the secrets module for its static reads (second pass). */
function rewrite(input: RewriteInput, importedAnyway: boolean): RewriteOutput {
  const { file, content } = input;
  let ast: File;
  try {
    ast = parseSource(file, content);
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    return {
      content,
      changed: false,
      edits: 0,
      reads: [],
      warnings: [
        {
          code: "unparsable-file",
          file,
          line: loc?.line,
          message: `${file} could not be parsed (${(error as Error).message.replace(/\s*\(\d+:\d+\)$/, "")}); its environment reads were not rewritten. Fix the syntax error or change the file by hand.`,
        },
      ],
    };
  }
  const bound = new Set(input.bindings.map((b) => ("envName" in b ? b.envName : b.name)));
  const warnings: RewriteWarning[] = [];
  const warn = (node: Node, code: RewriteWarning["code"], message: string, name?: string) =>
    warnings.push(name === undefined ? { code, file, line: node.loc?.start.line, message } : { code, file, line: node.loc?.start.line, name, message });
  const counts = bindingCounts(ast);
  const existing = findExistingImports(ast, input.secretsImport);
  const ident = existing.get("secrets") ?? ((counts.get("secrets") ?? 0) > 0 ? "vaultshiftSecrets" : "secrets");
  const reads = new Set<string>();
  // A file rewritten before (apply resuming, a second run) reads its names from the module already.
  // One pass over the text, whole names only (`secrets.API_KEY_ID` is no read of API_KEY).
  if (existing.has("secrets")) {
    for (const m of content.matchAll(new RegExp(`(?<![\\w$])${escapeRegExp(ident)}(?:\\.([A-Za-z_$][\\w$]*)|\\[\\s*"([^"\\\\]*)"\\s*\\])`, "g"))) {
      const name = m[1] ?? m[2];
      if (name !== undefined && bound.has(name)) reads.add(name);
    }
  }
  // processEnv: process.env with the migrated secrets added (the secrets
  // module's overlay), for the uses that cannot name a secret statically.
  const envIdent = existing.get("processEnv") ?? ((counts.get("processEnv") ?? 0) > 0 ? "vaultshiftProcessEnv" : "processEnv");
  // vaultEnv: the Vault connection settings and environment, for a child given a scoped env.
  const vaultEnvIdent = existing.get("vaultEnv") ?? ((counts.get("vaultEnv") ?? 0) > 0 ? "vaultshiftVaultEnv" : "vaultEnv");
  // The process object may be reached other ways than the global `process`
  // (`import proc from "node:process"`, `require("process")`, `globalThis.process`).
  const mapped = new Map(Object.entries(input.processAliases ?? {}));
  const procNames = processNames(ast, counts, mapped);
  const isEnvRoot = (n: Node | null | undefined) => isProcessEnv(n, procNames);
  const aliases = findAliases(ast, counts, warn, procNames, mapped);
  const childEnvLiteral = envLiteralsUsedOnce(ast, counts);
  const constants = constantTexts(ast, counts);
  // Only for Node's Worker: bullmq's `new Worker(queue, processor)` or a browser's `new Worker(url, opts)` takes no env.
  const codeNames = bound.size > 0 && content.includes("worker_threads") ? namesReadByStrings(ast, bound) : [];
  const overlaidAliases = new Set<string>();
  const edits: Edit[] = [];
  const isEnvObject = (node: Node | null | undefined): boolean =>
    !!node && (isEnvRoot(node) || (node.type === "Identifier" && aliases.has(node.name)));
  const publicPrefix = (name: string) => BROWSER_PREFIXES.find((p) => name.startsWith(p));
  const access = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `${ident}.${name}` : `${ident}[${JSON.stringify(name)}]`);
  /** Reads `process.env` (or an alias of it) through the overlay instead; false when that cannot be done here. */
  // A React/Next.js client module ("use client") is bundled for the browser,
  // where the Node-only secrets module cannot load: such uses are only reported.
  const clientModule = ast.program.directives.some((d) => d.value.value === "use client");
  // A file that writes the environment by computed name or with Object.assign
  // is a .env loader: it must run before the secrets module loads (it may set
  // VAULT_ADDR/VAULT_TOKEN), so it never imports it; its uses are only reported.
  const loaderFile = writesEnvDynamically(ast, aliases, procNames);
  const kind = input.moduleKind ?? moduleKindOfExtension(file) ?? moduleKindOfAst(ast, input.packageType);
  // In a CommonJS loader the overlay is required where it is used, not at the
  // top: `require()` is synchronous and cached, so the secrets load at the
  // first such read (a getter, a lookup by name after the loader has run), by
  // when the loader has set what it sets. An ES module cannot defer an import.
  // An ES module loader can do the same with createRequire when the secrets module is the
  // CommonJS flavour (require() of the ESM flavour, which awaits at the top level, fails).
  const esmLazy = loaderFile && (input.runsAs ?? kind) === "esm" && (input.secretsModuleKind === "cjs" || input.lazySecretsImport !== undefined);
  const requireIdent = (counts.get("vaultshiftCreateRequire") ?? 0) > 0 ? "vaultshiftCreateRequire_" : "vaultshiftCreateRequire";
  const lazyRequire = esmLazy ? `${requireIdent}(import.meta.url)(${JSON.stringify(input.lazySecretsImport ?? input.secretsImport)})` : `require(${JSON.stringify(input.secretsImport)})`;
  const lazyEnv = loaderFile && ((input.runsAs ?? kind) === "cjs" || esmLazy) ? `${lazyRequire}.processEnv` : null;
  const overlay = (envNode: Node, shorthand = false): boolean => {
    if (bound.size === 0 || clientModule || (loaderFile && lazyEnv === null && !importedAnyway)) return false;
    if (isEnvRoot(envNode)) {
      edits.push({ start: envNode.start!, end: envNode.end!, text: lazyEnv ?? envIdent });
      return true;
    }
    if (lazyEnv !== null) return false;
    if (envNode.type === "Identifier" && aliases.get(envNode.name)) {
      overlaidAliases.add(envNode.name);
      return true;
    }
    // An alias with no `process.env` initialiser to replace (`const { env } = process`,
    // `import { env } from "node:process"`): the overlay goes where it is used.
    if (envNode.type === "Identifier" && aliases.has(envNode.name)) {
      edits.push({ start: envNode.start!, end: envNode.end!, text: `${shorthand ? `${envNode.name}: ` : ""}${lazyEnv ?? envIdent}` });
      return true;
    }
    return false;
  };

  // `process` (or a name for it) that the file binds again or assigns may be another
  // object where it is read: those reads are left as they are, and said once per name.
  const untrustedWarned = new Set<string>();
  const untrustedUse = (node: Node): string | null => {
    if (isMember(node) && staticKey(node) === "env" && node.object.type === "Identifier" && procNames.untrusted.has(node.object.name)) return node.object.name;
    if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && node.init?.type === "Identifier" && procNames.untrusted.has(node.init.name) && node.id.properties.some((p) => propertyKeyName(p) === "env")) {
      return node.init.name;
    }
    return null;
  };

  // Properties of destructuring patterns: `{ env }` there declares or assigns, it does not pass on.
  const patternProps = new WeakSet<Node>();
  // Each node's parent, recorded as the walk goes down (a node is visited before its children).
  const parentOf = new WeakMap<Node, Node>();
  walk(ast.program, (node, parent, key) => {
    if (parent) parentOf.set(node, parent);
    if (node.type === "ObjectPattern") for (const p of node.properties) patternProps.add(p);
    const untrusted = bound.size > 0 ? untrustedUse(node) : null;
    if (untrusted !== null && !untrustedWarned.has(untrusted)) {
      untrustedWarned.add(untrusted);
      warn(
        node,
        "rewrite-skipped",
        `${file}:${node.loc?.start.line}: ${procNames.reasons?.get(untrusted) ?? `${untrusted} is declared more than once or assigned in this file`}, so it may not be the process object where it is read; reads of the environment through it are not rewritten. Change them to read from the secrets module by hand.`,
      );
    }
    if (isMember(node) && isEnvObject(node.object)) {
      const name = staticKey(node);
      if (name === null) {
        const where = isEnvRoot(node.object) ? "process.env" : (node.object as { name: string }).name;
        // `delete process.env[name]` after reading it (scrubbing credentials from the
        // environment): through processEnv the name stops being overlaid, so secrets.X
        // and children read nothing, as before. A dynamic write is a loader's: left alone.
        if (isDelete(parent) && !loaderFile && overlay(node.object)) {
          warn(
            node,
            "env-write",
            `${file}:${node.loc?.start.line}: ${where}[…] is deleted here by a name known only at run time; the delete now goes through processEnv from the secrets module, so a migrated secret deleted here is gone from secrets.NAME, processEnv and the environment of child processes from then on, as it was from process.env.`,
          );
          return;
        }
        if (!isWriteTarget(node, parent, key) && overlay(node.object)) {
          warn(
            node,
            "dynamic-env-access",
            `${file}:${node.loc?.start.line}: dynamic environment read (${where}[…]): the name is only known at run time, so it now reads through processEnv from the secrets module (process.env with the migrated secrets added) and returns what it returned before. Where the name is known, read secrets.NAME instead.`,
          );
          return;
        }
        // `process.env[key] = value` (a loader filling the environment) is no read: said as the write it is.
        if (isWriteTarget(node, parent, key)) {
          warn(node, "env-write", `${file}:${node.loc?.start.line}: ${where}[…] is written here by a name known only at run time (a loader filling the environment); the write is left as it is.`);
          return;
        }
        warn(node, "dynamic-env-access", `${file}:${node.loc?.start.line}: dynamic environment read (${where}[…]) is not rewritten: if it can read a migrated secret, read it from the secrets module by name.`);
        return;
      }
      // `process.env.hasOwnProperty("X")`: a test of a name through Object.prototype's own
      // methods, by a name known only at run time; through processEnv it answers as before.
      if (KEY_TESTS.has(name) && parent?.type === "CallExpression" && key === "callee" && bound.size > 0) {
        const where = isEnvRoot(node.object) ? "process.env" : (node.object as { name: string }).name;
        if (overlay(node.object)) {
          warn(
            node,
            "dynamic-env-access",
            `${file}:${node.loc?.start.line}: ${where}.${name}(…) tests a name known only at run time; it now asks processEnv from the secrets module (process.env with the migrated secrets added), which answers as before. Where the name is known, test secrets.NAME instead.`,
          );
        }
        return;
      }
      if (!bound.has(name)) return;
      const prefix = publicPrefix(name);
      if (prefix) {
        warn(node, "browser-exposed", `${file}:${node.loc?.start.line}: ${name} has the browser-exposed prefix ${prefix}: bundlers inline it into client code, so it is not rewritten. Rotate it and keep it server-side.`, name);
        return;
      }
      if (isWriteTarget(node, parent, key)) {
        // `process.env.X = x.trim()`, `delete process.env.X` (scrubbing a secret after
        // reading it): through processEnv, secrets.X reads the written value (or
        // nothing) from then on, in every file, as process.env.X did.
        const loop = parent !== null && (parent.type === "ForInStatement" || parent.type === "ForOfStatement");
        if (!loop && overlay(node.object)) {
          warn(
            node,
            "env-write",
            `${file}:${node.loc?.start.line}: ${name} is ${parent?.type === "UnaryExpression" ? "deleted" : "written"} here; the ${parent?.type === "UnaryExpression" ? "delete" : "write"} now goes through processEnv from the secrets module, so every later read of secrets.${name} sees it, as process.env.${name} did. Check that it is still needed.`,
            name,
          );
          return;
        }
        warn(node, "rewrite-skipped", `${file}:${node.loc?.start.line}: ${name} is written or deleted here, not read; left as it is. Check that the write is still needed.`, name);
        return;
      }
      edits.push({ start: node.start!, end: node.end!, text: access(name) });
      reads.add(name);
      return;
    }
    if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && isEnvObject(node.init)) {
      // `const { A, ...rest } = process.env`: rest is a copy of the whole
      // environment minus A, migrated secrets included. Read the pattern from
      // processEnv as it is: every name and the rest get what they got before.
      if (node.id.properties.some((p) => p.type === "RestElement") && overlay(node.init!)) {
        warn(
          node,
          "whole-env-use",
          `${file}:${node.loc?.start.line}: the rest element copies the whole environment; it now destructures processEnv from the secrets module (process.env with the migrated secrets added), so it holds what it held before. If it does not need the secrets, narrow it.`,
        );
        return;
      }
      destructure(node, node.id, bound, publicPrefix, ident, content, edits, warn, file, false, reads);
      return;
    }
    // `const { env: { A, B = "d" } } = process`: the nested pattern is the environment's.
    if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && node.init && isProcessObject(node.init, procNames)) {
      for (const p of node.id.properties) {
        if (propertyKeyName(p) !== "env" || p.type !== "ObjectProperty") continue;
        // `env: { A } = {}`: process.env is never undefined, the default changes nothing.
        const pattern = p.value.type === "AssignmentPattern" ? p.value.left : p.value;
        if (pattern.type !== "ObjectPattern") continue;
        const rest = pattern.properties.find((q) => q.type === "RestElement");
        if (rest && bound.size > 0) {
          warn(
            rest,
            "whole-env-use",
            `${file}:${rest.loc?.start.line}: the rest element copies the whole environment; the migrated secrets are no longer in it. If what reads it needs them, read them from the secrets module (its processEnv export is process.env with the secrets added).`,
          );
        }
        destructure(node, pattern, bound, publicPrefix, ident, content, edits, warn, file, true, reads);
      }
      return;
    }
    if (node.type === "AssignmentExpression" && node.left.type === "ObjectPattern" && isEnvObject(node.right)) {
      const names = node.left.properties.map(propertyKeyName).filter((n): n is string => n !== null && bound.has(n));
      if (names.length > 0) warn(node, "rewrite-skipped", `${file}:${node.loc?.start.line}: destructuring assignment from the environment reads ${names.join(", ")}; not rewritten. Change it to read from the secrets module.`);
      return;
    }
    const aliasUse = node.type === "Identifier" && aliases.has(node.name) && !patternProps.has(parent!) && aliasUsedWhole(node, parent, key);
    if (bound.size > 0 && ((isEnvRoot(node) && usesWholeEnv(node, parent, key)) || aliasUse)) {
      const what = aliasUse ? `${(node as { name: string }).name} (process.env)` : "process.env";
      // In a loader, `k in process.env` decides what the loader writes: it keeps its own
      // semantics (and must not load the secrets half-way); `"X" in process.env` asks about X.
      const loaderCheck = loaderFile && parent?.type === "BinaryExpression" && parent.operator === "in" && !(parent.left.type === "StringLiteral" && bound.has(parent.left.value));
      if (!loaderCheck && overlay(node, parent?.type === "ObjectProperty" && parent.shorthand)) {
        // processEnv is a Proxy, which the structured clone algorithm refuses (DataCloneError,
        // HTML spec "StructuredSerializeInternal": a Proxy is not serialisable); process.env
        // itself clones to a plain object of strings, which is what a plain copy clones to.
        // So do a worker's workerData, postMessage and v8.serialize.
        if (isStructuredCloned(node, parentOf)) {
          const last = edits[edits.length - 1];
          const replaced = last && last.start === node.start && last.end === node.end;
          if (parent?.type === "ObjectProperty" && parent.shorthand) {
            // `{ env }`: the key stays, its value becomes the copy.
            const name = (node as { name: string }).name;
            const value = replaced ? last.text.replace(/^[\w$]+\s*:\s*/, "") : name;
            if (replaced) last.text = `${name}: { ...${value} }`;
            else edits.push({ start: node.start!, end: node.end!, text: `${name}: { ...${value} }` });
          } else if (replaced) last.text = `{ ...${last.text} }`;
          else edits.push({ start: node.start!, end: node.start!, text: "{ ..." }, { start: node.end!, end: node.end!, text: " }" });
        }
        // A child's env built from the environment in a file that loads no .env itself: it may be a
        // launcher whose process never loaded .env, whose children got no secret from it before.
        const launcher = isChildEnvValue(node, parentOf) && !LOADS_ENV_FILE.test(content);
        warn(
          node,
          "whole-env-use",
          launcher
            ? `${file}:${node.loc?.start.line}: the whole ${what} is given to a child process here; it is now processEnv from the secrets module, which adds this environment's migrated secrets. If this process loaded .env (a file it imports did), the child gets what it got before. If it never did (a launcher whose children load their own .env or --env-file), the child now starts with those secrets in its environment, and they win over what its own dotenv or --env-file loads (neither overrides a variable already set): pass it process.env instead, or only what it needs.`
            : `${file}:${node.loc?.start.line}: the whole ${what} is used here (passed on, copied, enumerated or tested with \`in\`); it is now processEnv from the secrets module, which adds the migrated secrets to process.env, so what receives it gets what it got before. If a child process or library does not need the secrets, pass it only what it needs.`,
        );
      } else {
        warn(
          node,
          "whole-env-use",
          `${file}:${node.loc?.start.line}: the whole ${what} is used here (passed on, copied, enumerated or tested with \`in\`); the migrated secrets are no longer in it. If a child process or library needs them, pass them from the secrets module (its processEnv export is process.env with the secrets added).`,
        );
      }
      return;
    }
    if (bound.size > 0 && (node.type === "CallExpression" || node.type === "NewExpression")) {
      const env = scopedChildEnv(node, isEnvObject, vaultEnvIdent, childEnvLiteral);
      // The object literal can be extended: the child gets this process's Vault
      // connection settings and environment, first, so that what the literal sets wins.
      // A CommonJS loader requires the module where it is used, as it does for processEnv.
      const spread = lazyEnv !== null ? `${lazyRequire}.vaultEnv` : vaultEnvIdent;
      const canImport = !clientModule && (!loaderFile || lazyEnv !== null || importedAnyway);
      if (env && env.type === "ObjectExpression" && canImport) {
        const first = env.properties[0];
        if (first) edits.push({ start: first.start!, end: first.start!, text: `...${spread}, ` });
        else edits.push({ start: env.start!, end: env.end!, text: `{ ...${spread} }` });
        warn(
          env,
          "child-env",
          `${file}:${env.loc?.start.line}: this child process gets only the variables listed in its env; they now start with ...vaultEnv from the secrets module (this process's Vault connection settings, token included, and its VAULTSHIFT_ENV), so that code of this app it runs loads its migrated secrets from Vault as this process does, instead of stopping at start-up. That child can read every secret of the app, also ones it was not given before: if it should not, or it does not run this app's code, replace ...vaultEnv with the values it needs and VAULTSHIFT_SECRETS_FROM_ENV: "1".`,
        );
      } else if (!env) {
        const inherited = inheritedEnvCall(node, bound, constants, codeNames);
        const overlayText = lazyEnv ?? envIdent;
        if (inherited && inherited.edit && canImport) {
          edits.push(inherited.edit(overlayText));
          warn(
            node,
            "child-env",
            `${file}:${node.loc?.start.line}: this child inherits the environment, and the command or code given here reads ${inherited.names.join(", ")}, which are no longer in process.env: it now gets env: processEnv from the secrets module (process.env with the migrated secrets added), as it did before the migration. If it does not need every secret, pass it only the values it needs.`,
          );
        } else if (inherited) {
          warn(
            node,
            "child-env",
            `${file}:${node.loc?.start.line}: this child inherits the environment, and the command or code given here reads ${inherited.names.join(", ")}, which are no longer in process.env; vaultshift cannot add an env to this call (${canImport ? "its options are not an object literal here" : "this file loads .env files or runs in the browser"}). Give it env: processEnv from the secrets module, or the values it needs.`,
          );
        }
      } else if (env) {
        warn(
          env,
          "child-env",
          `${file}:${env.loc?.start.line}: this child process gets only the variables in the env given here, which vaultshift cannot extend (${env.type === "ObjectExpression" ? "this file loads .env files or runs in the browser, so it must not import the secrets module" : "not an object literal given only to this call"}). If it runs code of this app that reads migrated secrets, that code now loads them from Vault and stops at start-up without the Vault settings: add ...vaultEnv from the secrets module to that env (VAULT_ADDR, VAULT_TOKEN or VAULT_ROLE_ID/VAULT_SECRET_ID and the other VAULT_* settings this process has, and VAULTSHIFT_ENV), or pass the values it needs and VAULTSHIFT_SECRETS_FROM_ENV: "1".`,
        );
      }
    }
    if (isImportMetaEnv(node)) {
      const name = staticKey(node as Extract<Node, { type: "MemberExpression" }>);
      if (!name || !bound.has(name)) return;
      // Vite (Astro, SvelteKit, Nuxt, Remix on Vite) gives client code only the names under
      // its envPrefix (VITE_, PUBLIC_, …): a migrated name without one is read by server code
      // (SSR), where the bundler inlined it from .env at build time. It now comes from the
      // secrets module at run time; the .env no longer holds it.
      if (publicPrefix(name) || clientModule || isWriteTarget(node, parent, key)) {
        warn(node, "browser-exposed", `${file}:${node.loc?.start.line}: import.meta.env.${name} is resolved by the bundler at build time (often into client code); not rewritten.`, name);
        return;
      }
      edits.push({ start: node.start!, end: node.end!, text: access(name) });
      reads.add(name);
      warn(
        node,
        "build-time-env",
        `${file}:${node.loc?.start.line}: import.meta.env.${name} (a name without the bundler's public prefix, so server code) is now read from the secrets module at run time instead of being inlined from .env at build time. If this module is also bundled for the browser (it would not get ${name} there either), keep the read in server-only code.`,
        name,
      );
    }
  });

  // A file that parses .env text itself (dotenv's parse) or reads config()'s
  // `parsed` result, and is not a loader (it does not put the result into
  // process.env, whose reads the overlay serves), uses those values directly: the
  // migrated keys are no longer in the files. A read by a static name of a
  // migrated key becomes secrets.X where that is the same value
  // (code-rewriter-parsed.ts); the rest is said.
  if (bound.size > 0 && !loaderFile) {
    const parseCalls = dotenvParseCalls(ast);
    const direct = dotenvConfigDirectUses(ast);
    const configCalls = new Set(direct.filter((d) => d.how === "parsed").map((d) => d.node));
    const uses = parsedUses(ast, configCalls, new Set(parseCalls), counts);
    const refused = new Map<Node, string[]>();
    const canRead = !clientModule && input.envFiles !== undefined;
    for (const { read, source } of uses.reads) {
      if (!bound.has(read.name)) continue;
      const verdict = canRead ? readVerdict(read.name, filesRead(source, configCalls.has(source) ? "config" : "parse"), input.envFiles!) : { why: "the plan gave no .env files to compare with" };
      if (verdict === "unchanged") continue;
      if (verdict !== "same") {
        refused.set(source, [...(refused.get(source) ?? []), `${read.name}: ${verdict.why}`]);
        continue;
      }
      // `dotenv.config().parsed.X`: the call stays (it loads .env); the value is read after it,
      // through a require there in CommonJS (the secrets import would come after this statement).
      const value = read.call === undefined ? access(read.name) : (input.runsAs ?? kind) === "cjs" ? `require(${JSON.stringify(input.secretsImport)}).secrets.${read.name}` : access(read.name);
      edits.push({ start: read.node.start!, end: read.node.end!, text: read.call === undefined ? value : `(${content.slice(read.call.start!, read.call.end!)}, ${value})` });
      reads.add(read.name);
    }
    // A call that reads only files nothing migrates from (a kept file, a template) changes nothing.
    const untouched = (call: Node, method: "config" | "parse") => {
      const read = input.envFiles ? filesRead(call, method) : null;
      return read !== null && !input.envFiles!.some((f) => f.migratedKeys.length > 0 && read.some((r) => r.test(f.file)));
    };
    for (const call of parseCalls) {
      if ((!uses.whole.has(call) && !refused.has(call)) || untouched(call, "parse")) continue;
      const why = refused.get(call);
      warn(
        call,
        "env-file-parse",
        why
          ? `${file}:${call.loc?.start.line}: this parses .env text itself (dotenv's parse) and reads migrated keys from the result, which vaultshift cannot turn into secrets reads with the same value (${why.join("; ")}): after the migration they are no longer in the file, so what it reads for them is undefined. Read them from the secrets module (secrets.NAME) where that is the value meant, or keep them in the file.`
          : `${file}:${call.loc?.start.line}: this parses .env text itself (dotenv's parse) and uses the values directly, not through process.env (passed on or taken whole): after the migration the migrated keys are no longer in the .env files, so what it reads for them is undefined. Read those keys from the secrets module (secrets.NAME), or merge processEnv from it over the parsed values.`,
      );
    }
    for (const { node: call, how } of direct) {
      if (how === "parsed" && ((!uses.whole.has(call) && !refused.has(call)) || untouched(call, "config"))) continue;
      const why = refused.get(call);
      const what = how === "processEnv" ? "loads a .env file into another object (dotenv's processEnv option), not into process.env" : why ? `reads migrated keys from the values dotenv.config() returns (its parsed result), which vaultshift cannot turn into secrets reads with the same value (${why.join("; ")})` : "uses the values dotenv.config() returns (its parsed result) whole, not through process.env";
      warn(
        call,
        "env-file-parse",
        `${file}:${call.loc?.start.line}: this ${what}: after the migration the migrated keys are no longer in the .env files, so what it reads for them there is undefined. Read those keys from the secrets module (secrets.NAME), or merge processEnv from it over those values.`,
      );
    }
  }

  for (const name of overlaidAliases) {
    const init = aliases.get(name);
    if (init) edits.push({ start: init.start!, end: init.end!, text: envIdent });
  }

  // SvelteKit's $env/static/private and $env/dynamic/private (server-only modules).
  const importRemovals: Edit[] = [];
  if (bound.size > 0 && !clientModule && content.includes("$env/")) {
    const sk = svelteKitEnvEdits(ast, content, bound, access, counts, ident);
    edits.push(...sk.edits);
    if (sk.edits.length > 0) importRemovals.push(...sk.removals);
    for (const n of sk.reads) reads.add(n);
  }

  for (const lit of input.literals) {
    if (lit.file !== undefined && lit.file !== file) continue;
    const result = literalEdit(ast, content, lit, access(lit.name), file);
    if ("edit" in result) edits.push(result.edit);
    // Already rewritten (a second run): the literal is gone and the read is there.
    else if (!content.includes(access(lit.name))) warnings.push(result.warning);
  }

  // A loader that reads a secret by name anyway gets the import at the top (its
  // static reads need it there): the deferred requires are then only noise,
  // and an ES module loader loses nothing by reading the overlay too (its
  // imports, the secrets module's included, run before its body either way).
  const readsByName = edits.some((e) => e.text.startsWith(`${ident}.`) || e.text.startsWith(`${ident}[`));
  if (lazyEnv !== null && readsByName) {
    for (const e of edits) if (e.text === lazyEnv) e.text = envIdent;
  }
  if (loaderFile && lazyEnv === null && !importedAnyway && !clientModule && readsByName) return rewrite(input, true);
  if (edits.length === 0) return { content, changed: false, edits: 0, warnings, reads: [...reads] };
  // An alias left with no read goes; the import is still placed by the first read it serves.
  const removals = new Set([...unusedAliasRemovals(ast, content, aliases.keys(), edits, procNames), ...importRemovals]);
  edits.push(...removals);
  const applied = applyEdits(content, edits, warnings, file);
  let out = applied.content;
  // A deferred require() needs no import (its specifier, `./vaultshift-secrets.js`, would look like a `secrets.` read).
  const used = (text: string) => applied.kept.some((e) => !e.text.includes(lazyRequire) && (e.text === text || e.text.includes(`${text}.`) || e.text.includes(`${text}[`) || e.text.endsWith(`= ${text}`) || e.text.endsWith(`: ${text}`) || e.text.includes(`env: ${text},`) || e.text.includes(`env: ${text} }`) || e.text.includes(`{ ...${text} }`)));
  const needed: { imported: ImportedName; local: string }[] = [];
  let inserted: { at: number; length: number } | null = null;
  if (!existing.has("secrets") && used(ident)) needed.push({ imported: "secrets", local: ident });
  if (!existing.has("processEnv") && used(envIdent)) needed.push({ imported: "processEnv", local: envIdent });
  if (!existing.has("vaultEnv") && applied.kept.some((e) => e.text.startsWith(`...${vaultEnvIdent},`) || e.text === `{ ...${vaultEnvIdent} }`)) {
    needed.push({ imported: "vaultEnv", local: vaultEnvIdent });
  }
  if (needed.length > 0) {
    if (kind === "esm") {
      const late = dotenvConfigCall(ast);
      if (late) {
        warn(
          late,
          "load-order",
          `${file}:${late.loc?.start.line}: dotenv is configured in the module body, which runs after every import, the secrets module included: VAULT_ADDR/VAULT_TOKEN from .env are not set yet when the secrets load. Use \`import "dotenv/config"\` before the other imports, or set them in the environment.`,
        );
      }
    }
    const ins = clearOfRemovals(importInsertion(ast, content, kind, needed, input.secretsImport, Math.min(...applied.kept.filter((e) => !removals.has(e)).map((e) => e.start))), removals);
    // Insertion points come from the original text; edits never touch them
    // (they sit between top-level statements), so shift by the edits before.
    const shift = edits.filter((e) => e.end <= ins.at).reduce((d, e) => d + e.text.length - (e.end - e.start), 0);
    out = out.slice(0, ins.at + shift) + ins.text + out.slice(ins.at + shift);
    inserted = { at: ins.at, length: ins.text.length };
  }
  if (esmLazy && applied.kept.some((e) => e.text.includes(lazyRequire))) {
    // `import { createRequire } from "node:module"` loads nothing of the app's: placed as the secrets import is.
    const { at, text } = clearOfRemovals(statementInsertion(ast, content, "esm", (spec, semi) => `import { createRequire as ${requireIdent} } from ${spec}${semi}`, "node:module"), removals);
    const before = edits.filter((e) => e.end <= at).reduce((d, e) => d + e.text.length - (e.end - e.start), 0) + (inserted !== null && inserted.at <= at ? inserted.length : 0);
    out = out.slice(0, at + before) + text + out.slice(at + before);
  }
  return { content: out, changed: out !== content, edits: applied.count, warnings, reads: [...reads] };
}

/**
 * An insertion after a statement that an edit removes (the last import, an
 * alias that is no longer read) goes where that statement was, on a line of
 * its own.
 */
function clearOfRemovals(ins: { at: number; text: string }, removals: ReadonlySet<Edit>): { at: number; text: string } {
  for (const r of removals) {
    if (!(r.start < ins.at && ins.at <= r.end)) continue;
    const eol = /^\r?\n/.exec(ins.text)?.[0];
    return { at: r.start, text: eol === undefined ? ins.text : ins.text.slice(eol.length) + eol };
  }
  return ins;
}

/**
 * Whether a source file is an ES module .env loader (it writes the
 * environment by computed name or with `Object.assign(process.env, …)`):
 * such a file runs before the secrets load, so it can read them only by a
 * deferred `require`, which needs the CommonJS flavour of the secrets module.
 */
export function isEsmEnvLoader(file: string, content: string, packageType?: "module" | "commonjs", runsAs?: ModuleKind): boolean {
  if (!/\bprocess\b/.test(content)) return false;
  let ast: File;
  try {
    ast = parseSource(file, content);
  } catch {
    return false;
  }
  const kind = runsAs ?? moduleKindOfExtension(file) ?? moduleKindOfAst(ast, packageType);
  if (kind !== "esm") return false;
  const counts = bindingCounts(ast);
  const names = processNames(ast, counts);
  return writesEnvDynamically(ast, findAliases(ast, counts, () => undefined, names), names);
}

function destructure(
  decl: Extract<Node, { type: "VariableDeclarator" }>,
  pattern: Extract<Node, { type: "ObjectPattern" }>,
  bound: Set<string>,
  publicPrefix: (n: string) => string | undefined,
  ident: string,
  content: string,
  edits: Edit[],
  warn: (node: Node, code: RewriteWarning["code"], message: string, name?: string) => void,
  file: string,
  /** The pattern is `env`'s inside a pattern of the process object: the declaration's initialiser is not the environment. */
  nested = false,
  /** Collects the names the pattern now reads from the secrets module. */
  reads?: Set<string>,
): void {
  const props = pattern.properties;
  const moved: number[] = [];
  let rest: Node | null = null;
  props.forEach((p, i) => {
    if (p.type === "RestElement") {
      rest = p;
      return;
    }
    const name = propertyKeyName(p);
    if (name === null) {
      warn(p, "dynamic-env-access", `${file}:${p.loc?.start.line}: computed key in destructuring from the environment is not rewritten.`);
      return;
    }
    if (!bound.has(name)) return;
    const prefix = publicPrefix(name);
    if (prefix) {
      warn(p, "browser-exposed", `${file}:${p.loc?.start.line}: ${name} has the browser-exposed prefix ${prefix}; not rewritten. Rotate it and keep it server-side.`, name);
      return;
    }
    moved.push(i);
    reads?.add(name);
  });
  if (moved.length === 0) return;
  if (rest) {
    const names = moved.map((i) => propertyKeyName(props[i]!)).join(", ");
    warn(rest, "rewrite-skipped", `${file}:${(rest as Node).loc?.start.line}: the rest element no longer receives ${names} (now read from the secrets module); check its uses.`);
  }
  if (moved.length === props.length && !nested) {
    edits.push({ start: decl.init!.start!, end: decl.init!.end!, text: ident });
    return;
  }
  if (moved.length === props.length) {
    // `{ env: { A } } = process` → `{ env: {} } = process, { A } = secrets`.
    const movedText = props.map((p) => content.slice(p.start!, p.end!)).join(", ");
    edits.push({ start: pattern.start!, end: pattern.end!, text: "{}" });
    edits.push({ start: decl.end!, end: decl.end!, text: `, { ${movedText} } = ${ident}` });
    return;
  }
  const movedText = moved.map((i) => content.slice(props[i]!.start!, props[i]!.end!)).join(", ");
  const movedSet = new Set(moved);
  const lastKept = Math.max(...props.map((_, i) => (movedSet.has(i) ? -1 : i)));
  for (const i of moved) {
    if (i < lastKept) edits.push({ start: props[i]!.start!, end: props[i + 1]!.start!, text: "" });
  }
  const trailing = moved.filter((i) => i > lastKept);
  if (trailing.length > 0) edits.push({ start: props[lastKept]!.end!, end: props[trailing[trailing.length - 1]!]!.end!, text: "" });
  edits.push({ start: decl.end!, end: decl.end!, text: `, { ${movedText} } = ${ident}` });
}

function isDelete(parent: Node | null): boolean {
  return parent?.type === "UnaryExpression" && parent.operator === "delete";
}

function isWriteTarget(node: Node, parent: Node | null, key: string | null): boolean {
  if (!parent) return false;
  if (parent.type === "AssignmentExpression" && key === "left") return true;
  if (parent.type === "UpdateExpression") return true;
  if (parent.type === "UnaryExpression" && parent.operator === "delete") return true;
  if ((parent.type === "ForInStatement" || parent.type === "ForOfStatement") && key === "left") return true;
  void node;
  return false;
}

/** `process.env` as a value of its own, not read through a key or destructured. */
function usesWholeEnv(node: Node, parent: Node | null, key: string | null): boolean {
  if (!parent || writesInto(node, parent, key)) return false;
  if (isMember(parent) && key === "object") return false;
  if (parent.type === "VariableDeclarator" && key === "init") return false;
  if (parent.type === "AssignmentExpression") return key === "right" && parent.left.type !== "ObjectPattern";
  if (parent.type === "ExpressionStatement" || parent.type === "UnaryExpression") return false;
  void node;
  return true;
}

/**
 * `Object.assign(process.env, parsed)`, `Object.defineProperty(process.env, …)`:
 * a custom .env loader writing into the environment, not reading it. Left as
 * it is (routing it through the secrets module would load the secrets before
 * the loader has set VAULT_ADDR/VAULT_TOKEN).
 */
function writesInto(node: Node, parent: Node, key: string | null): boolean {
  if (parent.type !== "CallExpression" || key !== "arguments" || parent.arguments[0] !== node) return false;
  const callee = parent.callee;
  return (
    isMember(callee) &&
    callee.object.type === "Identifier" &&
    callee.object.name === "Object" &&
    ["assign", "defineProperty", "defineProperties"].includes(staticKey(callee) ?? "")
  );
}

/** `process.env[k] = v`, `Object.assign(process.env, x)` (directly or through an alias) anywhere in the file. */
/**
 * `const childEnv = { PATH: … }` declared once and referenced once (where it is
 * handed to a child as its env): the object literal by name. Extending it
 * cannot reach anything else, such as a log of that object.
 */
function envLiteralsUsedOnce(ast: File, counts: Map<string, number>): Map<string, Node> {
  const literals = new Map<string, Node>();
  const declared = new Set<Node>();
  walk(ast.program, (node) => {
    if (node.type !== "VariableDeclaration" || node.kind !== "const") return;
    for (const d of node.declarations) {
      if (d.id.type === "Identifier" && d.init?.type === "ObjectExpression" && counts.get(d.id.name) === 1) {
        literals.set(d.id.name, d.init);
        declared.add(d.id);
      }
    }
  });
  if (literals.size === 0) return literals;
  const refs = new Map<string, number>();
  walk(ast.program, (node, parent, key) => {
    if (node.type !== "Identifier" || !literals.has(node.name) || declared.has(node)) return;
    if (parent && isMember(parent) && key === "property" && !parent.computed) return;
    if (parent && parent.type === "ObjectProperty" && key === "key" && !parent.computed && !parent.shorthand) return;
    if (parent && parent.type === "ObjectProperty" && key === "key" && parent.shorthand && parent.value !== node) return;
    refs.set(node.name, (refs.get(node.name) ?? 0) + 1);
  });
  for (const name of [...literals.keys()]) if (refs.get(name) !== 1) literals.delete(name);
  return literals;
}

/** `dotenv.parse(…)`, `parse(…)` imported or required from "dotenv", `require("dotenv").parse(…)`. */
function dotenvParseCalls(ast: File): Node[] {
  return dotenvCalls(ast, "parse");
}

/**
 * dotenv's `config()` whose values are used other than through process.env:
 * `processEnv: target` (loaded into another object), or its result's `parsed`
 * (`dotenv.config().parsed.X`, `const { parsed } = dotenv.config()`, `r.parsed`).
 */
function dotenvConfigDirectUses(ast: File): { node: Node; how: "processEnv" | "parsed" }[] {
  const calls = new Set(dotenvCalls(ast, "config"));
  if (calls.size === 0) return [];
  const out: { node: Node; how: "processEnv" | "parsed" }[] = [];
  const results = new Map<string, Node>();
  walk(ast.program, (node, parent, key) => {
    if (!calls.has(node)) return;
    const call = node as Extract<Node, { type: "CallExpression" }>;
    const options = call.arguments[0];
    if (options?.type === "ObjectExpression" && options.properties.some((p) => p.type === "ObjectProperty" && propertyKeyName(p) === "processEnv")) out.push({ node, how: "processEnv" });
    else if (parent && isMember(parent) && key === "object" && staticKey(parent) === "parsed") out.push({ node, how: "parsed" });
    else if (parent?.type === "VariableDeclarator" && parent.id.type === "ObjectPattern" && parent.id.properties.some((p) => propertyKeyName(p) === "parsed")) out.push({ node, how: "parsed" });
    else if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") results.set(parent.id.name, node);
  });
  if (results.size > 0) {
    walk(ast.program, (node) => {
      if (isMember(node) && node.object.type === "Identifier" && results.has(node.object.name) && staticKey(node) === "parsed") {
        const call = results.get(node.object.name)!;
        results.delete(node.object.name);
        out.push({ node: call, how: "parsed" });
      }
    });
  }
  return out;
}

function dotenvCalls(ast: File, method: "parse" | "config"): Node[] {
  const modules = new Set<string>();
  const parsers = new Set<string>();
  const isDotenv = (n: Node | null | undefined) =>
    !!n && n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === "require" && n.arguments[0]?.type === "StringLiteral" && n.arguments[0].value === "dotenv";
  walk(ast.program, (node) => {
    if (node.type === "ImportDeclaration" && node.source.value === "dotenv") {
      for (const sp of node.specifiers) {
        if (sp.type !== "ImportSpecifier") modules.add(sp.local.name);
        else if ((sp.imported.type === "Identifier" ? sp.imported.name : sp.imported.value) === method) parsers.add(sp.local.name);
      }
    }
    if (node.type === "VariableDeclarator" && isDotenv(node.init)) {
      if (node.id.type === "Identifier") modules.add(node.id.name);
      if (node.id.type === "ObjectPattern") {
        for (const p of node.id.properties) if (propertyKeyName(p) === method && p.type === "ObjectProperty" && p.value.type === "Identifier") parsers.add(p.value.name);
      }
    }
  });
  const calls: Node[] = [];
  walk(ast.program, (node) => {
    if (node.type !== "CallExpression") return;
    const c = node.callee;
    if (c.type === "Identifier" && parsers.has(c.name)) calls.push(node);
    else if (isMember(c) && staticKey(c) === method && ((c.object.type === "Identifier" && modules.has(c.object.name)) || isDotenv(c.object))) calls.push(node);
  });
  return calls;
}

function writesEnvDynamically(ast: File, aliases: Map<string, Node | null>, procNames: ProcessNames): boolean {
  const isEnv = (n: Node) => isProcessEnv(n, procNames) || (n.type === "Identifier" && aliases.has(n.name));
  let found = false;
  walk(ast.program, (node, parent, key) => {
    if (found || !parent) return;
    // A delete sets nothing (no VAULT_* the secrets module would need): not a loader's write.
    if (isMember(node) && isEnv(node.object) && staticKey(node) === null && isWriteTarget(node, parent, key) && !isDelete(parent)) found = true;
    else if (isEnv(node) && writesInto(node, parent, key)) found = true;
  });
  return found;
}

/** An alias of process.env passed on, spread, enumerated or tested with `in` (not its declaration, not a member read). */
function aliasUsedWhole(node: Node, parent: Node | null, key: string | null): boolean {
  if (!parent || writesInto(node, parent, key)) return false;
  switch (parent.type) {
    case "CallExpression":
    case "NewExpression":
    case "OptionalCallExpression":
      return key === "arguments";
    case "SpreadElement":
      return true;
    case "BinaryExpression":
      return parent.operator === "in" && key === "right";
    // `{ env: e }`, and `{ e }` (the caller keeps destructuring patterns out).
    case "ObjectProperty":
      return key === "value";
    // `[e]`: passed on inside an array (array patterns are not ArrayExpressions).
    case "ArrayExpression":
      return key === "elements";
    case "ForInStatement":
    case "ForOfStatement":
      return key === "right";
    // `const e2 = env` / `x = env`: another name for it, which reads secrets too.
    case "VariableDeclarator":
      return key === "init" && parent.id.type === "Identifier";
    case "AssignmentExpression":
      return key === "right" && parent.left.type !== "ObjectPattern";
    case "ReturnStatement":
    case "ArrowFunctionExpression":
      return key === "argument" || key === "body";
    default:
      return false;
  }
}


/**
 * `fork(file, args, { env: { PATH, KEY: … } })`, `new Worker(file, { env: {…} })`: an
 * explicit environment that does not spread process.env (or an alias of it), or
 * one given by some other expression (`env: childEnv`). The `env` value, or null
 * when the child inherits the environment (`env: process.env`, `{ ...process.env }`,
 * worker_threads' `SHARE_ENV`) or already gets `...vaultEnv` (a second run).
 */
function scopedChildEnv(
  node: Extract<Node, { type: "CallExpression" | "NewExpression" }>,
  isEnvObject: (n: Node) => boolean,
  vaultEnvIdent: string,
  /** `const childEnv = { … }` used only here: its literal is the env. */
  literalOf: Map<string, Node>,
): Node | null {
  const callee = node.callee;
  const name = callee.type === "Identifier" ? callee.name : isMember(callee) ? staticKey(callee) : null;
  if (name === null || !CHILD_CALLS.has(name)) return null;
  const inheritsFrom = (n: Node): boolean =>
    isEnvObject(n) ||
    (n.type === "Identifier" && (/^(?:vaultshift)?processEnv$/i.test(n.name) || n.name === vaultEnvIdent || n.name === "SHARE_ENV")) ||
    (isMember(n) && (staticKey(n) === "SHARE_ENV" || staticKey(n) === "vaultEnv" || staticKey(n) === "processEnv"));
  for (const arg of node.arguments) {
    if (arg.type !== "ObjectExpression") continue;
    for (const p of arg.properties) {
      if (p.type !== "ObjectProperty" || propertyKeyName(p) !== "env") continue;
      const value = (p.value.type === "Identifier" && literalOf.get(p.value.name)) || p.value;
      if (value.type === "ObjectExpression") {
        const inherits = value.properties.some((q) => q.type === "SpreadElement" && inheritsFrom(q.argument));
        return inherits ? null : value;
      }
      // `env: undefined` / `env: null` inherit too (Node's default is process.env).
      if (inheritsFrom(value) || (value.type === "Identifier" && value.name === "undefined") || value.type === "NullLiteral") return null;
      return value;
    }
  }
  return null;
}

function isImportMetaEnv(node: Node): boolean {
  if (!isMember(node)) return false;
  const o = node.object;
  return isMember(o) && o.object.type === "MetaProperty" && staticKey(o) === "env";
}

/**
 * Identifiers bound to the environment object: `const env = process.env`,
 * `const { env } = process`; each with its `process.env` initialiser when it
 * has one (what the overlay replaces), else null.
 */
function findAliases(
  ast: File,
  counts: Map<string, number>,
  warn: (node: Node, code: RewriteWarning["code"], message: string) => void,
  procNames: ProcessNames,
  mapped: ReadonlyMap<string, string> = new Map(),
): Map<string, Node | null> {
  const aliases = new Map<string, Node | null>();
  // `import { env } from "node:process"`: the module's `env` export is process.env itself.
  for (const { name, node, mapped: by, spec } of importedEnvNames(ast, procNames.modules, mapped)) {
    if (by !== undefined) warn(node, "rewrite-skipped", `${name} is imported from "${spec}", which ${by} maps to another module than Node's process, so it may not be process.env; reads through it are not rewritten. Change them to read from the secrets module by hand.`);
    else if ((counts.get(name) ?? 0) === 1) aliases.set(name, null);
    else warn(node, "rewrite-skipped", `${name} is process.env (imported from the process module) but the name is declared more than once in this file; reads through it are not rewritten.`);
  }
  walk(ast.program, (node) => {
    if (node.type !== "VariableDeclarator" || !node.init) return;
    let name: string | null = null;
    let init: Node | null = null;
    if (node.id.type === "Identifier" && isProcessEnv(node.init, procNames)) {
      name = node.id.name;
      init = node.init;
    }
    if (node.id.type === "ObjectPattern" && isProcessObject(node.init, procNames)) {
      for (const p of node.id.properties) {
        if (propertyKeyName(p) === "env" && p.type === "ObjectProperty" && p.value.type === "Identifier") name = p.value.name;
      }
    }
    if (name === null) return;
    // Without scope analysis, an alias is trusted only when its name is bound
    // once in the file; otherwise `env.X` might be some other `env`.
    if ((counts.get(name) ?? 0) === 1 && !procNames.assigned.has(name)) aliases.set(name, init);
    else warn(node, "rewrite-skipped", `${name} aliases process.env but the name is declared more than once or assigned in this file; reads through it are not rewritten.`);
  });
  return aliases;
}

function applyEdits(content: string, edits: Edit[], warnings: RewriteWarning[], file: string): { content: string; count: number; kept: Edit[] } {
  // Stable order by start; an edit overlapping an earlier one is dropped (ESLint does the same with fixes).
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) {
      warnings.push({ code: "rewrite-skipped", file, message: `${file}: two rewrites overlap at offset ${e.start}; the second was skipped. Check this file by hand.` });
      continue;
    }
    kept.push(e);
    lastEnd = Math.max(lastEnd, e.end);
  }
  let out = content;
  for (let i = kept.length - 1; i >= 0; i--) {
    const e = kept[i]!;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  edits.length = 0;
  edits.push(...kept);
  return { content: out, count: kept.length, kept };
}

/**
 * Source that loads a .env file into its own process.env: dotenv required or imported (its
 * `config()`, `dotenv/config`), Node's `process.loadEnvFile()`, `@next/env`. Not a
 * `--env-file` or `--require dotenv/config` it hands a child in its arguments or NODE_OPTIONS.
 */
const LOADS_ENV_FILE = /\brequire\s*\(\s*["'`]dotenv(?:\/config)?["'`]\s*\)|\bfrom\s*["'`]dotenv(?:\/config)?["'`]|\bimport\s*(?:\(\s*)?["'`]dotenv(?:\/config)?["'`]|\bloadEnvFile\s*\(|["'`]@next\/env["'`]/;

/**
 * Whether a value is a child process's environment: the value of an `env` property (or spread
 * into one) of an object literal passed to a call or `new` (spawn, exec*, fork, execa, new Worker).
 */
function isChildEnvValue(node: Node, parentOf: WeakMap<Node, Node>): boolean {
  let value: Node = node;
  let parent = parentOf.get(value);
  if (parent?.type === "SpreadElement") {
    const literal = parentOf.get(parent);
    if (literal?.type !== "ObjectExpression") return false;
    value = literal;
    parent = parentOf.get(value);
  }
  if (parent?.type !== "ObjectProperty" || parent.value !== value || parent.computed || propertyKeyName(parent) !== "env") return false;
  const options = parentOf.get(parent);
  const call = options ? parentOf.get(options) : undefined;
  return options?.type === "ObjectExpression" && (call?.type === "CallExpression" || call?.type === "NewExpression") && call.arguments.includes(options as never);
}

/**
 * Whether a value goes through the structured clone algorithm (or V8's serializer, which
 * refuses a Proxy alike), on its own or inside object and array literals: the first
 * argument of `structuredClone(x)` / `globalThis.structuredClone(x)`, of any
 * `.postMessage(x)` (a worker, its parentPort, a MessagePort, a BroadcastChannel) and of
 * `v8.serialize(x)`; and a `workerData: x` property of an object literal passed to a call
 * or `new` (worker_threads' `new Worker(file, { workerData })`, and the pools built on it).
 */
function isStructuredCloned(node: Node, parentOf: WeakMap<Node, Node>): boolean {
  let value: Node = node;
  for (;;) {
    const parent = parentOf.get(value);
    if (!parent) return false;
    if (parent.type === "CallExpression") return parent.arguments[0] === value && clonesFirstArgument(parent.callee);
    if (parent.type === "ArrayExpression") {
      value = parent;
      continue;
    }
    if (parent.type !== "ObjectProperty" || parent.value !== value || parent.computed) return false;
    const object = parentOf.get(parent);
    if (object?.type !== "ObjectExpression") return false;
    const call = parentOf.get(object);
    if (propertyKeyName(parent) === "workerData" && (call?.type === "NewExpression" || call?.type === "CallExpression") && call.arguments.includes(object as never)) return true;
    value = object;
  }
}

function clonesFirstArgument(callee: Node): boolean {
  if (callee.type === "Identifier") return callee.name === "structuredClone";
  if (!isMember(callee)) return false;
  const name = staticKey(callee);
  if (name === "postMessage") return true;
  if (name === "serialize") return callee.object.type === "Identifier" && callee.object.name === "v8";
  return name === "structuredClone" && callee.object.type === "Identifier" && (callee.object.name === "globalThis" || callee.object.name === "global");
}
