// Text escaped into an XML element: a document or a script kept as character data, every `<`, `>`, `'`, `"` and `&`
// written as an entity. BizTalk bindings keep each adapter's settings as escaped XML in `<TransportTypeData>`
// (`&lt;Password vt="8"&gt;…&lt;/Password&gt;`); Jenkins job `config.xml` keeps each build step's script in
// `<command>` (`ConvertTo-SecureString &apos;…&apos; -AsPlainText`); SSIS packages, Azure DevOps classic release
// exports and IIS configuration do the same. Readers of XML see the escapes, so neither the inner element nor the
// quoted literal is found. Each such element's text is decoded (XML 1.0 §4.6: the five predefined entities and
// character references) and read as the file it holds: XML when it starts with `<`, else a script.

export interface EscapedDocument {
  /** A name for the decoded text: the file's directory, the element's name and an extension for its kind. */
  name: string;
  text: string;
  /** The offset in the file's text of offset `i` of the decoded text. */
  at(i: number): number;
}

const ENTITY = /&(?:lt|gt|amp|apos|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' };
// An element whose text holds escaped markup or quotes: `<Name …>text</Name>`, the text up to 64 KB.
const ELEMENT = /<([A-Za-z_][\w.:-]{0,80})(?:[ \t][^<>]{0,400})?>([^<]{8,65536})<\/\1>/g;

export function mayHoldEscapedContent(text: string): boolean {
  return text.includes("&lt;") || text.includes("&apos;") || text.includes("&quot;");
}

export function escapedDocuments(text: string, file: string): EscapedDocument[] {
  const dir = file.slice(0, file.lastIndexOf("/") + 1);
  const out: EscapedDocument[] = [];
  for (const m of text.matchAll(ELEMENT)) {
    const raw = m[2]!;
    // Markup (`&lt;Password&gt;`) or a quoted literal (`&apos;…&apos;`): text with only `&amp;` in a URL is not a document.
    if (!/&lt;[A-Za-z_/!?]|&apos;[^&\n]{1,512}&apos;|&quot;[^&\n]{1,512}&quot;/.test(raw)) continue;
    const base = m.index + m[0].length - raw.length - m[1]!.length - 3;
    const decoded = decode(raw, base);
    const markup = decoded.text.trimStart().startsWith("<");
    out.push({ name: `${dir}${m[1]!.replace(/[^\w.-]/g, "_")}.${markup ? "xml" : "sh"}`, text: decoded.text, at: decoded.at });
  }
  return out;
}

function decode(raw: string, base: number): { text: string; at(i: number): number } {
  // starts[k]: where the k-th decoded character came from, as an offset in the file's text.
  const parts: string[] = [];
  const starts: number[] = [];
  let last = 0;
  for (const e of raw.matchAll(ENTITY)) {
    for (let i = last; i < e.index; i++) starts.push(base + i);
    parts.push(raw.slice(last, e.index));
    const entity = e[0];
    let ch = NAMED[entity];
    if (ch === undefined) {
      const code = entity[2] === "x" ? Number.parseInt(entity.slice(3, -1), 16) : Number.parseInt(entity.slice(2, -1), 10);
      ch = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    for (let i = 0; i < ch.length; i++) starts.push(base + e.index);
    parts.push(ch);
    last = e.index + entity.length;
  }
  for (let i = last; i < raw.length; i++) starts.push(base + i);
  parts.push(raw.slice(last));
  const end = base + raw.length;
  return { text: parts.join(""), at: (i: number) => (i < starts.length ? starts[i]! : end) };
}
