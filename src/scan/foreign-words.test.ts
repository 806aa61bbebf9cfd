import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeName } from "./secret-name.js";
import { FOREIGN_KEYWORDS } from "./foreign-words.js";
import { isStandIn } from "./placeholder-filter.js";
import { scanText } from "./engine.js";

test("secret names in other languages are read like English ones", () => {
  const cases: Array<[string, string]> = [
    ["DB_PASSWORT", "database-credential"], ["DB_KENNWORT_REPLIKAT", "database-credential"], ["MOT_DE_PASSE_BDD", "password"], ["motDePasse", "password"],
    ["MDP_SMTP", "password"], ["contraseña", "password"], ["CONTRASENA_CORREO", "password"], ["senha_banco", "password"],
    ["Wachtwoord", "password"], ["hasło", "password"], ["şifre", "password"], ["VERITABANI_SIFRE", "password"], ["losenord", "password"],
    ["adgangskode", "password"], ["passord", "password"], ["parola_d_ordine", "password"], ["PAROL_BD", "password"],
    ["kataSandi", "password"], ["пароль", "password"], ["密码", "password"], ["mima", "password"], ["パスワード", "password"], ["비밀번호", "password"],
    ["CLAVE_SECRETA", "generic-secret"], ["API_GEHEIMNIS", "generic-secret"], ["segredo_jwt", "generic-secret"], ["gizli_anahtar", "generic-secret"],
    ["секретный_ключ", "generic-secret"], ["密钥", "generic-secret"],
    ["JETON_ACCES", "token"], ["токен", "token"], ["TOKEN_ACESSO", "token"],
    ["API_SCHLUESSEL", "api-key"], ["zugangsschluessel", "api-key"], ["chave_api", "api-key"], ["CLE_API", "api-key"], ["API_ANAHTARI", "api-key"], ["API키", "api-key"],
  ];
  for (const [name, kind] of cases) {
    const a = analyzeName(name);
    assert.equal(a.strength, "strong", `${name}: ${JSON.stringify(a)}`);
    assert.equal(a.kind, kind, name);
  }
  // A key word alone asks more of the value (medium, like a vendor's KEY in English).
  assert.equal(analyzeName("Schlüssel").strength, "medium");
});

test("words after a foreign head that make the name about the secret: lengths, labels, hashes, public halves", () => {
  for (const name of ["PASSWORT_MINDESTLAENGE", "KENNWORT_FELD", "senha_hash", "chave_publica", "sifre_etiketi", "app.banco.senha.tamanho-minimo", "PAROL_HASH", "EXPORT_SCHLUESSEL_PFAD", "mot_de_passe_oublie"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, `${name}: ${JSON.stringify(a)}`);
  }
  // Words that hold a stem and mean something else: an SGX enclave measurement, a secretary, encryption, a tokenizer.
  for (const name of ["MRENCLAVE", "enclave_hash", "sekretariat_email", "segreteria", "암호화_방식", "sifreleme_algoritmasi", "токенизатор"]) {
    assert.equal(analyzeName(name).strength, "none", name);
  }
    // English heads keep the English rule: any other word after the head is about the secret.
  assert.equal(analyzeName("PASSWORD_RESET_PAGE").strength, "none");
});

test("stand-ins written in other languages are placeholders; random values are not", () => {
  for (const v of ["sua_senha_aqui", "tu_contraseña_aqui", "din-adgangskode-her", "sifreniz", "«bitte eintragen»", "votre_mot_de_passe"]) assert.ok(isStandIn(v), v);
  for (const v of ["Xk9#mPq2$vLwT4", "Sonnenblume4711!Kx9", "q7R2mZ8vT1"]) assert.ok(!isStandIn(v), v);
});

test("a head word outside ASCII is read even when ASCII head words follow it in the file", () => {
  // The Cyrillic and CJK heads are found by a search of their own after the keyword pass; the generic
  // detector needs all heads in text order, or the ones before the pass's last head are skipped.
  const value = "Qv7mT2xK9pLw4Rz8";
  const text = `база_данных:\n  пароль: "${value}"\n数据库:\n  密码: "${value}x"\nother:\n  password_hint: "see the wiki"\n  token_type: bearer\n`;
  const lines = scanText({ text, file: "config/prod.yml" }).findings.map((f) => f.line).sort();
  assert.deepEqual(lines, [2, 4]);
});

test("a numbered copy of a head is a secret name", () => {
  for (const name of ["STA_PASS1", "PASSWORD2", "token2"]) assert.equal(analyzeName(name).strength, "strong", name);
  assert.equal(analyzeName("STA_SSID1").strength, "none");
});

test("names as written: Polish `hasło` (ł) and Korean `API키` are found by keywords that open with a character above U+00FF", () => {
  const value = ["Gx7kP2mQ", "9vLw4RtY"].join("");
  const names = (file: string, text: string) => scanText({ text, file }).findings.map((f) => f.name);
  assert.deepEqual(names("config/parametry.yaml", `baza:\n  hasło: "${value}"\n  hasło_zapasowe: "${value}x"\n  opis: "Było to słowo"\n`), ["hasło", "hasło_zapasowe"]);
  assert.deepEqual(names("config/settings.json", `{\n  "API키": "${value}zN3b",\n  "키보드": "${value}zN3c",\n  "키": "${value}zN3d"\n}\n`), ["API키"]);
  assert.ok(FOREIGN_KEYWORDS.every((k) => k.length >= 2), "the keyword table skips one-character keywords");
  assert.ok(FOREIGN_KEYWORDS.filter((k) => !/^[\x00-\x7f]*$/.test(k)).every((k) => k.charCodeAt(0) > 0xff), "a non-ASCII keyword opening at or below U+00FF would end the gate for all of them");
});
