// The subset of HCL that Vault policy documents use
// (openbao/docs/concepts/policies.mdx, "Policy syntax"): blocks with string
// labels (`path "secret/*" { ... }`), attributes (`capabilities = [...]`),
// strings, numbers, booleans, lists, objects, heredocs and the three comment
// styles (#, //, /* */). JSON documents are handled by the caller.

export type HclValue = string | number | boolean | HclValue[] | HclObject;
export interface HclObject {
  [key: string]: HclValue;
}

export interface HclItem {
  key: string;
  labels: string[];
  /** Set for `key = value` attributes. */
  value?: HclValue;
  /** Set for blocks. */
  body?: HclItem[];
  line: number;
}

export class HclSyntaxError extends Error {
  override name = "HclSyntaxError";
}

interface Token {
  kind: "ident" | "string" | "number" | "punct" | "eof";
  text: string;
  line: number;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === "\n") {
      line++;
      i++;
    } else if (c === " " || c === "\t" || c === "\r" || c === "\uFEFF") i++;
    else if (c === "#" || (c === "/" && src[i + 1] === "/")) {
      while (i < n && src[i] !== "\n") i++;
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) throw new HclSyntaxError(`unterminated comment starting on line ${line}`);
      for (let j = i; j < end; j++) if (src[j] === "\n") line++;
      i = end + 2;
    } else if (c === '"') {
      const start = line;
      let text = "";
      i++;
      for (;;) {
        if (i >= n || src[i] === "\n") throw new HclSyntaxError(`unterminated string on line ${start}`);
        const d = src[i]!;
        if (d === '"') {
          i++;
          break;
        }
        if (d === "\\") {
          const e = src[i + 1];
          const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", "/": "/" };
          if (e !== undefined && e in simple) {
            text += simple[e];
            i += 2;
          } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
            text += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
            i += 6;
          } else throw new HclSyntaxError(`invalid escape sequence on line ${line}`);
        } else {
          text += d;
          i++;
        }
      }
      tokens.push({ kind: "string", text, line: start });
    } else if (c === "<" && src[i + 1] === "<") {
      // Heredoc: <<EOT or <<-EOT ... EOT
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(src.slice(i, i + 200));
      if (!m) throw new HclSyntaxError(`invalid heredoc on line ${line}`);
      const start = line;
      i += m[0].length;
      line++;
      const lines: string[] = [];
      for (;;) {
        if (i >= n) throw new HclSyntaxError(`unterminated heredoc starting on line ${start}`);
        let end = src.indexOf("\n", i);
        if (end < 0) end = n;
        const text = src.slice(i, end).replace(/\r$/, "");
        i = end + 1;
        line++;
        if (text.trim() === m[1]) break;
        lines.push(text);
      }
      tokens.push({ kind: "string", text: lines.join("\n") + "\n", line: start });
    } else if ("{}[]=,:".includes(c)) {
      tokens.push({ kind: "punct", text: c, line });
      i++;
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(src.slice(i, i + 64));
      if (!m) throw new HclSyntaxError(`unexpected character on line ${line}`);
      tokens.push({ kind: "number", text: m[0], line });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.-]/.test(src[j]!)) j++;
      tokens.push({ kind: "ident", text: src.slice(i, j), line });
      i = j;
    } else throw new HclSyntaxError(`unexpected character on line ${line}`);
  }
  tokens.push({ kind: "eof", text: "", line });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private expect(text: string): Token {
    const t = this.next();
    if (t.kind !== "punct" || t.text !== text) {
      throw new HclSyntaxError(`expected "${text}" on line ${t.line}, found ${t.kind === "eof" ? "end of input" : t.kind}`);
    }
    return t;
  }

  body(closing: boolean): HclItem[] {
    const items: HclItem[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === "eof") {
        if (closing) throw new HclSyntaxError(`expected "}" before end of input`);
        return items;
      }
      if (t.kind === "punct" && t.text === "}") {
        if (!closing) throw new HclSyntaxError(`unexpected "}" on line ${t.line}`);
        return items;
      }
      if (t.kind === "punct" && t.text === ",") {
        this.next();
        continue;
      }
      if (t.kind !== "ident" && t.kind !== "string") throw new HclSyntaxError(`expected a key on line ${t.line}`);
      this.next();
      const labels: string[] = [];
      for (;;) {
        const u = this.peek();
        if (u.kind === "punct" && u.text === "=") {
          this.next();
          items.push({ key: t.text, labels, value: this.value(), line: t.line });
          break;
        }
        if (u.kind === "punct" && u.text === "{") {
          this.next();
          const body = this.body(true);
          this.expect("}");
          items.push({ key: t.text, labels, body, line: t.line });
          break;
        }
        if (u.kind === "string" || u.kind === "ident") {
          labels.push(this.next().text);
          continue;
        }
        throw new HclSyntaxError(`expected "=" or "{" after key on line ${u.line}`);
      }
    }
  }

  value(): HclValue {
    const t = this.next();
    if (t.kind === "string") return t.text;
    if (t.kind === "number") return Number(t.text);
    if (t.kind === "ident") {
      if (t.text === "true") return true;
      if (t.text === "false") return false;
      throw new HclSyntaxError(`unexpected identifier on line ${t.line}`);
    }
    if (t.kind === "punct" && t.text === "[") {
      const list: HclValue[] = [];
      for (;;) {
        const u = this.peek();
        if (u.kind === "punct" && u.text === "]") {
          this.next();
          return list;
        }
        list.push(this.value());
        const sep = this.peek();
        if (sep.kind === "punct" && sep.text === ",") this.next();
        else if (!(sep.kind === "punct" && sep.text === "]")) throw new HclSyntaxError(`expected "," or "]" on line ${sep.line}`);
      }
    }
    if (t.kind === "punct" && t.text === "{") {
      const obj: HclObject = {};
      for (;;) {
        const u = this.next();
        if (u.kind === "punct" && u.text === "}") return obj;
        if (u.kind === "punct" && u.text === ",") continue;
        if (u.kind !== "ident" && u.kind !== "string") throw new HclSyntaxError(`expected a key on line ${u.line}`);
        const sep = this.next();
        if (sep.kind !== "punct" || (sep.text !== "=" && sep.text !== ":")) throw new HclSyntaxError(`expected "=" on line ${sep.line}`);
        obj[u.text] = this.value();
      }
    }
    throw new HclSyntaxError(`unexpected ${t.kind === "eof" ? "end of input" : `"${t.text}"`} on line ${t.line}`);
  }
}

export function parseHcl(src: string): HclItem[] {
  return new Parser(tokenize(src)).body(false);
}
