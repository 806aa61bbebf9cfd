import type { Rule } from "../src/scan/types.js";
import { custom, prefixed } from "./build.js";
import { ALNUM, B64, B64URL, DIGITS, HEX, LOWER, LOWER_ALNUM, fake, uuid } from "./fake.js";

// Token formats only trufflehog's detectors knew (trufflesecurity/trufflehog pkg/detectors/<name>, session 23
// peerrules3: docs/detection.md). Each has a prefix or a structure of its own, so it is found bare, in a log
// line or under any name; the "provider word + 32-64 characters" detectors are the generic detector's job
// under the provider's name (fixtures/peer-formats/_meta/formats-trufflehog.js measures both).

export const rules: Rule[] = [
  // Voiceflow Dialog Manager / workspace API keys: "VF.DM." or "VF.WS." + 24 hex (the project or workspace id)
  // + "." + 16 alphanumerics (https://docs.voiceflow.com/reference/authentication).
  custom({
    id: "voiceflow-api-key",
    description: "Voiceflow API key (VF.DM.… / VF.WS.…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.voiceflow.com/reference/authentication",
    keywords: ["vf.dm.", "vf.ws."],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>VF\.(?:DM|WS)\.[a-f0-9]{24}\.[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`VOICEFLOW_API_KEY=VF.DM.${fake(HEX, 24, "vf")}.${fake(ALNUM, 16, "vf")}`, `headers = {"Authorization": "VF.WS.${fake(HEX, 24, "vfws")}.${fake(ALNUM, 16, "vfws")}"}`],
        valid: [`VOICEFLOW_API_KEY=VF.DM.${fake(HEX, 24, "vf")}.${fake(ALNUM, 12, "vf")}`, "VOICEFLOW_API_KEY=VF.DM.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxx", "see VF.DM.<project id>.<key> in the docs"],
      };
    },
  }),
  // Teamwork (Projects, Desk, CRM, Spaces) API tokens: "tkn.v1_" + 71 base62 + "=" (base64 of the token).
  prefixed({ id: "teamwork-api-token", description: "Teamwork API token (tkn.v1_…)", kind: "token", severity: "high", docs: "https://apidocs.teamwork.com/guides/teamwork/authentication", prefix: "tkn.v1_", body: "[A-Za-z0-9]{71}=", boundary: "A-Za-z0-9_=-", entropy: 3.8, get sample() { return "tkn.v1_" + fake(ALNUM, 71, "teamwork") + "="; }, env: "TEAMWORK_API_TOKEN" }),
  // Scrapfly API keys: "scp-live-" / "scp-test-" + 32 lower-case alphanumerics (https://scrapfly.io/docs/project#api-keys).
  custom({
    id: "scrapfly-api-key",
    description: "Scrapfly API key (scp-live-… / scp-test-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://scrapfly.io/docs/project#api-keys",
    keywords: ["scp-live-", "scp-test-"],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>scp-(?:live|test)-[a-z0-9]{32})(?![A-Za-z0-9_-])/,
    entropy: 3.2,
    get examples() {
      return {
        invalid: [`SCRAPFLY_KEY=scp-live-${fake(LOWER_ALNUM, 32, "scrapfly")}`, `client = ScrapflyClient(key="scp-test-${fake(LOWER_ALNUM, 32, "scrapfly-test")}")`],
        valid: [`SCRAPFLY_KEY=scp-live-${fake(LOWER_ALNUM, 30, "scrapfly")}`, "SCRAPFLY_KEY=scp-live-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "SCRAPFLY_KEY=scp-live-00000000000000000000000000000000"],
      };
    },
  }),
  // Portainer access tokens: "ptr_" + 43 base64 + "=" (32 random bytes; https://docs.portainer.io/api/access). "ptr_"
  // starts C identifiers, which never hold "+", "/" or a trailing "=" after 43 characters.
  prefixed({ id: "portainer-access-token", description: "Portainer API access token (ptr_…)", kind: "token", severity: "high", docs: "https://docs.portainer.io/api/access", prefix: "ptr_", body: "(?=[A-Za-z0-9+/]{0,42}[0-9])[A-Za-z0-9+/]{43}=", boundary: "A-Za-z0-9_+/=-", entropy: 4, get sample() { return "ptr_" + fake(B64, 43, "portainer") + "="; }, env: "PORTAINER_TOKEN", valid: ["size_t ptr_alignment_for_the_allocator_of_the_page_table_entries = 4;"] }),
  // Sourcegraph Cody Gateway access tokens: "slk_" + 64 hex (the SHA-256 of the license key).
  prefixed({ id: "sourcegraph-cody-gateway-token", description: "Sourcegraph Cody Gateway access token (slk_…)", kind: "token", severity: "high", docs: "https://sourcegraph.com/docs/cody/core-concepts/cody-gateway", prefix: "slk_", body: "[a-f0-9]{64}", get sample() { return "slk_" + fake(HEX, 64, "cody"); }, env: "CODY_GATEWAY_TOKEN" }),
  // Tines webhook URLs: https://<tenant>.tines.com/webhook/<path>/<secret>, 32 characters each; the secret in the URL
  // is what lets anyone start the story (https://www.tines.com/docs/actions/types/webhook/).
  custom({
    id: "tines-webhook-url",
    description: "Tines webhook URL with its secret (<tenant>.tines.com/webhook/…/…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://www.tines.com/docs/actions/types/webhook/",
    keywords: [".tines.com/webhook/"],
    pattern: /(?<secret>https:\/\/[A-Za-z0-9-]{1,63}\.tines\.com\/webhook\/[a-z0-9]{32}\/[a-z0-9]{32})(?![A-Za-z0-9])/,
    entropy: 3.2,
    get examples() {
      return {
        invalid: [`TINES_WEBHOOK=https://acme-prod.tines.com/webhook/${fake(LOWER_ALNUM, 32, "tines-a")}/${fake(LOWER_ALNUM, 32, "tines-b")}`],
        valid: ["TINES_WEBHOOK=https://acme-prod.tines.com/webhook/<path>/<secret>", "https://acme-prod.tines.com/webhook/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
      };
    },
  }),
  // TruffleHog Enterprise API secrets: "thog-secret-" + 32 hex (the key id beside it is "thog-key-" + 16 hex).
  prefixed({ id: "trufflehog-enterprise-secret", description: "TruffleHog Enterprise API secret (thog-secret-…)", kind: "api-key", severity: "high", docs: "https://docs.trufflesecurity.com/", prefix: "thog-secret-", body: "[a-f0-9]{32}", get sample() { return "thog-secret-" + fake(HEX, 32, "thog"); }, env: "THOG_SECRET" }),
  // Endor Labs API keys and secrets: both "endr+" + alphanumerics (https://docs.endorlabs.com/rest-api/using-the-rest-api/authentication/).
  prefixed({ id: "endorlabs-api-credential", description: "Endor Labs API key or secret (endr+…)", kind: "api-key", severity: "high", docs: "https://docs.endorlabs.com/rest-api/using-the-rest-api/authentication/", prefix: "endr+", body: "(?=[A-Za-z0-9]{0,63}[0-9])[A-Za-z0-9]{16,64}", fixedLength: false, entropy: 3.2, get sample() { return "endr+" + fake(ALNUM, 16, "endor"); }, env: "ENDOR_API_CREDENTIALS_SECRET" }),
  // Recharge API tokens: "sk_" + ("test_")? + a scope tier ("1x1", "2x2", "10x3", …) + "_" + 64 hex
  // (https://developer.rechargepayments.com/2021-11/authentication).
  prefixed({ id: "recharge-api-token", description: "Recharge Payments API token (sk_1x1_… / sk_test_2x2_…)", kind: "api-key", severity: "critical", docs: "https://developer.rechargepayments.com/2021-11/authentication", prefix: "sk_", body: "(?:test_)?(?:1|2|3|5|10)x[123]_[a-fA-F0-9]{64}", keywords: ["x1_", "x2_", "x3_"], get sample() { return "sk_2x2_" + fake(HEX, 64, "recharge"); }, env: "RECHARGE_API_TOKEN" }),
  // Microsoft Entra ID (Azure AD) refresh tokens: "0.A" + the client/tenant part + ".Ag" + the opaque rest, several
  // hundred url-safe characters; long-lived access to the account they were issued for.
  custom({
    id: "azure-entra-refresh-token",
    description: "Microsoft Entra ID (Azure AD) refresh token (0.A….Ag…)",
    kind: "token",
    severity: "critical",
    docs: "https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens",
    keywords: ["0.a"],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>0\.A[A-Za-z0-9_-]{50,2000}\.Ag[A-Za-z0-9_-]{250,4000})(?![A-Za-z0-9_-])/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`AZURE_REFRESH_TOKEN=0.A${fake(B64URL, 90, "entra-a")}.Ag${fake(B64URL, 320, "entra-b")}`, `{"refresh_token": "0.A${fake(B64URL, 120, "entra-c")}.Ag${fake(B64URL, 400, "entra-d")}"}`],
        valid: [`AZURE_REFRESH_TOKEN=0.A${fake(B64URL, 90, "entra-a")}.Ag${fake(B64URL, 100, "entra-b")}`, "version 0.Alpha.Agent is out"],
      };
    },
  }),
  // Shutterstock OAuth access tokens: "v2/" + 388 base62 (https://api-reference.shutterstock.com/#authentication).
  prefixed({ id: "shutterstock-oauth-token", description: "Shutterstock OAuth access token (v2/ + 388)", kind: "token", severity: "high", docs: "https://api-reference.shutterstock.com/#authentication", prefix: "v2/", body: "[A-Za-z0-9]{388}", boundary: "A-Za-z0-9_/-", entropy: 4, keywords: ["v2/"], get sample() { return "v2/" + fake(ALNUM, 388, "shutterstock"); }, env: "SHUTTERSTOCK_TOKEN" }),
  // Flexport API keys: "shltm_" + 40 url-safe characters (https://apidocs.flexport.com/).
  prefixed({ id: "flexport-api-key", description: "Flexport API key (shltm_…)", kind: "api-key", severity: "high", docs: "https://apidocs.flexport.com/", prefix: "shltm_", body: "[A-Za-z0-9_-]{40}", entropy: 3.8, get sample() { return "shltm_" + fake(B64URL, 40, "flexport"); }, env: "FLEXPORT_API_KEY" }),
  // Apideck API keys: "sk_live_" + 93 characters with dashes (Stripe's sk_live_ keys have none; stripe-secret-key
  // finds those) (https://developers.apideck.com/guides/authorization).
  prefixed({ id: "apideck-api-key", description: "Apideck API key (sk_live_… with dashes, 93 characters)", kind: "api-key", severity: "critical", docs: "https://developers.apideck.com/guides/authorization", prefix: "sk_live_", body: "(?=[A-Za-z0-9]{0,92}-)[A-Za-z0-9-]{93}", entropy: 3.8, get sample() { return "sk_live_" + fake(ALNUM, 40, "apideck") + "-" + fake(ALNUM, 52, "apideck2"); }, env: "APIDECK_API_KEY" }),
  // Robinhood Crypto trading API keys: "rh-api-" + UUID, half of a pair with a base64 Ed25519 private key, like an
  // AWS AKIA id (https://docs.robinhood.com/crypto/trading/#section/Authentication).
  prefixed({ id: "robinhood-crypto-api-key", description: "Robinhood Crypto API key (rh-api- + UUID), half of a key pair", kind: "api-key", severity: "high", docs: "https://docs.robinhood.com/crypto/trading/#section/Authentication", prefix: "rh-api-", body: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", entropy: 3, get sample() { return "rh-api-" + uuid("robinhood"); }, env: "ROBINHOOD_API_KEY" }),
  // Yandex API keys of the Dictionary / Translate v1 APIs: "dict.1.1." / "trnsl.1.1." + the issue time + "." + 16 hex
  // + "." + 40 hex (83 characters for dict).
  custom({
    id: "yandex-api-key",
    description: "Yandex Dictionary / Translate API key (dict.1.1.… / trnsl.1.1.…)",
    kind: "api-key",
    severity: "medium",
    docs: "https://yandex.com/dev/dictionary/doc/dg/concepts/api-overview.html",
    keywords: ["dict.1.1.", "trnsl.1.1."],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>(?:dict|trnsl)\.1\.1\.20[0-9]{6}T[0-9]{6}Z\.[a-f0-9]{16}\.[a-f0-9]{40})(?![A-Za-z0-9_-])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`YANDEX_DICT_KEY=dict.1.1.20240312T${fake(DIGITS, 6, "yx")}Z.${fake(HEX, 16, "yx")}.${fake(HEX, 40, "yx")}`, `key: trnsl.1.1.20190501T${fake(DIGITS, 6, "yt")}Z.${fake(HEX, 16, "yt")}.${fake(HEX, 40, "yt")}`],
        valid: [`YANDEX_DICT_KEY=dict.1.1.20240312T${fake(DIGITS, 6, "yx")}Z.${fake(HEX, 16, "yx")}.${fake(HEX, 30, "yx")}`, `YANDEX_DICT_KEY=dict.1.1.<date>Z.${fake(LOWER, 8, "yx")}`],
      };
    },
  }),
];
