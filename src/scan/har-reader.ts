import { judge } from "./judge.js";
import { analyzeName } from "./secret-name.js";
import type { SecretKind } from "./types.js";

// Recorded HTTP traffic committed with a bug report or a test: HAR files (browser devtools' "Save all as HAR",
// http://www.softwareishard.com/blog/har-12-spec/) and HTTPie sessions (`~/.config/httpie/sessions/<host>/<name>.json`,
// https://httpie.io/docs/cli/sessions). Both keep headers and cookies as `{"name": …, "value": …}` objects, so the
// credential's name is in one JSON string and its value in another, and no line says `Authorization: Bearer …`.
// Only files of these names are read, and only as JSON (one parse, then the few header, cookie and parameter
// lists): reading every JSON file this way cost ~800 ms/MB when it was tried as a pattern.
//
// What is reported: `Authorization`/`Proxy-Authorization` credentials (Bearer, Basic, token), login cookies
// (session ids, auth and remember-me tokens; not CSRF tokens), and the headers, cookies, query and form
// parameters whose name is a secret's (judged like any name, so `X-Api-Key`, `access_token`, `password` are, and
// `Accept`, `_ga` or `theme` are not); HTTPie's `auth` password. Every value is judged like a password or token
// (placeholders, words and low-entropy values are not reported). Each value is found back in the text at its JSON-escaped form, to give its position.

export interface RecordedCredential {
  name: string;
  kind: SecretKind;
  secret: string;
  start: number;
  confidence: number;
  reason: string;
}

/** Whether the file at `path` is recorded traffic this reader understands. */
export function isRecordedTraffic(path: string): boolean {
  return /\.har$/i.test(path) || /(?:^|\/)httpie\/sessions\/(?:[^/]+\/)*[^/]+\.json$/i.test(path);
}

const AUTH_HEADER = /^(?:proxy-)?authorization$/i;
// Cookies that log a browser in: session ids (`sessionid`, `connect.sid`, `PHPSESSID`, `JSESSIONID`,
// `_myapp_session`), auth and remember-me tokens. A CSRF token is not a login; `_ga`, `theme`, `lang` are not
// secrets at all.
const LOGIN_COOKIE = /sess|(?:^|[._-])sid$|^sid|auth|token|jwt|remember|login/i;
const NOT_LOGIN_COOKIE = /csrf|xsrf/i;
const MAX_BYTES = 64 * 1024 * 1024;

interface Pair {
  name: string;
  value: string;
  where: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `[{name, value}]` (HAR, HTTPie ≥ 3.1) or `{name: value}` / `{name: {value}}` (older HTTPie). */
function pairs(list: unknown, where: string, out: Pair[]): void {
  if (Array.isArray(list)) {
    for (const item of list) if (isObject(item) && typeof item.name === "string" && typeof item.value === "string") out.push({ name: item.name, value: item.value, where });
  } else if (isObject(list)) {
    for (const [name, v] of Object.entries(list)) {
      if (typeof v === "string") out.push({ name, value: v, where });
      else if (isObject(v) && typeof v.value === "string") out.push({ name, value: v.value, where });
    }
  }
}

function collect(doc: unknown): Pair[] {
  const out: Pair[] = [];
  if (!isObject(doc)) return out;
  const log = doc.log;
  if (isObject(log) && Array.isArray(log.entries)) {
    for (const entry of log.entries) {
      if (!isObject(entry)) continue;
      const req = entry.request;
      if (isObject(req)) {
        pairs(req.headers, "request header", out);
        pairs(req.cookies, "request cookie", out);
        pairs(req.queryString, "query parameter", out);
        if (isObject(req.postData)) pairs(req.postData.params, "form parameter", out);
      }
      const res = entry.response;
      if (isObject(res)) pairs(res.cookies, "response cookie", out);
    }
    return out;
  }
  // HTTPie session.
  pairs(doc.headers, "session header", out);
  pairs(doc.cookies, "session cookie", out);
  const auth = doc.auth;
  if (isObject(auth) && typeof auth.password === "string") out.push({ name: "password", value: auth.password, where: "session auth" });
  return out;
}

/** Credentials in a HAR file or an HTTPie session; [] when the text is not JSON of that shape. */
export function recordedCredentials(text: string): RecordedCredential[] {
  if (text.length > MAX_BYTES) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const found: RecordedCredential[] = [];
  const seen = new Set<string>();
  const names = new Map<string, boolean>();
  let from = 0;
  for (const p of collect(doc)) {
    let value = p.value.trim();
    let name = p.name;
    if (AUTH_HEADER.test(name)) {
      const m = /^(?:bearer|basic|token|bot)[ \t]+(\S{8,})$/i.exec(value);
      if (!m) continue;
      value = m[1]!;
      name = "AUTHORIZATION_TOKEN";
    } else if (p.where.endsWith("cookie") && LOGIN_COOKIE.test(name) && !NOT_LOGIN_COOKIE.test(name)) {
      name = "SESSION_TOKEN";
    }
    if (value.length < 8 || seen.has(value)) continue;
    // Most names of recorded traffic (Accept, User-Agent, page, _ga) name no secret: they are not judged.
    let named = names.get(name);
    if (named === undefined) names.set(name, (named = analyzeName(name).strength !== "none"));
    if (!named) continue;
    const j = judge(name, value, "config", false, true);
    if (!j.secret) continue;
    seen.add(value);
    const escaped = JSON.stringify(value).slice(1, -1);
    let start = text.indexOf(escaped, from);
    if (start === -1) start = text.indexOf(escaped);
    if (start === -1) continue;
    from = start + escaped.length;
    found.push({ name: p.name, kind: j.kind, secret: escaped, start, confidence: Math.min(0.85, j.confidence), reason: `${p.where} ${p.name} in recorded HTTP traffic; ${j.reason.replace(/^name is \S+ and /, "")}` });
  }
  return found;
}
