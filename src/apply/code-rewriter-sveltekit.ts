import type { File, Node } from "@babel/types";
import { isMember, staticKey, walk } from "./code-rewriter-ast.js";

// SvelteKit's environment modules (https://svelte.dev/docs/kit/$env-static-private,
// $env-dynamic-private): `import { API_KEY } from "$env/static/private"` is a
// named export generated from the .env files (and the environment) by
// `svelte-kit sync` / Vite, and `import { env } from "$env/dynamic/private"`
// reads them at run time. Once a name leaves .env, the static module no longer
// exports it (the import fails at start-up) and the dynamic one no longer has
// it. Both are server-only modules (SvelteKit refuses them in client code), so
// their reads of a migrated name become reads of the secrets module.

const STATIC = "$env/static/private";
const DYNAMIC = "$env/dynamic/private";

export interface SvelteKitEdit {
  start: number;
  end: number;
  text: string;
}

export function svelteKitEnvEdits(
  ast: File,
  content: string,
  bound: ReadonlySet<string>,
  access: (name: string) => string,
  counts: ReadonlyMap<string, number>,
  secretsIdent = "secrets",
): { edits: SvelteKitEdit[]; removals: SvelteKitEdit[]; reads: string[] } {
  const edits: SvelteKitEdit[] = [];
  // Whole import lines removed: the secrets import may take their place.
  const removals: SvelteKitEdit[] = [];
  const reads = new Set<string>();
  const statics = new Map<string, string>(); // local → exported name
  let dynamic: string | null = null;
  for (const s of ast.program.body) {
    if (s.type !== "ImportDeclaration" || s.importKind === "type") continue;
    if (s.source.value === STATIC) {
      const moved = s.specifiers.filter((sp) => {
        if (sp.type !== "ImportSpecifier") return false;
        const name = sp.imported.type === "Identifier" ? sp.imported.name : sp.imported.value;
        // A local name declared again elsewhere in the file is not trusted (no scope analysis).
        return bound.has(name) && counts.get(sp.local.name) === 1;
      });
      if (moved.length === 0) continue;
      for (const sp of moved) {
        if (sp.type !== "ImportSpecifier") continue;
        statics.set(sp.local.name, sp.imported.type === "Identifier" ? sp.imported.name : sp.imported.value);
      }
      const kept = s.specifiers.filter((sp) => !moved.includes(sp));
      if (kept.length === 0) {
        // The whole import goes, with its line.
        const end = content.startsWith("\r\n", s.end!) ? s.end! + 2 : content.startsWith("\n", s.end!) ? s.end! + 1 : s.end!;
        removals.push({ start: s.start!, end, text: "" });
      } else {
        edits.push({ start: s.specifiers[0]!.start!, end: s.specifiers[s.specifiers.length - 1]!.end!, text: kept.map((sp) => content.slice(sp.start!, sp.end!)).join(", ") });
      }
    }
    if (s.source.value === DYNAMIC) {
      for (const sp of s.specifiers) {
        if (sp.type === "ImportSpecifier" && (sp.imported.type === "Identifier" ? sp.imported.name : sp.imported.value) === "env" && counts.get(sp.local.name) === 1) dynamic = sp.local.name;
      }
    }
  }
  if (statics.size === 0 && dynamic === null) return { edits, removals, reads: [] };
  // A write through a computed member (`env[k] = v`) needs the member's parent.
  const parents = new Map<Node, Node>();
  if (dynamic !== null) walk(ast.program, (node, parent) => void (parent && parents.set(node, parent)));
  walk(ast.program, (node, parent, key) => {
    if (parent?.type === "ImportSpecifier" || parent?.type === "ImportDefaultSpecifier") return;
    if (node.type === "ObjectProperty" && node.shorthand && node.value.type === "Identifier" && statics.has(node.value.name)) {
      const name = statics.get(node.value.name)!;
      edits.push({ start: node.start!, end: node.end!, text: `${node.value.name}: ${access(name)}` });
      reads.add(name);
      return;
    }
    if (node.type === "Identifier" && statics.has(node.name) && isReference(parent, key)) {
      const name = statics.get(node.name)!;
      edits.push({ start: node.start!, end: node.end!, text: access(name) });
      reads.add(name);
      return;
    }
    // `const { STRIPE_KEY, PORT } = env`: destructured from an object that has the migrated names
    // added, so defaults, renames and a rest element see what they saw before.
    if (dynamic !== null && node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && node.init?.type === "Identifier" && node.init.name === dynamic) {
      const names: string[] = [];
      for (const p of node.id.properties) {
        if (p.type !== "ObjectProperty" || p.computed) continue;
        const name = p.key.type === "Identifier" ? p.key.name : p.key.type === "StringLiteral" ? p.key.value : null;
        if (name !== null && bound.has(name) && !names.includes(name)) names.push(name);
      }
      if (names.length === 0) return;
      const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
      edits.push({ start: node.init.start!, end: node.init.end!, text: `{ ...${dynamic}, ${names.map((n) => `${key(n)}: ${access(n)}`).join(", ")} }` });
      for (const n of names) reads.add(n);
      return;
    }
    if (dynamic !== null && isMember(node) && node.object.type === "Identifier" && node.object.name === dynamic && staticKey(node) !== null) {
      const name = staticKey(node)!;
      if (!bound.has(name) || isWritten(parent, key)) return;
      edits.push({ start: node.start!, end: node.end!, text: access(name) });
      reads.add(name);
      return;
    }
    // `env` itself passed on, spread, enumerated, read by a computed name (`doThing(env)`,
    // `{ ...env }`, `Object.keys(env)`, `env[name]`): a copy of it with the migrated names that
    // have a value added, so those uses see the keys and values they saw before.
    // (`env.X` by a static name is the branch above; its `env` is no use of its own.)
    const staticRead = parent !== null && isMember(parent) && key === "object" && staticKey(parent) !== null;
    if (dynamic !== null && node.type === "Identifier" && node.name === dynamic && !staticRead && isReference(parent, key) && !(parent?.type === "VariableDeclarator" && key === "init" && parent.id.type === "ObjectPattern")) {
      const outer = parent && isMember(parent) && key === "object" ? parents.get(parent) : undefined;
      const memberWritten = outer !== undefined && ((outer.type === "AssignmentExpression" && outer.left === parent) || outer.type === "UpdateExpression" || (outer.type === "UnaryExpression" && outer.operator === "delete"));
      if (isWritten(parent, key) || memberWritten) return;
      const names = [...bound].sort();
      edits.push({ start: node.start!, end: node.end!, text: `Object.assign({}, ${dynamic}, Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, ${secretsIdent}[n]]).filter((e) => e[1] !== undefined)))` });
      for (const n of names) reads.add(n);
    }
  });
  return { edits, removals, reads: [...reads] };
}

/** An identifier that reads the binding (not a property name, a key, a declaration). */
function isReference(parent: Node | null, key: string | null): boolean {
  if (!parent) return false;
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && key === "property" && !parent.computed) return false;
  if ((parent.type === "ObjectProperty" || parent.type === "ObjectMethod" || parent.type === "ClassProperty" || parent.type === "ClassMethod") && key === "key" && !parent.computed) return false;
  if (parent.type === "ObjectProperty" && parent.shorthand) return false;
  if (parent.type === "ExportSpecifier" || parent.type === "LabeledStatement" || parent.type === "BreakStatement" || parent.type === "ContinueStatement") return false;
  return true;
}

function isWritten(parent: Node | null, key: string | null): boolean {
  if (!parent) return false;
  if (parent.type === "AssignmentExpression" && key === "left") return true;
  if (parent.type === "UpdateExpression") return true;
  return parent.type === "UnaryExpression" && parent.operator === "delete";
}
