// Value-shape measures used by the generic detector and the classifier. Entropy
// alone is a poor gate (short human passwords have little of it, long English
// identifiers have plenty), so these measures feed a score together with the
// name and the file kind rather than deciding on their own.

/** Shannon entropy of a string in bits per character, over its code points (0 for ""). */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  // Fast path for ASCII (every token format): counts in a typed array, and
  // only the distinct characters seen are summed and reset. It runs on every
  // candidate match, so it must not allocate.
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) {
      for (let j = 0; j < distinct; j++) asciiCounts[seen[j]!] = 0;
      return entropyOf([...s]);
    }
    if (asciiCounts[c]++ === 0) seen[distinct++] = c;
  }
  // H = log2(n) - (1/n) * sum(k * log2(k)), with k*log2(k) from a table.
  let sum = 0;
  for (let j = 0; j < distinct; j++) {
    const code = seen[j]!;
    const k = asciiCounts[code]!;
    asciiCounts[code] = 0;
    sum += k < K_LOG_K.length ? K_LOG_K[k]! : k * Math.log2(k);
  }
  return Math.max(0, Math.log2(n) - sum / n);
}

const asciiCounts = new Uint32Array(128);
const seen = new Uint8Array(128);
const K_LOG_K = Float64Array.from({ length: 512 }, (_, k) => (k === 0 ? 0 : k * Math.log2(k)));

function entropyOf(chars: string[]): number {
  const counts = new Map<string, number>();
  for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Total bits: entropy per character × length, rounded; what the reasons quote. */
export function entropyBits(s: string): number {
  return Math.round(shannonEntropy(s) * s.length);
}

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
  /** How many of the four classes occur. */
  count: number;
}

export function charClasses(s: string): CharClasses {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else symbol = true;
  }
  return { lower, upper, digit, symbol, count: +lower + +upper + +digit + +symbol };
}

/**
 * Looks like prose or an identifier made of words rather than random text:
 * letters and separators only, few capitals (camelCase has one per word,
 * random mixed case has one in two), and vowels at the rate of English words
 * (about 2 in 5 letters; random letters have about 1 in 5).
 * `connectionTimeout`, `Hello world` → true; `hunter2hunter`, `pkjuYrAWpTLvKGUq` → false.
 */
export function looksLikeWords(s: string): boolean {
  if (/[0-9]/.test(s)) return false;
  // Translations: `Contraseña`, `Mot de passe`, `Passwort`, `パスワード` are words, not credentials.
  if (/[^\x00-\x7f]/.test(s) && /^[\p{L}\p{M}][\p{L}\p{M} _.,:;'’!?()¿¡-]*$/u.test(s)) return true;
  if (!/^[A-Za-z][A-Za-z _.,:;'!?()-]*$/.test(s)) return false;
  let letters = 0;
  let upper = 0;
  let vowels = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c >= "A" && c <= "Z") {
      upper++;
      letters++;
      if ("AEIOUY".includes(c)) vowels++;
    } else if (c >= "a" && c <= "z") {
      letters++;
      if ("aeiouy".includes(c)) vowels++;
    }
  }
  if (letters === 0) return false;
  if (letters >= 8 && (upper / letters > 0.3 || vowels / letters < 0.25)) return false;
  // Five consonants in a row (`Krjvl`) is rare in words and common in random letters.
  if (letters >= 12 && /[b-df-hj-np-tv-xz]{5}/i.test(s)) return false;
  // Two or more camelCase humps of two letters that no word pair makes (`…OepDqZu`): random mixed case,
  // not words (`getIdOfUser` has one such hump, `Of`).
  if (letters >= 12 && rareShortHumps(s) >= 2) return false;
  // camelCase / snake_case / kebab-case / spaced words, or one lower-case word.
  return /[a-z][A-Z]|[ _.-]/.test(s) || /^[A-Z]?[a-z]+$/.test(s) || /^[A-Z]+$/.test(s);
}

/** Capitalised two-letter humps (`Dq` in `OepDqZu`) whose lower-cased pair is not among COMMON_PAIRS. */
function rareShortHumps(s: string): number {
  let n = 0;
  for (const m of s.matchAll(/[A-Z][a-z](?![a-z])/g)) if (!COMMON_PAIRS.has(m[0].toLowerCase())) n++;
  return n;
}

/**
 * Shaped like an identifier or constant name rather than a random token:
 * camelCase/PascalCase made of segments of 3+ letters (`trackMinWidthSM`,
 * `?NonExpressionParenEnd`, `RSAPrivateKey`), or UPPER_SNAKE_CASE (`AWS_CONTAINER_AUTHORIZATION_TOKEN`).
 * Random mixed-case text breaks into many 1–2 letter humps, so it does not qualify.
 */
export function looksLikeIdentifier(s: string): boolean {
  const t = s.replace(/^[_?$#@.:!-]+|[_?$#@.:!-]+$/g, "");
  if (t.length < 6) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)+$/.test(t)) return t.split("_").every((seg) => seg.length >= 2);
  // A leading acronym before a capitalised word is one hump: `RSAPrivateKey`, `HTTPBasicAuth`
  // (Python's quoted forward references `private_key: "_RSAPrivateKey"` are type names).
  const acronym = /^[A-Z]{2,5}(?=[A-Z][a-z]{2})/.exec(t);
  const m = /^([A-Za-z][a-z]*(?:[A-Z][a-z]*)*?)([A-Z]{0,4})$/.exec(acronym ? t.slice(acronym[0].length) : t);
  if (!m) return false;
  const segments = m[1]!.split(/(?=[A-Z])/);
  return segments.length >= 1 && segments.every((seg) => seg.length >= 3);
}

// The 172 letter pairs that make up 90% of the pairs inside words of 4+ letters in this
// project's own English documentation (README + docs/, counted 2026-11-22): words and
// identifiers are made of them, random letters mostly are not (172 of 676 pairs, 25%).
const COMMON_PAIRS = new Set(
  ("ab ac ad ag ai al am an ap ar as at au ba be bl ca cc ce ch ck cl co cr cs ct da de di do ds ea ec ed ee ef el em en ep er es et ev ex ey " +
    "fa fi fo ft ge gh gi gr ha he hi ho ht ia ic id ie if ig il im in io ip ir is it iv ke la ld le li ll lo ls lt lu ly ma me mi mm mo mp na nc nd " +
    "ne nf ng no ns nt oc od ok ol om on oo op or os ot ou ow pa pe pi pl po pp pr ps pt pu ra rd re ri rk ro rp rr rs rt ru rv ry sa sc se sh si so " +
    "ss st sw ta tc te th ti to tp tr ts tt ty ub ud ue ul un ur us ut va ve vi wh wi wo wr ys").split(" "),
);

/**
 * Lower-case letters that are random rather than words: at least 10 adjacent lower-case pairs,
 * half of them or more outside the common pairs. A random token over [a-z0-9] has long letter
 * runs by chance (`…zylllioi4…`), which run-length tests take for words; pairs tell them apart
 * (random: ~75% uncommon pairs; words and identifiers: ~10%).
 */
/**
 * Every run of `min` or more lower-case letters is random (half its pairs or more outside the common
 * pairs), and there is one: `7uv8qjdgeft2ax7l…` (run `qjdgeft`), not `api2token7settings`. A 20-30
 * character token over [a-z0-9] has too few letter pairs for randomLetters, yet one in 12 to 25 holds
 * a 6- or 7-letter run by chance, which the run-length tests take for a word.
 */
export function randomLetterRuns(s: string, min: number): boolean {
  let runs = 0;
  for (const m of s.matchAll(/[a-z]+/g)) {
    const run = m[0];
    if (run.length < min) continue;
    let rare = 0;
    for (let i = 1; i < run.length; i++) if (!COMMON_PAIRS.has(run[i - 1]! + run[i]!)) rare++;
    if (rare * 2 < run.length - 1) return false;
    runs++;
  }
  return runs > 0;
}

export function randomLetters(s: string): boolean {
  let pairs = 0;
  let rare = 0;
  for (let i = 1; i < s.length; i++) {
    const a = s.charCodeAt(i - 1);
    const b = s.charCodeAt(i);
    if (a < 97 || a > 122 || b < 97 || b > 122) continue;
    pairs++;
    if (!COMMON_PAIRS.has(s[i - 1]! + s[i]!)) rare++;
  }
  return pairs >= 10 && rare * 2 >= pairs;
}
