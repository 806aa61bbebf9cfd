// Jetty's `OBF:` password obfuscation (org.eclipse.jetty.util.security.Password): reversible by anyone, so the
// scanner reads the clear text behind it, both to report it and to recognise a documented stand-in under it.

/** Jetty's Password.deobfuscate: four base-36 digits per character, null if it does not decode to printable ASCII. */
export function deobfuscateJetty(s: string): string | null {
  if (s.length % 4 !== 0) return null;
  const n = s.length / 4;
  let out = "";
  for (let i = 0; i < s.length; i += 4) {
    const i0 = parseInt(s.slice(i, i + 4), 36);
    const c = Math.floor((Math.floor(i0 / 256) + (i0 % 256) - 254) / 2);
    if (c < 0x20 || c > 0x7e) return null;
    out += String.fromCharCode(c);
  }
  return out.length === n ? out : null;
}

/** Jetty's Password.obfuscate, for the examples. */
export function obfuscateJetty(plain: string): string {
  let out = "";
  for (let i = 0; i < plain.length; i++) {
    const b1 = plain.charCodeAt(i);
    const b2 = plain.charCodeAt(plain.length - (i + 1));
    out += ((127 + b1 + b2) * 256 + (127 + b1 - b2)).toString(36).padStart(4, "0");
  }
  return out;
}
