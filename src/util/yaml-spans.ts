import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from "yaml";

// Where each value of a YAML configuration file stands in its text (node-config's
// config/*.yml, a YAML file whose loader substitutes ${NAME}), parsed with the
// `yaml` package (eemeli/yaml: YAML 1.2, the source range of every node), so an
// edit can change exactly the bytes of one member (src/apply/yaml-config-editor.ts).
// Only one document per file, without parse errors; anything else is not read.

export interface YamlLeaf {
  keyPath: string[];
  /** The value as the app's parser gives it (a string, a number, null…). */
  value: unknown;
  /** 1-based line where the value starts. */
  line: number;
  /** Inside a sequence (or a key that is not a plain string), so no key path reaches it. */
  inArray: boolean;
}

/** The one document of a YAML text, or why it cannot be read. */
export function yamlDocument(text: string): { doc: Document; lines: LineCounter } | { problem: string } {
  const lines = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lines }) as Document[];
  } catch {
    return { problem: "it is not YAML the parser accepts" };
  }
  if (!Array.isArray(docs) || docs.length !== 1) return { problem: "it holds more than one YAML document" };
  if (docs[0]!.errors.length > 0) return { problem: `it does not parse as YAML (${docs[0]!.errors[0]!.code})` };
  return { doc: docs[0]!, lines };
}

/** The key of a pair when it is a plain string (what a key path can name). */
export function pairKey(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === "string" ? pair.key.value : undefined;
}

/** The pair of `map` named `key`. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && pairKey(p) === key);
}

/** The pair at `keyPath` of the document and the map holding it (maps all the way down). */
export function yamlPairAt(doc: Document, keyPath: readonly string[]): { pair: Pair; parent: YAMLMap; ancestors: Pair[] } | undefined {
  let map: unknown = doc.contents;
  const ancestors: Pair[] = [];
  for (const [i, k] of keyPath.entries()) {
    if (!isMap(map)) return undefined;
    const pair = pairOf(map, k);
    if (!pair) return undefined;
    if (i === keyPath.length - 1) return { pair, parent: map, ancestors };
    ancestors.push(pair);
    map = pair.value;
  }
  return undefined;
}

/** Every scalar value of the document with its key path and line. */
export function yamlLeaves(text: string): YamlLeaf[] {
  const read = yamlDocument(text);
  if ("problem" in read) return [];
  const out: YamlLeaf[] = [];
  const walk = (node: unknown, path: string[], inArray: boolean): void => {
    if (isMap(node)) {
      for (const p of node.items) {
        const k = pairKey(p);
        walk(p.value, [...path, k ?? "?"], inArray || k === undefined);
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) walk(item, [...path, `[${i}]`], true);
    } else if (isScalar(node) && node.range) {
      out.push({ keyPath: path, value: node.toJSON(), line: read.lines.linePos(node.range[0]).line, inArray });
    }
  };
  walk(read.doc.contents, [], false);
  return out;
}

/** The value at `keyPath` of a YAML text (undefined when there is none, or the text is not one readable document). */
export function yamlValueAt(text: string, keyPath: readonly string[]): unknown {
  const read = yamlDocument(text);
  if ("problem" in read) return undefined;
  const at = yamlPairAt(read.doc, keyPath);
  if (!at) return undefined;
  const v = at.pair.value as Node | null;
  return isAlias(v) ? undefined : v === null ? null : (v as { toJSON(): unknown }).toJSON();
}

/** The whole document as the app's parser would give it. */
export function yamlData(text: string): unknown {
  const read = yamlDocument(text);
  if ("problem" in read) throw new Error(read.problem);
  return read.doc.toJS();
}
