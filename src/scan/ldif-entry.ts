// LDIF entries (RFC 2849) whose password is the entry's own name. Directory servers' test data and the
// sample directories of LDAP tools give each test person the login name as password (OpenLDAP's
// tests/data: `uid: bjensen` … `userPassword:: YmplbnNlbg==`, "bjensen"; `cn: Proxy US` … "proxy";
// Samba's and 389-ds's test LDIFs do the same), so that a test can bind as anyone without a table of
// passwords. A password anybody can read off the entry it protects is no secret to move into a vault;
// every other clear-text password of an LDIF entry (`uid: deploy` with `userPassword:: <something else>`)
// is still reported.

import { decodeBase64 } from "./checksum.js";

// The attributes that name an entry: the login, the person's names, the mail address's local part.
const NAMING = new Set(["uid", "cn", "sn", "givenname", "displayname", "mail", "samaccountname", "userprincipalname", "ou", "o"]);

/** True when the LDIF password at `start` (`userPassword:: <secret>`, base64) is a name of its own entry. */
export function passwordNamesEntry(secret: string, text: string, start: number): boolean {
  const password = decodeBase64(secret)?.toString("utf8").trim().toLowerCase();
  if (!password || password.length < 2) return false;
  const reversed = [...password].reverse().join("");
  for (const name of entryNames(text, start)) {
    if (name === password) return true;
    // Generated directories (OpenLDAP's tests/data/regressions: `uid: May_Gaul`, password "luaGyaM") write the
    // login backwards, separators dropped.
    if (name.length >= 4 && name.replace(/[\s._-]+/g, "") === reversed) return true;
    // `cn: Proxy US` with password "proxy"; `mail: bjensen@example.com` with "bjensen".
    if (name.split(/[\s,.@_=-]+/).some((word) => word.length >= 3 && word === password)) return true;
  }
  return false;
}

/** The naming values of the LDIF entry around `at`, lower-cased: its DN's RDN values and naming attributes. */
function entryNames(text: string, at: number): string[] {
  const from = Math.max(blankLineBefore(text, at), at - 8000);
  const after = /\r?\n[ \t]*\r?\n/.exec(text.slice(at, Math.min(text.length, at + 8000)));
  const to = after ? at + after.index : Math.min(text.length, at + 8000);
  // RFC 2849 §2: a line starting with one space continues the previous one.
  const lines = text.slice(from, to).replace(/\r?\n /g, "").split(/\r?\n/);
  const names: string[] = [];
  for (const line of lines) {
    const m = /^([A-Za-z][\w-]*)(::?)[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    const attr = m[1]!.toLowerCase();
    const value = m[2] === "::" ? decodeBase64(m[3]!.trim())?.toString("utf8") : m[3];
    if (value === undefined) continue;
    if (attr === "dn") {
      for (const rdn of value.split(/,(?=[A-Za-z][\w-]*=)/)) {
        const eq = rdn.indexOf("=");
        if (eq > 0) names.push(rdn.slice(eq + 1).trim().toLowerCase());
      }
    } else if (NAMING.has(attr)) {
      names.push(value.trim().toLowerCase());
    }
  }
  return names;
}

function blankLineBefore(text: string, at: number): number {
  const head = text.slice(Math.max(0, at - 8000), at);
  const m = /\r?\n[ \t]*\r?\n(?![\s\S]*\r?\n[ \t]*\r?\n)/.exec(head);
  return m ? at - head.length + m.index + m[0].length : Math.max(0, at - 8000);
}
