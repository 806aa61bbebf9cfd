// Reads the "Sample payload" / "Sample request" / "Sample response" blocks of
// the Vault/OpenBao API pages (.mdx). Every endpoint section ("## Title") of
// those pages has the same layout: a `| Method | Path |` table, an optional
// JSON payload, a curl request and an optional JSON response
// (reference/vault-api/openbao/docs/api/*). The script
// scripts/vault-doc-samples.js runs this over the pages and stores the result
// as a fixture, so the conformance test needs no copy of the docs.

export interface DocRequest {
  method: string;
  /** Path after `/v1/`, query string included. */
  path: string;
  headers: Record<string, string>;
  /** Body given inline with --data, or "@payload.json" / "@file" for a file. */
  data?: string;
}

export interface DocEndpoint {
  /** Page, relative to the reference folder, e.g. "openbao/docs/api/auth/token.mdx". */
  file: string;
  /** The section title ("Create token"). */
  title: string;
  /** The `| Method | Path |` rows. */
  routes: { method: string; path: string }[];
  payload?: unknown;
  requests: DocRequest[];
  response?: unknown;
}

interface Block {
  lang: string;
  text: string;
}

/** Fenced code blocks after a `### <name>` heading, up to the next heading. */
function blocksUnder(section: string, heading: RegExp): Block[] {
  const out: Block[] = [];
  const lines = section.split("\n");
  let inside = false;
  let fence: { lang: string; lines: string[] } | undefined;
  for (const line of lines) {
    if (fence) {
      if (/^\s*```\s*$/.test(line)) {
        if (inside) out.push({ lang: fence.lang, text: fence.lines.join("\n") });
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const open = /^\s*```(\S*)/.exec(line);
    if (open) {
      fence = { lang: open[1] ?? "", lines: [] };
      continue;
    }
    if (/^#{3,}\s/.test(line)) inside = heading.test(line.replace(/^#+\s*/, "").trim());
  }
  return out;
}

/** Splits a shell command line into words (double and single quotes, backslash-newline). */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let cur = "";
  let has = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < text.length && /["\\$`]/.test(text[i + 1]!)) cur += text[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === "\\" && text[i + 1] === "\n") i++;
    else if (c === "\\" && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}

/** The curl invocation(s) of a shell-session block, as requests. */
export function parseCurl(block: string): DocRequest[] {
  const out: DocRequest[] = [];
  // A command starts at "$ " and runs over backslash-continued lines.
  const commands: string[] = [];
  let cur: string | undefined;
  for (const line of block.split("\n")) {
    if (/^\s*\$\s/.test(line)) {
      if (cur !== undefined) commands.push(cur);
      cur = line.replace(/^\s*\$\s+/, "");
    } else if (cur !== undefined && (/\\\s*$/.test(cur) || /^\s+\S/.test(line))) {
      // Several doc samples forget a backslash; an indented line still continues the command.
      cur = cur.replace(/\\\s*$/, "") + "\n" + line;
    }
    else if (cur !== undefined) {
      commands.push(cur);
      cur = undefined;
    }
  }
  if (cur !== undefined) commands.push(cur);
  for (const command of commands) {
    const words = shellWords(command);
    if (words[0] !== "curl") continue;
    const req: DocRequest = { method: "", path: "", headers: {} };
    let explicit = false;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      const next = () => words[++i] ?? "";
      if (w === "--header" || w === "-H") {
        const h = next();
        const colon = h.indexOf(":");
        if (colon > 0) req.headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
      } else if (w === "--request" || w === "-X") {
        req.method = next().toUpperCase();
        explicit = true;
      } else if (w === "--data" || w === "-d" || w === "--data-binary" || w === "--data-raw") req.data = next();
      else if (w === "--head" || w === "-I") {
        req.method = "HEAD";
        explicit = true;
      } else if (/^https?:\/\//.test(w)) {
        const m = /^https?:\/\/[^/]+\/v1\/(.*)$/.exec(w);
        if (m) req.path = m[1]!;
      }
    }
    if (!explicit) req.method = req.data !== undefined ? "POST" : "GET";
    if (req.path) out.push(req);
  }
  return out;
}

/**
 * A few samples are hand-edited JSON: trailing commas, an elided list item
 * (`, .....`), a fragment without its outer braces. Repair only those, so that
 * their shape can still be compared; anything else stays unparsed.
 */
function lenient(text: string): string {
  let t = text.trim().replace(/,\s*\.{3,}\s*(?=[\]}])/g, "").replace(/,(\s*[}\]])/g, "$1");
  if (t.startsWith('"')) t = `{${t.replace(/,\s*$/, "")}}`;
  return t;
}

function parseJson(block: Block | undefined): unknown {
  if (!block) return undefined;
  try {
    return JSON.parse(block.text);
  } catch {
    // fall through to the repaired text
  }
  try {
    return JSON.parse(lenient(block.text));
  } catch {
    // Some samples are cut with "..." or carry comments: keep the text, the test skips shape checks for them.
    return { $unparsed: block.text };
  }
}

/** Fence languages the pages use for JSON samples. */
const JSON_LANGS = new Set(["json", "javascript", "js", "text", ""]);

/** Every endpoint section of one page that has a method/path table. */
export function extractSamples(text: string, file: string): DocEndpoint[] {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  const sections = body.split(/\n(?=## )/);
  const out: DocEndpoint[] = [];
  for (const section of sections) {
    const head = /^## (.+)$/m.exec(section);
    if (!head) continue;
    const routes: { method: string; path: string }[] = [];
    for (const m of section.matchAll(/^\|\s*`([A-Z]+)`\s*\|\s*`([^`]+)`\s*\|/gm)) routes.push({ method: m[1]!, path: m[2]! });
    if (routes.length === 0) continue;
    const requests = blocksUnder(section, /^sample request/i).flatMap((b) => parseCurl(b.text));
    const payload = parseJson(blocksUnder(section, /^sample payload/i).find((b) => JSON_LANGS.has(b.lang)));
    const response = parseJson(blocksUnder(section, /^sample response/i).find((b) => JSON_LANGS.has(b.lang)));
    out.push({
      file,
      title: head[1]!.trim(),
      routes,
      ...(payload !== undefined ? { payload } : {}),
      requests,
      ...(response !== undefined ? { response } : {}),
    });
  }
  return out;
}
