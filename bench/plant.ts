import type { FakeSecret, Prng } from "./fake-secrets.js";

// Where and how fake secrets are planted into the corpus, as pure functions on
// text so that the recorded positions can be tested. A planted secret is
// embedded the way people really leak them: a literal in JS, a line in a
// .env file, a YAML/JSON/Python/shell/properties config value.

export type Host = "js" | "env" | "yaml" | "json" | "python" | "shell" | "properties";

/** Lines to insert, and where the secret sits in them (0-based line index, 0-based UTF-16 column). */
export interface Snippet {
  lines: string[];
  line: number;
  column: number;
  endLine: number;
  /** Exclusive end column on `endLine`. */
  endColumn: number;
}

/** What the manifest records for each planted secret (1-based lines and columns, like a Finding). No value. */
export interface PlantedSecret {
  id: number;
  provider: string;
  name: string;
  host: Host;
  /** Path relative to the corpus root, `/`-separated. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** True when the secret was added to a file shipped in the package (false: a new config file). */
  existingFile: boolean;
}

const isPem = (s: FakeSecret) => s.value.includes("\n");
/** Safe without quotes in .env (dotenv: `#` starts a comment) and as a YAML plain scalar (no indicator characters). */
const plain = (s: FakeSecret) => /^[A-Za-z0-9][A-Za-z0-9_./:+=@;-]*$/.test(s.value);

export function camel(name: string): string {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Can this host hold this secret in a natural way? (A PEM block has no natural place in a .properties file.) */
export function accepts(host: Host, secret: FakeSecret): boolean {
  return !(isPem(secret) && host === "properties");
}

/** Wraps `value` (possibly multi-line) as `before + value + after` split into lines, locating the value. */
function wrap(before: string, value: string, after: string): Snippet {
  const parts = value.split("\n");
  const lines = [...parts];
  lines[0] = before + lines[0];
  const last = parts.length - 1;
  const endColumn = (last === 0 ? before.length : 0) + (parts[last] ?? "").length;
  lines[last] = lines[last] + after;
  return { lines, line: 0, column: before.length, endLine: last, endColumn };
}

export function snippet(secret: FakeSecret, host: Host, rng: Prng): Snippet {
  const { name, value } = secret;
  const key = camel(name);
  switch (host) {
    case "js": {
      if (isPem(secret)) return wrap(`var ${key} = \``, value, "`;");
      const form = rng.int(4);
      if (form === 0) return wrap(`var ${key} = "`, value, `";`);
      if (form === 1) return wrap(`module.exports.${key} = '`, value, `';`);
      if (form === 2) return wrap(`var ${key}Fallback = process.env.${name} || "`, value, `";`);
      return wrap(`var defaults${rng.int(1000)} = { ${key}: "`, value, `", timeout: 5000 };`);
    }
    case "env":
      return !plain(secret) || rng.int(2) === 0 ? wrap(`${name}="`, value, `"`) : wrap(`${name}=`, value, "");
    case "yaml": {
      const yamlKey = name.toLowerCase();
      if (isPem(secret)) {
        // A literal block scalar: the key line, then the value indented.
        const body = value.split("\n").map((l) => `  ${l}`);
        const last = body.length;
        return { lines: [`${yamlKey}: |`, ...body], line: 1, column: 2, endLine: last, endColumn: (body[last - 1] ?? "").length };
      }
      return !plain(secret) || rng.int(2) === 0 ? wrap(`${yamlKey}: "`, value, `"`) : wrap(`${yamlKey}: `, value, "");
    }
    case "json": {
      // JSON strings escape newlines: a PEM becomes one line (as in a GCP service-account key file).
      const escaped = JSON.stringify(value).slice(1, -1);
      return wrap(`  "${key}": "`, escaped, `"`);
    }
    case "python":
      return isPem(secret) ? wrap(`${name} = """`, value, `"""`) : wrap(`${name} = "`, value, `"`);
    case "shell":
      return wrap(`export ${name}="`, value, `"`);
    case "properties":
      return wrap(`${name.toLowerCase().replace(/_/g, ".")}=`, value, "");
  }
}

/**
 * Inserts `lines` at the start of `text` (after a `#!` line) or at its end,
 * keeping the text's line ending. Returns the new text and the 1-based line
 * number of the first inserted line.
 */
export function insertLines(text: string, lines: string[], where: "start" | "end"): { text: string; firstLine: number } {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const block = lines.join(eol) + eol;
  if (where === "start") {
    if (text.startsWith("#!")) {
      const nl = text.indexOf("\n");
      if (nl === -1) return { text: text + eol + block, firstLine: 2 };
      return { text: text.slice(0, nl + 1) + block + text.slice(nl + 1), firstLine: 2 };
    }
    return { text: block + text, firstLine: 1 };
  }
  const body = text === "" || text.endsWith("\n") ? text : text + eol;
  const firstLine = body === "" ? 1 : body.split("\n").length;
  return { text: body + block, firstLine };
}

export interface NewFile {
  path: string;
  host: Host;
}

/** Config files people commit by mistake; each gets one to three secrets among ordinary settings. */
export const newFileKinds: NewFile[] = [
  { path: ".env", host: "env" },
  { path: ".env.production", host: "env" },
  { path: "config/.env.local", host: "env" },
  { path: "config/settings.yml", host: "yaml" },
  { path: "docker-compose.override.yml", host: "yaml" },
  { path: "config/credentials.json", host: "json" },
  { path: "scripts/deploy.sh", host: "shell" },
  { path: "settings.py", host: "python" },
  { path: "src/main/resources/application.properties", host: "properties" },
];

const filler: Record<Host, string[]> = {
  env: ["NODE_ENV=production", "PORT=3000", "LOG_LEVEL=info", "FEATURE_NEW_CHECKOUT=true"],
  yaml: ["port: 8080", "log_level: info", "region: eu-west-1", "replicas: 3"],
  json: ['  "port": 8080', '  "logLevel": "info"', '  "region": "eu-west-1"'],
  shell: ["#!/bin/sh", "set -eu", 'export APP_ENV="production"', 'export PORT="8080"'],
  python: ['DEBUG = False', 'ALLOWED_HOSTS = ["example.com"]', 'TIME_ZONE = "UTC"'],
  properties: ["server.port=8080", "spring.application.name=orders", "logging.level.root=INFO"],
  js: [],
};

/**
 * Builds a new config file holding `secrets` among filler settings. Returns
 * the text and each secret's position (1-based line/column, as a Finding has).
 */
export function buildConfigFile(
  host: Host,
  secrets: FakeSecret[],
  rng: Prng,
): { text: string; positions: { line: number; column: number; endLine: number; endColumn: number }[] } {
  const entries: { lines: string[]; snip?: Snippet; index?: number }[] = filler[host].map((l) => ({ lines: [l] }));
  for (const [index, secret] of secrets.entries()) {
    const snip = snippet(secret, host, rng);
    // Shell files keep their shebang first; everything else goes at a random place.
    const min = host === "shell" ? 2 : 0;
    entries.splice(min + rng.int(entries.length - min + 1), 0, { lines: snip.lines, snip, index });
  }
  const out: string[] = host === "json" ? ["{"] : [];
  const positions: { line: number; column: number; endLine: number; endColumn: number }[] = [];
  entries.forEach((entry, i) => {
    const lines = [...entry.lines];
    if (host === "json" && i < entries.length - 1) lines[lines.length - 1] += ",";
    if (entry.snip && entry.index !== undefined) {
      const base = out.length + 1;
      positions[entry.index] = {
        line: base + entry.snip.line,
        column: entry.snip.column + 1,
        endLine: base + entry.snip.endLine,
        endColumn: entry.snip.endColumn + 1,
      };
    }
    out.push(...lines);
  });
  if (host === "json") out.push("}");
  return { text: `${out.join("\n")}\n`, positions };
}
