import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { passwordNamesEntry } from "./ldif-entry.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");
const REAL = ["Qm7vT2", "xK9pL4wZk8"].join("");

test("session 18: an LDIF entry whose password is its own uid or name is test data; another entry's real password is found", () => {
  const text =
    `dn: cn=Barbara Jensen,ou=People,dc=example,dc=com\nobjectClass: person\ncn: Barbara Jensen\nuid: bjensen\nuserPassword:: ${b64("bjensen")}\n\n` +
    `dn: cn=Proxy US,ou=Admin,dc=example,dc=com\nobjectClass: person\ncn: Proxy US\nuserPassword:: ${b64("proxy")}\n\n` +
    // A folded DN (RFC 2849 §2): the RDN value still counts.
    `dn: uid=jaj,ou=People,dc=exa\n mple,dc=com\nobjectClass: person\nuserPassword:: ${b64("jaj")}\n\n` +
    // A generated directory's password: the login backwards.
    `dn: uid=May_Gaul,ou=Accounting,dc=example,dc=com\nuid: May_Gaul\nuserPassword:: ${b64("luaGyaM")}\n\n` +
    `dn: uid=deploy,ou=People,dc=example,dc=com\nobjectClass: person\nuid: deploy\nuserPassword:: ${b64(REAL)}\n`;
  const lines = scanText({ text, file: "tests/data/people.ldif" }).findings.filter((f) => f.ruleId === "ldif-user-password").map((f) => f.line);
  const realLine = text.split("\n").findIndex((l) => l === `userPassword:: ${b64(REAL)}`) + 1;
  assert.deepEqual(lines, [realLine]);
});

test("a password is not the entry's name because another entry, or a short word of it, matches", () => {
  // The name of the entry above does not count: entries end at a blank line.
  const text = `dn: uid=alice,dc=example,dc=com\nuid: alice\n\ndn: uid=bob,dc=example,dc=com\nuid: bob\nuserPassword:: ${b64("alice")}\n`;
  assert.equal(passwordNamesEntry(b64("alice"), text, text.indexOf("userPassword")), false);
  // Words shorter than three letters are too common to be the name: `cn: Jo Li` with password "li".
  const short = `dn: cn=Jo Li,dc=example,dc=com\ncn: Jo Li\nuserPassword:: ${b64("li")}\n`;
  assert.equal(passwordNamesEntry(b64("li"), short, short.indexOf("userPassword")), false);
  const same = `dn: cn=Jo Li,dc=example,dc=com\ncn: Jo Li\nuid: joli\nuserPassword:: ${b64("JoLi")}\n`;
  assert.equal(passwordNamesEntry(b64("JoLi"), same, same.indexOf("userPassword")), true);
});
