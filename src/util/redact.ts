// The one place where a secret becomes something printable. Everything that
// shows a secret to a person goes through `redact`.

/**
 * A short, safe label for a secret: its first characters when the secret is long
 * enough that they reveal little (most long secrets are tokens whose first
 * characters are a provider prefix such as `sk_l`), and its length.
 * `sk_live_abc…` (32 chars) → `sk_l…(32 chars)`. Shorter values are more often
 * human passwords, where a head would help a guess: 2 characters from 12, none below.
 */
export function redact(secret: string): string {
  const length = [...secret].length;
  const shown = length >= 20 ? 4 : length >= 12 ? 2 : 0;
  const head = [...secret].slice(0, shown).join("");
  return `${head}…(${length} chars)`;
}

/** Replace every occurrence of each secret in `text` by its redacted label. */
export function scrub(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    out = out.split(s).join(redact(s));
  }
  return out;
}
