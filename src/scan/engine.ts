import type { EnvReference, RawFinding, Rule, SecretKind, Severity } from "./types.js";
import { hasSecretTwin } from "./twin-keys.js";
import { contextSeverity } from "./severity-context.js";
import { isKnownAnswerKey } from "./test-vector.js";
import { passwordNamesEntry } from "./ldif-entry.js";
import { fileInfo, type FileInfo } from "./file-kind.js";
import { compileRuleSet, runRulesWith, scanKeywords, selectRules, type CompiledRuleSet } from "./rule-set.js";
import { rulePlaceholderReason } from "./rule-filter.js";
import { isPublicByContext, mobileGoogleKey, MOBILE_MAPS_REASON, publicByName, publicByScope } from "./public-context.js";
import { inlinedIntoClient } from "./build-inlined.js";
import { detectGeneric, ruleIdFor } from "./generic-detector.js";
import { hasEntityQuotes, quotesUnescaped } from "./entity-quotes.js";
import { detectTableCells, mayHoldTable } from "./markdown-table.js";
import { detectHtmlTableCells, mayHoldHtmlTable } from "./html-table.js";
import { detectBuiltin } from "./builtin-detector.js";
import { heredocFiles, mayHoldHeredoc } from "./heredoc-bodies.js";
import { decodeKubernetesSecrets } from "./decoders.js";
import { detectConcatenated } from "./concatenation.js";
import { detectDecodedLiterals, mayHoldDecodedLiteral } from "./decoded-literals.js";
import { detectWrappedValues, mayHoldWrappedValue } from "./wrapped-values.js";
import { detectTextBlocks } from "./text-block.js";
import { readDotenv } from "./dotenv-reader.js";
import { classifyVariable } from "../classify/index.js";
import { LineCursor } from "./positions.js";
import { mayReadEnv, parseable, scanJavaScript, worthParsing } from "./js-scanner.js";
import { lexicalEnvReferences } from "./env-references.js";
import { mappingsRanges } from "./source-map.js";
import { ansibleDocRanges } from "./ansible-docs.js";
import { isMessageCatalogue } from "./message-catalogue.js";
import { isMailFile, mailParts } from "./mail-parts.js";
import { embeddedSources } from "./embedded-sources.js";
import { randomValue, secretsFileHits, secretsFileKind } from "./secrets-file.js";
import { looksLikeWords } from "./entropy.js";
import { warmGenericDetector } from "./detector-warm-up.js";
import { blankTerminalCodes } from "./terminal-codes.js";
import { escapedDocuments, mayHoldEscapedContent } from "./xml-escaped-content.js";
import { detectKeyValueOutput, mayHoldKeyValueOutput } from "./key-value-output.js";
import { isFixtureOrDocsPath } from "./credential-store.js";
import { detectArrayLiteralKeys, mayHoldArrayLiteralKey } from "./array-literal-keys.js";

// The in-memory core of the scanner: one text in, raw findings out. It never
// touches the file system, so the same function serves the working tree,
// staged blobs, history and stdin, in workers or not. Synchronous and pure.
//
// Dispatch by file kind (file-kind.ts): .env files are read with dotenv's
// grammar and every key is classified; JS/TS is parsed with @babel/parser when
// a cheap pre-check says it may hold a secret or an env read; every text gets
// the provider rules (keyword pre-filter, one pass) and the generic
// `name = value` detector. Overlapping findings are de-duplicated, keeping the
// most specific one.

export interface EngineOptions {
  /** Rules to run; default: every rule in rules/. */
  rules?: Rule[];
  /** Only run these rule ids / skip these (from config). Generic ids (`generic-password`…) count too. */
  enableRules?: string[];
  disableRules?: string[];
}

export interface TextInput {
  /** The text (already decoded; a BOM, if any, is kept so columns match the file). */
  text: string;
  /** Path relative to the scan root with `/` separators: decides .env / JS / other handling. */
  file: string;
}

export interface EngineResult {
  findings: RawFinding[];
  /** Environment reads in JS/TS files (empty for other files). */
  envReferences: EnvReference[];
}

/** A finding before positions are computed; `priority` breaks ties in de-duplication. */
export interface Candidate {
  ruleId: string;
  kind: SecretKind;
  severity: Severity;
  confidence: number;
  reason: string;
  secret: string;
  start: number;
  end: number;
  name?: string;
  /** 3 browser-exposed, 2 provider rule, 1 generic. */
  priority: number;
}


export function severityFor(kind: SecretKind, confidence: number): Severity {
  if (confidence < 0.5) return "low";
  switch (kind) {
    case "private-key":
    case "cloud-credential":
    case "database-credential":
      return confidence >= 0.8 ? "critical" : "high";
    case "generic-secret":
    case "webhook":
      return "medium";
    default:
      return "high";
  }
}

/**
 * Prepares this thread's engine code for a large scan (detector-warm-up.ts): a few dozen small texts
 * through the generic detector, once per thread, so that V8 compiles its readers with feedback from
 * every branch instead of again at each branch first met. Not worth it for a few files.
 */
export function warmUp(): void {
  warmGenericDetector();
}

export function scanText(input: TextInput, options: EngineOptions = {}): EngineResult {
  // Terminal colour codes in captured output are blanked first (terminal-codes.ts): offsets stay the file's.
  // The file's kind is worked out once (fileInfo tests the path against a dozen expressions; ~0.5% of a scan of many small files).
  const info = fileInfo(input.file);
  const { chosen, envReferences } = candidatesOf(blankTerminalCodes(input.text, info.kind), input.file, options, info);
  return { findings: toRaw(chosen, input.text, input.file), envReferences };
}

/** The findings of one text before positions become lines and columns. */
function candidatesOf(text: string, file: string, options: EngineOptions, info: FileInfo = fileInfo(file)): { chosen: Candidate[]; envReferences: EnvReference[] } {
  const set = compileRuleSet(selectRules(options));
  // One pass finds the rules' keywords, the engine detectors' trigger words
  // and where the generic detector's head words start.
  const heads: number[] = [];
  // Where the built-in detectors' anchor words and the environment literals are (rule-set.ts ENGINE_POSITION_KEYWORDS).
  const offsets = new Map<string, readonly number[] | null>();
  // A source map's `mappings` is generated from positions and holds no source text (source-map.ts).
  const found = scanKeywords(set, text, heads, info.kind === "sourcemap" ? mappingsRanges(text) : undefined, offsets);
  const candidates: Candidate[] = [];
  let envReferences: EnvReference[] = [];

  providerHits(set, text, found, candidates);
  if (info.testPath && found.has("token=")) dropTestLinkTokens(text, candidates);
  if (info.kind === "dotenv") {
    const publicRanges = dotenvHits(text, file, set, candidates);
    // A value the classifier calls public by design (`SUPABASE_ANON_KEY=eyJ…`) is not reported by a provider rule either.
    if (publicRanges.length > 0) {
      const kept = candidates.filter((c) => !publicRanges.some(([s, e]) => c.start >= s && c.end <= e));
      candidates.splice(0, candidates.length, ...kept);
    }
  } else if (info.kind !== "lockfile" && info.kind !== "sourcemap") {
    if (info.kind === "js") {
      const full = parseable(text);
      const lexical = mayReadEnv(text, found, offsets) ? lexicalEnvReferences(text, file, info.testPath, found, full, offsets) : null;
      // A file parsed only for environment fallbacks the lexical reader makes the walk's candidates of is not parsed.
      const js = full && worthParsing(text, found, lexical?.exact?.covered, offsets) ? scanJavaScript(text, file, info) : null;
      const read = js ?? (lexical?.exact ? { envReferences: lexical.envReferences, candidates: lexical.exact.candidates } : lexical);
      if (read) {
        envReferences = read.envReferences;
        candidates.push(...read.candidates);
      }
    }
    for (const b of detectBuiltin(text, found, file, info, { offsets, heads })) {
      candidates.push({ ...b, severity: severityFor(b.kind, b.confidence), priority: 1.2 });
    }
    if (info.kind === "code" || info.kind === "js") {
      for (const c of detectConcatenated(text, info, set, found)) {
        candidates.push({ ...c, severity: c.severity ?? severityFor(c.kind, c.confidence), priority: c.provider ? 2 : 1 });
      }
    }
    // A literal the code hands to a base64 or hex decoder is judged as what it decodes to (decoded-literals.ts).
    if ((info.kind === "code" || info.kind === "js" || info.kind === "config") && mayHoldDecodedLiteral(found)) {
      for (const d of detectDecodedLiterals(text, info, set, { found, offsets })) {
        candidates.push({ ...d, severity: severityFor(d.kind, d.confidence), priority: 1.1 });
      }
    }
    // Keys and passwords written as byte or character arrays under a secret's name (array-literal-keys.ts).
    // PowerShell is read as configuration elsewhere, but its `[byte[]]$key = (…)` is code.
    if ((info.kind === "code" || info.kind === "js" || /\.ps[dm]?1$/i.test(file)) && mayHoldArrayLiteralKey(text)) {
      for (const a of detectArrayLiteralKeys(text, info, file)) candidates.push({ ...a, severity: severityFor(a.kind, a.confidence), priority: 1.1 });
    }
    // A value on the line after its name: a one-line YAML block scalar, a continued line (wrapped-values.ts).
    if ((info.kind === "code" || info.kind === "config") && mayHoldWrappedValue(text, info, file)) {
      for (const w of detectWrappedValues(text, info, file)) {
        candidates.push({ ...w, severity: severityFor(w.kind, w.confidence), priority: 1 });
      }
    }
    // Sealed-secrets manifests hold ciphertext under secret-ish keys (bitnami-labs/sealed-secrets).
    const sealed = info.kind === "config" && found.has("sealedsecret") && /^kind:[ \t]*sealedsecret[ \t]*$/im.test(text);
    // Example and sample files (`*.examples.json`, `config.sample.yml`) document shapes with made-up
    // values; provider formats are still reported, name = value guesses are not.
    const exampleFile = /(?:^|[._-])(?:examples?|samples?)(?:[._-]|$)/i.test(file.slice(file.lastIndexOf("/") + 1));
    // In a message catalogue the values are the user interface's text in a language (message-catalogue.ts): a
    // name = value guess is reported only for a value random enough to be a key on its own (a label is words).
    const catalogue = isMessageCatalogue(file);
    if (!sealed && !exampleFile && heads.length > 0) {
      for (const g of detectGeneric(text, info, heads)) {
        if (catalogue && !keyLike(g.secret)) continue;
        candidates.push({ ...g, severity: severityFor(g.kind, g.confidence), priority: 1 });
      }
      // JSON in an XML or HTML attribute, its quotes written `&quot;` (entity-quotes.ts): read again with
      // the quotes restored; positions are the file's, and a value found both ways is kept once (dedupe).
      if ((info.kind === "config" || info.kind === "docs") && hasEntityQuotes(text)) {
        for (const g of detectGeneric(quotesUnescaped(text), info, heads)) {
          if (catalogue && !keyLike(g.secret)) continue;
          candidates.push({ ...g, severity: severityFor(g.kind, g.confidence), priority: 1 });
        }
      }
    }
    if (info.kind === "code" && !exampleFile && (found.has('"""') || found.has("'''"))) {
      for (const h of detectTextBlocks(text, info)) {
        candidates.push({ ...h, severity: severityFor(h.kind, h.confidence), priority: 1 });
      }
    }
    const secretsFile = secretsFileKind(file);
    if (secretsFile) {
      for (const h of secretsFileHits(text, file, secretsFile, info.testPath)) {
        candidates.push({ ...h, ruleId: ruleIdFor(h.kind), severity: severityFor(h.kind, h.confidence), priority: 1 });
      }
    }
    if (info.kind === "docs" && mayHoldTable(text)) {
      for (const t of detectTableCells(text)) {
        candidates.push({ ...t, ruleId: ruleIdFor(t.kind), severity: severityFor(t.kind, t.confidence), priority: 1 });
      }
    }
    // `Key  Value` tables printed by CLIs (vault kv get, openstack … show): the first column names the second (key-value-output.ts).
    if ((info.kind === "docs" || info.kind === "config") && !isFixtureOrDocsPath(file) && mayHoldKeyValueOutput(found)) {
      for (const t of detectKeyValueOutput(text, info.testPath)) candidates.push({ ...t, severity: severityFor(t.kind, t.confidence), priority: 1 });
    }
    if (info.kind === "docs" && mayHoldHtmlTable(text)) {
      for (const t of detectHtmlTableCells(text)) {
        candidates.push({ ...t, ruleId: ruleIdFor(t.kind), severity: severityFor(t.kind, t.confidence), priority: 1 });
      }
    }
    if (info.kind === "config") {
      for (const d of found.has("secret") ? decodeKubernetesSecrets(text, set) : []) {
        candidates.push({ ...d, severity: d.severity ?? severityFor(d.kind, d.confidence), priority: d.ruleId === "kubernetes-secret-data" ? 1.3 : 2 });
      }
    }
    // Only mail files (rare), so the pass has no keyword for it.
    if (isMailFile(file)) mailPartHits(text, file, options, candidates);
    // A here-document's body is the file it writes (heredoc-bodies.ts).
    if ((info.kind === "config" || info.kind === "code") && mayHoldHeredoc(text)) heredocHits(text, file, options, candidates);
    // An element's text that is an escaped document or script (`&lt;Password&gt;…`, `&apos;…&apos;`), read decoded (xml-escaped-content.ts).
    if (info.kind === "config" && /\.(?:xml|config|dtsx|dtsconfig|btproj|wixproj|csproj|props|targets|pubxml|xaml|manifest)$/i.test(file) && mayHoldEscapedContent(text)) escapedHits(text, file, options, candidates);
  } else if (info.kind === "sourcemap") {
    embeddedHits(text, heads, options, candidates);
  }
  const kept: Candidate[] = [];
  const docs = info.kind === "code" && candidates.length > 0 ? ansibleDocRanges(text) : [];
  for (const c of candidates) {
    // Name-based guesses in Ansible module documentation are its samples (ansible-docs.ts).
    // So are the values of rules that read a password or shared secret from a config line (`snmp-server community …`).
    if (docs.length > 0 && (c.priority < 2 || c.kind === "password" || c.kind === "generic-secret") && docs.some(([s, e]) => c.start >= s && c.start < e)) continue;
    if (isPublicByContext(c.secret, text, c.start, c.end)) continue;
    // A key a known-answer test file names above its block and uses by that name (test-vector.ts).
    if (c.secret.startsWith("-----BEGIN ") && isKnownAnswerKey(c.secret, text, c.start)) continue;
    // An LDIF entry's password that is the entry's own login or name (ldif-entry.ts).
    if (c.ruleId === "ldif-user-password" && passwordNamesEntry(c.secret, text, c.start)) continue;
    if (c.priority === 2 && publicByName(c.ruleId, c.kind, text, c.start)) continue;
    if (publicByScope(c.kind, text, c.start, c.end)) continue;
    const mobile = mobileGoogleKey(c.secret, text, c.start, file);
    if (mobile === "firebase") continue;
    kept.push(mobile === "maps" ? { ...c, severity: "medium", reason: `${c.reason}; ${MOBILE_MAPS_REASON}` } : c);
  }
  const chosen = filterIds(dedupe(kept), options);
  for (let i = 0; i < chosen.length; i++) {
    const change = contextSeverity(chosen[i]!.ruleId, chosen[i]!.secret, text, chosen[i]!.start, chosen[i]!.end);
    if (change) chosen[i] = { ...chosen[i]!, severity: change.severity, reason: `${chosen[i]!.reason}; ${change.note}` };
    const c = chosen[i]!;
    const where = c.kind === "browser-exposed" ? null : inlinedIntoClient(file, text, c.start);
    // A Maps SDK key keeps its medium severity: shipping in the app is what it is made for (public-context.ts).
    if (where) chosen[i] = { ...c, kind: "browser-exposed", severity: c.reason.endsWith(MOBILE_MAPS_REASON) ? c.severity : "high", reason: `${c.reason}; in the ${where}` };
  }
  return { chosen, envReferences };
}

/**
 * A source map's embedded sources, each read as the file it was (embedded-sources.ts), positions
 * in the map's text. A source that is itself a map is not read again.
 */
function embeddedHits(text: string, heads: readonly number[], options: EngineOptions, out: Candidate[]): void {
  for (const source of embeddedSources(text, heads)) {
    if (fileInfo(source.path).kind === "sourcemap") continue;
    for (const c of candidatesOf(source.text, source.path, options).chosen) {
      out.push({ ...c, start: source.at(c.start), end: source.at(c.end), reason: `${c.reason}; in the source map's copy of ${source.path}` });
    }
  }
}

/**
 * A mail's quoted-printable and base64 parts, each read decoded as the file it names (mail-parts.ts), positions
 * in the mail's text. The part's name keeps the mail's directory: a test directory's mail is a test's.
 */
function mailPartHits(text: string, file: string, options: EngineOptions, out: Candidate[]): void {
  const dir = file.slice(0, file.lastIndexOf("/") + 1);
  for (const part of mailParts(text)) {
    for (const c of candidatesOf(part.text, dir + part.name, options).chosen) {
      out.push({ ...c, start: part.at(c.start), end: part.at(c.end), reason: `${c.reason}; in the mail's decoded ${part.name === "part.txt" || part.name === "part.html" ? "body" : `attachment ${part.name}`}` });
    }
  }
}

/**
 * Each here-document that writes a file, read as that file (heredoc-bodies.ts), positions in the script's text.
 * The file keeps the script's directory: a test directory's script is a test's.
 */
function heredocHits(text: string, file: string, options: EngineOptions, out: Candidate[]): void {
  const dir = file.slice(0, file.lastIndexOf("/") + 1);
  for (const doc of heredocFiles(text)) {
    for (const c of candidatesOf(doc.text, dir + doc.name, options).chosen) {
      const start = doc.at(c.start);
      out.push({ ...c, start, end: doc.at(c.end - 1) + 1, reason: `${c.reason}; in the here-document written to ${doc.name.slice(doc.name.lastIndexOf("/") + 1)}` });
    }
  }
}

/** Each element's escaped document or script, read decoded as the file it holds (xml-escaped-content.ts), positions in the file's text. */
function escapedHits(text: string, file: string, options: EngineOptions, out: Candidate[]): void {
  for (const doc of escapedDocuments(text, file)) {
    for (const c of candidatesOf(doc.text, doc.name, options).chosen) {
      const start = doc.at(c.start);
      out.push({ ...c, start, end: doc.at(c.end - 1) + 1, reason: `${c.reason}; in the escaped text of <${doc.name.slice(doc.name.lastIndexOf("/") + 1).replace(/\.(?:xml|sh)$/, "")}>` });
    }
  }
}

/**
 * In a test file, a bare `?token=` / `&token=` query parameter is a one-time link the test builds (password
 * reset, e-mail confirmation, invitation, unsubscribe): the token is the fixture's, and it dies when used.
 * Named credential parameters (`api_key`, `access_token`, `client_secret`, `private_token`) stay reported.
 */
function dropTestLinkTokens(text: string, candidates: Candidate[]): void {
  const kept = candidates.filter((c) => !(c.ruleId === "url-query-credential" && /[?&]token=$/i.test(text.slice(Math.max(0, c.start - 7), c.start))));
  if (kept.length !== candidates.length) candidates.splice(0, candidates.length, ...kept);
}

/** Printable ASCII random enough to be a key on its own, with a digit and no words: what a catalogue's label never is. */
function keyLike(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value) && /[0-9]/.test(value) && randomValue(value) && !looksLikeWords(value);
}

function providerHits(set: CompiledRuleSet, text: string, found: Set<string>, out: Candidate[]): void {
  for (const hit of runRulesWith(set, text, found)) {
    if (rulePlaceholderReason(hit.secret) !== null) continue;
    out.push({
      ruleId: hit.rule.id,
      kind: hit.rule.kind,
      severity: hit.rule.severity,
      confidence: hit.rule.validate ? 0.97 : 0.9,
      reason: `matches the format of ${hit.rule.description.replace(/\.$/, "")}`,
      secret: hit.secret,
      start: hit.start,
      end: hit.end,
      priority: 2,
    });
  }
}

const JSON_VALUE = /^\s*['"]?\{\s*"[^"]{1,60}"\s*:/;
const JSON_INFO = fileInfo("value.json");

/** The generic detector over one .env value holding JSON, positions in the file's text. */
function jsonValueHits(text: string, start: number, end: number, out: Candidate[]): void {
  const value = text.slice(start, end);
  for (const g of detectGeneric(value, JSON_INFO)) {
    out.push({ ...g, start: start + g.start, end: start + g.end, severity: severityFor(g.kind, g.confidence), priority: 1 });
  }
}

/** Classifies every entry; pushes the secrets, returns the value ranges judged public. */
function dotenvHits(text: string, file: string, set: CompiledRuleSet, out: Candidate[]): Array<[number, number]> {
  const publicRanges: Array<[number, number]> = [];
  const entries: JudgedEntry[] = readDotenv(text);
  for (const e of text.includes("#") ? withHashValues(entries, text) : entries) {
    if (e.value.trim() === "") continue;
    const c = classifyVariable(e.key, e.value, file, { rules: set.rules, quote: e.quote });
    // `TWITTER_OAUTH_KEY` beside `TWITTER_OAUTH_SECRET`: the identifier half of a key pair, unless a provider
    // rule knows the value's format (twin-keys.ts).
    if (c.verdict === "secret" && !c.ruleId && c.kind !== "browser-exposed" && hasSecretTwin(e.key, text, e.valueStart)) continue;
    if (c.verdict === "public") publicRanges.push([e.valueStart, e.valueEnd]);
    if (c.verdict !== "secret" || !c.kind) {
      // A JSON object as the value (Airflow `AIRFLOW_CONN_X='{"conn_type": …, "password": "…"}'`,
      // a service account in one line): its members are named values of their own.
      if (c.verdict !== "public" && JSON_VALUE.test(e.value)) jsonValueHits(text, e.valueStart, e.valueEnd, out);
      continue;
    }
    const start = e.quote ? e.valueStart + 1 : e.valueStart;
    const end = e.quote ? e.valueEnd - 1 : e.valueEnd;
    const browser = c.kind === "browser-exposed";
    out.push({
      ruleId: browser ? "browser-exposed-secret" : c.ruleId ?? "dotenv-secret",
      kind: c.kind,
      severity: browser ? "high" : severityFor(c.kind, c.confidence),
      confidence: c.confidence,
      reason: e.dotenvReads === undefined ? c.reason : `${c.reason}; dotenv reads ${e.dotenvReads === "" ? "none of this unquoted value, which starts with '#'" : `only the first ${e.dotenvReads.length} characters of this unquoted value, up to its '#'`} (python-dotenv, Compose and shells read all of it): quote the value`,
      secret: text.slice(start, end),
      start,
      end,
      name: e.key,
      priority: browser ? 3 : c.ruleId ? 2 : 1,
    });
  }
  return publicRanges;
}

// `MDP_SMTP=#k4KX…`, `DB_PASSWORD=Kq7#mZ2v…`: dotenv (motdotla, lib/main.js LINE: `[^#\r\n]+`) reads an
// unquoted value up to its first `#`, wherever it is, so it reads nothing of the first and `Kq7` of the
// second; python-dotenv, Docker Compose and a shell that sources the file read the whole word (a comment
// needs a space before `#` there), and the value is in the file either way. Such a value is judged as
// written, in place of dotenv's part of it; the reason says what dotenv reads, which is what a Node app
// gets (and what a migration moves: the shared .env reader is unchanged). Only a single word ending the
// line or followed by a ` #` comment: `KEY=a#b c` is read three ways by three readers.
const HASH_IN_VALUE = /^[ \t]*(?:export[ \t]+)?([\w.-]+)[ \t]*=[ \t]*([^\s'"`#]*#[^\s]*)[ \t]*(?:#[^\r\n]*)?\r?$/gm;

interface JudgedEntry {
  key: string;
  value: string;
  quote: string;
  valueStart: number;
  valueEnd: number;
  /** What dotenv reads of a value written with a `#` inside it. */
  dotenvReads?: string;
}

function withHashValues(entries: JudgedEntry[], text: string): JudgedEntry[] {
  let out: JudgedEntry[] | null = null;
  for (const m of text.matchAll(HASH_IN_VALUE)) {
    const value = m[2]!;
    const hash = value.indexOf("#");
    // `KEY=#` alone, `COLOR=#fff`: too short for a value of its own (the part before `#` is dotenv's).
    if (value.length - hash < 6 && hash === 0) continue;
    const valueStart = m.index + m[0].length - m[0].replace(/^[^=]*=[ \t]*/, "").length;
    out ??= [...entries];
    const at = out.findIndex((e) => e.valueStart === valueStart && e.quote === "");
    const entry: JudgedEntry = { key: m[1]!, value, quote: "", valueStart, valueEnd: valueStart + value.length, dotenvReads: value.slice(0, hash) };
    if (at === -1) out.push(entry);
    else out[at] = entry;
  }
  return out ?? entries;
}

/** Overlapping candidates → the best one: priority, then confidence, then the longer match. */
export function dedupe(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let group: Candidate[] = [];
  let groupEnd = -1;
  const flush = () => {
    if (group.length === 0) return;
    let best = group[0]!;
    for (const c of group) {
      if (c.priority > best.priority || (c.priority === best.priority && (c.confidence > best.confidence || (c.confidence === best.confidence && c.end - c.start > best.end - best.start)))) best = c;
    }
    // Keep the name from whichever candidate knew it.
    if (!best.name) {
      const named = group.find((c) => c.name);
      if (named) best = { ...best, name: named.name! };
    }
    out.push(best);
    group = [];
  };
  for (const c of sorted) {
    if (c.start >= groupEnd) {
      flush();
      groupEnd = c.end;
    } else groupEnd = Math.max(groupEnd, c.end);
    group.push(c);
  }
  flush();
  return out;
}

function filterIds(list: Candidate[], options: EngineOptions): Candidate[] {
  const enable = options.enableRules?.length ? new Set(options.enableRules) : null;
  const disable = options.disableRules?.length ? new Set(options.disableRules) : null;
  if (!enable && !disable) return list;
  return list.filter((c) => (enable === null || enable.has(c.ruleId)) && !(disable?.has(c.ruleId) ?? false));
}

function toRaw(list: Candidate[], text: string, file: string): RawFinding[] {
  if (list.length === 0) return [];
  // Ascending after dedupe: the cursor counts newlines only up to the last finding.
  const index = new LineCursor(text);
  return list.map((c) => {
    const r = index.range(c.start, c.end);
    const f: RawFinding = {
      ruleId: c.ruleId,
      kind: c.kind,
      severity: c.severity,
      confidence: c.confidence,
      file,
      line: r.line,
      column: r.column,
      endLine: r.endLine,
      endColumn: r.endColumn,
      reason: c.reason,
      secret: c.secret,
      start: c.start,
      end: c.end,
    };
    if (c.name) f.name = c.name;
    return f;
  });
}

export type { FileInfo };
