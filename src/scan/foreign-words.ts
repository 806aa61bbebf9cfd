// Secret words of names written in languages other than English: `DB_PASSWORT`,
// `MOT_DE_PASSE_BDD`, `contraseña`, `senha`, `wachtwoord`, `hasło`, `şifre`,
// `пароль`, `密码`, `パスワード`, `비밀번호`, `CLAVE_SECRETA`, `API_SCHLUESSEL`.
// Codebases name their configuration in the team's language as often as in
// English (German, French, Spanish, Portuguese, Italian, Dutch, the
// Scandinavian, Slavic and Turkic languages, Chinese and its pinyin, Japanese,
// Korean, Indonesian).
//
// Romance languages put the qualifier after the head (`clave_secreta`,
// `mot_de_passe_bdd`, `senha_banco`, `token_acesso`): under a foreign head, a
// word after it makes the name about the secret only when it says so
// (NEGATIVE_AFTER: `passwort_mindestlaenge`, `senha_hash`, `chave_publica`,
// `sifre_etiketi`), where English needs every word after the head to be neutral.
//
// Names are folded before they are read (secret-name.ts splitNameWordsByRegex):
// accents and the letters NFD leaves alone (`ß ł ø æ đ ı`) become ASCII, so
// `Schlüssel` → `schlussel`, `lösenord` → `losenord`, `şifre` → `sifre`.

export type ForeignBase = "password" | "secret" | "token" | "key";

/**
 * Words the engine's keyword pass looks for (rule-set.ts GENERIC_HEADS): each
 * starts a name or sits inside one, and the generic detector reads the whole
 * name around it. ASCII ones are pieces that are rare in English code (one
 * window each in the keyword table; `passwort`, `passord`, `mot_de_passe` and
 * the Romance `secreta`/`secreto` are found by `pass` and `secret` already).
 * The others start with a character above U+00FF: keyword-table.ts searches a
 * text for them only when it holds one of their first characters (`hasło` is
 * found by `ło`, `API키` by `키` and the character after the name; an ASCII start
 * would search every text for them).
 */
export const FOREIGN_KEYWORDS = [
  // password
  "kennw", "wachtw", "contrase", "senha", "parol", "haslo", "heslo", "ifre", "senord", "adgangs", "salasana", "jelsz",
  "lozink", "sandi", "mima", "mdp", "clave", "пароль", "密码", "口令", "パスワード", "암호",
  // Polish `hasło` as written: `ł` (U+0142) opens the keyword, so only texts holding it search for it.
  "ło",
  // secret
  "geheim", "segre", "sekret", "hemmelig", "hemlig", "gizli", "rahasia", "tajn", "miyao", "секрет", "密钥", "秘钥", "シークレット", "비밀", // also finds 비밀번호 (password)
  // token
  "jeton", "токен", "令牌", "トークン", "토큰",
  // key
  "cle_api", "cleapi", "schl", "sleutel", "kkel", "noegle", "nyckel", "klucz", "anahtar", "kunci", "klyuch", "kluch", "chiave", "chave", "ключ", "キー",
  // Korean `키` ending a name (`API키`, `비밀키`): a keyword needs two characters, so `키` with what follows a
  // name (`"`, `'`, `:`, `=`); `키` opens them, so only texts holding it search for them. (French `clé`
  // as written, `CléAPI`, is left out: `é` is below U+0100, and a keyword opening with it would end the
  // gate that spares every other text these searches.)
  "키\"", "키'", "키:", "키=",
];

// Stems: a folded word holding one names that kind of secret (`geheimnis`, `zugangsschluessel`,
// `anahtari`, `dbkennwort`). Short or common stems are whole words only (EXACT).
const STEMS: Array<[string, ForeignBase]> = [
  ["passwort", "password"], ["passord", "password"], ["kennwort", "password"], ["wachtwoord", "password"], ["contrasena", "password"],
  ["contrasenya", "password"], ["senha", "password"], ["parola", "password"], ["haslo", "password"], ["heslo", "password"],
  ["sifre", "password"], ["losenord", "password"], ["adgangskode", "password"], ["salasana", "password"], ["jelszo", "password"],
  ["lozinka", "password"], ["katasandi", "password"], ["motdepasse", "password"], ["пароль", "password"], ["密码", "password"],
  ["口令", "password"], ["パスワード", "password"], ["비밀번호", "password"], ["암호", "password"],
  ["geheim", "secret"], ["segret", "secret"], ["segred", "secret"], ["sekret", "secret"], ["hemmelig", "secret"], ["hemlig", "secret"],
  ["gizli", "secret"], ["rahasia", "secret"], ["tajny", "secret"], ["tajna", "secret"], ["tajne", "secret"], ["miyao", "secret"],
  ["секрет", "secret"], ["密钥", "secret"], ["秘钥", "secret"], ["シークレット", "secret"], ["비밀키", "secret"],
  ["jeton", "token"], ["токен", "token"], ["令牌", "token"], ["トークン", "token"], ["토큰", "token"],
  ["schlussel", "key"], ["schluessel", "key"], ["sleutel", "key"], ["nokkel", "key"], ["noegle", "key"], ["nogle", "key"],
  ["nyckel", "key"], ["klucz", "key"], ["anahtar", "key"], ["kunci", "key"], ["klyuch", "key"], ["kluch", "key"], ["chiave", "key"],
  ["chave", "key"], ["clave", "key"], ["ключ", "key"], ["キー", "key"], ["키", "key"], ["cleapi", "key"],
];

/** Whole words only: short, or a word of its own elsewhere (`parol`, Russian transliterated; `passe`, French). */
const EXACT = new Map<string, ForeignBase>([
  ["parol", "password"], ["passe", "password"], ["mdp", "password"], ["mima", "password"], ["secreta", "secret"], ["secreto", "secret"],
  ["secrete", "secret"], ["secreti", "secret"], ["secretas", "secret"], ["secretos", "secret"], ["비밀", "secret"],
  // French `clé` (`CLE_API`, `cle_secrete`): as a word of its own only, and found by `cle_api`/`cleapi` (`cle` is in `clear`, `cycle`).
  ["cle", "key"],
]);

/** The foreign head a folded word is, if any. `prev` is the word before it (`kata sandi`). */
export function foreignHead(word: string, prev: string): ForeignBase | null {
  const exact = EXACT.get(word);
  if (exact !== undefined) return exact;
  if (word === "sandi" && prev === "kata") return "password";
  if (word.length < 2) return null;
  // One regex for all stems: a loop of `includes` over 70 stems, for every word of every name read
  // (most are English), cost ~0.3 s CPU on the 335 MB npm corpus.
  const m = STEM_RE.exec(word);
  return m === null || NOT_STEM.test(word) ? null : STEM_BASE.get(m[0])!;
}

// Words holding a stem that mean something else: an enclave (Intel SGX's MRENCLAVE, a 64-hex measurement),
// a secretary (`sekretariat`, `segreteria`), encryption (Korean `암호화`, Turkish `şifreleme`/`şifreli`), a tokenizer.
const NOT_STEM = /(?:en|auto|con)clave|sekretar|segretar|segreter|암호화|sifrel|токениз/;

const STEM_RE = new RegExp(STEMS.map(([stem]) => stem).join("|"));
const STEM_BASE = new Map(STEMS);

/**
 * Words after a foreign head that make the name about the secret, not the secret: lengths,
 * labels, hints, paths, hashes, public halves, in English and in the languages above (folded).
 */
export const NEGATIVE_AFTER = new Set([
  "min", "max", "minimum", "maximum", "length", "len", "size", "label", "field", "hint", "url", "uri", "path", "file", "name", "id", "type",
  "header", "policy", "regex", "pattern", "hash", "hashed", "encrypted", "prompt", "placeholder", "help", "error", "invalid", "reset",
  "forgot", "confirm", "repeat", "count", "required", "enabled", "format", "rule", "rules", "expiry", "expires", "ttl", "public", "text",
  "laenge", "lange", "mindestlaenge", "feld", "hinweis", "vergessen", "zuruecksetzen", "ungueltig", "pfad", "datei", "verschluesselt",
  "typ", "etiqueta", "libelle", "rotulo", "etichetta", "etiket", "etiketi", "etykieta", "longitud", "longueur", "lunghezza", "tamanho",
  "dlugosc", "uzunluk", "minimo", "maximo", "oublie", "olvido", "olvidada", "esqueci", "esquecida", "dimenticata", "unuttum", "vergeten",
  "chemin", "ruta", "caminho", "percorso", "publica", "publico", "publique", "pubblica", "publiek", "offentlig", "oeffentlich",
  "offentlich", "publiczny", "hachage", "cifrada", "cifrado", "chiffre", "versleuteld", "niepoprawne", "incorrecta", "incorreta",
  "invalide", "ungultig", "hinweis", "wiederholen", "bestaetigen", "confirmar", "confirmer", "nuevo", "nova", "nouveau", "neues",
]);

/** Words before or beside a foreign `key` word that make it a credential (`geheime sleutel`, `api anahtari`, `zugangsschluessel`). */
const KEY_CREDENTIAL = /api|secret|secre|segre|geheim|zugang|access|acesso|acceso|accesso|acces|privat|hemlig|hemmelig|gizli|rahasia|tajn|sekret|sign|signing|auth|client|cliente|comercio|секрет|доступ|приват|秘|密|비밀|シークレット/;

/** Whether a foreign `key` word is a credential by the rest of the (folded) name. */
export function foreignKeyIsCredential(words: string[]): boolean {
  return KEY_CREDENTIAL.test(words.join("_"));
}

/** Of KEY_CREDENTIAL's words, those that make a foreign `key` a secret or private key rather than an API key. */
const KEY_SECRET = /secre|segre|geheim|hemlig|hemmelig|gizli|rahasia|tajn|sekret|privat|секрет|приват|秘|密|비밀|シークレット/;

/** Whether a credential foreign `key` word is a secret (`geheime sleutel`, `chave_privada`) by the rest of the (folded) name. */
export function foreignKeyIsSecret(words: string[]): boolean {
  return KEY_SECRET.test(words.join("_"));
}

/**
 * Qualifiers that may follow an English head in names written in the Romance order ("the password of
 * …"): `TOKEN_ACESSO`, `token_bota` (Russian: the bot's token), `password_smtp`, `PASSWORD_BD`. They name
 * what the secret opens, never something about it.
 */
export const ROMANCE_NEUTRAL_AFTER = ["acesso", "acceso", "accesso", "acces", "bota", "smtp", "ftp", "sftp", "imap", "ldap", "db", "bd", "bdd", "mysql", "admin"];
