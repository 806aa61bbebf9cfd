// Where each value of a JSON document stands in its text, so that an edit can
// replace or remove exactly one member and leave every other byte as it was
// (indentation, key order, line endings): the project config's decisions
// (src/config/save.ts) and the config files a migration takes secrets out of
// (src/apply/config-file-editor.ts). The text must be valid JSON (callers
// parse it first).

/** The text span of one value; for an object member also where its key starts. */
export interface Span {
  start: number;
  end: number;
  /** For an object: where its closing brace is, and whether it has members. */
  close?: number;
  empty?: boolean;
  /** For an object member: the offset of its key's opening quote. */
  keyStart?: number;
  /** The value is an element of an array (or inside one). */
  inArray?: boolean;
}

/**
 * Every value's span by its path: the keys from the root joined by `sep`
 * (`migrate.decisions` with "."), array elements as `name[0]`.
 */
export function jsonSpans(text: string, sep = "."): Map<string, Span> {
  const out = new Map<string, Span>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = () => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, inArray: boolean, keyStart?: number): void => {
    ws();
    const start = i;
    const c = text[i];
    const extra = { ...(keyStart !== undefined ? { keyStart } : {}), ...(inArray ? { inArray } : {}) };
    if (c === "{") {
      i++;
      ws();
      let empty = true;
      while (text[i] !== "}") {
        empty = false;
        ws();
        const at = i;
        const k = str();
        ws();
        i++; // :
        value(path === "" ? k : `${path}${sep}${k}`, inArray, at);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      out.set(path, { start, end: i + 1, close: i, empty, ...extra });
      i++;
    } else if (c === "[") {
      i++;
      ws();
      let n = 0;
      while (text[i] !== "]") {
        value(`${path}[${n++}]`, true);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
      out.set(path, { start, end: i, ...extra });
    } else if (c === '"') {
      str();
      out.set(path, { start, end: i, ...extra });
    } else {
      while (i < text.length && /[^\s,}\]]/.test(text[i]!)) i++;
      out.set(path, { start, end: i, ...extra });
    }
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  value("", false);
  return out;
}

/** The file's indentation unit (two spaces when it has none). */
export function indentOf(text: string): string {
  return /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
}

/** The indentation of the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * Insert `"key": value` as the last member of the object spanning `obj`, in the file's own layout and
 * line ending. `scan`: the text with its comments blanked (src/util/jsonc.ts), where whitespace is looked for.
 */
export function insertMember(text: string, obj: Span, key: string, render: (indent: string) => string, unit: string, scan = text): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = lineIndent(text, obj.close!);
  const inner = indent + unit;
  const member = `${JSON.stringify(key)}: ${render(inner)}`;
  if (obj.empty) return `${text.slice(0, obj.start)}{${eol}${inner}${member}${eol}${indent}}${text.slice(obj.end)}`;
  // After the last member's value: back over whitespace from the closing brace.
  let at = obj.close!;
  while (/\s/.test(scan[at - 1]!)) at--;
  // The comma right after the last member's value; the new member after a comment on that line.
  let eolAt = at;
  while (eolAt < obj.close! && scan[eolAt] !== "\n" && scan[eolAt] !== "\r") eolAt++;
  if (text.slice(at, eolAt) === scan.slice(at, eolAt)) eolAt = at; // no comment there
  return `${text.slice(0, at)},${text.slice(at, eolAt)}${eol}${inner}${member}${text.slice(eolAt)}`;
}

/**
 * Remove the object member whose value spans `member` (it must have `keyStart`), with the comma that
 * separates it from its neighbour, so the rest of the object keeps its layout: a later member goes
 * with the comma before it, the first member with the comma and the space after it, an only member
 * leaves `{}` (with the object's own line breaks gone).
 */
export function removeMember(text: string, member: Span, object: Span): string {
  const keyStart = member.keyStart!;
  let before = keyStart;
  while (before > object.start + 1 && /\s/.test(text[before - 1]!)) before--;
  if (text[before - 1] === ",") return text.slice(0, before - 1) + text.slice(member.end);
  let after = member.end;
  while (after < object.close! && /\s/.test(text[after]!)) after++;
  if (text[after] === ",") {
    after++;
    while (after < object.close! && /\s/.test(text[after]!)) after++;
    return text.slice(0, keyStart) + text.slice(after);
  }
  return text.slice(0, object.start + 1) + text.slice(object.close!);
}

/**
 * Remove an object member of a JSONC text (`scan`: the text with comments and trailing commas
 * blanked) that fills its own lines, with a comment on its last line: those lines go, and when it
 * was the last member, the comma before it. Comments on other lines stay. A member sharing its
 * lines with others is cut as in plain JSON (removeMember). The object text before and after keeps
 * its layout.
 */
export function removeMemberLines(text: string, scan: string, member: Span, object: Span): string {
  const keyStart = member.keyStart!;
  const lineStart = scan.lastIndexOf("\n", keyStart - 1) + 1;
  let after = member.end;
  while (after < scan.length && (scan[after] === " " || scan[after] === "\t")) after++;
  const comma = scan[after] === ",";
  if (comma) after++;
  while (after < scan.length && (scan[after] === " " || scan[after] === "\t" || scan[after] === "\r")) after++;
  if (lineStart <= object.start || !/^[ \t]*$/.test(scan.slice(lineStart, keyStart)) || scan[after] !== "\n") {
    const cut = removeMember(scan, member, object);
    const removed = scan.length - cut.length;
    // removeMember cuts one range: find it by the common prefix.
    let from = 0;
    while (from < cut.length && cut[from] === scan[from]) from++;
    return text.slice(0, from) + text.slice(from + removed);
  }
  let out = text.slice(0, lineStart) + text.slice(after + 1);
  if (!comma) {
    // The last member went: the comma after the one before it (if any) would now trail.
    let prev = lineStart - 1;
    while (prev > object.start && /\s/.test(scan[prev]!)) prev--;
    if (scan[prev] === ",") out = out.slice(0, prev) + out.slice(prev + 1);
  }
  return out;
}
