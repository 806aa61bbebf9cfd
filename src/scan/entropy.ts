// Value-shape measures used by the generic detector and the classifier. Entropy
// alone is a poor gate (short human passwords have little of it, long English
// identifiers have plenty), so these measures feed a score together with the
// name and the file kind rather than deciding on their own.

/** Shannon entropy in bits per character (same definition as rule-runner's `shannonEntropy`). */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
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
  // camelCase / snake_case / kebab-case / spaced words, or one lower-case word.
  return /[a-z][A-Z]|[ _.-]/.test(s) || /^[A-Z]?[a-z]+$/.test(s) || /^[A-Z]+$/.test(s);
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
