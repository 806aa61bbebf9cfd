import type { Rule } from "../src/scan/types.js";
import { looksLikeIdentifier } from "../src/scan/entropy.js";
import { shannonEntropy } from "../src/scan/rule-runner.js";
import { assigned, custom, keywordsWith, looksLikePlaceholder, prefixed } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, B64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, base64url, fake, uuid } from "./fake.js";

// "_" + a digit + a letter or digit, lower-cased: where an ngrok authtoken's secret half begins.
const NGROK_SECRET_HEADS = [..."0123456789"].flatMap((d) => [..."abcdefghijklmnopqrstuvwxyz0123456789"].map((c) => `_${d}${c}`));

export const rules: Rule[] = [
  // Formats of the gitleaks catalogue (config/gitleaks.toml: adobe-client-secret, infracost-api-token,
  // intra42-client-secret, maxmind-license-key, openshift-user-token, scalingo-api-token,
  // settlemint-*-access-token, sourcegraph-access-token) that vaultshift found only next to a provider
  // name, or not at all: their prefixes are distinctive enough to stand alone.
  prefixed({ id: "adobe-client-secret", description: "Adobe (IMS / Developer Console) client secret (p8e-…)", kind: "api-key", severity: "high", docs: "https://developer.adobe.com/developer-console/docs/guides/authentication/", prefix: "p8e-", body: "[A-Za-z0-9]{32}", entropy: 3.5, get sample() { return "p8e-" + fake(LOWER_ALNUM, 32, "adobe"); }, env: "ADOBE_CLIENT_SECRET" }),
  // Apollo GraphOS keys: a graph API key is `service:<graph-id>:<22 characters>`, a personal key
  // `user:gh.<id>:<22 characters>`; APOLLO_KEY is what the router and rover read.
  prefixed({ id: "apollo-graph-api-key", description: "Apollo GraphOS graph API key (service:<graph>:…)", kind: "api-key", severity: "high", docs: "https://www.apollographql.com/docs/graphos/platform/access-management/api-keys", prefix: "service:", body: "[A-Za-z][A-Za-z0-9_-]{0,63}:[A-Za-z0-9_-]{22}", boundary: "A-Za-z0-9_:-", entropy: 3.5, get sample() { return "service:acme-graph:" + fake(B64URL, 22, "apollo"); }, env: "APOLLO_KEY" }),
  prefixed({ id: "apollo-user-api-key", description: "Apollo GraphOS personal API key (user:gh.…)", kind: "api-key", severity: "high", docs: "https://www.apollographql.com/docs/graphos/platform/access-management/api-keys", prefix: "user:gh.", body: "[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{22}", boundary: "A-Za-z0-9_:-", entropy: 3.5, get sample() { return "user:gh." + fake(ALNUM, 12, "apollo-user") + ":" + fake(B64URL, 22, "apollo-user2"); }, env: "APOLLO_KEY" }),
  prefixed({ id: "infracost-api-key", description: "Infracost API key (ico-…)", kind: "api-key", severity: "medium", docs: "https://www.infracost.io/docs/integrations/environment_variables/", prefix: "ico-", body: "[A-Za-z0-9]{32}", entropy: 3.8, get sample() { return "ico-" + fake(ALNUM, 32, "infracost"); }, env: "INFRACOST_API_KEY" }),
  prefixed({ id: "intra42-client-secret", description: "42 (intra.42.fr) API client secret (s-s4t2ud-…)", kind: "api-key", severity: "medium", docs: "https://api.intra.42.fr/apidoc", prefix: "s-s4t2", body: "(?:ud|af)-[a-f0-9]{64}", get sample() { return "s-s4t2ud-" + fake(HEX, 64, "intra42"); }, env: "INTRA42_CLIENT_SECRET" }),
  prefixed({ id: "maxmind-license-key", description: "MaxMind GeoIP license key (…_mmk)", kind: "api-key", severity: "medium", docs: "https://dev.maxmind.com/geoip/updating-databases/", prefix: "", body: "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk", keywords: ["_mmk"], entropy: 3.5, get sample() { return fake(ALNUM, 6, "mm") + "_" + fake(ALNUM, 29, "mm2") + "_mmk"; }, env: "MAXMIND_LICENSE_KEY" }),
  prefixed({ id: "openshift-user-token", description: "OpenShift OAuth user token (sha256~…)", kind: "token", severity: "high", docs: "https://docs.openshift.com/container-platform/latest/authentication/managing-oauth-access-tokens.html", prefix: "sha256~", body: "[A-Za-z0-9_-]{43}", entropy: 3.8, get sample() { return "sha256~" + fake(B64URL, 43, "openshift"); }, env: "OPENSHIFT_TOKEN" }),
  prefixed({ id: "scalingo-api-token", description: "Scalingo API token (tk-us-…)", kind: "token", severity: "high", docs: "https://developers.scalingo.com/index#authentication", prefix: "tk-us-", body: "[A-Za-z0-9_-]{48}", entropy: 3.8, get sample() { return "tk-us-" + fake(B64URL, 48, "scalingo"); }, env: "SCALINGO_API_TOKEN" }),
  prefixed({ id: "settlemint-access-token", description: "SettleMint personal/application/service access token (sm_pat_/sm_aat_/sm_sat_…)", kind: "token", severity: "medium", docs: "https://console.settlemint.com/documentation/platform-components/security-and-authentication/personal-access-tokens", prefix: "sm_", body: "(?:pat|aat|sat)_[A-Za-z0-9]{16}", keywords: ["sm_pat_", "sm_aat_", "sm_sat_"], entropy: 3.2, get sample() { return "sm_pat_" + fake(ALNUM, 16, "settlemint"); }, env: "SETTLEMINT_ACCESS_TOKEN" }),
  prefixed({ id: "sourcegraph-access-token", description: "Sourcegraph access token (sgp_…)", kind: "token", severity: "high", docs: "https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token", prefix: "sgp_", body: "(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}", fixedLength: false, get sample() { return "sgp_" + fake(HEX, 16, "sgp") + "_" + fake(HEX, 40, "sgp2"); }, env: "SRC_ACCESS_TOKEN" }),
  // PostHog personal API keys ("phx_", full account access); the project keys "phc_" are public.
  prefixed({ id: "posthog-personal-api-key", description: "PostHog personal API key (phx_…)", kind: "api-key", severity: "high", docs: "https://posthog.com/docs/api#private-endpoint-authentication", prefix: "phx_", body: "[A-Za-z0-9_]{40,50}", fixedLength: false, entropy: 3.8, get sample() { return "phx_" + fake(ALNUM, 43, "posthog"); }, env: "POSTHOG_PERSONAL_API_KEY" }),
  // Mapbox secret tokens: "sk." + base64url JSON ({"u":…) + "." + 22; public tokens "pk." are meant for browsers.
  prefixed({ id: "mapbox-secret-token", description: "Mapbox secret access token (sk.eyJ1…)", kind: "token", severity: "high", docs: "https://docs.mapbox.com/accounts/guides/tokens/", prefix: "sk.eyJ1Ijoi", body: "[A-Za-z0-9_-]{20,300}\\.[A-Za-z0-9_-]{22}", fixedLength: false, get sample() { return "sk." + base64url(JSON.stringify({ u: "acme", a: fake(LOWER_ALNUM, 25, "mapbox") })) + "." + fake(B64URL, 22, "mapbox"); }, env: "MAPBOX_SECRET_TOKEN", get valid() { return [`MAPBOX_TOKEN=pk.${base64url(JSON.stringify({ u: "acme", a: fake(LOWER_ALNUM, 25, "mapbox-pk") }))}.${fake(B64URL, 22, "mapbox-pk")}`]; } }),
  // Algolia: admin API keys are 32 hex; search-only keys are public by design.
  assigned({ id: "algolia-admin-key", description: "Algolia admin API key (32 hex) assigned to an Algolia admin/write-key name", kind: "api-key", severity: "high", docs: "https://www.algolia.com/doc/guides/security/api-keys/", names: "algolia[\\w.-]{0,20}?(?:admin|write|secret)", value: "[a-f0-9]{32}", keywords: ["algolia"], get sample() { return fake(HEX, 32, "algolia"); }, env: "ALGOLIA_ADMIN_KEY" }),
  // Okta API tokens: "00" + 40 url-safe characters.
  // Inngest event keys send events into an Inngest app (INNGEST_EVENT_KEY; the signing key has its own
  // signkey- prefix): https://www.inngest.com/docs/events/creating-an-event-key. `event key` is otherwise
  // a keyboard or i18n word, so only the Inngest name says it is a credential.
  // hCaptcha account secrets: "0x" + 40 hex, the shape of an EVM address (which is public), so only under
  // an hCaptcha secret name (hCaptcha docs "Verify the user response server side": `secret`). The site key
  // is a UUID and is public.
  assigned({ id: "hcaptcha-secret", description: "hCaptcha account secret (0x + 40 hex) assigned to an hCaptcha secret name", kind: "api-key", severity: "high", docs: "https://docs.hcaptcha.com/#verify-the-user-response-server-side", names: "h[_.-]?captcha[\\w.-]{0,20}?secret", value: "0x[a-fA-F0-9]{40}", keywords: ["hcaptcha", "h_captcha", "h-captcha"], entropy: 3, get sample() { return "0x" + fake(HEX, 40, "hcaptcha"); }, env: "HCAPTCHA_SECRET", get valid() { return [`HCAPTCHA_SITEKEY=0x${fake(HEX, 40, "hcaptcha-site")}`, `TREASURY_ADDRESS=0x${fake(HEX, 40, "evm")}`]; } }),
  assigned({ id: "inngest-event-key", description: "Inngest event key assigned to an INNGEST_EVENT_KEY name", kind: "api-key", severity: "medium", docs: "https://www.inngest.com/docs/events/creating-an-event-key", names: "inngest[_.-]?event[_.-]?key", value: "[A-Za-z0-9_-]{32,128}", fixedLength: false, keywords: ["inngest"], entropy: 4, get sample() { return fake(B64URL, 86, "inngest"); }, env: "INNGEST_EVENT_KEY" }),
  // Inngest signing keys: "signkey-" + environment ("prod", "test", "branch") + "-" + 64 hex
  // (https://www.inngest.com/docs/platform/signing-keys, trufflehog inngest).
  prefixed({ id: "inngest-signing-key", description: "Inngest signing key (signkey-prod-…)", kind: "api-key", severity: "high", docs: "https://www.inngest.com/docs/platform/signing-keys", prefix: "signkey-", body: "(?:prod|test|branch)-[a-f0-9]{64}", entropy: 3.3, get sample() { return "signkey-prod-" + fake(HEX, 64, "inngest-sign"); }, env: "INNGEST_SIGNING_KEY" }),
  // Honeybadger personal auth tokens: "hbp_" + alphanumerics (https://docs.honeybadger.io/api/).
  prefixed({ id: "honeybadger-personal-token", description: "Honeybadger personal auth token (hbp_…)", kind: "token", severity: "high", docs: "https://docs.honeybadger.io/api/", prefix: "hbp_", body: "[A-Za-z0-9]{32,40}", entropy: 3.8, fixedLength: false, validate: (s) => !looksLikeIdentifier(s.slice(4)), get sample() { return "hbp_" + fake(ALNUM, 36, "honeybadger"); }, env: "HONEYBADGER_PERSONAL_AUTH_TOKEN", get valid() { return ["static void hbp_HandleBackPressureForIncomingQueues(void);"]; } }),
  assigned({ id: "okta-api-token", description: "Okta API token (00…) assigned to an Okta name", kind: "token", severity: "critical", docs: "https://developer.okta.com/docs/guides/create-an-api-token/", names: "okta", value: "00[A-Za-z0-9_-]{40}", keywords: ["okta"], entropy: 4, get sample() { return "00" + fake(B64URL, 40, "okta"); }, env: "OKTA_API_TOKEN" }),
  assigned({ id: "auth0-client-secret", description: "Auth0 application client secret assigned to an Auth0 name", kind: "api-key", severity: "critical", docs: "https://auth0.com/docs/get-started/applications/application-settings", names: "auth0[\\w.-]{0,20}?secret", value: "[A-Za-z0-9_-]{64}", keywords: ["auth0"], entropy: 4, get sample() { return fake(B64URL, 64, "auth0"); }, env: "AUTH0_CLIENT_SECRET" }),
  // X (Twitter) app-only bearer tokens start with 22 "A"s (URL-encoded "%3D" inside).
  // The fixed run of "A"s would trip the shared placeholder check, so this rule
  // is written out and checks only the random part after it.
  {
    id: "twitter-bearer-token",
    description: "X (Twitter) API app-only bearer token (AAAAAAAAAAAAAAAAAAAAA…)",
    kind: "token",
    severity: "high",
    docs: "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens",
    keywords: ["aaaaaaaaaaaaaaaaaaaaa"],
    pattern: /(?<![A-Za-z0-9%])(?<secret>AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,120})(?![A-Za-z0-9%])/,
    validate: (s) => {
      const body = s.slice(21);
      return /[a-z]/.test(body) && /[0-9]/.test(body) && !looksLikePlaceholder(body) && shannonEntropy(body) >= 4;
    },
    get examples() {
      return {
        invalid: [`TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA${fake(ALNUM, 30, "tw")}%3D${fake(ALNUM, 50, "tw2")}`],
        valid: [`TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA${"A".repeat(80)}`, "TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
      };
    },
  },
  assigned({ id: "twitter-api-secret", description: "X (Twitter) API key secret / access token secret assigned to a Twitter name", kind: "api-key", severity: "high", docs: "https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret", names: "twitter[\\w.-]{0,20}?secret|\\bx[_.-](?:api|access|consumer)[\\w.-]{0,12}?secret", value: "[A-Za-z0-9]{45,50}", keywords: ["twitter", "x_api", "x_access", "x_consumer"], entropy: 4, fixedLength: false, get sample() { return fake(ALNUM, 50, "tw-secret"); }, env: "TWITTER_API_SECRET" }),
  // Meta (Facebook) user/page access tokens: "EAA" + app-specific letters + long random.
  prefixed({ id: "facebook-access-token", description: "Meta (Facebook/Instagram) Graph API access token (EAA…)", kind: "token", severity: "high", docs: "https://developers.facebook.com/docs/facebook-login/guides/access-tokens", prefix: "EAA", body: "[BCDGIJLMNQTUZ][A-Za-z0-9]{100,400}", boundary: "A-Za-z0-9", entropy: 4, fixedLength: false, get sample() { return "EAAG" + fake(ALNUM, 180, "fb"); }, env: "FACEBOOK_ACCESS_TOKEN" }),
  assigned({ id: "facebook-app-secret", description: "Meta (Facebook) app secret (32 hex) assigned to a Facebook/Meta name", kind: "api-key", severity: "high", docs: "https://developers.facebook.com/docs/facebook-login/security/#appsecret", names: "(?:facebook|\\bfb)[\\w.-]{0,20}?secret", value: "[a-f0-9]{32}", keywords: ["facebook", "fb_", "fb-", "fb."], get sample() { return fake(HEX, 32, "fb-secret"); }, env: "FACEBOOK_APP_SECRET" }),
  // Dropbox short-lived access tokens: "sl." (or "sl.u.") + 130+ url-safe characters.
  prefixed({ id: "dropbox-access-token", description: "Dropbox OAuth access token (sl.…)", kind: "token", severity: "high", docs: "https://developers.dropbox.com/oauth-guide", prefix: "sl.", body: "(?:u\\.)?[A-Za-z0-9_-]{130,1400}", boundary: "A-Za-z0-9_.-", entropy: 4, fixedLength: false, get sample() { return "sl.u." + fake(B64URL, 200, "dropbox"); }, env: "DROPBOX_ACCESS_TOKEN" }),
  // Dropbox's long-lived access tokens (before short-lived sl. tokens): 11 characters, ten "A", then 43
  // (the shape Kingfisher's dropbox.2 rule reads, https://www.dropbox.com/developers/documentation/http/documentation#auth).
  // The ten "A" are the format's, so the placeholder check (which takes a run of eight for a mask) reads
  // the token without them: a plain object rather than prefixed(), whose check would see the run.
  {
    id: "dropbox-long-lived-token",
    description: "Dropbox long-lived access token (11 + AAAAAAAAAA + 43)",
    kind: "token",
    severity: "high",
    docs: "https://www.dropbox.com/developers/documentation/http/documentation#auth",
    keywords: ["aaaaaaaaaa"],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[a-z0-9]{11}AAAAAAAAAA[a-z0-9_=-]{43})(?![A-Za-z0-9_=-])/,
    entropy: 3.5,
    validate: (secret) => !looksLikePlaceholder(secret.slice(0, 11) + secret.slice(21)) && /[0-9]/.test(secret.slice(21)),
    get examples() {
      const token = fake(LOWER_ALNUM, 11, "dropbox-ll") + "AAAAAAAAAA" + fake(LOWER_ALNUM, 43, "dropbox-ll2");
      return {
        invalid: [`DROPBOX_TOKEN=${token}`, `dbx = dropbox.Dropbox("${token}")`],
        valid: [`DROPBOX_TOKEN=${token.slice(0, 21)}${"x".repeat(43)}`, `DROPBOX_TOKEN=${token.slice(0, -3)}`, `"data": "${"A".repeat(11)}AAAAAAAAAA${"A".repeat(43)}"`],
      };
    },
  },
  // Prefixed keys of Kingfisher's provider files: Block Protocol's "b10ck5." (https://blockprotocol.org/docs/hub/api),
  // Builder.io's private keys "bpk-" + 32 hex (the public API key has no prefix, https://www.builder.io/c/docs/using-your-api-key),
  // Canva Connect client secrets "cnvca" + 51 (https://www.canva.dev/docs/connect/authentication/).
  prefixed({ id: "blockprotocol-api-key", description: "Block Protocol API key (b10ck5.…)", kind: "api-key", severity: "high", docs: "https://blockprotocol.org/docs/hub/api", prefix: "b10ck5.", body: "[A-Za-z0-9]{32}\\.[A-Za-z0-9]{36}", boundary: "A-Za-z0-9_.-", entropy: 3.5, get sample() { return "b10ck5." + fake(ALNUM, 32, "blockprotocol") + "." + fake(ALNUM, 36, "blockprotocol2"); }, env: "BLOCK_PROTOCOL_API_KEY" }),
  prefixed({ id: "builderio-private-key", description: "Builder.io private API key (bpk-…)", kind: "api-key", severity: "high", docs: "https://www.builder.io/c/docs/using-your-api-key", prefix: "bpk-", body: "[a-f0-9]{32}", entropy: 3.3, get sample() { return "bpk-" + fake(HEX, 32, "builderio"); }, env: "BUILDER_PRIVATE_KEY" }),
  prefixed({ id: "canva-client-secret", description: "Canva Connect API client secret (cnvca…)", kind: "api-key", severity: "high", docs: "https://www.canva.dev/docs/connect/authentication/", prefix: "cnvca", body: "[A-Za-z0-9_-]{51}", entropy: 3.8, get sample() { return "cnvca" + fake(B64URL, 51, "canva"); }, env: "CANVA_CLIENT_SECRET" }),
  // Lichess personal tokens "lip_" + 17-30 (https://lichess.org/api#section/Introduction/Authentication) (Liveblocks'
  // keys are in saas-platforms.ts), Mintlify admin/discovery keys
  // "mint_"/"mint_dsc_" + 24-44 (https://mintlify.com/docs/api/introduction; mixed case and a digit: not an
  // identifier, and not a "mint_0x…" address), Nango secret keys: a UUID v4 under a Nango name.
  prefixed({ id: "lichess-personal-access-token", description: "Lichess personal access token (lip_…)", kind: "token", severity: "medium", docs: "https://lichess.org/api#section/Introduction/Authentication", prefix: "lip_", body: "(?=[A-Za-z0-9_]{0,29}[0-9])(?=[A-Za-z0-9_]{0,29}[A-Z])[A-Za-z0-9_]{17,30}", fixedLength: false, entropy: 3.5, get sample() { return "lip_" + "K7" + fake(ALNUM, 18, "lichess"); }, env: "LICHESS_TOKEN", valid: ["lip_read_the_docs_section"] }),
  prefixed({ id: "mintlify-api-key", description: "Mintlify API key (mint_/mint_dsc_…)", kind: "api-key", severity: "high", docs: "https://mintlify.com/docs/api/introduction", prefix: "mint_", body: "(?:dsc_)?(?!0x)(?=[A-Za-z0-9]{0,43}[0-9])(?=[A-Za-z0-9]{0,43}[a-z])(?=[A-Za-z0-9]{0,43}[A-Z])[A-Za-z0-9]{24,44}", fixedLength: false, entropy: 3.8, get sample() { return "mint_" + "Q7b" + fake(ALNUM, 27, "mintlify"); }, env: "MINTLIFY_API_KEY", valid: [`mint_0x${fake(HEX, 40, "mint-address")}`] }),
  assigned({ id: "nango-secret-key", description: "Nango secret key (a UUID v4) assigned to a Nango name", kind: "api-key", severity: "high", docs: "https://nango.dev/docs/reference/backend/http-api/api-keys", names: "nango[_.-]?(?:secret|api)[_.-]?key", value: "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", keywords: ["nango"], entropy: 3, get sample() { return uuid("nango"); }, env: "NANGO_SECRET_KEY" }),
  // Notion integration tokens: "ntn_" + 11 digits + 35 (since 2024), "secret_" + 43 before.
  prefixed({ id: "notion-integration-token", description: "Notion integration token (ntn_… or secret_…)", kind: "token", severity: "high", docs: "https://developers.notion.com/docs/authorization", prefix: "", body: "(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})", keywords: ["ntn_", "secret_"], entropy: 3.8, get sample() { return "ntn_" + fake(DIGITS, 11, "ntn") + fake(ALNUM, 35, "ntn"); }, env: "NOTION_TOKEN", get invalid() { return [`NOTION_API_KEY=secret_${fake(ALNUM, 43, "notion-old")}`]; } }),
  // Airtable personal access tokens: "pat" + 14 + "." + 64 hex.
  prefixed({ id: "airtable-personal-access-token", description: "Airtable personal access token (pat….…)", kind: "token", severity: "high", docs: "https://airtable.com/developers/web/guides/personal-access-tokens", prefix: "pat", body: "[A-Za-z0-9]{14}\\.[a-f0-9]{64}", get sample() { return "pat" + fake(ALNUM, 14, "airtable") + "." + fake(HEX, 64, "airtable"); }, env: "AIRTABLE_TOKEN" }),
  prefixed({ id: "linear-api-key", description: "Linear API key (lin_api_…)", kind: "api-key", severity: "high", docs: "https://linear.app/developers/graphql#personal-api-keys", prefix: "lin_api_", body: "[A-Za-z0-9]{40}", get sample() { return "lin_api_" + fake(ALNUM, 40, "linear"); }, env: "LINEAR_API_KEY" }),
  // Linear OAuth access tokens: "lin_oauth_" + 64 hex (https://linear.app/developers/oauth-2-0-authentication).
  prefixed({ id: "linear-oauth-token", description: "Linear OAuth access token (lin_oauth_…)", kind: "token", severity: "high", docs: "https://linear.app/developers/oauth-2-0-authentication", prefix: "lin_oauth_", body: "[a-f0-9]{64}", entropy: 3.3, get sample() { return "lin_oauth_" + fake(HEX, 64, "linear-oauth"); }, env: "LINEAR_OAUTH_TOKEN" }),
  prefixed({ id: "figma-personal-access-token", description: "Figma personal access token (figd_…)", kind: "token", severity: "high", docs: "https://www.figma.com/developers/api#access-tokens", prefix: "figd_", body: "[A-Za-z0-9_-]{40}", get sample() { return "figd_" + fake(B64URL, 40, "figma"); }, env: "FIGMA_TOKEN" }),
  // HubSpot private app tokens: "pat-" + region + "-" + UUID.
  prefixed({ id: "hubspot-private-app-token", description: "HubSpot private app access token (pat-na1-…)", kind: "token", severity: "high", docs: "https://developers.hubspot.com/docs/api/private-apps", prefix: "pat-", body: "(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", keywords: ["pat-na", "pat-eu", "pat-ap"], get sample() { return "pat-na1-" + uuid("hubspot"); }, env: "HUBSPOT_ACCESS_TOKEN" }),
  // Tailscale keys: "tskey-" + type + "-" + id + "-" + secret.
  prefixed({ id: "tailscale-key", description: "Tailscale auth/API/OAuth key (tskey-…)", kind: "api-key", severity: "high", docs: "https://tailscale.com/kb/1085/auth-keys", prefix: "tskey-", body: "(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,60}", fixedLength: false, get sample() { return "tskey-auth-" + fake(ALNUM, 17, "ts") + "-" + fake(ALNUM, 33, "ts"); }, env: "TS_AUTHKEY" }),
  assigned({ id: "ngrok-authtoken", description: "ngrok authtoken assigned to an ngrok name", kind: "token", severity: "medium", docs: "https://ngrok.com/docs/agent/#authtokens", names: "ngrok", value: "[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}", keywords: ["ngrok"], entropy: 4, fixedLength: false, get sample() { return fake(ALNUM, 27, "ngrok") + "_" + fake(ALNUM, 21, "ngrok"); }, env: "NGROK_AUTHTOKEN" }),
  // The authtoken alone (a log line, a CI variable under any name): "<credential id>_<secret>", the id a
  // 27-character base62 KSUID. A KSUID opens with its timestamp, so ids minted 2020 to mid-2025 start
  // "2" and later ones "3" (until ~2029); the secret starts with a digit (trufflehog's ngrok detector).
  // No literal prefix: the keyword pass waits for "_" + a digit + a letter or digit (NGROK_SECRET_HEADS,
  // trigrams it finds for nothing), and the regex for a "2" or "3" not inside a word, giving up within 28
  // characters. Both halves must mix upper- and lower-case letters: random base62
  // always does, identifiers and hex do not.
  custom({
    id: "ngrok-authtoken-shaped",
    description: "ngrok authtoken (KSUID credential id _ secret), with or without an ngrok name",
    kind: "token",
    severity: "medium",
    docs: "https://ngrok.com/docs/agent/#authtokens",
    keywords: ["ngrok", ...NGROK_SECRET_HEADS],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>[23][A-Za-z0-9]{26}_[0-9][A-Za-z0-9]{19,21})(?![A-Za-z0-9_.-])/,
    entropy: 4,
    validate: (s) => s.split("_").every((half) => /[A-Z]/.test(half) && /[a-z]/.test(half) && !looksLikeIdentifier(half)),
    get examples() {
      const t = `2${fake(ALNUM, 26, "ngrok-bare")}_${fake(DIGITS, 1, "ngrok-bare")}${fake(ALNUM, 20, "ngrok-bare")}`;
      return {
        invalid: [`2024-01-01 INFO tunnel agent authenticated with ${t}`, `FOO=${t}`],
        valid: [`2${fake(HEX, 26, "ngrok-hex")}_1${fake(HEX, 20, "ngrok-hex")}`, `2${"a".repeat(26)}_1${"B".repeat(20)}`, `x${t}`],
      };
    },
  }),
  // The agent's authtoken given on the command line: `ngrok config add-authtoken <token>` (v3),
  // `ngrok authtoken <token>` (v2) or `--authtoken <token>` (https://ngrok.com/docs/agent/cli/#ngrok-config-add-authtoken).
  custom({
    id: "ngrok-authtoken-argument",
    description: "ngrok authtoken given on the command line (config add-authtoken, authtoken, --authtoken)",
    kind: "token",
    severity: "medium",
    docs: "https://ngrok.com/docs/agent/cli/#ngrok-config-add-authtoken",
    keywords: ["authtoken"],
    pattern: /(?:\bngrok[ \t]{1,4}(?:config[ \t]{1,4}add-authtoken|authtoken)[ \t]{1,4}|--authtoken[= \t][ \t]{0,4})["']?(?<secret>[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22})(?![0-9A-Za-z_-])/,
    entropy: 4,
    get examples() {
      const t = fake(ALNUM, 27, "ngrok-cli") + "_" + fake(ALNUM, 21, "ngrok-cli");
      return {
        invalid: [`ngrok config add-authtoken ${t}`, `- run: ngrok authtoken ${t}`, `ngrok http 3000 --authtoken=${t}`],
        valid: ["ngrok config add-authtoken $NGROK_AUTHTOKEN", "ngrok config add-authtoken <token>", `ngrok config add-authtoken ${"a".repeat(27)}_${"b".repeat(21)}`],
      };
    },
  }),
  // Trello API tokens since 2023: "ATTA" + 64 hex + an 8-hex checksum (the API key beside it is
  // 32 hex and public: it names the application). https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/
  prefixed({ id: "trello-api-token", description: "Trello API token (ATTA…)", kind: "token", severity: "high", docs: "https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/", prefix: "ATTA", body: "[A-Fa-f0-9]{64,72}", fixedLength: false, entropy: 3, get sample() { return "ATTA" + fake(HEX, 64, "trello") + fake(HEX, 8, "trello-crc").toUpperCase(); }, env: "TRELLO_TOKEN" }),
  // ngrok's HTTP basic auth, "user:password" strings: a list under `basic_auth:` in the agent config
  // (ngrok.yml tunnels, v2 and v3) or the v3 CLI's `--basic-auth` flag.
  // https://ngrok.com/docs/agent/config/v2/#tunnel-configurations
  custom({
    id: "ngrok-basic-auth",
    description: "ngrok tunnel basic-auth credentials (basic_auth list in ngrok.yml, --basic-auth flag)",
    kind: "password",
    severity: "high",
    docs: "https://ngrok.com/docs/agent/config/v2/#tunnel-configurations",
    keywords: ["basic_auth:", "--basic-auth"],
    pattern: /(?:basic_auth:[ \t]{0,4}(?:\[[ \t]{0,4}|\r?\n[ \t]{0,40}-[ \t]{1,4})|ngrok[ \t]{1,4}(?:http|tls|tcp)\b[^\n]{0,200}?[ \t]--basic-auth[= \t][ \t]{0,4})(["']?)[^"'\s:]{1,64}:(?<secret>[^"'\s,\]]{4,128})\1/,
    validate: isRealPassword,
    get examples() {
      const p = fake(ALNUM, 16, "ngrok-basic");
      return {
        invalid: [`tunnels:\n  web:\n    proto: http\n    addr: 3000\n    basic_auth:\n      - "demo:${p}"\n`, `basic_auth: ["qa:${p}"]`, `ngrok http 8080 --basic-auth "admin:${p}"`],
        valid: ['basic_auth:\n  - "user:password"\n', "basic_auth:\n  username: prometheus\n  password_file: /etc/prom/pw\n", 'ngrok http 80 --basic-auth "$NGROK_USER:$NGROK_PASS"'], // vaultshift:allow
      };
    },
  }),
  prefixed({ id: "prefect-api-key", description: "Prefect Cloud API key (pnu_…)", kind: "api-key", severity: "high", docs: "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys", prefix: "pnu_", body: "[A-Za-z0-9]{36}", get sample() { return "pnu_" + fake(ALNUM, 36, "prefect"); }, env: "PREFECT_API_KEY" }),
  prefixed({ id: "readme-api-key", description: "ReadMe API key (rdme_…)", kind: "api-key", severity: "medium", docs: "https://docs.readme.com/main/reference/intro-to-the-readme-api#authentication", prefix: "rdme_", body: "[a-z0-9]{70}", get sample() { return "rdme_" + fake(LOWER_ALNUM, 70, "readme"); }, env: "README_API_KEY" }),
  prefixed({ id: "typeform-personal-access-token", description: "Typeform personal access token (tfp_…)", kind: "token", severity: "medium", docs: "https://www.typeform.com/developers/get-started/personal-access-token/", prefix: "tfp_", body: "[A-Za-z0-9_=.-]{40,64}", fixedLength: false, get sample() { return "tfp_" + fake(ALNUM, 44, "typeform") + "_" + fake(ALNUM, 14, "typeform"); }, env: "TYPEFORM_TOKEN" }),
  prefixed({ id: "clickup-api-token", description: "ClickUp personal API token (pk_<user id>_…)", kind: "token", severity: "medium", docs: "https://clickup.com/api/developer-portal/authentication/", prefix: "pk_", body: "[0-9]{6,10}_[A-Z0-9]{32}", get sample() { return "pk_" + fake(DIGITS, 8, "clickup") + "_" + fake(UPPER_ALNUM, 32, "clickup"); }, env: "CLICKUP_API_TOKEN" }),
  prefixed({ id: "frameio-api-token", description: "Frame.io developer token (fio-u-…)", kind: "token", severity: "medium", docs: "https://developer.frame.io/docs/getting-started/authentication", prefix: "fio-u-", body: "[A-Za-z0-9_=-]{64}", get sample() { return "fio-u-" + fake(B64URL, 64, "frameio"); }, env: "FRAMEIO_TOKEN" }),
  // CFPAT- is Contentful's own prefix: found without a Contentful name too (positional SDK arguments, CLI flags).
  prefixed({ id: "contentful-management-token", description: "Contentful content management token (CFPAT-…)", kind: "token", severity: "high", docs: "https://www.contentful.com/developers/docs/references/authentication/", prefix: "CFPAT-", body: "[A-Za-z0-9_-]{43}", get sample() { return "CFPAT-" + fake(B64URL, 43, "cfpat"); }, env: "CONTENTFUL_MANAGEMENT_TOKEN" }),
  // Asana personal access tokens: "1/" or "2/" + numeric ids + ":" + 32 hex.
  prefixed({ id: "asana-personal-access-token", description: "Asana personal access token (2/…:…)", kind: "token", severity: "high", docs: "https://developers.asana.com/docs/personal-access-token", prefix: "", body: "[12]/[0-9]{13,20}(?:/[0-9]{13,20})?:[a-f0-9]{32}", keywords: ["asana", ...keywordsWith("/1", "0123456789")], boundary: "A-Za-z0-9_/-", get sample() { return "2/" + fake(DIGITS, 16, "asana") + "/" + fake(DIGITS, 16, "asana2") + ":" + fake(HEX, 32, "asana"); }, env: "ASANA_ACCESS_TOKEN" }),
  // Asana's first tokens, "0/" + 32 hex, still work (https://developers.asana.com/docs/personal-access-token); the
  // shape alone is too plain to report bare, so under an Asana name.
  assigned({ id: "asana-personal-access-token-legacy", description: "Asana personal access token, legacy 0/ format, assigned to an Asana name", kind: "token", severity: "high", docs: "https://developers.asana.com/docs/personal-access-token", names: "asana", value: "0/[a-f0-9]{32}", keywords: ["asana"], boundary: "A-Za-z0-9_/-", entropy: 3.3, get sample() { return "0/" + fake(HEX, 32, "asana-legacy"); }, env: "ASANA_ACCESS_TOKEN" }),
  assigned({ id: "zendesk-api-token", description: "Zendesk API token (40 alphanumerics) assigned to a Zendesk name", kind: "token", severity: "high", docs: "https://developer.zendesk.com/api-reference/introduction/security-and-auth/", names: "zendesk", value: "[A-Za-z0-9]{40}", keywords: ["zendesk"], entropy: 4, get sample() { return fake(ALNUM, 40, "zendesk"); }, env: "ZENDESK_API_TOKEN" }),
  // Intercom access tokens are base64 of "tok:<uuid>:<n>:<n>", so they all start "dG9rOj"; decoding
  // checks the rest, which keeps other base64 that starts the same way out.
  prefixed({ id: "intercom-access-token", description: "Intercom access token (base64 \"tok:…\")", kind: "token", severity: "high", docs: "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication", prefix: "dG9rOj", body: "[A-Za-z0-9+/_-]{40,80}={0,2}", boundary: "A-Za-z0-9+/=_-", keywords: ["dg9roj"], entropy: 4, fixedLength: false, validate: (s) => /^tok:[0-9a-f]{8}[_-][0-9a-f]{4}/.test(Buffer.from(s, "base64").toString("latin1")), get sample() { return Buffer.from(`tok:${uuid("intercom")}:1:0`).toString("base64").replace(/=+$/, ""); }, env: "INTERCOM_ACCESS_TOKEN", get valid() { return [`INTERCOM_ACCESS_TOKEN=${Buffer.from(`tok:not-a-token-${fake(ALNUM, 30, "ic")}`).toString("base64")}`]; } }),
  assigned({ id: "pusher-app-secret", description: "Pusher Channels app secret (20 hex) assigned to a Pusher name", kind: "api-key", severity: "high", docs: "https://pusher.com/docs/channels/server_api/http-api/#authentication", names: "pusher[\\w.-]{0,20}?secret", value: "[a-f0-9]{20}", keywords: ["pusher"], get sample() { return fake(HEX, 20, "pusher"); }, env: "PUSHER_APP_SECRET" }),
  assigned({ id: "ably-api-key", description: "Ably API key (appId.keyId:secret) assigned to an Ably name", kind: "api-key", severity: "high", docs: "https://ably.com/docs/auth/basic", names: "ably", value: "[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{30,50}", keywords: ["ably"], entropy: 4, fixedLength: false, get sample() { return fake(B64URL, 6, "ably") + "." + fake(B64URL, 6, "ably2") + ":" + fake(B64URL, 43, "ably3"); }, env: "ABLY_API_KEY" }),
  // The same key where no Ably name is beside it (`new Ably.Rest({ key: "…" })`, `new Ably.Realtime("…")`): the
  // shape is Ably's own, appId and keyId of six characters each, then `:` and the 43-character base64url secret
  // (https://ably.com/docs/auth#api-keys); the file must mention Ably.
  custom({
    id: "ably-api-key-unnamed",
    description: "Ably API key (appId.keyId:secret) in a file that uses Ably",
    kind: "api-key",
    severity: "high",
    docs: "https://ably.com/docs/auth/basic",
    // How a file that uses Ably names it: its package, its client classes, its host. Not
    // "ably" alone, which is in every "probably" (nor "ably_": "you_probably_meant" keys): the pattern has no literal to start from, so each
    // file the keyword lets through is searched at every position (17% of the benchmark's CPU).
    keywords: ['"ably', "'ably", "`ably", "ably.rest", "ably.realtime", "ablyrest", "ablyrealtime", "ably.new", "io.ably", "from ably", "import ably", "ably::", "ably.com", "ably.io", "@ably/"],
    pattern: /(?<![A-Za-z0-9_.:-])(?<secret>[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{43})(?![A-Za-z0-9_.:-])/,
    entropy: 4,
    get examples() {
      const key = fake(B64URL, 6, "ablyu") + "." + fake(B64URL, 6, "ablyu2") + ":" + fake(B64URL, 43, "ablyu3");
      return {
        invalid: [`import Ably from "ably";\nconst rest = new Ably.Rest({ key: "${key}" });`, `const realtime = new Ably.Realtime("${key}");`, `from ably import AblyRest\nclient = AblyRest("${key}")`, `client, err := ably.NewREST(ably.WithKey("${key}"))`],
        valid: [`const rest = new Client({ key: "${key}" });`, `import Ably from "ably";\nconst rest = new Ably.Rest({ key: "xVLyHw.A-pwh7:${"a".repeat(43)}" });`, `import Ably from "ably";\nconst rest = new Ably.Rest({ key: process.env.ABLY_API_KEY });`],
      };
    },
  }),
  // A write key under a browser bundler's prefix (NEXT_PUBLIC_, VITE_, REACT_APP_, GATSBY_) belongs to a
  // browser source: analytics.js sends it with every event from every page, and Segment documents write
  // keys as not secret; only a server source's key is worth reporting, at low severity.
  assigned({ id: "segment-write-key", description: "Segment server-side write key assigned to a Segment name", kind: "api-key", severity: "low", docs: "https://segment.com/docs/connections/find-writekey/", names: "(?<!(?:public|vite|react_app|gatsby)[_.-])segment[\\w.-]{0,10}?write", value: "[A-Za-z0-9]{32}", keywords: ["segment"], entropy: 3.8, get sample() { return fake(ALNUM, 32, "segment"); }, env: "SEGMENT_WRITE_KEY", get valid() { return [`NEXT_PUBLIC_SEGMENT_WRITE_KEY=${fake(ALNUM, 32, "segment-browser")}`, `VITE_SEGMENT_WRITE_KEY=${fake(ALNUM, 32, "segment-browser")}`]; } }),
  assigned({ id: "mixpanel-api-secret", description: "Mixpanel API secret (32 hex) assigned to a Mixpanel name", kind: "api-key", severity: "medium", docs: "https://developer.mixpanel.com/reference/authentication", names: "mixpanel[\\w.-]{0,20}?secret", value: "[a-f0-9]{32}", keywords: ["mixpanel"], get sample() { return fake(HEX, 32, "mixpanel"); }, env: "MIXPANEL_API_SECRET" }),
  // Zoho OAuth access and refresh tokens: "1000." + 32 hex + "." + 32 hex (trufflehog zohocrm).
  prefixed({ id: "zoho-oauth-token", description: "Zoho OAuth access or refresh token (1000.…)", kind: "token", severity: "high", docs: "https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html", prefix: "1000.", body: "[a-f0-9]{32}\\.[a-f0-9]{32}", entropy: 3.3, get sample() { return `1000.${fake(HEX, 32, "zoho")}.${fake(HEX, 32, "zoho2")}`; }, env: "ZOHO_REFRESH_TOKEN" }),
  // Adafruit IO keys: "aio_" + 28 alphanumerics (gitleaks adafruit-api-key finds them only named).
  prefixed({ id: "adafruit-io-key", description: "Adafruit IO key (aio_…)", kind: "api-key", severity: "medium", docs: "https://io.adafruit.com/api/docs/#authentication", prefix: "aio_", body: "[A-Za-z0-9]{28}", entropy: 3.8, get sample() { return "aio_" + fake(ALNUM, 28, "adafruit"); }, env: "ADAFRUIT_IO_KEY" }),
  // Axiom API and personal tokens: "xaat-" / "xapt-" + UUID (https://axiom.co/docs/reference/tokens).
  prefixed({ id: "axiom-token", description: "Axiom API or personal token (xaat-/xapt-…)", kind: "token", severity: "high", docs: "https://axiom.co/docs/reference/tokens", prefix: "xa", body: "(?:at|pt)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", keywords: ["xaat-", "xapt-"], get sample() { return "xaat-" + uuid("axiom"); }, env: "AXIOM_TOKEN" }),
  // Apify API tokens: "apify_api_" + 36 alphanumerics (trufflehog apify).
  prefixed({ id: "apify-api-token", description: "Apify API token (apify_api_…)", kind: "token", severity: "high", docs: "https://docs.apify.com/platform/integrations/api", prefix: "apify_api_", body: "[A-Za-z0-9]{36}", entropy: 4, get sample() { return "apify_api_" + fake(ALNUM, 36, "apify"); }, env: "APIFY_TOKEN" }),
  // RapidAPI application keys: 10 + "msh" + 15 + "p" + 6 + "jsn" + 12 lower-case alphanumerics, 50 in
  // all; the three markers at fixed places make the shape distinctive without a name.
  custom({
    id: "rapidapi-key",
    description: "RapidAPI application key (…msh…p…jsn…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.rapidapi.com/docs/keys-and-key-rotation",
    keywords: ["jsn"],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-z]{10}msh[0-9a-z]{15}p[0-9a-z]{6}jsn[0-9a-z]{12})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      const key = (seed: string): string => `${fake(LOWER_ALNUM, 10, seed)}msh${fake(LOWER_ALNUM, 15, seed)}p${fake(LOWER_ALNUM, 6, seed)}jsn${fake(LOWER_ALNUM, 12, seed)}`;
      return {
        invalid: [`"X-RapidAPI-Key": "${key("rapid")}",`, `headers = {"x-rapidapi-key": "${key("rapid2")}"}`],
        valid: ["'X-RapidAPI-Key': process.env.RAPIDAPI_KEY,", `"X-RapidAPI-Key": "${"a".repeat(10)}msh${"a".repeat(15)}p${"a".repeat(6)}jsn${"a".repeat(12)}"`],
      };
    },
  }),
  // OpenWeatherMap's API key is 32 lower-case hex sent as the `appid` query parameter
  // (https://openweathermap.org/appid: `…/data/2.5/weather?q=London&appid={API key}`), the only
  // form its calls take. Other `appid` parameters hold public identifiers of other shapes: Facebook's
  // and Baidu's are numbers, WeChat's `wx` + 16 hex, Algolia's ten upper-case characters.
  custom({
    id: "openweathermap-api-key",
    description: "OpenWeatherMap API key (32 hex) in an appid= query parameter",
    kind: "api-key",
    severity: "medium",
    docs: "https://openweathermap.org/appid",
    keywords: ["appid="],
    pattern: /[?&]appid=(?<secret>[0-9a-f]{32})(?![0-9A-Za-z])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [
          `curl -s "https://api.openweathermap.org/data/2.5/weather?q=Berlin&appid=${fake(HEX, 32, "owm")}"`,
          `const url = \`https://weather.example.net/v1/forecast?appid=${fake(HEX, 32, "owm2")}&units=metric\`;`,
        ],
        valid: [
          `https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx${fake(HEX, 16, "wx")}&redirect_uri=x`,
          "https://www.facebook.com/dialog/share?appid=145634995501895&href=x",
          "https://api.openweathermap.org/data/2.5/weather?q=London&appid={API key}",
          `https://api.openweathermap.org/data/2.5/weather?q=London&appid=${fake(HEX, 32, "owm3").toUpperCase()}x`,
        ],
      };
    },
  }),
  // Ory Network API keys: "ory_pat_" (project API key / personal access token) or "ory_wak_"
  // (workspace API key) + 32 or more base62 characters (Ory docs "API keys").
  prefixed({ id: "ory-api-key", description: "Ory Network project or workspace API key (ory_pat_…/ory_wak_…)", kind: "api-key", severity: "high", docs: "https://www.ory.sh/docs/concepts/personal-access-token", prefix: "ory_", body: "(?:pat|wak)_[A-Za-z0-9]{32,64}", keywords: ["ory_pat_", "ory_wak_"], entropy: 3.8, fixedLength: false, get sample() { return "ory_pat_" + fake(ALNUM, 32, "ory"); }, env: "ORY_API_KEY" }),
  // Peer formats that the parity harness (src/scan/peer-parity.test.ts) found in none of its three
  // contexts (a log line, `value = "…"`, `FOO=…` in a .env):
  // Authress service client access keys (gitleaks authress-service-client-access-key): an account
  // prefix "sc_"/"ext_"/"scauth_"/"authress_" + 5-30 characters, "." + a 4-6 character region id,
  // ".acc_" or ".acc-" + the access key id, "." + the base64url private key. The ".acc_" between two
  // dots is what sets it apart; https://authress.io/knowledge-base/docs/authentication/service-clients.
  prefixed({ id: "authress-service-client-key", description: "Authress service client access key (sc_….acc_….…)", kind: "api-key", severity: "high", docs: "https://authress.io/knowledge-base/docs/authentication/service-clients", prefix: "", body: "(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,200}", keywords: [".acc_", ".acc-"], entropy: 4, fixedLength: false, get sample() { return `sc_${fake(LOWER_ALNUM, 12, "authress")}.${fake(LOWER_ALNUM, 5, "authress-r")}.acc_${fake(LOWER_ALNUM, 24, "authress-k")}.${fake(B64URL, 64, "authress-p")}`; }, env: "AUTHRESS_SERVICE_CLIENT_ACCESS_KEY", get valid() { return [`AUTHRESS_URL=https://login.example.org/sc_${fake(LOWER_ALNUM, 12, "authress")}.acc_key`]; } }),
  // Salesforce OAuth access / session tokens: the 15-character organization id ("00D" + 12) then "!" and
  // ~96 characters of [A-Za-z0-9_.] (trufflehog salesforce); the "!" after an org id is the structure.
  // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm
  prefixed({ id: "salesforce-access-token", description: "Salesforce OAuth access or session token (00D…!…)", kind: "token", severity: "critical", docs: "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm", prefix: "00D", body: "[A-Za-z0-9]{12}![A-Za-z0-9_.]{80,120}", keywords: ["00d"], entropy: 4, fixedLength: false, get sample() { return `00D${fake(ALNUM, 12, "sfdc-org")}!${fake(ALNUM + "._", 96, "sfdc")}`; }, env: "SALESFORCE_ACCESS_TOKEN", get valid() { return [`SALESFORCE_ORG_ID=00D${fake(ALNUM, 12, "sfdc-org")}`]; } }),
  // Nightfall DLP API keys: "NF-" + 32 alphanumerics (trufflehog nightfall); https://docs.nightfall.ai/docs/creating-an-api-key
  prefixed({ id: "nightfall-api-key", description: "Nightfall DLP API key (NF-…)", kind: "api-key", severity: "high", docs: "https://docs.nightfall.ai/docs/creating-an-api-key", prefix: "NF-", body: "[A-Za-z0-9]{32}", entropy: 3.8, get sample() { return "NF-" + fake(ALNUM, 32, "nightfall"); }, env: "NIGHTFALL_API_KEY" }),
  // Ubidots IoT tokens: "BBFF-" + 30 alphanumerics (trufflehog ubidots); https://docs.ubidots.com/reference/authentication
  prefixed({ id: "ubidots-token", description: "Ubidots IoT API token (BBFF-…)", kind: "token", severity: "high", docs: "https://docs.ubidots.com/reference/authentication", prefix: "BBFF-", body: "[A-Za-z0-9]{30}", entropy: 3.8, get sample() { return "BBFF-" + fake(ALNUM, 30, "ubidots"); }, env: "UBIDOTS_TOKEN", get valid() { return [`request_id: 461648d3-5aea-4d3b-BBFF-${fake(HEX, 12, "ubidots-uuid")}`]; } }),
  // Fleetbase API keys: "flb_live_" + 20 alphanumerics (trufflehog fleetbase); https://docs.fleetbase.io/
  prefixed({ id: "fleetbase-api-key", description: "Fleetbase live API key (flb_live_…)", kind: "api-key", severity: "high", docs: "https://docs.fleetbase.io/", prefix: "flb_live_", body: "[A-Za-z0-9]{20}", entropy: 3.5, get sample() { return "flb_live_" + fake(ALNUM, 20, "fleetbase"); }, env: "FLEETBASE_API_KEY" }),
  // Steam game server login tokens (GSLT, 32 upper-case hex, https://steamcommunity.com/dev/managegameservers):
  // passed as `+sv_setsteamaccount <token>` to srcds/CS2 or set as LinuxGSM's `gslt="…"`. The token logs a
  // server in as the account that made it; Valve bans the account when a token leaks into a cheating server.
  custom({
    id: "steam-game-server-login-token",
    description: "Steam game server login token (GSLT) in +sv_setsteamaccount or LinuxGSM gslt=",
    kind: "token",
    severity: "medium",
    docs: "https://developer.valvesoftware.com/wiki/Counter-Strike_2/Dedicated_Servers#Registering_Game_Server_Login_Token",
    keywords: ["sv_setsteamaccount", "gslt"],
    pattern: /(?:[+\s]sv_setsteamaccount[ \t]{1,4}|(?<![A-Za-z0-9_])gslt["']?[ \t]{0,4}[:=][ \t]{0,4})(["']?)(?<secret>[0-9A-Fa-f]{32})\1(?![0-9A-Za-z])/i,
    entropy: 3,
    get examples() {
      const t = fake(HEX, 32, "gslt").toUpperCase();
      return {
        invalid: [`./cs2 -dedicated +map de_dust2 +sv_setsteamaccount ${t} -port 27015`, `gslt="${t}"`],
        valid: ['gslt=""', `+sv_setsteamaccount ${"0".repeat(32)}`, "+sv_setsteamaccount $GSLT"],
      };
    },
  }),
  // Telegram's client API credentials (https://core.telegram.org/api/obtaining_api_id): `api_id` (a number,
  // public enough) and `api_hash` (32 hex, the app's secret), written together in Telethon, Pyrogram and
  // bridge configs. Without the api_id just before it, a 32-hex `api_hash` is as likely a digest of an API.
  custom({
    id: "telegram-api-hash",
    description: "Telegram client API hash (api_hash, 32 hex) next to its api_id",
    kind: "api-key",
    severity: "high",
    docs: "https://core.telegram.org/api/obtaining_api_id",
    keywords: ["api_hash"],
    pattern: /\bapi_id\b(?:(?!api_id)[\s\S]){1,200}?\bapi_hash["']?[ \t]{0,4}[:=][ \t]{0,4}(["']?)(?<secret>[0-9a-f]{32})\1(?![0-9A-Za-z])/i,
    entropy: 3,
    get examples() {
      return {
        invalid: [`telegram:\n    api_id: 12345678\n    api_hash: ${fake(HEX, 32, "tg-api-hash")}\n`, `api_id = 12345678\napi_hash = "${fake(HEX, 32, "tg-api-hash2")}"`],
        valid: [`openapi:\n  api_hash: ${fake(HEX, 32, "tg-digest")}\n`, `api_id: 12345678\napi_hash: \${TELEGRAM_API_HASH}`],
      };
    },
  }),
  // Anaconda private channels put the access token in the URL path: `https://conda.anaconda.org/t/<token>/<channel>`
  // and `repo.anaconda.cloud/t/<token>/…` (https://docs.anaconda.com/anacondaorg/user-guide/tasks/work-with-accounts/#generating-tokens).
  custom({
    id: "anaconda-channel-token",
    description: "Anaconda access token in a /t/<token>/ channel URL",
    kind: "token",
    severity: "high",
    docs: "https://docs.anaconda.com/anacondaorg/user-guide/tasks/work-with-accounts/#generating-tokens",
    keywords: ["anaconda.org/t/", "anaconda.cloud/t/", "anaconda.com/t/"],
    pattern: /anaconda\.(?:org|cloud|com)\/t\/(?<secret>[A-Za-z0-9_-]{20,128})(?=\/|["'\s]|$)/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`channels:\n  - https://conda.anaconda.org/t/${fake(LOWER_ALNUM, 2, "conda-t")}-${uuid("conda-t")}/acme\n`],
        valid: ["  - https://conda.anaconda.org/t/<TOKEN>/acme", "  - https://conda.anaconda.org/conda-forge", "https://conda.anaconda.org/t/$ANACONDA_TOKEN/acme"],
      };
    },
  }),
  // DeepL API Free keys are a UUID followed by ":fx" (https://developers.deepl.com/docs/getting-started/auth):
  // the suffix names the provider wherever the key is written, a constructor argument (`deepl.Translator("…:fx")`)
  // as much as an assignment. Pro keys are the bare UUID, recognisable only under a DeepL name (next rule).
  custom({
    id: "deepl-api-key-free",
    description: "DeepL API Free authentication key (UUID + \":fx\")",
    kind: "api-key",
    severity: "medium",
    docs: "https://developers.deepl.com/docs/getting-started/auth",
    keywords: [":fx"],
    pattern: /(?<![A-Za-z0-9-])(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:fx)(?![A-Za-z0-9_-])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`translator = deepl.Translator("${uuid("deepl-free")}:fx")`, `DEEPL_AUTH_KEY=${uuid("deepl-free2")}:fx`],
        valid: [`translator = deepl.Translator(os.environ["DEEPL_AUTH_KEY"])`, `request_id = "${uuid("deepl-req")}"`, `DEEPL_AUTH_KEY=00000000-0000-0000-0000-000000000000:fx`],
      };
    },
  }),
  assigned({ id: "deepl-api-key", description: "DeepL API key (UUID, with \":fx\" for Free) assigned to a DeepL name", kind: "api-key", severity: "medium", docs: "https://developers.deepl.com/docs/getting-started/auth", names: "deepl", value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?::fx)?", keywords: ["deepl"], get sample() { return uuid("deepl-pro"); }, env: "DEEPL_AUTH_KEY" }),
  // Weblate API keys: `wlu_` (a user's) and `wlp_` (a project's) + 40 alphanumerics (https://docs.weblate.org/en/latest/api.html#authentication-and-generic-parameters);
  // the `.weblate` client config keeps them under a URL, not a name.
  prefixed({ id: "weblate-api-key", description: "Weblate user or project API key (wlu_…/wlp_…)", kind: "api-key", severity: "high", docs: "https://docs.weblate.org/en/latest/wlc.html", prefix: "wl", body: "[up]_[A-Za-z0-9]{40}", keywords: ["wlu_", "wlp_"], entropy: 3.5, get sample() { return "wlu_" + fake(ALNUM, 40, "weblate"); }, env: "WEBLATE_API_KEY", get invalid() { return [`[keys]\nhttps://hosted.weblate.org/api/ = wlu_${fake(ALNUM, 40, "weblate2")}\n`]; } }),
  // Zenodo (InvenioRDM) personal access tokens: 60 letters and digits (invenio-oauth2server's `gen_salt(60)`,
  // OAUTH2SERVER_TOKEN_PERSONAL_SALT_LEN; https://developers.zenodo.org/#authentication). The shape alone is any
  // random 60-character run, so only a file that names Zenodo is searched (upload scripts, where the token is
  // often a note in a comment); mixed case and digits, so hex digests and words stay out.
  custom({
    id: "zenodo-access-token",
    description: "Zenodo personal access token (60 letters and digits) in a file that names Zenodo",
    kind: "token",
    severity: "high",
    docs: "https://developers.zenodo.org/#authentication",
    keywords: ["zenodo"],
    pattern: /(?<![A-Za-z0-9_/+.-])(?<secret>[A-Za-z0-9]{60})(?![A-Za-z0-9_/+=.-])/,
    entropy: 4.5,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s),
    get examples() {
      return {
        invalid: [`# zenodo sandbox token, throwaway: ${fake(ALNUM, 60, "zenodo")}\ncurl https://sandbox.zenodo.org/api/deposit/depositions\n`, `ZENODO_TOKEN=${fake(ALNUM, 60, "zenodo2")}`],
        valid: [`# zenodo record checksum ${fake(HEX, 60, "zenodo-hex")}`, `# https://zenodo.org/records/1234567\nkey = "${fake(ALNUM, 60, "zenodo-long")}x"`, `ZENODO_TOKEN=\${ZENODO_TOKEN}`, `token = ${fake(ALNUM, 60, "no-zenodo")}`],
      };
    },
  }),
  // Transifex API tokens are "1/" + 40 hex (`Authorization: Bearer 1/…`, https://developers.transifex.com/reference/api-authentication);
  // the shape alone is a fraction in a path, so only a file that names Transifex (.transifexrc, tx config, scripts) is searched.
  custom({
    id: "transifex-api-token",
    description: "Transifex API token (1/ + 40 hex) in a file that names Transifex",
    kind: "token",
    severity: "high",
    docs: "https://developers.transifex.com/reference/api-authentication",
    keywords: ["transifex"],
    pattern: /(?<![\w/.])(?<secret>1\/[a-f0-9]{40})(?![\w/])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`[https://app.transifex.com]\nrest_hostname = https://rest.api.transifex.com\ntoken = 1/${fake(HEX, 40, "transifex")}\n`, `curl -H "Authorization: Bearer 1/${fake(HEX, 40, "transifex2")}" https://rest.api.transifex.com/organizations`],
        valid: [`[https://app.transifex.com]\ntoken = $TX_TOKEN\n`, `# see https://www.transifex.com/ for pages 1/${fake(HEX, 12, "tx-short")}`, `ratio = 1/${fake(HEX, 40, "no-keyword")}`],
      };
    },
  }),

  // Mapbox temporary tokens: "tk.eyJ1…" (a JWT-like token minted from a secret token, at most one
  // hour; docs.mapbox.com/api/accounts/tokens/#create-a-temporary-token; Nosey Parker np.mapbox.2).
  prefixed({ id: "mapbox-temporary-token", description: "Mapbox temporary access token (tk.eyJ1…)", kind: "token", severity: "low", docs: "https://docs.mapbox.com/api/accounts/tokens/#create-a-temporary-token", prefix: "tk.eyJ1Ijoi", body: "[A-Za-z0-9_-]{20,300}\\.[A-Za-z0-9_-]{22}", fixedLength: false, get sample() { return "tk." + base64url(JSON.stringify({ u: "acme", exp: 1917000000, a: fake(LOWER_ALNUM, 25, "mapbox-tk") })) + "." + fake(B64URL, 22, "mapbox-tk"); }, env: "MAPBOX_TEMP_TOKEN" }),
  // Arcjet site keys: "ajkey_" + a 26-character lower-case ULID (docs.arcjet.com/environment;
  // Kingfisher arcjet.1). Server-side: the SDK sends it from the backend.
  prefixed({ id: "arcjet-api-key", description: "Arcjet API key (ajkey_ + 26)", kind: "api-key", severity: "medium", docs: "https://docs.arcjet.com/environment", prefix: "ajkey_", body: "[a-z0-9]{26}", get sample() { return "ajkey_01" + fake(LOWER_ALNUM, 24, "arcjet"); }, env: "ARCJET_KEY" }),
  // Cal.com API keys: "cal_live_" / "cal_test_" + 32 alphanumerics (cal.com/docs/api-reference/v2;
  // Kingfisher calcom.1). A bare "cal_" + 32 is left to the provider name: "cal_" starts too many
  // identifiers.
  prefixed({ id: "calcom-api-key", description: "Cal.com API key (cal_live_…/cal_test_…)", kind: "api-key", severity: "high", docs: "https://cal.com/docs/api-reference/v2/introduction", prefix: "cal_", body: "(?:live|test)_[A-Za-z0-9]{32}", keywords: ["cal_live_", "cal_test_"], get sample() { return "cal_live_" + fake(ALNUM, 32, "calcom"); }, env: "CAL_API_KEY" }),
];
