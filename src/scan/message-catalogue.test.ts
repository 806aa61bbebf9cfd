import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { isMessageCatalogue } from "./message-catalogue.js";

// Assembled at run time so that scanning this repository stays clean.
const PASSWORD = ["Qm7", "vT2", "xK9", "pL4w"].join("");
const STRIPE = ["sk_live_", "51Hq8Zt", "K2mR7vX", "p3LwN9c", "D4fBq2"].join("");

// Labels as MediaWiki's catalogues hold them (Kirundi, Hungarian, Chinese), a password-looking label, and a
// provider format pasted into the catalogue.
const CATALOGUE = `{
  "userlogin-yourpassword": "${["Akajambo", "banga"].join("-")}",
  "config-db-password": "${["Adatbázis", "jelszó:"].join("")}",
  "wrongpassword": "您输入的用户名或密码错误",
  "botpasswords-label-resetpassword": "${PASSWORD}",
  "stripe-api-key-help": "${STRIPE}"
}
`;

test("message catalogues: name-based guesses are not made, a provider format is still reported", () => {
  const line = (s: string) => CATALOGUE.split("\n").findIndex((l) => l.includes(s)) + 1;
  for (const file of ["languages/i18n/rn.json", "extensions/Cite/i18n/zh-hans.json", "lib/plugins/authpdo/lang/ja/settings.json"]) {
    const found = scanText({ text: CATALOGUE, file }).findings.map((f) => `${f.line}:${f.ruleId}`);
    assert.deepEqual(found.filter((f) => !f.includes("stripe")), [], `${file}: ${found}`);
    assert.ok(found.includes(`${line("stripe-api-key-help")}:stripe-secret-key`) || found.some((f) => f.startsWith(`${line("stripe-api-key-help")}:stripe`)), `${file}: ${found}`);
  }
  // The same text outside a catalogue: the password under a password name is found.
  const found = scanText({ text: CATALOGUE, file: "config/accounts.json" }).findings.map((f) => `${f.line}:${f.ruleId}`);
  assert.ok(found.includes(`${line("botpasswords-label-resetpassword")}:generic-password`), `config/accounts.json: ${found}`);
});

test("message catalogues: a value random enough to be a key on its own is still reported under a secret name", () => {
  // A catalogue module of a locale (moment, date-fns, antd ship them as JS) with a key pasted into it.
  const password = ["HA4n", "PUO#", "bs61", "E94I", "H3X*"].join("");
  const hex = ["06eaf24b12e11fd2", "51f028a324d9d59d", "917ff519ffb11f67", "d3740fffc01059cc"].join("");
  const text = `module.exports.smtpPassword = '${password}';\nmodule.exports.sessionSecret = '${hex}';\nmodule.exports.passwordLabel = 'Kata sandi';\nmodule.exports.resetPassword = '${PASSWORD}';\n`;
  const found = scanText({ text, file: "lib/time-picker/locale/id_ID.js" }).findings.map((f) => f.line);
  assert.deepEqual(found, [1, 2]);
});

test("isMessageCatalogue: catalogue directories with a locale, gettext files; not a locale-looking file elsewhere", () => {
  for (const f of ["config/locales/en.yml", "src/i18n/zh-CN.json", "_locales/de/messages.json", "resources/lang/en/passwords.php",
    "app/locale/fr/LC_MESSAGES/django.po", "translations/messages.fr.yml", "public/language/ja/login.json", "language/pt-BR/user.json", "src/main/resources/i18n/messages_pt_BR.properties", "po/de.po"]) {
    assert.ok(isMessageCatalogue(f), f);
  }
  for (const f of ["config/en.yml", "src/de.json", "config/database.yml", "lang/config/secrets.yml", ".env", "locales/README", "language/config.json", "src/language/parser.ts"]) {
    assert.ok(!isMessageCatalogue(f), f);
  }
});
