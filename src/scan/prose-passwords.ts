import { judge } from "./judge.js";

// A password told in a sentence: a chat export (`the staging db pw is \`…\` until friday`), a ticket, a wiki page,
// a pasted help request (`host sftp.example.co.uk user smew password …`). No `name = value` reader sees these: the
// name is a word of the sentence and the value is the next word, quoted or not. Sentences are full of passwords
// that are not ones ("the password is the one in 1password", "password reset", "password `changeme`" in setup
// docs), so this reads only what leaves no doubt:
//
// - a password word (`password`, `passwd`, `pw`, `pwd`, `passphrase`) inside a sentence, then `is`/`was`/`:`/`=` or nothing, then the
//   value right after;
// - quoted in backticks or quotes, the value must pass the judge as a password; bare, it must also look generated:
//   10 to 64 characters with a digit and at least three of lower case, upper case, digits and symbols;
// - never in code (strings there are read by name), a test's files or a message catalogue (translations talk about
//   passwords in every language), never a placeholder, reference or mask (the judge's filter).

// The word follows another word of the sentence (`db pw`, `user smew password`), not a line's start, a key's
// indentation, a `--` flag or an identifier (`db_password:` is a setting, read by name elsewhere).
const WORD = String.raw`(?<=\b[A-Za-z]{2,}[ \t]+(?:[\w.@-]{1,40}[ \t]+)?)(?:passw(?:or)?d|pw|pwd|passphrase)\b`;
const LINK = String.raw`(?:[ \t]+(?:is|was|is now|now is|will be|should be|set to|changed to))?(?:[ \t]*[:=])?`;
const QUOTED = new RegExp(String.raw`${WORD}${LINK}[ \t]+(?:\`|"|')([^\s\`"']{6,64})(?:\`|"|')`, "gi");
// A bare value ends its sentence or its message (a line end, markup, a closing quote): `enable password <x> encrypted`
// in a router's configuration goes on with a keyword, a sentence does not.
const BARE = new RegExp(String.raw`${WORD}${LINK}[ \t]+([^\s\`"'<>()[\]{}]{10,64}?)(?=[.,;!?]?(?:[ \t]*\r?$|<|"|\\n))`, "gim");
const PROBE = /passw|\bpwd?\b|passphrase/i;

export interface ProsePassword {
  secret: string;
  start: number;
  reason: string;
  confidence: number;
}

/** Where sentences are: documents, chat and mail exports, logs; not configuration (`enable password … encrypted`). */
const PROSE_FILE = /\.(?:md|markdown|txt|text|rst|adoc|html?|json|jsonl|ndjson|log|eml|mbox)$/i;

/**
 * A repository's operations notes: runbooks, postmortems, incident and on-call notes, also when kept under `docs/`,
 * which is otherwise left out as a product's documentation (its examples are made up). Notes are written by the team
 * about its own systems: a password quoted there (`the old svc_sync password \`…\` still works`) is the one in use.
 */
export function isOperationsNotes(file: string): boolean {
  return /(?:^|\/)(?:runbooks?|playbooks?|post-?mortems?|incidents?|on-?call|handovers?)(?:\/|[._-][^/]*\.(?:md|markdown|txt|rst|adoc)$|\.(?:md|markdown|txt|rst|adoc)$)/i.test(file);
}

export function mayHoldProsePassword(text: string, file: string): boolean {
  return PROSE_FILE.test(file) && PROBE.test(text);
}

/** Passwords told in sentences, positions in `text`. */
export function detectProsePasswords(text: string, testPath: boolean): ProsePassword[] {
  const out: ProsePassword[] = [];
  const seen = new Set<number>();
  const push = (pw: string, start: number, bare: boolean) => {
    if (seen.has(start) || /[$%]\{|\$\(|^\$|\{\{|^<|>$|\*{3}|^(?:https?|ftp|file):|@.*\./i.test(pw)) return;
    if (bare && !generated(pw)) return;
    const j = judge("password", pw, "docs", testPath, true);
    if (!j.secret) return;
    seen.add(start);
    out.push({ secret: pw, start, reason: `password told in a sentence; ${j.reason.replace(/^name is PASSWORD and /, "")}`, confidence: Math.min(j.confidence, 0.7) });
  };
  // Both expressions start with a look-behind, so V8 tries them at every position of the text: ~240 ms of CPU on
  // aws-sdk's JSON API models alone (docs/benchmarks.md, session 22). Every match lies within one line (no part of
  // either crosses a line end), so they run over the lines that hold a password word only; all quoted values
  // first, then the bare ones, as over the whole text.
  const lines = probedLines(text);
  for (const [from, to] of lines) for (const m of text.slice(from, to).matchAll(QUOTED)) push(m[1]!, from + m.index + m[0].length - 1 - m[1]!.length, false);
  for (const [from, to] of lines) for (const m of text.slice(from, to).matchAll(BARE)) push(m[1]!, from + m.index + m[0].length - m[1]!.length, true);
  return out;
}

const PROBE_ALL = new RegExp(PROBE.source, "gi");

/** [start, end) of each line that holds a password word, in order, each once; `end` before the line's `\n`. */
function probedLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  PROBE_ALL.lastIndex = 0;
  for (let m = PROBE_ALL.exec(text); m; m = PROBE_ALL.exec(text)) {
    const from = text.lastIndexOf("\n", m.index) + 1;
    let to = text.indexOf("\n", m.index);
    if (to < 0) to = text.length;
    out.push([from, to]);
    PROBE_ALL.lastIndex = to + 1;
  }
  return out;
}

/** 10+ characters with a digit, drawing on at least three of: lower case, upper case, digits, symbols; not a path. */
function generated(v: string): boolean {
  if (v.length < 10 || /^[/~.]|\/.*\//.test(v)) return false;
  // A digit too: words of a translation with a `|` or an accent (`timpurània|Sti`) draw on three classes without one.
  if (!/\d/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  return classes >= 3;
}
