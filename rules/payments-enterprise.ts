import type { Rule } from "../src/scan/types.js";
import { assigned, custom } from "./build.js";
import { ALNUM, DIGITS, HEX, HEX_UPPER, fake } from "./fake.js";

// Credentials of the systems a payments and finance team integrates with: tax engines, ERP token-based
// auth, card-not-present gateways' legacy keys, FX rate feeds, X12 EDI interchanges, PayPal's classic API
// and HSM / PKCS#11 PINs. Most have no prefix, so each is tied to the provider's name or a format only it uses.

/** A PIN anyone would reject on sight: one repeated digit or a run up or down (1234, 87654321). */
function isTrivialPin(pin: string): boolean {
  if (/^(\d)\1*$/.test(pin)) return true;
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((pin.charCodeAt(i) - pin.charCodeAt(i - 1) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

export const rules: Rule[] = [
  // Avalara AvaTax: account id (10 digits, an identifier) and license key (16 hex digits), sent together as
  // Basic auth (https://developer.avalara.com/avatax/authentication-in-avatax/). The key is named for the product.
  assigned({ id: "avalara-license-key", description: "Avalara AvaTax license key (16 hex digits) assigned to an Avalara/AvaTax name", kind: "api-key", severity: "high", docs: "https://developer.avalara.com/avatax/authentication-in-avatax/", names: "avalara|avatax", value: "[A-F0-9]{16}", keywords: ["avalara", "avatax"], get sample() { return fake(HEX_UPPER, 16, "avalara"); }, env: "AVATAX_LICENSE_KEY", get valid() { return [`AVATAX_ACCOUNT_ID=${fake(DIGITS, 10, "avalara-acct")}`, "AVATAX_LICENSE_KEY=0000000000000000"]; } }),
  // NetSuite token-based authentication is OAuth 1.0a with four 64-hex values: consumer key and secret (the
  // integration record), token id and secret (the access token)
  // (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4247337262.html). The secrets are found
  // by their names anywhere; the key and the token id are named like identifiers, so they count only in a file
  // that speaks OAuth 1 consumer keys or names NetSuite, and only with a 64-hex value.
  assigned({
    id: "oauth1-consumer-key-or-token-id",
    description: "OAuth 1.0a consumer key or access token id of 64 hex digits (NetSuite token-based auth)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4247337262.html",
    names: "consumer[_.-]?key|resource[_.-]?owner[_.-]?key|client[_.-]?key|token[_.-]?id",
    value: "[a-f0-9]{64}",
    keywords: ["netsuite", "consumer_key", "resource_owner_key"],
    get sample() { return fake(HEX, 64, "netsuite-ck"); },
    env: "NETSUITE_CONSUMER_KEY",
    get invalid() { return [`auth = OAuth1(client_key="${fake(HEX, 64, "ns-ck2")}", realm="1234567")  # netsuite`, `netsuite.token.id=${fake(HEX, 64, "ns-tid")}`]; },
    get valid() { return [`netsuite.account=1234567_SB1`, `token_id: ${fake(HEX, 40, "ns-short")}  # netsuite`, `image_digest=${fake(HEX, 64, "ns-digest")}  # netsuite`]; },
  }),
  // Authorize.Net: the API login id is the account's name; the transaction key (16 characters) is its password
  // (https://developer.authorize.net/api/reference/features/authentication.html).
  assigned({ id: "authorize-net-transaction-key", description: "Authorize.Net transaction key (16 alphanumerics) assigned to a transaction key name", kind: "api-key", severity: "critical", docs: "https://developer.authorize.net/api/reference/features/authentication.html", names: "transaction[_.-]?key", value: "[A-Za-z0-9]{16}", keywords: ["transaction_key"], get sample() { return fake(ALNUM, 16, "anet"); }, env: "AUTHORIZENET_TRANSACTION_KEY", get invalid() { return [`private const string TransactionKey = "${fake(ALNUM, 16, "anet2")}";`, `'transaction_key' => '${fake(ALNUM, 16, "anet3")}',`]; }, get valid() { return [`API_LOGIN_ID=${fake(ALNUM, 10, "anet-login")}`, "TRANSACTION_KEY=order-idempotency", "transactionKey: YOUR_TRANSACTION_KEY"]; } }),
  // Open Exchange Rates authenticates with an "app id", 32 hex digits (https://docs.openexchangerates.org/reference/authentication):
  // named like an identifier, it is the account's only credential.
  assigned({ id: "openexchangerates-app-id", description: "Open Exchange Rates app id (32 hex digits), the account's API credential", kind: "api-key", severity: "medium", docs: "https://docs.openexchangerates.org/reference/authentication", names: "openexchangerates|open_exchange_rates|oxr", value: "[a-f0-9]{32}", keywords: ["openexchangerates", "open_exchange_rates", "oxr_app"], get sample() { return fake(HEX, 32, "oxr"); }, env: "OPENEXCHANGERATES_APP_ID", get valid() { return ["OPENEXCHANGERATES_BASE=USD", `OXR_APP_ID=${"0".repeat(32)}`]; } }),
  // PayPal's classic NVP/SOAP API signs in with a user name ending "_api1.<domain>", a password and a 56-character
  // "signature" (https://developer.paypal.com/api/nvp-soap/apiCredentials/): the signature is a credential, found
  // only where such an API user name is in the text.
  custom({
    id: "paypal-classic-api-signature",
    description: "PayPal classic (NVP/SOAP) API signature beside an _api1. API user name",
    kind: "api-key",
    severity: "critical",
    docs: "https://developer.paypal.com/api/nvp-soap/apiCredentials/",
    keywords: ["_api1."],
    pattern: /signature(?=(?<rest>[\w.-]{0,20}))\k<rest>["'\]]{0,2}[ \t]{0,4}(?:=>|:=|[=:])[ \t]{0,4}["'`]?(?<secret>[A-Za-z0-9][A-Za-z0-9.-]{55})(?![A-Za-z0-9.+/=-])/i,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`PAYPAL_API_USERNAME=billing_api1.shop.example\nPAYPAL_API_SIGNATURE=A${fake(ALNUM, 55, "pp-sig")}`, `'username' => 'payments_api1.acme.example',\n'signature' => 'A${fake(ALNUM, 55, "pp-sig2")}',`],
        valid: [`PAYPAL_API_USERNAME=billing_api1.shop.example\nPAYPAL_API_SIGNATURE=YOUR_API_SIGNATURE`, `webhook_signature = "A${fake(ALNUM, 55, "pp-sig3")}"`],
      };
    },
  }),
  // An X12 interchange header: ISA03 "01" says ISA04 holds a password (ISA01 "00"/"03" and ISA02 likewise for the
  // authorization information), each field fixed at 10 characters, padded with blanks
  // (https://x12.org/resources/interchange-control-structures). The element separator is the character after "ISA".
  custom({
    id: "x12-isa-security-password",
    description: "Password in the security information of an X12 EDI interchange header (ISA03 = 01)",
    kind: "password",
    severity: "high",
    docs: "https://x12.org/resources/interchange-control-structures",
    keywords: ["isa*", "isa|", "isa^"],
    pattern: /(?<![A-Za-z0-9])ISA(?<sep>[*|^])\d\d\k<sep>[^\n*|^]{10}\k<sep>01\k<sep>(?<secret>[^\s*|^~][^\n*|^~]{0,9}?) {0,9}\k<sep>/,
    entropy: 2,
    validate: (s) => !/^(?:0+|x+|password|secret)$/i.test(s),
    get examples() {
      return {
        invalid: [`ISA*00*          *01*${fake(ALNUM, 10, "isa")}*ZZ*SENDER         *ZZ*RECEIVER       *261011*0814*U*00401*000000905*0*P*>~`],
        valid: ["ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261011*0814*U*00401*000000905*0*P*>~", "ISA*00*          *01*XXXXXXXXXX*ZZ*SENDER         *ZZ*RECEIVER       *261011*0814*U*00401*000000905*0*P*>~"],
      };
    },
  }),
  // PKCS#11 and HSM PINs (a pin-value holds a digit: RFC 7512's own example is `the-pin`): the `pin-value` attribute of a PKCS#11 URI (RFC 7512 section 2.3), security-officer and
  // user PINs under names that say so, and the `--so-pin` / `--pin` options of softhsm2-util and pkcs11-tool
  // (https://www.rfc-editor.org/rfc/rfc7512#section-2.3). A bare `pin` is a GPIO line as often as a secret and is
  // left out; so are runs (1234) and repeated digits.
  custom({
    id: "pkcs11-uri-pin-value",
    description: "PIN in the pin-value attribute of a PKCS#11 URI (RFC 7512)",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc7512#section-2.3",
    keywords: ["pin-value="],
    pattern: /[?;&]pin-value=(?<secret>(?=[^\s;&?#"'$<>%]{0,63}\d)[^\s;&?#"'$<>%]{4,64})/i,
    entropy: 1,
    validate: (s) => !isTrivialPin(s) && !/^(?:pin|changeme|password|secret)$/i.test(s),
    get examples() {
      return {
        invalid: [`PKCS11_URI="pkcs11:token=payments;object=zpk?pin-value=${fake(DIGITS, 8, "p11")}"`, `pkcs11:token=ca;type=private?pin-value=${fake(ALNUM, 12, "p11b")}`],
        valid: ["pkcs11:token=payments;object=zpk?pin-source=file:/etc/hsm/pin.txt", "pkcs11:token=Software%20PKCS%2311%20softtoken;manufacturer=Snake%20Oil,%20Inc.?pin-value=the-pin", "pkcs11:token=ca?pin-value=1234", "pkcs11:token=ca?pin-value=%24%7BPIN%7D"],
      };
    },
  }),
  custom({
    id: "hsm-pin",
    description: "HSM / PKCS#11 security-officer or user PIN under a name that says so, or given to softhsm2-util / pkcs11-tool",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc7512#section-2.3",
    keywords: ["so_pin", "so.pin", "so-pin", "sopin", "user_pin", "user.pin", "user-pin", "userpin", "hsm_pin", "hsm.pin", "hsmpin", "token_pin", "tokenpin", "--pin"],
    pattern: /(?:(?<![A-Za-z])(?:so|user|hsm|token|crypto[_.-]?officer)[_.-]?pin["'\]]{0,2}[ \t]{0,4}(?:=>|:=|[=:])[ \t]{0,4}["']?|\b(?:softhsm2-util|pkcs11-tool)\b[^\n|;&]{0,300}?[ \t]--(?:so-)?pin(?:=|[ \t]{1,4})["']?)(?<secret>\d{4,16})(?![\w.-])/i,
    entropy: 1,
    validate: (s) => !isTrivialPin(s),
    get examples() {
      return {
        invalid: [`hsm.so.pin=${fake(DIGITS, 8, "sopin")}`, `softhsm2-util --init-token --free --label dev --so-pin ${fake(DIGITS, 8, "shsm")} --pin ${fake(DIGITS, 6, "shsm2")}`, `  user_pin: "${fake(DIGITS, 6, "upin")}"`],
        valid: ["hsm.user.pin=${HSM_USER_PIN}", "softhsm2-util --init-token --slot 0 --label test --so-pin 1234 --pin 1234", 'pkcs11-tool --login --pin "$HSM_PIN" --list-objects', "led_pin: 13", "user_pin=00000000", "adduser_pin = 20"],
      };
    },
  }),
];
