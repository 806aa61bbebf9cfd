import { isCharacterTable, isLeetStandIn, isOneCharOff, isRepeatedFill, isStandIn } from "../src/scan/placeholder-filter.js";
import { looksLikePlaceholder } from "./build.js";
import { shannonEntropy } from "../src/scan/rule-runner.js";

// What a password found in a URL, a config file or a command line must not
// be: a template reference, an environment expansion, a redaction, or one of
// the dummy values that fill documentation, tests and docker-compose files.
// The stand-in words (`password`, `changeme`, `mypassword`, `p@ssw0rd`, `qwerty123`,
// `your_password_here`, in other languages too) are placeholder-filter's, which the
// generic detector uses (isStandIn); only the defaults of services and specs are listed here.
const DUMMY = new Set([
  "tester", "administrator", "redis", "mongo", "mongodb", "rabbitmq", "docker", "app", "db", "pw",
  "123", "1234", "12345", "123456", "hunter2", "pa$$",
  // Credentials printed in specifications: RFC 6749 §2.3.1 (s6BhdRkqt3:gX1fBat3bV)
  // and RFC 7617 §2 (Aladdin:open sesame).
  "gx1fbat3bv", "open sesame",
  // Oracle's sample schema and old install defaults (scott/tiger, system/change_on_install), in every SQL*Plus tutorial.
  "tiger", "change_on_install",
  // Firebird's SYSDBA install default (masterkey) and the password of Solr's documented basic-auth
  // security.json (solr:SolrRocks), in every Firebird and Solr guide.
  "masterkey", "solrrocks",
]);

function percentDecoded(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

const STANDIN_PASSWORD = /^(?:my|your|the|some|proxy|db|admin|api|app|test|sample|demo|dummy|fake|user|root|web|mail|smtp|ftp)?[_-]?(?:pass|passw(?:or)?d|pwd|secret)[0-9]{0,3}$/i;

export function isRealPassword(raw: string): boolean {
  // URL userinfo is percent-encoded: "p%40ss" is the stand-in "p@ss".
  const p = percentDecoded(raw);
  if (p.length < 3) return false;
  if (looksLikePlaceholder(p)) return false;
  if (DUMMY.has(p.toLowerCase()) || isStandIn(p)) return false;
  // Punctuation only, or control characters (URL-parser tests' character tables).
  if (isCharacterTable(raw)) return false;
  // `t0ps3cr3t`, `S3nsit1ve`: a stand-in spelt in leetspeak.
  if (isLeetStandIn(p)) return false;
  // Template references and expansions: ${X}, $X, %(x)s, {{x}}, <x>, [x], %X%, @X@. A long random string
  // over punctuation holds such pieces now and then (a WordPress salt from api.wordpress.org draws 64 of
  // 90 characters, `{`, `<`, `[`, `@`, `%`, `$` among them, and opens with one of them one time in fifteen):
  // 32+ characters at 5 bits each are no template.
  if (/^[$<[{@%]|[$]\{|\{\{|%\(|%[A-Z_]+%|_here$|^put your/i.test(p) && !(p.length >= 32 && shannonEntropy(p) >= 5)) return false;
  if (/^\*+$|^•+$/.test(p)) return false;
  // One character repeated, maybe with a little punctuation: `bbb` of `aaa:bbb` (rust-oauth2's tests send
  // `Basic YWFhOmJiYg==`), `bbb/;&` where a URL test escapes separators. A fill-in, as `xxxx` is.
  if (isRepeatedFill(p)) return false;
  // <prefix>pass / <prefix>password / …secret with a digit or two: proxypass,
  // dbpass, mypassword1, app_secret.
  if (STANDIN_PASSWORD.test(p)) return false;
  // The same with punctuation or spaces inside (URL-parser tests: `pa%2Fssword`, `passwo^rd`, `My%20Pass`).
  const squeezed = p.toLowerCase().replace(/[^a-z0-9]+/g, "");
  if (squeezed !== p.toLowerCase() && (DUMMY.has(squeezed) || STANDIN_PASSWORD.test(squeezed))) return false;
  // One character off a stand-in of six letters or more (`secre1`, `pa?sword` decoded from `pa%3Fsword`):
  // URL-parser tests and docs vary a stand-in so that it cannot be a default, not to make it secret.
  if (isOneCharOff(p.toLowerCase(), LONG_DUMMIES)) return false;
  // A password that is only the name of one (DB_PASSWORD, SECRET_KEY).
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(p)) return false;
  return true;
}

const LONG_DUMMIES = [...DUMMY].filter((d) => d.length >= 6 && /^[a-z]+$/.test(d));
