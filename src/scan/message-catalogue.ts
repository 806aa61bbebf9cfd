/**
 * Message catalogues: the files an application's user interface reads its text from, one per language
 * (MediaWiki and jQuery.i18n `i18n/ja.json`, Rails `config/locales/en.yml`, Laravel and DokuWiki
 * `lang/de/settings.php`, NodeBB `public/language/ja/login.json`, Chrome extensions `_locales/de/messages.json`, Symfony
 * `translations/messages.fr.yml`, Java `messages_pt_BR.properties`, gettext `.po`/`.pot`). Their keys name
 * the text's place (`userlogin-yourpassword`, `auth.password`), their values are that text in a human
 * language: "Password:", "密码错误", "ពាក្យសម្ងាត់". In MediaWiki's 30,000 catalogue files every name-based
 * guess was such a label (session 17, docs/detection.md); the labelled corpora hold them as traps only.
 * Name = value guesses are not made there; a provider's own format pasted into one is still reported.
 */

/** A directory that holds catalogues. */
const CATALOGUE_DIR = "(?:i18n|l10n|_?locales?|lang|langs|languages?|translations?)";
/** A BCP 47 / POSIX locale: `ja`, `zh-hans`, `pt_BR`, `be-tarask`, `sr-Latn-RS`, `en_US.UTF-8` is not a file name. */
const LOCALE = "[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}";

const PATTERNS = [
  // `i18n/ja.json`, `config/locales/en.yml`, `locales/zh-CN.json`.
  new RegExp(`(?:^|/)${CATALOGUE_DIR}/(?:[^/]+/)*${LOCALE}\\.(?:json|ya?ml|php|js|ts|properties|ini|xml|toml)$`),
  // `lang/de/settings.php`, `_locales/de/messages.json`, `locale/fr/LC_MESSAGES/django.po`.
  new RegExp(`(?:^|/)${CATALOGUE_DIR}/${LOCALE}/(?:[^/]+/)*[^/]+\\.(?:json|ya?ml|php|properties|ini|po|xml)$`),
  // Symfony `translations/messages.fr.yml`, `validators+intl-icu.de.xlf`; Java `messages_pt_BR.properties`.
  new RegExp(`(?:^|/)${CATALOGUE_DIR}/(?:[^/]+/)*[\\w+-]+[._]${LOCALE}\\.(?:json|ya?ml|xlf|xliff|properties|php)$`),
  // gettext catalogues and templates are catalogues wherever they sit.
  /\.pot?$/,
];

/** `file` (a path with `/`) is a message catalogue by its place and name. */
export function isMessageCatalogue(file: string): boolean {
  return PATTERNS.some((p) => p.test(file));
}
