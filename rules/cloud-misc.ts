import type { Rule } from "../src/scan/types.js";
import { isPlausibleUuid, isValidVercelToken } from "../src/scan/checksum.js";
import { assigned, custom, looksLikePlaceholder, prefixed, withProperties } from "./build.js";
import { ALNUM, B64, B64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, checksummedToken, fake, uuid } from "./fake.js";

/** Bitcoin's base58 alphabet (no 0, O, I, l), which Storj's Base58Check uses. */
/** A Vercel-format token (prefix + 50 url-safe + base62 CRC32 of those 50): seeded, for the examples. */
const vercelToken = (prefix: string, seed: string): string => checksummedToken(prefix, seed, 50, B64URL);
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const DO_TOKENS = "https://docs.digitalocean.com/reference/api/create-personal-access-token/";

export const rules: Rule[] = [
  // DigitalOcean: "dop_v1_" (personal), "doo_v1_" (OAuth access), "dor_v1_" (OAuth refresh) + 64 hex.
  prefixed({ id: "digitalocean-personal-access-token", description: "DigitalOcean personal access token (dop_v1_…)", kind: "token", severity: "critical", docs: DO_TOKENS, prefix: "dop_v1_", body: "[a-f0-9]{64}", get sample() { return "dop_v1_" + fake(HEX, 64, "dop"); }, env: "DIGITALOCEAN_TOKEN" }),
  prefixed({ id: "digitalocean-oauth-token", description: "DigitalOcean OAuth access token (doo_v1_…)", kind: "token", severity: "critical", docs: DO_TOKENS, prefix: "doo_v1_", body: "[a-f0-9]{64}", get sample() { return "doo_v1_" + fake(HEX, 64, "doo"); }, env: "DO_OAUTH_TOKEN" }),
  prefixed({ id: "digitalocean-refresh-token", description: "DigitalOcean OAuth refresh token (dor_v1_…)", kind: "token", severity: "high", docs: DO_TOKENS, prefix: "dor_v1_", body: "[a-f0-9]{64}", get sample() { return "dor_v1_" + fake(HEX, 64, "dor"); }, env: "DO_REFRESH_TOKEN" }),
  // DigitalOcean Spaces access key ids: "DO00" + 16 upper-case letters and digits (the API's own example is
  // `DO00EXAMPLEACCESSKEY`). Spaces "mirrors S3's authentication": the id is half of an S3-style key pair, and
  // like an AWS `AKIA…` id it is reported, with the secret key beside it a working credential
  // (https://docs.digitalocean.com/products/spaces/how-to/manage-access/).
  prefixed({ id: "digitalocean-spaces-access-key-id", description: "DigitalOcean Spaces access key id (DO00…), half of an S3-style key pair", kind: "cloud-credential", severity: "high", docs: "https://docs.digitalocean.com/products/spaces/how-to/manage-access/", prefix: "DO00", body: "[0-9A-Z]{16}", entropy: 3.2, get sample() { return "DO00" + fake(UPPER_ALNUM, 16, "do-spaces"); }, env: "SPACES_ACCESS_KEY_ID" }),
  // Heroku API keys since 2024: "HRKU-AA" + 58 url-safe characters; before, a
  // UUID that only a Heroku name next to it identifies.
  prefixed({ id: "heroku-api-key", description: "Heroku API key / OAuth token (HRKU-…)", kind: "api-key", severity: "critical", docs: "https://devcenter.heroku.com/articles/authentication", prefix: "HRKU-AA", body: "[0-9A-Za-z_-]{58}", get sample() { return "HRKU-AA" + fake(B64URL, 58, "hrku"); }, env: "HEROKU_API_KEY" }),
  assigned({ id: "heroku-api-key-legacy", description: "Heroku API key in the legacy UUID format, assigned to a Heroku name", kind: "api-key", severity: "critical", docs: "https://devcenter.heroku.com/articles/authentication", names: "heroku", value: UUID, keywords: ["heroku"], validate: isPlausibleUuid, get sample() { return uuid("heroku"); }, env: "HEROKU_API_KEY" }),
  // Alibaba Cloud AccessKey ids: "LTAI" + 12-20 alphanumerics; the secret is 30 alphanumerics.
  prefixed({ id: "alibaba-access-key-id", description: "Alibaba Cloud AccessKey id (LTAI…)", kind: "cloud-credential", severity: "high", docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", prefix: "LTAI", body: "[A-Za-z0-9]{12,20}", boundary: "A-Za-z0-9", entropy: 3.2, fixedLength: false, get sample() { return "LTAI" + fake(ALNUM, 20, "ltai"); }, env: "ALIBABA_CLOUD_ACCESS_KEY_ID" }),
  assigned({ id: "alibaba-access-key-secret", description: "Alibaba Cloud AccessKey secret assigned to an Alibaba/Aliyun name", kind: "cloud-credential", severity: "critical", docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", names: "(?:alibaba|aliyun|alicloud)[\\w.-]{0,20}?secret", value: "[A-Za-z0-9]{30}", keywords: ["alibaba", "aliyun", "alicloud"], entropy: 3.8, get sample() { return fake(ALNUM, 30, "ali-secret"); }, env: "ALIBABA_CLOUD_ACCESS_KEY_SECRET" }),
  // Tencent Cloud SecretId: "AKID" + 32; the SecretKey is 32 alphanumerics.
  prefixed({ id: "tencent-cloud-secret-id", description: "Tencent Cloud API SecretId (AKID…)", kind: "cloud-credential", severity: "high", docs: "https://www.tencentcloud.com/document/product/598/37140", prefix: "AKID", body: "[A-Za-z0-9]{32}", boundary: "A-Za-z0-9", get sample() { return "AKID" + fake(ALNUM, 32, "akid"); }, env: "TENCENTCLOUD_SECRET_ID" }),
  assigned({ id: "tencent-cloud-secret-key", description: "Tencent Cloud API SecretKey assigned to a Tencent name", kind: "cloud-credential", severity: "critical", docs: "https://www.tencentcloud.com/document/product/598/37140", names: "tencent[\\w.-]{0,20}?secret[_.-]?key", value: "[A-Za-z0-9]{32}", keywords: ["tencent"], entropy: 3.8, get sample() { return fake(ALNUM, 32, "tencent"); }, env: "TENCENTCLOUD_SECRET_KEY" }),
  // IBM Cloud API keys: 44 url-safe characters.
  assigned({ id: "ibm-cloud-api-key", description: "IBM Cloud IAM API key assigned to an IBM name", kind: "api-key", severity: "critical", docs: "https://cloud.ibm.com/docs/account?topic=account-userapikey", names: "ibm[\\w.-]{0,20}?(?:api[_.-]?key|apikey)|ibmcloud[_.-]?api[_.-]?key", value: "[A-Za-z0-9_-]{44}", keywords: ["ibm"], entropy: 4, get sample() { return fake(B64URL, 44, "ibm"); }, env: "IBMCLOUD_API_KEY" }),
  assigned({ id: "linode-api-token", description: "Linode (Akamai Cloud) personal access token (64 hex) assigned to a Linode name", kind: "token", severity: "critical", docs: "https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens", names: "linode", value: "[a-f0-9]{64}", keywords: ["linode"], get sample() { return fake(HEX, 64, "linode"); }, env: "LINODE_TOKEN" }),
  assigned({ id: "vultr-api-key", description: "Vultr API key (36 upper-case alphanumerics) assigned to a Vultr name", kind: "api-key", severity: "critical", docs: "https://docs.vultr.com/platform/other/api/manage-api-key", names: "vultr", value: "[A-Z0-9]{36}", keywords: ["vultr"], entropy: 3.8, get sample() { return fake(UPPER_ALNUM, 36, "vultr"); }, env: "VULTR_API_KEY" }),
  assigned({ id: "scaleway-secret-key", description: "Scaleway API secret key (UUID) assigned to a Scaleway/SCW name", kind: "cloud-credential", severity: "critical", docs: "https://www.scaleway.com/en/docs/iam/concepts/#api-key", names: "scaleway[\\w.-]{0,20}?secret|scw[_.-]?secret", value: UUID, keywords: ["scaleway", "scw_secret", "scw-secret", "scwsecret"], validate: isPlausibleUuid, get sample() { return uuid("scw"); }, env: "SCW_SECRET_KEY" }),
  assigned({ id: "hetzner-cloud-token", description: "Hetzner Cloud API token (64 alphanumerics) assigned to a Hetzner/HCLOUD name", kind: "token", severity: "critical", docs: "https://docs.hetzner.cloud/#authentication", names: "hetzner|hcloud", value: "[A-Za-z0-9]{64}", keywords: ["hetzner", "hcloud"], entropy: 4, get sample() { return fake(ALNUM, 64, "hcloud"); }, env: "HCLOUD_TOKEN" }),
  // Cloudflare: API tokens are 40 url-safe characters, Global API keys 37 hex;
  // Origin CA keys "v1.0-" + 24 hex + "-" + 146 hex.
  assigned({ id: "cloudflare-api-token", description: "Cloudflare API token (40 characters) assigned to a Cloudflare name", kind: "token", severity: "critical", docs: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/", names: "cloudflare|\\bcf[_.-]?api[_.-]?token", value: "[A-Za-z0-9_-]{40}", keywords: ["cloudflare", "cf_api", "cf-api"], entropy: 4, get sample() { return fake(B64URL, 40, "cf-token"); }, env: "CLOUDFLARE_API_TOKEN" }),
  assigned({ id: "cloudflare-global-api-key", description: "Cloudflare Global API key (37 hex) assigned to a Cloudflare name", kind: "api-key", severity: "critical", docs: "https://developers.cloudflare.com/fundamentals/api/get-started/keys/", names: "cloudflare|\\bcf[_.-]?api[_.-]?key", value: "[a-f0-9]{37}", keywords: ["cloudflare", "cf_api", "cf-api"], get sample() { return fake(HEX, 37, "cf-key"); }, env: "CLOUDFLARE_API_KEY" }),
  // Cloudflare user API tokens since 2025: "cfut_" + 40 characters and a checksum whose algorithm is
  // not published, 41-64 url-safe in all (developers.cloudflare.com/fundamentals/api/get-started/
  // token-formats; Kingfisher cloudflare.3).
  prefixed({ id: "cloudflare-user-api-token", description: "Cloudflare user API token (cfut_…)", kind: "token", severity: "critical", docs: "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/", prefix: "cfut_", body: "[A-Za-z0-9_-]{41,64}", fixedLength: false, entropy: 3.5, get sample() { return "cfut_" + fake(ALNUM, 46, "cfut"); }, env: "CF_API_TOKEN" }),
  prefixed({ id: "cloudflare-origin-ca-key", description: "Cloudflare Origin CA key (v1.0-…)", kind: "api-key", severity: "high", docs: "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/", prefix: "v1.0-", body: "[a-f0-9]{24}-[a-f0-9]{146}", get sample() { return "v1.0-" + fake(HEX, 24, "cfca") + "-" + fake(HEX, 146, "cfca"); }, env: "CLOUDFLARE_ORIGIN_CA_KEY" }),
  assigned({ id: "fastly-api-token", description: "Fastly API token (32 characters) assigned to a Fastly name", kind: "token", severity: "high", docs: "https://www.fastly.com/documentation/reference/api/auth-tokens/", names: "fastly", value: "[A-Za-z0-9_-]{32}", keywords: ["fastly"], entropy: 3.8, get sample() { return fake(B64URL, 32, "fastly"); }, env: "FASTLY_API_TOKEN" }),
  // Netlify personal access tokens: "nfp_" + 36 (new format); older ones are 43 url-safe characters.
  prefixed({ id: "netlify-personal-access-token", description: "Netlify personal access token (nfp_…)", kind: "token", severity: "high", docs: "https://docs.netlify.com/api/get-started/#authentication", prefix: "nfp_", body: "[A-Za-z0-9]{36}", get sample() { return "nfp_" + fake(ALNUM, 36, "nfp"); }, env: "NETLIFY_AUTH_TOKEN" }),
  assigned({ id: "netlify-access-token", description: "Netlify access token (legacy 43 characters) assigned to a Netlify name", kind: "token", severity: "high", docs: "https://docs.netlify.com/api/get-started/#authentication", names: "netlify", value: "[A-Za-z0-9_-]{43}", keywords: ["netlify"], entropy: 4, get sample() { return fake(B64URL, 43, "netlify"); }, env: "NETLIFY_AUTH_TOKEN" }),
  assigned({ id: "vercel-access-token", description: "Vercel access token (24 alphanumerics) assigned to a Vercel name", kind: "token", severity: "high", docs: "https://vercel.com/docs/rest-api#creating-an-access-token", names: "vercel", value: "[A-Za-z0-9]{24}", keywords: ["vercel"], entropy: 3.8, get sample() { return fake(ALNUM, 24, "vercel"); }, env: "VERCEL_TOKEN" }),
  // Supabase: management API access tokens "sbp_" + 40 hex; project secret
  // API keys "sb_secret_" + 31 (the service_role JWTs are found by json-web-token).
  prefixed({ id: "supabase-access-token", description: "Supabase management API access token (sbp_…)", kind: "token", severity: "critical", docs: "https://supabase.com/docs/reference/api/introduction", prefix: "sbp_", body: "[a-f0-9]{40}", get sample() { return "sbp_" + fake(HEX, 40, "sbp"); }, env: "SUPABASE_ACCESS_TOKEN" }),
  prefixed({ id: "supabase-secret-key", description: "Supabase project secret API key (sb_secret_…)", kind: "api-key", severity: "critical", docs: "https://supabase.com/docs/guides/api/api-keys", prefix: "sb_secret_", body: "[A-Za-z0-9_-]{31,64}", fixedLength: false, get sample() { return "sb_secret_" + fake(B64URL, 31, "sbsecret"); }, env: "SUPABASE_SECRET_KEY" }),
  // PlanetScale: "pscale_pw_" (database passwords), "pscale_tkn_" (service tokens), "pscale_oauth_" + 32-64.
  prefixed({ id: "planetscale-password", description: "PlanetScale database password (pscale_pw_…)", kind: "database-credential", severity: "critical", docs: "https://planetscale.com/docs/concepts/connection-strings", prefix: "pscale_pw_", body: "[A-Za-z0-9_.=-]{32,64}", fixedLength: false, get sample() { return "pscale_pw_" + fake(B64URL, 43, "pspw"); }, env: "DATABASE_PASSWORD" }),
  prefixed({ id: "planetscale-service-token", description: "PlanetScale service token (pscale_tkn_…)", kind: "token", severity: "critical", docs: "https://planetscale.com/docs/concepts/service-tokens", prefix: "pscale_tkn_", body: "[A-Za-z0-9_.=-]{32,64}", fixedLength: false, get sample() { return "pscale_tkn_" + fake(B64URL, 43, "pstkn"); }, env: "PLANETSCALE_SERVICE_TOKEN" }),
  prefixed({ id: "planetscale-oauth-token", description: "PlanetScale OAuth token (pscale_oauth_…)", kind: "token", severity: "high", docs: "https://planetscale.com/docs/concepts/oauth", prefix: "pscale_oauth_", body: "[A-Za-z0-9_.=-]{32,64}", fixedLength: false, get sample() { return "pscale_oauth_" + fake(B64URL, 43, "psoauth"); }, env: "PLANETSCALE_OAUTH_TOKEN" }),
  // Fly.io: macaroon tokens "FlyV1 fm2_…" / "fm1[ar]_…"; older personal tokens "fo1_" + 43.
  // A macaroon's msgpack header encodes small counters as zero bytes, so real tokens start
  // "fm2_lJPEC" + a run of 7 to 9 "A"s: the shared placeholder check (a run of 8 of one character)
  // is applied to what follows that header, not to it.
  withProperties(prefixed({ id: "flyio-access-token", description: "Fly.io access token (FlyV1 fm2_… macaroon, or fo1_…)", kind: "token", severity: "critical", docs: "https://fly.io/docs/security/tokens/", prefix: "", body: "(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})", boundary: "A-Za-z0-9_+/=-", keywords: ["fo1_", "fm1", "fm2_"], fixedLength: false, get sample() { return "fm2_" + fake(B64, 180, "fly"); }, env: "FLY_API_TOKEN", get invalid() { return [`FLY_API_TOKEN=fo1_${fake(B64URL, 43, "fo1")}`, `Authorization: FlyV1 fm2_lJPECAAAAAAAAA${fake(B64, 160, "fly-header")}`]; } }), { validate: (s: string) => !looksLikePlaceholder(s.replace(/^(fm[12][ar]?_)lJPEC[A]{1,12}/, "$1")) }),
  // Render deploy hooks: api.render.com/deploy/srv-<id>?key=<key>; a GET or POST to it deploys the service
  // (https://render.com/docs/deploy-hooks). The key makes the URL the credential.
  custom({
    id: "render-deploy-hook-url",
    description: "Render deploy hook URL (api.render.com/deploy/srv-…?key=…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://render.com/docs/deploy-hooks",
    keywords: ["api.render.com/deploy/"],
    pattern: /(?<secret>https?:\/\/api\.render\.com\/deploy\/srv-[a-z0-9]{16,30}\?key=[A-Za-z0-9_-]{8,40})(?![A-Za-z0-9_-])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`RENDER_DEPLOY_HOOK=https://api.render.com/deploy/srv-${fake(LOWER_ALNUM, 20, "rdh")}?key=${fake(B64URL, 11, "rdh")}`],
        valid: ["curl https://api.render.com/deploy/srv-xxxxxxxxxxxxxxxxxxxx?key=$RENDER_KEY", "https://api.render.com/deploy/srv-abc123"],
      };
    },
  }),
  prefixed({ id: "render-api-key", description: "Render API key (rnd_…)", kind: "api-key", severity: "high", docs: "https://render.com/docs/api#1-create-an-api-key", prefix: "rnd_", body: "[A-Za-z0-9]{32}", get sample() { return "rnd_" + fake(ALNUM, 32, "render"); }, env: "RENDER_API_KEY" }),
  // Databricks personal access tokens: "dapi" + 32 hex (optionally "-2").
  prefixed({ id: "databricks-token", description: "Databricks personal access token (dapi…)", kind: "token", severity: "critical", docs: "https://docs.databricks.com/en/dev-tools/auth/pat.html", prefix: "dapi", body: "[a-f0-9]{32}(?:-\\d)?", get sample() { return "dapi" + fake(HEX, 32, "dapi"); }, env: "DATABRICKS_TOKEN" }),
  // Databricks OAuth client secrets (service principals and user-account OAuth apps) start "dose"
  // (https://docs.databricks.com/aws/en/dev-tools/auth/oauth-m2m); "dose" is also an English word, so the
  // 32 characters after it must hold a digit.
  prefixed({ id: "databricks-oauth-secret", description: "Databricks OAuth client secret (dose + 32)", kind: "api-key", severity: "critical", docs: "https://docs.databricks.com/aws/en/dev-tools/auth/oauth-m2m", prefix: "dose", body: "(?=[A-Za-z0-9_.-]{0,31}[0-9])[A-Za-z0-9_.-]{32}", boundary: "A-Za-z0-9_.-", entropy: 3.8, get sample() { return "dose" + fake(ALNUM, 32, "databricks-dose"); }, env: "DATABRICKS_CLIENT_SECRET", valid: ["the dosedependentresponseofpatientsintrial was measured"] }),
  // Exoscale API keys: "EXO" + 24 hex (the key half of a key/secret pair, https://community.exoscale.com/documentation/iam/).
  prefixed({ id: "exoscale-api-key", description: "Exoscale API key (EXO + 24 hex)", kind: "cloud-credential", severity: "medium", docs: "https://community.exoscale.com/documentation/iam/", prefix: "EXO", body: "[a-f0-9]{24}", boundary: "A-Za-z0-9_-", entropy: 3.2, get sample() { return "EXO" + fake(HEX, 24, "exoscale"); }, env: "EXOSCALE_API_KEY" }),
  // Docker Swarm: the join token lets a node join the swarm (as worker or manager), the unlock key
  // decrypts an autolocked swarm's Raft log (https://docs.docker.com/engine/swarm/join-nodes/,
  // https://docs.docker.com/engine/swarm/swarm_manager_locking/).
  prefixed({ id: "docker-swarm-join-token", description: "Docker Swarm join token (SWMTKN-1-…)", kind: "token", severity: "high", docs: "https://docs.docker.com/engine/swarm/join-nodes/", prefix: "SWMTKN-1-", body: "[a-z0-9]{50}-[a-z0-9]{25}", entropy: 3.5, get sample() { return "SWMTKN-1-" + fake(LOWER_ALNUM, 50, "swarm-join") + "-" + fake(LOWER_ALNUM, 25, "swarm-join2"); }, env: "SWARM_JOIN_TOKEN", invalid: [`docker swarm join --token SWMTKN-1-${fake(LOWER_ALNUM, 50, "swarm-cli")}-${fake(LOWER_ALNUM, 25, "swarm-cli2")} 10.0.0.5:2377`] }),
  prefixed({ id: "docker-swarm-unlock-key", description: "Docker Swarm unlock key (SWMKEY-1-…)", kind: "generic-secret", severity: "high", docs: "https://docs.docker.com/engine/swarm/swarm_manager_locking/", prefix: "SWMKEY-1-", body: "[A-Za-z0-9+/]{43}", boundary: "A-Za-z0-9+/=_-", entropy: 3.8, get sample() { return "SWMKEY-1-" + fake(B64, 43, "swarm-unlock"); }, env: "SWARM_UNLOCK_KEY" }),
  // GoDaddy's API credentials go in one header, `Authorization: sso-key <key>:<secret>`
  // (https://developer.godaddy.com/getstarted); Trend Micro Cloud One API keys are "tmc1" + id + ":" + secret
  // (https://cloudone.trendmicro.com/docs/account-and-user-management/c1-api-key/).
  custom({
    id: "godaddy-sso-key",
    description: "GoDaddy API key and secret (sso-key key:secret)",
    kind: "api-key",
    severity: "high",
    docs: "https://developer.godaddy.com/getstarted",
    keywords: ["sso-key"],
    pattern: /(?<![A-Za-z0-9_-])sso-key[ \t]{1,4}[A-Za-z0-9_]{30,40}:(?<secret>[A-Za-z0-9]{20,24})(?![A-Za-z0-9_-])/i,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`curl -H "Authorization: sso-key ${fake(ALNUM, 35, "godaddy")}:${fake(ALNUM, 22, "godaddy2")}" https://api.godaddy.com/v1/domains`],
        valid: ['curl -H "Authorization: sso-key $GODADDY_KEY:$GODADDY_SECRET" https://api.godaddy.com/v1/domains', "Authorization: sso-key test:test"],
      };
    },
  }),
  prefixed({ id: "trendmicro-cloud-one-api-key", description: "Trend Micro Cloud One API key (tmc1…:…)", kind: "api-key", severity: "high", docs: "https://cloudone.trendmicro.com/docs/account-and-user-management/c1-api-key/", prefix: "tmc1", body: "[A-Za-z0-9]{26,32}:[A-Za-z0-9]{60,70}", fixedLength: false, entropy: 3.8, get sample() { return "tmc1" + fake(ALNUM, 28, "tmc1") + ":" + fake(ALNUM, 64, "tmc1b"); }, env: "TMC_API_KEY" }),
  // Trigger.dev keys are in saas-platforms.ts. Unkey root keys "unkey_" + 20-32
  // (https://www.unkey.com/docs/security/root-keys), Val Town tokens "vtwn_" (https://docs.val.town/reference/api/authentication).
  // Each must mix upper case, lower case and digits, which identifiers do not.
  prefixed({ id: "unkey-root-key", description: "Unkey root key (unkey_…)", kind: "api-key", severity: "critical", docs: "https://www.unkey.com/docs/security/root-keys", prefix: "unkey_", body: "(?=[A-Za-z0-9]{0,31}[0-9])(?=[A-Za-z0-9]{0,31}[A-Z])(?=[A-Za-z0-9]{0,31}[a-z])[A-Za-z0-9]{20,32}", fixedLength: false, entropy: 3.5, get sample() { return "unkey_" + "3Zv" + fake(ALNUM, 21, "unkey"); }, env: "UNKEY_ROOT_KEY" }),
  prefixed({ id: "valtown-api-token", description: "Val Town API token (vtwn_…)", kind: "api-key", severity: "high", docs: "https://docs.val.town/reference/api/authentication", prefix: "vtwn_", body: "(?=[A-Za-z0-9_-]{0,47}[0-9])[A-Za-z0-9_-]{20,48}", fixedLength: false, entropy: 3.5, get sample() { return "vtwn_" + fake(B64URL, 32, "valtown"); }, env: "VALTOWN_TOKEN" }),
  // Yandex Cloud: API keys "AQVN" + 35-38; IAM tokens "t1." + …; static access keys "YC" + 38.
  // IAM tokens stand alone: Yandex publishes `t1\.[A-Z0-9a-z_-]+[=]{0,2}\.[A-Z0-9a-z_-]{86}[=]{0,2}` for
  // scanning repositories without any name beside it (https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token,
  // "Regular expressions for search"); the 86-character signature after the second dot is what sets it apart
  // from `t1.start()`-like code.
  prefixed({ id: "yandex-cloud-iam-token", description: "Yandex Cloud IAM token (t1.….<86>)", kind: "token", severity: "high", docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token", prefix: "t1.", body: "[A-Za-z0-9_-]{20,1000}={0,2}\\.[A-Za-z0-9_-]{86}={0,2}", boundary: "A-Za-z0-9_.=-", entropy: 4, get sample() { return "t1.9euelZ" + fake(B64URL, 80, "yc-iam") + "." + fake(B64URL, 86, "yc-iam2"); }, env: "YC_IAM_TOKEN", get invalid() { return [`{ "value": "t1.9euelZ${fake(B64URL, 60, "yc-iam3")}.${fake(B64URL, 86, "yc-iam4")}", "created": "2025-06-02" }`]; }, valid: ["const elapsed = t1.getTime() - t0.getTime();"] }),
  prefixed({ id: "yandex-cloud-api-key", description: "Yandex Cloud API key (AQVN…)", kind: "api-key", severity: "high", docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/api-key", prefix: "AQVN", body: "[A-Za-z0-9_-]{35,38}", fixedLength: false, get sample() { return "AQVN" + fake(B64URL, 36, "aqvn"); }, env: "YC_API_KEY" }),
  prefixed({ id: "yandex-cloud-access-key", description: "Yandex Cloud static access key secret (YC…)", kind: "cloud-credential", severity: "high", docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/access-key", prefix: "YC", body: "[A-Za-z0-9_-]{38}", boundary: "A-Za-z0-9_-", entropy: 4, keywords: ["yandex", "yc_secret", "yc-secret", "yc.secret", "ycsecret", "yc_access", "ycaccess"], get invalid() { return [`# yandex cloud\nYC_SECRET_KEY=YC${fake(B64URL, 38, "yc2")}`]; }, get sample() { return "YC" + fake(B64URL, 38, "yc"); }, env: "YC_SECRET_KEY" }),
  assigned({ id: "oracle-cloud-auth-token", description: "Oracle Cloud (OCI) auth token assigned to an OCI/Oracle name", kind: "token", severity: "high", docs: "https://docs.oracle.com/en-us/iaas/Content/Registry/Tasks/registrygettingauthtoken.htm", names: "(?:\\boci[_.-]?|oracle)[\\w.-]{0,20}?(?:auth[_.-]?token|password)", value: "[A-Za-z0-9<>;:()+.\\[\\]{}_-]{20}", keywords: ["oci_", "oci.", "oci-", "ociauth", "ocipassword", "oracle"], entropy: 3.8, get sample() { return fake(ALNUM, 20, "oci"); }, env: "OCI_AUTH_TOKEN" }),
  assigned({ id: "mongodb-atlas-api-key", description: "MongoDB Atlas API private key (UUID) assigned to an Atlas name", kind: "api-key", severity: "critical", docs: "https://www.mongodb.com/docs/atlas/configure-api-access/", names: "(?:mongodb[_.-]?)?atlas[\\w.-]{0,20}?private", value: UUID, keywords: ["atlas"], validate: isPlausibleUuid, get sample() { return uuid("atlas"); }, env: "MONGODB_ATLAS_PRIVATE_KEY" }),
  assigned({ id: "upstash-redis-token", description: "Upstash Redis REST token assigned to an Upstash name", kind: "token", severity: "high", docs: "https://upstash.com/docs/redis/features/restapi", names: "upstash[\\w.-]{0,20}?token", value: "A[A-Za-z0-9_-]{50,120}", keywords: ["upstash"], entropy: 4, fixedLength: false, get sample() { return "AX" + fake(B64URL, 70, "upstash"); }, env: "UPSTASH_REDIS_REST_TOKEN" }),
  assigned({ id: "neon-api-key", description: "Neon serverless Postgres API key assigned to a Neon name", kind: "api-key", severity: "high", docs: "https://neon.tech/docs/manage/api-keys", names: "neon[\\w.-]{0,10}?(?:api[_.-]?key|token)", value: "[a-z0-9]{64}", keywords: ["neon"], entropy: 4, get sample() { return fake(LOWER_ALNUM, 64, "neon"); }, env: "NEON_API_KEY" }),
  // Neon keys as the console shows them now carry a "napi_" prefix before the lower-case body
  // (`NEON_API_KEY=napi_…`); found by the prefix alone, so a key in a Go constant or a log line
  // under a name that does not say Neon is found too. Node-API's C functions share the prefix
  // (`napi_create_string_utf8`) but are short words joined by underscores, never 56+ alphanumerics.
  prefixed({ id: "neon-napi-key", description: "Neon API key with its napi_ prefix", kind: "api-key", severity: "high", docs: "https://neon.tech/docs/manage/api-keys", prefix: "napi_", body: "[a-z0-9]{56,72}", fixedLength: false, entropy: 4, get sample() { return "napi_" + fake(LOWER_ALNUM, 64, "napi"); }, get valid() { return ["napi_create_string_utf8(env, str, NAPI_AUTO_LENGTH, &result);", "napi_status status = napi_get_cb_info(env, info, &argc, argv, NULL, NULL);"]; }, get invalid() { return [`const NeonKey = "napi_${fake(LOWER_ALNUM, 64, "napi2")}"`]; }, env: "NEON_API_KEY" }),
  // Defined Networking (managed Nebula) API keys: "dnkey-" + 26 + "-" + 52 characters, as in the
  // gitleaks catalogue (defined-networking-api-token); https://docs.defined.net/guides/automating-host-creation/
  prefixed({ id: "defined-networking-api-key", description: "Defined Networking (Nebula) API key (dnkey-…)", kind: "api-key", severity: "high", docs: "https://docs.defined.net/guides/automating-host-creation/", prefix: "dnkey-", body: "[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}", get sample() { return "dnkey-" + fake(UPPER_ALNUM, 26, "dnkey") + "-" + fake(UPPER_ALNUM, 52, "dnkey2"); }, env: "DN_API_KEY" }),
  // Backblaze B2 application keys: "K" + 3 digits + 27 base64 characters (31 in all), shown once
  // at creation next to a 25-hex keyID (https://www.backblaze.com/docs/cloud-storage-application-keys).
  prefixed({ id: "backblaze-b2-application-key", description: "Backblaze B2 application key (K00…)", kind: "cloud-credential", severity: "critical", docs: "https://www.backblaze.com/docs/cloud-storage-application-keys", prefix: "K00", body: "[0-9][A-Za-z0-9+/]{27}", boundary: "A-Za-z0-9+/", entropy: 3.8, get sample() { return "K005" + fake(ALNUM, 27, "b2"); }, env: "B2_APPLICATION_KEY", get invalid() { return [`[b2]\ntype = b2\naccount = 005${fake(HEX, 21, "b2id")}\nkey = K005${fake(ALNUM, 27, "b2-2")}\n`]; } }),
  // ClickHouse Cloud API key secrets: "4b1d" + 38 alphanumerics (gitleaks clickhouse-cloud-api-secret-key).
  // A hex digest that happens to start with 4b1d is not one: at least one letter beyond a-f is required.
  prefixed({ id: "clickhouse-cloud-api-secret", description: "ClickHouse Cloud API key secret (4b1d…)", kind: "api-key", severity: "high", docs: "https://clickhouse.com/docs/cloud/manage/openapi", prefix: "4b1d", body: "[A-Za-z0-9]{38}", entropy: 4, validate: (s) => /[g-zG-Z]/.test(s), get sample() { return "4b1d" + fake(ALNUM, 38, "clickhouse"); }, env: "CLICKHOUSE_KEY_SECRET", get valid() { return [`"sha": "4b1d${fake(HEX, 38, "ch-hex")}"`]; } }),
  // Deno Deploy access tokens: "ddp_" (personal) or "ddo_" (organization) + 36 base62 characters
  // (Deno Deploy "Access tokens"; trufflehog denodeploy).
  prefixed({ id: "deno-deploy-token", description: "Deno Deploy access token (ddp_…/ddo_…)", kind: "token", severity: "high", docs: "https://docs.deno.com/deploy/manual/api/", prefix: "dd", body: "[po]_[A-Za-z0-9]{36}", keywords: ["ddp_", "ddo_"], entropy: 3.5, get sample() { return "ddp_" + fake(ALNUM, 36, "deno-deploy"); }, env: "DENO_DEPLOY_TOKEN" }),
  // Storj access grants: a serialized access (satellite address, API key macaroon, encryption key)
  // in Base58Check with version byte 0, so "1" + base58, 150 to ~1,000 characters (storj.io/uplink
  // Access.Serialize: base58.CheckEncode(data, 0)). A long base58 run is no word, but a "1…" one of
  // that length is not the grant's alone, so the text must name Storj or an access grant.
  custom({
    id: "storj-access-grant",
    description: "Storj access grant (1… Base58Check, 150+ characters)",
    kind: "token",
    severity: "critical",
    docs: "https://storj.dev/dcs/access",
    keywords: ["storj", "access_grant", "accessgrant", "access-grant", "access grant"],
    pattern: new RegExp(`(?<![${BASE58}])(?<secret>1[${BASE58}]{150,1500})(?![${BASE58}])`),
    entropy: 4.5,
    get examples() {
      return {
        invalid: [`pub const CI_ACCESS_GRANT: &str = r#"1${fake(BASE58, 230, "storj")}"#;`, `STORJ_ACCESS=1${fake(BASE58, 400, "storj2")}`, `access_grant: 1${fake(BASE58, 180, "storj3")}`],
        valid: [`STORJ_ACCESS=1${fake(BASE58, 120, "storj4")}`, `storj bucket: 1${"1".repeat(200)}`],
      };
    },
  }),
  // SaladCloud API keys: "salad_cloud_" + a 1-7 character key type + "_" + 7-235 alphanumerics
  // (trufflehog saladcloudapikey); https://docs.salad.com/reference/api-usage
  prefixed({ id: "saladcloud-api-key", description: "SaladCloud API key (salad_cloud_…)", kind: "api-key", severity: "high", docs: "https://docs.salad.com/reference/api-usage", prefix: "salad_cloud_", body: "[A-Za-z0-9]{1,7}_[A-Za-z0-9]{7,235}", entropy: 3.8, fixedLength: false, get sample() { return "salad_cloud_user_" + fake(ALNUM, 40, "salad"); }, env: "SALAD_API_KEY" }),

  // Vercel tokens since 2025: "vcp_" (personal), "vci_" (integration), "vca_"/"vcr_" (app access /
  // refresh), "vck_" (AI Gateway key) + 50 url-safe + a base62 CRC32 of those 50, checked here
  // (vercel.com/changelog/new-token-formats-and-secret-scanning; Kingfisher vercel.2-6).
  prefixed({
    id: "vercel-token",
    description: "Vercel token (vcp_/vci_/vca_/vcr_/vck_…, checksum verified)",
    kind: "token",
    severity: "high",
    docs: "https://vercel.com/changelog/new-token-formats-and-secret-scanning",
    prefix: "vc",
    body: "[pirka]_[A-Za-z0-9_-]{50}[A-Za-z0-9]{6}",
    keywords: ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
    validate: isValidVercelToken,
    entropy: 3.5,
    get sample() { return vercelToken("vcp_", "vercel"); },
    env: "VERCEL_TOKEN",
    get invalid() { return [`AI_GATEWAY_API_KEY=${vercelToken("vck_", "vercel-ai")}`, `refresh_token: ${vercelToken("vcr_", "vercel-app")}`]; },
    get valid() {
      const s = vercelToken("vci_", "vercel-int");
      // Right shape, wrong checksum: one character of the body changed.
      return [`VERCEL_TOKEN=${s.slice(0, 10)}${s[10] === "a" ? "b" : "a"}${s.slice(11)}`];
    },
  }),
  // CockroachDB Cloud service-account API keys: "CCDB1_" + 22 + "_" + 40 alphanumerics
  // (cockroachlabs.com/docs/cockroachcloud/service-accounts; Kingfisher cockroachlabs.1).
  prefixed({ id: "cockroach-cloud-api-key", description: "CockroachDB Cloud API key (CCDB1_…)", kind: "api-key", severity: "critical", docs: "https://www.cockroachlabs.com/docs/cockroachcloud/service-accounts", prefix: "CCDB1_", body: "[A-Za-z0-9]{22}_[A-Za-z0-9]{40}", entropy: 4, get sample() { return "CCDB1_" + fake(ALNUM, 22, "ccdb") + "_" + fake(ALNUM, 40, "ccdb2"); }, env: "COCKROACH_API_KEY" }),
  // MongoDB Atlas service-account client secrets: "mdb_sa_sk_" + 40 (the first 6 may hold "_"/"-";
  // mongodb.com/docs/atlas/api/service-accounts-overview; Kingfisher mongodb.4).
  prefixed({ id: "mongodb-atlas-service-account-secret", description: "MongoDB Atlas service account secret (mdb_sa_sk_…)", kind: "api-key", severity: "critical", docs: "https://www.mongodb.com/docs/atlas/api/service-accounts-overview/", prefix: "mdb_sa_sk_", body: "[A-Za-z0-9_-]{6}[A-Za-z0-9]{34}", entropy: 3.5, get sample() { return "mdb_sa_sk_" + fake(ALNUM, 40, "atlas-sa"); }, env: "MONGODB_ATLAS_CLIENT_SECRET" }),
];
