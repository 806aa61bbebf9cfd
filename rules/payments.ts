import type { Rule } from "../src/scan/types.js";
import { assigned, custom, prefixed } from "./build.js";
import { ALNUM, B64, B64URL, HEX, HEX_UPPER, LOWER_ALNUM, UPPER_ALNUM, fake, uuid } from "./fake.js";

const STRIPE_KEYS = "https://docs.stripe.com/keys";

export const rules: Rule[] = [
  // Heartland / Global Payments Portico secret API keys: "skapi_cert_" (certification) and "skapi_prod_" + 34-42
  // (https://developer.heartlandpaymentsystems.com/); Midtrans server keys "Mid-server-" / "SB-Mid-server-" (sandbox)
  // + 10-30 (https://docs.midtrans.com/docs/retrieving-api-access-keys). Midtrans' client keys go to the browser.
  prefixed({ id: "heartland-portico-api-key", description: "Heartland Portico secret API key (skapi_cert_/skapi_prod_…)", kind: "api-key", severity: "critical", docs: "https://developer.heartlandpaymentsystems.com/", prefix: "skapi_", body: "(?:cert|prod)_[A-Za-z0-9]{34,42}", keywords: ["skapi_cert_", "skapi_prod_"], fixedLength: false, entropy: 3.5, get sample() { return "skapi_prod_" + fake(ALNUM, 38, "heartland"); }, env: "HEARTLAND_SECRET_API_KEY" }),
  prefixed({ id: "midtrans-server-key", description: "Midtrans server key (Mid-server-… / SB-Mid-server-…)", kind: "api-key", severity: "critical", docs: "https://docs.midtrans.com/docs/retrieving-api-access-keys", prefix: "", body: "(?:SB-)?Mid-server-(?=[A-Za-z0-9_-]{0,29}[0-9])[A-Za-z0-9_-]{10,30}", keywords: ["mid-server-"], fixedLength: false, entropy: 3, get sample() { return "SB-Mid-server-" + fake(ALNUM, 24, "midtrans"); }, env: "MIDTRANS_SERVER_KEY", valid: [`MIDTRANS_CLIENT_KEY=SB-Mid-client-${fake(ALNUM, 16, "midtrans-client")}`] }),
  // Stripe secret keys: "sk_live_" + 24 to 247 alphanumerics (length grew over
  // the years; Stripe documents only the prefixes).
  prefixed({
    id: "stripe-secret-key",
    description: "Stripe live secret API key (sk_live_…)",
    kind: "api-key",
    severity: "critical",
    docs: STRIPE_KEYS,
    prefix: "sk_live_",
    body: "[0-9A-Za-z]{24,247}",
    fixedLength: false,
    get sample() { return "sk_live_" + fake(ALNUM, 99, "stripe-sk"); },
    env: "STRIPE_SECRET_KEY",
    get valid() { return ["STRIPE_SECRET_KEY=sk_live_XXXXXXXXXXXXXXXXXXXXXXXX", `STRIPE_PUBLISHABLE_KEY=pk_live_${fake(ALNUM, 99, "stripe-pk")}`]; },
  }),
  // Paddle Billing API keys: "pdl_", the environment ("live" or "sdbx"), "_apikey_", a 26-character
  // lower-case ULID, then two random parts of 22 and 3 characters joined by "_"
  // (https://developer.paddle.com/api-reference/about/api-keys). The client-side token for Paddle.js
  // ("live_"/"test_" + hex) is public and not matched.
  prefixed({
    id: "paddle-api-key",
    description: "Paddle Billing API key (pdl_live_apikey_… / pdl_sdbx_apikey_…)",
    kind: "api-key",
    severity: "critical",
    docs: "https://developer.paddle.com/api-reference/about/api-keys",
    prefix: "pdl_",
    body: "(?:live|sdbx)_apikey_[0-9a-z]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}",
    get sample() { return `pdl_live_apikey_${fake(LOWER_ALNUM, 26, "paddle")}_${fake(ALNUM, 22, "paddle2")}_${fake(ALNUM, 3, "paddle3")}`; },
    env: "PADDLE_API_KEY",
    get invalid() { return [`Authorization: Bearer pdl_sdbx_apikey_${fake(LOWER_ALNUM, 26, "paddle-s")}_${fake(ALNUM, 22, "paddle-s2")}_${fake(ALNUM, 3, "paddle-s3")}`]; }, // vaultshift:allow
    get valid() { return [`PADDLE_CLIENT_TOKEN=live_${fake(HEX, 27, "paddle-ct")}`, "PADDLE_API_KEY=pdl_live_apikey_<your-key>"]; },
  }),
  prefixed({
    id: "stripe-restricted-key",
    description: "Stripe live restricted API key (rk_live_…)",
    kind: "api-key",
    severity: "critical",
    docs: STRIPE_KEYS,
    prefix: "rk_live_",
    body: "[0-9A-Za-z]{24,247}",
    fixedLength: false,
    get sample() { return "rk_live_" + fake(ALNUM, 99, "stripe-rk"); },
    env: "STRIPE_RESTRICTED_KEY",
  }),
  // Test-mode keys reach only test data, but still authenticate to the API.
  prefixed({
    id: "stripe-test-secret-key",
    description: "Stripe test-mode secret or restricted key (sk_test_/rk_test_…)",
    kind: "api-key",
    severity: "low",
    docs: STRIPE_KEYS,
    prefix: "",
    body: "[sr]k_test_[0-9A-Za-z]{24,247}",
    keywords: ["sk_test_", "rk_test_"],
    fixedLength: false,
    get sample() { return "sk_test_" + fake(ALNUM, 99, "stripe-test"); },
    env: "STRIPE_SECRET_KEY",
  }),
  // Webhook endpoint signing secrets: "whsec_" + 32+ base64 characters.
  prefixed({
    id: "stripe-webhook-secret",
    description: "Stripe webhook signing secret (whsec_…)",
    kind: "webhook",
    severity: "high",
    docs: "https://docs.stripe.com/webhooks#verify-official-libraries",
    prefix: "whsec_",
    body: "[A-Za-z0-9+/]{32,100}={0,2}",
    boundary: "A-Za-z0-9_+/=-",
    fixedLength: false,
    get sample() { return "whsec_" + fake(ALNUM, 32, "whsec"); },
    env: "STRIPE_WEBHOOK_SECRET",
  }),
  // Square: access tokens "EAAA" + 60, legacy "sq0atp-" + 22; OAuth secrets "sq0csp-" + 43.
  prefixed({
    id: "square-access-token",
    description: "Square access token (EAAA…, or legacy sq0atp-…)",
    kind: "token",
    severity: "critical",
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
    prefix: "",
    body: "(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[0-9A-Za-z_-]{22})",
    keywords: ["eaaa", "sq0atp-"],
    // The body is base64url of random bytes, both cases: a run of 64 hex digits that happens to start with
    // EAAA is a number (krb5's SPAKE test vectors, a SHA-256 digest, a key in hex), not a token.
    validate: (s: string) => !/^EAAA[0-9a-f]{60}$/i.test(s),
    get sample() { return "EAAA" + fake(B64URL, 60, "square"); },
    env: "SQUARE_ACCESS_TOKEN",
    get invalid() { return [`SQUARE_TOKEN=sq0atp-${fake(B64URL, 22, "sq0atp")}`]; },
    // A hex test vector that starts with EAAA (krb5's SPAKE vectors), not a token.
    get valid() { return [`  "EAAA${fake(HEX_UPPER, 60, "square-hex")}",`]; },
  }),
  prefixed({
    id: "square-oauth-secret",
    description: "Square OAuth application secret (sq0csp-…)",
    kind: "api-key",
    severity: "critical",
    docs: "https://developer.squareup.com/docs/oauth-api/overview",
    prefix: "sq0csp-",
    body: "[0-9A-Za-z_-]{43}",
    get sample() { return "sq0csp-" + fake(B64URL, 43, "sq0csp"); },
    env: "SQUARE_APP_SECRET",
  }),
  // PayPal via Braintree: access_token$production$<16 lower alnum>$<32 hex>.
  prefixed({
    id: "paypal-braintree-access-token",
    description: "PayPal / Braintree production access token (access_token$production$…)",
    kind: "token",
    severity: "critical",
    docs: "https://developer.paypal.com/braintree/docs/guides/authorization/access-token",
    prefix: "access_token$production$",
    body: "[0-9a-z]{16}\\$[0-9a-f]{32}",
    get sample() { return "access_token$production$" + fake(LOWER_ALNUM, 16, "bt") + "$" + fake(HEX, 32, "bt"); },
    env: "BRAINTREE_ACCESS_TOKEN",
  }),
  assigned({
    id: "braintree-private-key",
    description: "Braintree API private key (32 hex) assigned to a Braintree private-key name",
    kind: "api-key",
    severity: "critical",
    docs: "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials",
    names: "braintree[\\w.-]{0,10}?private",
    value: "[a-f0-9]{32}",
    keywords: ["braintree"],
    get sample() { return fake(HEX, 32, "bt-private"); },
    env: "BRAINTREE_PRIVATE_KEY",
  }),
  assigned({
    id: "paypal-client-secret",
    description: "PayPal REST API client secret assigned to a PayPal secret name",
    kind: "api-key",
    severity: "critical",
    docs: "https://developer.paypal.com/api/rest/authentication/",
    names: "paypal[\\w.-]{0,20}?secret",
    value: "E[A-Za-z0-9_-]{79}",
    keywords: ["paypal"],
    entropy: 4,
    get sample() { return "E" + fake(B64URL, 79, "paypal"); },
    env: "PAYPAL_CLIENT_SECRET",
  }),
  // Shopify: shpat_ (Admin API access token), shpca_ (custom app), shppa_
  // (private app), shpss_ (shared secret); each + 32 hex.
  ...(
    [
      ["shopify-access-token", "shpat_", "Shopify Admin API access token (shpat_…)", "SHOPIFY_ACCESS_TOKEN"],
      ["shopify-custom-app-token", "shpca_", "Shopify custom app access token (shpca_…)", "SHOPIFY_CUSTOM_APP_TOKEN"],
      ["shopify-private-app-token", "shppa_", "Shopify private app password (shppa_…)", "SHOPIFY_PASSWORD"],
      ["shopify-shared-secret", "shpss_", "Shopify app shared secret (shpss_…)", "SHOPIFY_API_SECRET"],
    ] as const
  ).map(([id, prefix, description, env]) =>
    prefixed({
      id,
      description,
      kind: "token",
      severity: "critical",
      docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
      prefix,
      body: "[a-fA-F0-9]{32}",
      get sample() { return prefix + fake(HEX, 32, id); },
      env,
    }),
  ),
  // Adyen API keys: "AQE" + a long base64 body, no fixed length documented.
  assigned({
    id: "adyen-api-key",
    description: "Adyen API key (AQE…) assigned to an Adyen name",
    kind: "api-key",
    severity: "critical",
    docs: "https://docs.adyen.com/development-resources/api-credentials/",
    names: "adyen",
    value: "AQE[A-Za-z0-9+/=_.-]{80,400}",
    keywords: ["adyen"],
    entropy: 4,
    fixedLength: false,
    get sample() { return "AQE" + fake(B64, 150, "adyen"); },
    env: "ADYEN_API_KEY",
  }),
  // The same key without a name (a log line, a positional argument): "AQE" + a base64 run, then
  // the parts Adyen joins with "." or "-" (`AQE…==-…=-…` in its docs, `AQE<5+>.<50-80>` in gitleaks'
  // adyen-api-key). The separator after a base64 run is what a blob never has: a PEM or data-URI line
  // holding "AQE" (DER's rsaEncryption OID gives `AQEB`) is preceded by base64 or runs on unbroken.
  custom({
    id: "adyen-api-key-structured",
    description: "Adyen API key (AQE + base64 parts joined by . or -), with or without an Adyen name",
    kind: "api-key",
    severity: "critical",
    docs: "https://docs.adyen.com/development-resources/api-credentials/",
    keywords: ["aqe"],
    pattern: /(?<![A-Za-z0-9+/=_.-])(?<secret>AQE[A-Za-z0-9+/]{5,120}={0,2}[.-][A-Za-z0-9+/_=-]{40,300})(?![A-Za-z0-9+/=_.-])/,
    entropy: 4,
    get examples() {
      const dotted = `AQE${fake(LOWER_ALNUM, 6, "adyen-bare")}.${fake(B64URL, 70, "adyen-bare")}`;
      const dashed = `AQE${fake(B64, 80, "adyen-docs")}==-${fake(B64, 43, "adyen-docs")}=-${fake(ALNUM, 16, "adyen-docs")}`;
      return {
        invalid: [`2024-01-01 INFO checkout client ready with ${dotted}`, `client = Adyen::Client.new(api_key: "${dashed}")`],
        valid: [
          // Base64 that merely contains AQE: a certificate line, the middle of a blob, no separator.
          `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${fake(B64, 20, "adyen-pem")}AQE${fake(B64, 41, "adyen-pem")}`,
          `AQE${fake(B64, 61, "adyen-pem2")}\n${fake(B64, 64, "adyen-pem3")}`,
          `ADYEN_API_KEY=AQE${"a".repeat(8)}.${"b".repeat(60)}`,
        ],
      };
    },
  }),
  // Razorpay key secrets: 24 alphanumerics, next to a Razorpay name.
  assigned({
    id: "razorpay-key-secret",
    description: "Razorpay API key secret assigned to a Razorpay secret name",
    kind: "api-key",
    severity: "critical",
    docs: "https://razorpay.com/docs/api/authentication/",
    names: "razorpay[\\w.-]{0,10}?secret",
    value: "[A-Za-z0-9]{24}",
    keywords: ["razorpay"],
    entropy: 3.5,
    get sample() { return fake(ALNUM, 24, "razorpay"); },
    env: "RAZORPAY_KEY_SECRET",
  }),
  // The same secret passed positionally after its key id, as the SDKs take them:
  // `Razorpay.setup('rzp_live_…', '…')`, `razorpay.Client(auth=("rzp_live_…", "…"))`,
  // `new Razorpay({ key_id: …` excepted (named, above). Key ids are "rzp_live_"/"rzp_test_" + 14
  // alphanumerics (https://razorpay.com/docs/api/authentication/#generate-api-keys).
  custom({
    id: "razorpay-key-pair",
    description: "Razorpay key secret passed right after its rzp_live_/rzp_test_ key id",
    kind: "api-key",
    severity: "critical",
    docs: "https://razorpay.com/docs/api/authentication/",
    keywords: ["rzp_live_", "rzp_test_"],
    pattern: /\brzp_(?:live|test)_[A-Za-z0-9]{14}["'`][ \t]{0,4},[ \t]{0,4}["'`](?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`Razorpay.setup('rzp_live_${fake(ALNUM, 14, "rzp-id")}', '${fake(ALNUM, 24, "rzp-secret")}')`, `client = razorpay.Client(auth=("rzp_test_${fake(ALNUM, 14, "rzp-id2")}", "${fake(ALNUM, 24, "rzp-secret2")}"))`],
        valid: [`Razorpay.setup('rzp_live_${fake(ALNUM, 14, "rzp-id3")}', ENV['RAZORPAY_SECRET'])`, `const options = { key: "rzp_live_${fake(ALNUM, 14, "rzp-id4")}", amount: "50000" };`],
      };
    },
  }),
  // Flutterwave secret keys: "FLWSECK-" (or FLWSECK_TEST-) + 32 hex + "-X".
  prefixed({
    id: "flutterwave-secret-key",
    description: "Flutterwave secret key (FLWSECK-…-X)",
    kind: "api-key",
    severity: "critical",
    docs: "https://developer.flutterwave.com/docs/integration-guides/authentication",
    prefix: "FLWSECK",
    body: "(?:_TEST)?-[a-f0-9]{32}-X",
    keywords: ["flwseck"],
    get sample() { return "FLWSECK-" + fake(HEX, 32, "flw") + "-X"; },
    env: "FLW_SECRET_KEY",
  }),
  // Plaid access tokens: "access-<environment>-" + UUID.
  prefixed({
    id: "plaid-access-token",
    description: "Plaid item access token (access-production-…)",
    kind: "token",
    severity: "critical",
    docs: "https://plaid.com/docs/api/tokens/",
    prefix: "access-",
    body: "(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    keywords: ["access-production-", "access-development-", "access-sandbox-"],
    get sample() { return "access-production-" + uuid("plaid"); },
    env: "PLAID_ACCESS_TOKEN",
  }),
  assigned({
    id: "plaid-secret",
    description: "Plaid API secret (30 hex) assigned to a Plaid secret name",
    kind: "api-key",
    severity: "critical",
    docs: "https://plaid.com/docs/api/#api-access",
    names: "plaid[\\w.-]{0,20}?secret",
    value: "[a-f0-9]{30}",
    keywords: ["plaid"],
    get sample() { return fake(HEX, 30, "plaid-secret"); },
    env: "PLAID_SECRET",
  }),
  // GoCardless access tokens: "live_" + 40 url-safe characters.
  assigned({
    id: "gocardless-access-token",
    description: "GoCardless live access token (live_…) assigned to a GoCardless name",
    kind: "token",
    severity: "critical",
    docs: "https://developer.gocardless.com/getting-started/api/making-your-first-request",
    names: "gocardless",
    value: "live_[A-Za-z0-9_=-]{40}",
    keywords: ["gocardless"],
    get sample() { return "live_" + fake(B64URL, 40, "gocardless"); },
    env: "GOCARDLESS_ACCESS_TOKEN",
  }),
  // Shippo, EasyPost and Duffel live keys have documented prefixes.
  prefixed({
    id: "shippo-api-token",
    description: "Shippo live API token (shippo_live_…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.goshippo.com/docs/guides_general/authentication/",
    prefix: "shippo_live_",
    body: "[a-f0-9]{40}",
    get sample() { return "shippo_live_" + fake(HEX, 40, "shippo"); },
    env: "SHIPPO_API_TOKEN",
  }),
  prefixed({
    id: "easypost-api-key",
    description: "EasyPost production API key (EZAK…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.easypost.com/docs/authentication",
    prefix: "EZAK",
    body: "[a-zA-Z0-9]{54}",
    get sample() { return "EZAK" + fake(ALNUM, 54, "easypost"); },
    env: "EASYPOST_API_KEY",
  }),
  prefixed({
    id: "duffel-api-token",
    description: "Duffel live access token (duffel_live_…)",
    kind: "token",
    severity: "high",
    docs: "https://duffel.com/docs/api/overview/making-requests/authentication",
    prefix: "duffel_live_",
    body: "[A-Za-z0-9_=-]{43}",
    get sample() { return "duffel_live_" + fake(B64URL, 43, "duffel"); },
    env: "DUFFEL_ACCESS_TOKEN",
  }),
  // Flutterwave encryption keys (3DES key for card payloads): "FLWSECK_TEST" + 12 hex in test mode,
  // "FLWSECK" + 12 hex otherwise (gitleaks flutterwave-encryption-key).
  prefixed({ id: "flutterwave-encryption-key", description: "Flutterwave encryption key (FLWSECK_TEST…)", kind: "api-key", severity: "medium", docs: "https://developer.flutterwave.com/docs/integration-guides/authentication", prefix: "FLWSECK", body: "(?:_TEST)?[a-f0-9]{12}", keywords: ["flwseck"], entropy: 2.8, get sample() { return "FLWSECK_TEST" + fake(HEX, 12, "flw-enc"); }, env: "FLW_ENCRYPTION_KEY" }),
  // KuCoin API secrets are UUIDs, recognisable only under a KuCoin name (gitleaks kucoin-secret-key).
  assigned({ id: "kucoin-api-secret", description: "KuCoin API secret (UUID) assigned to a KuCoin name", kind: "api-key", severity: "critical", docs: "https://www.kucoin.com/docs/basic-info/connection-method/authentication/creating-a-request", names: "kucoin", value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", keywords: ["kucoin"], entropy: 3, get sample() { return uuid("kucoin"); }, env: "KUCOIN_API_SECRET" }),
  // Mercury (banking) API tokens: "secret-token:mercury_production_" + a 3-6 letter scope + "_" + 40-50
  // alphanumerics + "_yrucrem" ("mercury" reversed), gitleaks mercury-api-token.
  prefixed({ id: "mercury-api-token", description: "Mercury banking API token (mercury_production_…_yrucrem)", kind: "api-key", severity: "critical", docs: "https://docs.mercury.com/reference/getting-started-with-your-api", prefix: "mercury_", body: "(?:production|sandbox)_[a-z]{3,6}_[A-Za-z0-9]{40,50}_yrucrem", keywords: ["_yrucrem"], entropy: 3.5, fixedLength: false, get sample() { return "mercury_production_rma_" + fake(ALNUM, 45, "mercury") + "_yrucrem"; }, env: "MERCURY_API_TOKEN", get invalid() { return [`Authorization: Bearer secret-token:mercury_production_wma_${fake(ALNUM, 44, "mercury2")}_yrucrem`]; } }),
  // WooCommerce REST API consumer secrets: "cs_" + 40 hex (the consumer key beside it is "ck_" + 40 hex,
  // the user half of the Basic credentials), https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication.
  prefixed({ id: "woocommerce-consumer-secret", description: "WooCommerce REST API consumer secret (cs_…)", kind: "api-key", severity: "high", docs: "https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication", prefix: "cs_", body: "[a-f0-9]{40}", entropy: 3.3, get sample() { return "cs_" + fake(HEX, 40, "woocommerce"); }, env: "WOOCOMMERCE_CONSUMER_SECRET" }),
  // WooCommerce REST API consumer keys: "ck_" + 40 hex. Unlike an OAuth client id it is a credential: WooCommerce
  // shows it once and keeps only its hash (`wc_api_hash`), and it is the user half of the Basic credentials that
  // read and write the shop's orders and customers (https://woocommerce.com/document/woocommerce-rest-api/).
  // A rule of its own keeps it reported beside its `cs_` secret, where a name-based key is taken for the pair's id.
  prefixed({ id: "woocommerce-consumer-key", description: "WooCommerce REST API consumer key (ck_…), stored hashed by the shop", kind: "api-key", severity: "high", docs: "https://woocommerce.com/document/woocommerce-rest-api/", prefix: "ck_", body: "[a-f0-9]{40}", entropy: 3.3, get sample() { return "ck_" + fake(HEX, 40, "woocommerce-ck"); }, env: "WOOCOMMERCE_CONSUMER_KEY" }),
  // Ramp developer API client secrets: "ramp_sec_" + 48 alphanumerics; the client id beside it is
  // "ramp_id_" + 40 and is not secret (trufflehog ramp). https://docs.ramp.com/developer-api/v1/authorization
  prefixed({ id: "ramp-client-secret", description: "Ramp developer API client secret (ramp_sec_…)", kind: "api-key", severity: "critical", docs: "https://docs.ramp.com/developer-api/v1/authorization", prefix: "ramp_sec_", body: "[A-Za-z0-9]{48}", entropy: 4, get sample() { return "ramp_sec_" + fake(ALNUM, 48, "ramp"); }, env: "RAMP_CLIENT_SECRET", get valid() { return [`RAMP_CLIENT_ID=ramp_id_${fake(ALNUM, 40, "ramp-id")}`]; } }),
  // Pagar.me live API keys: "ak_live_" + 30 alphanumerics (trufflehog pagarme); https://docs.pagar.me/reference/autentica%C3%A7%C3%A3o-2
  prefixed({ id: "pagarme-api-key", description: "Pagar.me live API key (ak_live_…)", kind: "api-key", severity: "critical", docs: "https://docs.pagar.me/reference/autentica%C3%A7%C3%A3o-2", prefix: "ak_live_", body: "[A-Za-z0-9]{30}", entropy: 3.8, get sample() { return "ak_live_" + fake(ALNUM, 30, "pagarme"); }, env: "PAGARME_API_KEY" }),
  // Alpaca (brokerage) API key ids: "PK" (paper) or "AK" (live) + 18 of [A-Z0-9] (https://docs.alpaca.markets/docs/authentication).
  // The id travels with the secret key in every request (APCA-API-KEY-ID / APCA-API-SECRET-KEY headers) and names the
  // account; it is reported under an Alpaca name only (APCA_API_KEY_ID, alpaca-api-key-id), where it sits beside its secret.
  assigned({ id: "alpaca-api-key-id", description: "Alpaca API key id (PK…/AK…, 20 characters) assigned to an Alpaca name", kind: "api-key", severity: "high", docs: "https://docs.alpaca.markets/docs/authentication", names: "apca|alpaca", value: "[PA]K[A-Z0-9]{18}", keywords: ["apca", "alpaca"], get sample() { return "PK" + fake(UPPER_ALNUM, 18, "alpaca"); }, env: "APCA_API_KEY_ID", get valid() { return ["APCA_API_KEY_ID=PKXXXXXXXXXXXXXXXXXX", `ALPACA_ACCOUNT_NUMBER=PA${fake(UPPER_ALNUM, 10, "alpaca-acct")}`]; } }),
  // Alpha Vantage API keys: 16 of [A-Z0-9] (https://www.alphavantage.co/support/#api-key); the documented `demo`
  // key is lower-case and not reported.
  assigned({ id: "alphavantage-api-key", description: "Alpha Vantage API key (16 upper-case alphanumerics) assigned to an Alpha Vantage name", kind: "api-key", severity: "medium", docs: "https://www.alphavantage.co/documentation/", names: "alpha[_.-]?vantage", value: "[A-Z0-9]{16}", keywords: ["alphavantage", "alpha_vantage"], get sample() { return fake(UPPER_ALNUM, 16, "alphavantage"); }, env: "ALPHAVANTAGE_API_KEY", get valid() { return ["ALPHAVANTAGE_API_KEY=demo"]; } }),
];
