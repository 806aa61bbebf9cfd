import type { Rule } from "../src/scan/types.js";
import { assigned, custom, prefixed } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { decodeBase64 } from "../src/scan/checksum.js";
import { shannonEntropy as shannonEntropyOf } from "../src/scan/entropy.js";
import { ALNUM, B64, B64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, uuid } from "./fake.js";

const NEW_RELIC_KEYS = "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const rules: Rule[] = [
  // Samsara API tokens "samsara_api_" + 26-32 (https://developers.samsara.com/docs/authentication).
  prefixed({ id: "samsara-api-token", description: "Samsara API token (samsara_api_…)", kind: "api-key", severity: "high", docs: "https://developers.samsara.com/docs/authentication", prefix: "samsara_api_", body: "[A-Za-z0-9]{26,32}", fixedLength: false, entropy: 3.5, get sample() { return "samsara_api_" + fake(ALNUM, 30, "samsara"); }, env: "SAMSARA_API_TOKEN" }),
  // Rootly API keys "rootly_" + 64 hex (https://rootly.com/api).
  prefixed({ id: "rootly-api-key", description: "Rootly API key (rootly_ + 64 hex)", kind: "api-key", severity: "high", docs: "https://rootly.com/api", prefix: "rootly_", body: "[a-f0-9]{64}", entropy: 3.5, get sample() { return "rootly_" + fake(HEX, 64, "rootly"); }, env: "ROOTLY_API_KEY" }),
  // Elastic Cloud Serverless API keys: "essu_" + base64 (92 characters with padding)
  // (https://www.elastic.co/docs/api/doc/elastic-cloud-serverless/authentication).
  prefixed({ id: "elastic-serverless-api-key", description: "Elastic Cloud Serverless API key (essu_…)", kind: "api-key", severity: "high", docs: "https://www.elastic.co/docs/api/doc/elastic-cloud-serverless/authentication", prefix: "essu_", body: "(?:[A-Za-z0-9+/]{92}|[A-Za-z0-9+/]{91}=|[A-Za-z0-9+/]{90}==)", boundary: "A-Za-z0-9+/=_-", entropy: 4, get sample() { return "essu_" + fake(B64, 88, "essu") + "AAAA"; }, env: "ELASTIC_API_KEY" }),
  // Datadog API keys are 32 hex, application keys 40 hex; neither has a prefix.
  assigned({
    id: "datadog-api-key",
    description: "Datadog API key (32 hex) assigned to a Datadog/DD API-key name",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.datadoghq.com/account_management/api-app-keys/",
    names: "datadog[\\w.-]{0,10}?api|dd[_.-]?api[_.-]?key|datadog[_.-]?key",
    value: "[a-f0-9]{32}",
    keywords: ["datadog", "dd_api", "dd-api", "dd.api", "ddapi"],
    get sample() { return fake(HEX, 32, "dd-api"); },
    env: "DD_API_KEY",
  }),
  assigned({
    id: "datadog-app-key",
    description: "Datadog application key (40 hex) assigned to a Datadog/DD app-key name",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.datadoghq.com/account_management/api-app-keys/",
    names: "datadog[\\w.-]{0,10}?app|dd[_.-]?app(?:lication)?[_.-]?key",
    value: "[a-f0-9]{40}",
    keywords: ["datadog", "dd_app", "dd-app", "dd.app", "ddapp"],
    get sample() { return fake(HEX, 40, "dd-app"); },
    env: "DD_APP_KEY",
  }),
  // New Relic: user keys "NRAK-" + 27, insert keys "NRII-" + 32, query keys
  // "NRIQ-" + 32, license keys 36 hex + "NRAL", browser keys "NRJS-" + 19 hex.
  prefixed({
    id: "new-relic-user-api-key",
    description: "New Relic user API key (NRAK-…)",
    kind: "api-key",
    severity: "high",
    docs: NEW_RELIC_KEYS,
    prefix: "NRAK-",
    body: "[A-Z0-9]{27}",
    get sample() { return "NRAK-" + fake(UPPER_ALNUM, 27, "nrak"); },
    env: "NEW_RELIC_API_KEY",
  }),
  prefixed({
    id: "new-relic-insert-key",
    description: "New Relic Insights insert key (NRII-…)",
    kind: "api-key",
    severity: "medium",
    docs: NEW_RELIC_KEYS,
    prefix: "NRII-",
    body: "[A-Za-z0-9_-]{32}",
    get sample() { return "NRII-" + fake(B64URL, 32, "nrii"); },
    env: "NEW_RELIC_INSERT_KEY",
  }),
  prefixed({
    id: "new-relic-query-key",
    description: "New Relic Insights query key (NRIQ-…)",
    kind: "api-key",
    severity: "medium",
    docs: NEW_RELIC_KEYS,
    prefix: "NRIQ-",
    body: "[A-Za-z0-9_-]{32}",
    get sample() { return "NRIQ-" + fake(B64URL, 32, "nriq"); },
    env: "NEW_RELIC_QUERY_KEY",
  }),
  prefixed({
    id: "new-relic-license-key",
    description: "New Relic ingest license key (…NRAL)",
    kind: "api-key",
    severity: "high",
    docs: NEW_RELIC_KEYS,
    prefix: "",
    body: "[a-f0-9]{36}NRAL",
    keywords: ["nral"],
    get sample() { return fake(HEX, 36, "nral") + "NRAL"; },
    env: "NEW_RELIC_LICENSE_KEY",
  }),
  prefixed({
    id: "new-relic-browser-key",
    description: "New Relic browser ingest key (NRJS-…)",
    kind: "api-key",
    severity: "low",
    docs: NEW_RELIC_KEYS,
    prefix: "NRJS-",
    body: "[a-f0-9]{19}",
    get sample() { return "NRJS-" + fake(HEX, 19, "nrjs"); },
    env: "NEW_RELIC_BROWSER_KEY",
  }),
  // Sentry organization auth tokens: "sntrys_" + base64 JSON claims + "_" + 43.
  prefixed({
    id: "sentry-org-auth-token",
    description: "Sentry organization auth token (sntrys_…)",
    kind: "token",
    severity: "high",
    docs: "https://docs.sentry.io/account/auth-tokens/",
    prefix: "sntrys_",
    body: "eyJ[A-Za-z0-9+/=]{20,300}_[A-Za-z0-9+/]{43}",
    fixedLength: false,
    get sample() { return "sntrys_" + Buffer.from(JSON.stringify({ iat: 1700000000, url: "https://sentry.io", org: "acme" })).toString("base64") + "_" + fake(B64, 43, "sntrys"); },
    env: "SENTRY_AUTH_TOKEN",
  }),
  prefixed({
    id: "sentry-user-auth-token",
    description: "Sentry user auth token (sntryu_…)",
    kind: "token",
    severity: "high",
    docs: "https://docs.sentry.io/account/auth-tokens/",
    prefix: "sntryu_",
    body: "[a-f0-9]{64}",
    get sample() { return "sntryu_" + fake(HEX, 64, "sntryu"); },
    env: "SENTRY_AUTH_TOKEN",
  }),
  // Legacy DSNs carried a secret key: https://<public>:<secret>@…/<project>.
  // Modern DSNs (public key only) are meant to be shipped and are not findings.
  custom({
    id: "sentry-dsn-secret",
    description: "Sentry DSN containing the legacy secret key (https://<public>:<secret>@…)",
    kind: "api-key",
    severity: "medium",
    docs: "https://docs.sentry.io/concepts/key-terms/dsn-explainer/",
    keywords: ["sentry", "ingest"],
    pattern: /https?:\/\/[0-9a-f]{32}:(?<secret>[0-9a-f]{32})@[A-Za-z0-9.-]{1,100}\/[0-9]{1,10}/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`SENTRY_DSN=https://${fake(HEX, 32, "dsn-pub")}:${fake(HEX, 32, "dsn-sec")}@o123.ingest.sentry.io/4505`],
        valid: [`SENTRY_DSN=https://${fake(HEX, 32, "dsn-pub2")}@o123.ingest.sentry.io/4505`],
      };
    },
  }),
  // Grafana: Cloud access policy tokens "glc_" + base64 JSON; service
  // account tokens "glsa_" + 32 + "_" + 8 hex; legacy API keys are base64
  // JSON starting {"k":" = "eyJrIjoi".
  prefixed({
    id: "grafana-cloud-token",
    description: "Grafana Cloud access policy token (glc_…)",
    kind: "token",
    severity: "high",
    docs: "https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/",
    prefix: "glc_",
    body: "[A-Za-z0-9+/]{32,400}={0,2}",
    boundary: "A-Za-z0-9_+/=-",
    fixedLength: false,
    get sample() { return "glc_" + Buffer.from(JSON.stringify({ o: "1234", n: "stack-token", k: fake(ALNUM, 24, "glc"), m: { r: "prod-us-east-0" } })).toString("base64"); },
    env: "GRAFANA_CLOUD_TOKEN",
  }),
  prefixed({
    id: "grafana-service-account-token",
    description: "Grafana service account token (glsa_…)",
    kind: "token",
    severity: "high",
    docs: "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
    prefix: "glsa_",
    body: "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}",
    get sample() { return "glsa_" + fake(ALNUM, 32, "glsa") + "_" + fake(HEX, 8, "glsa"); },
    env: "GRAFANA_TOKEN",
  }),
  prefixed({
    id: "grafana-api-key",
    description: "Grafana legacy API key (eyJrIjoi…)",
    kind: "api-key",
    severity: "high",
    docs: "https://grafana.com/docs/grafana/latest/administration/api-keys/",
    prefix: "eyJrIjoi",
    body: "[A-Za-z0-9]{60,300}={0,2}",
    boundary: "A-Za-z0-9_+/=-",
    fixedLength: false,
    get sample() { return Buffer.from(JSON.stringify({ k: fake(ALNUM, 32, "gk"), n: "deploy", id: 1 })).toString("base64").replace(/=+$/, ""); },
    env: "GRAFANA_API_KEY",
  }),
  // Honeycomb v2 keys: "hcaik_" (ingest) / "hcaic_" (configuration), "hcx…"
  // for EU, + 58 lower-case alphanumerics; classic configuration keys 22 characters.
  prefixed({
    id: "honeycomb-ingest-key",
    description: "Honeycomb API key, v2 format (hcaik_/hcaic_…)",
    kind: "api-key",
    severity: "medium",
    docs: "https://docs.honeycomb.io/configure/environments/manage-api-keys/",
    prefix: "hc",
    body: "[ax]i[kc]_[a-z0-9]{58}",
    keywords: ["hcaik_", "hcaic_", "hcxik_", "hcxic_"],
    get sample() { return "hcaik_" + fake("abcdefghijklmnopqrstuvwxyz0123456789", 58, "hc"); },
    env: "HONEYCOMB_API_KEY",
  }),
  assigned({
    id: "honeycomb-configuration-key",
    description: "Honeycomb configuration API key assigned to a Honeycomb name",
    kind: "api-key",
    severity: "medium",
    docs: "https://docs.honeycomb.io/configure/environments/manage-api-keys/",
    names: "honeycomb",
    value: "[A-Za-z0-9]{22}|[a-f0-9]{32}",
    keywords: ["honeycomb"],
    entropy: 3.5,
    get sample() { return fake(ALNUM, 22, "honeycomb"); },
    env: "HONEYCOMB_API_KEY",
  }),
  // PagerDuty REST API keys: 20 characters ("u+" user tokens and account keys).
  assigned({
    id: "pagerduty-api-key",
    description: "PagerDuty REST API key assigned to a PagerDuty name",
    kind: "api-key",
    severity: "high",
    docs: "https://support.pagerduty.com/main/docs/api-access-keys",
    names: "pager[_.-]?duty",
    value: "(?:u\\+)?[A-Za-z0-9_+-]{20}",
    keywords: ["pagerduty", "pager_duty"],
    entropy: 3.5,
    get sample() { return "u+" + fake(ALNUM, 18, "pd"); },
    env: "PAGERDUTY_API_KEY",
    fixedLength: false,
  }),
  // Splunk HTTP Event Collector tokens are UUIDs, sent as "Authorization: Splunk <token>".
  custom({
    id: "splunk-hec-token",
    description: "Splunk HTTP Event Collector token (Authorization: Splunk <uuid>, or a Splunk/HEC name)",
    kind: "token",
    severity: "high",
    docs: "https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector",
    keywords: ["splunk", "hec_", "hec-", "hec."],
    pattern: new RegExp(`(?:Splunk[ \\t]{1,4}|(?:splunk|hec)[\\w.-]{0,20}?token["']?[ \\t]{0,4}[:=][ \\t]{0,4}["']?)(?<secret>${UUID})(?![0-9a-f-])`, "i"),
    entropy: 3,
    get examples() {
      return {
        invalid: [`curl -H "Authorization: Splunk ${uuid("splunk")}" https://hec.acme.io:8088/services/collector`, `SPLUNK_HEC_TOKEN=${uuid("splunk2")}`],
        valid: ["SPLUNK_HEC_TOKEN=00000000-0000-0000-0000-000000000000", `REQUEST_ID=${uuid("splunk3")}`],
      };
    },
  }),
  // Dynatrace API tokens: "dt0c01." + 24 + "." + 64 (other dt0x01 types exist).
  prefixed({
    id: "dynatrace-api-token",
    description: "Dynatrace API token (dt0c01.….…)",
    kind: "token",
    severity: "high",
    docs: "https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication",
    prefix: "dt0",
    body: "[a-z][0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}",
    keywords: ["dt0"],
    get sample() { return "dt0c01." + fake(UPPER_ALNUM, 24, "dt") + "." + fake(UPPER_ALNUM, 64, "dt"); },
    env: "DT_API_TOKEN",
  }),
  assigned({
    id: "rollbar-access-token",
    description: "Rollbar project access token (32 hex) assigned to a Rollbar name",
    kind: "token",
    severity: "medium",
    docs: "https://docs.rollbar.com/docs/access-tokens",
    names: "rollbar",
    value: "[a-f0-9]{32}",
    keywords: ["rollbar"],
    get sample() { return fake(HEX, 32, "rollbar"); },
    env: "ROLLBAR_ACCESS_TOKEN",
  }),
  assigned({
    id: "opsgenie-api-key",
    description: "Opsgenie API key (UUID) assigned to an Opsgenie name",
    kind: "api-key",
    severity: "high",
    docs: "https://support.atlassian.com/opsgenie/docs/api-key-management/",
    names: "opsgenie|genie[_.-]?key",
    value: UUID,
    keywords: ["opsgenie", "geniekey", "genie_key"],
    get sample() { return uuid("opsgenie"); },
    env: "OPSGENIE_API_KEY",
  }),
  // Opsgenie's own Authorization scheme: `Authorization: GenieKey <api key>`, the key a UUID
  // (https://docs.opsgenie.com/docs/authentication); Logstash and webhook relays write the header literally.
  custom({
    id: "opsgenie-geniekey-header",
    description: "Opsgenie API key in an Authorization: GenieKey header",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.opsgenie.com/docs/authentication",
    keywords: ["geniekey"],
    pattern: new RegExp(`GenieKey[ \\t]{1,4}(?<secret>${UUID})(?![0-9a-f-])`, "i"),
    entropy: 3,
    get examples() {
      return {
        invalid: [`headers => { "Authorization" => "GenieKey ${uuid("genie")}" }`, `curl -X POST https://api.opsgenie.com/v2/alerts -H "Authorization: GenieKey ${uuid("genie2")}"`],
        valid: ["Authorization: GenieKey 00000000-0000-0000-0000-000000000000", "Authorization: GenieKey ${OPSGENIE_API_KEY}", "Authorization: GenieKey <api-key>"],
      };
    },
  }),
  // Elasticsearch API keys are sent as `Authorization: ApiKey <base64 of id:api_key>`
  // (https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html, the
  // `encoded` field): a Grafana datasource's custom header value, a Beats/Kibana config, a curl line. The
  // base64 must decode to that id:key pair, which a word after "ApiKey" in prose never does.
  custom({
    id: "elasticsearch-api-key-header",
    description: "Elasticsearch API key in an Authorization: ApiKey header (base64 of id:key)",
    kind: "api-key",
    severity: "high",
    docs: "https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html",
    keywords: ["apikey"],
    pattern: /ApiKey[ \t]{1,4}(?<secret>[A-Za-z0-9+/]{28,200}={0,2})(?![A-Za-z0-9+/=])/,
    entropy: 3.5,
    validate: (s) => {
      const pair = decodeBase64(s)?.toString("latin1");
      return pair !== undefined && /^[A-Za-z0-9_-]{16,40}:[A-Za-z0-9_-]{16,64}$/.test(pair) && shannonEntropyOf(pair.slice(pair.indexOf(":") + 1)) >= 3.3;
    },
    get examples() {
      const key = Buffer.from(`${fake(B64URL, 20, "esk")}:${fake(B64URL, 22, "esk")}`).toString("base64");
      return {
        invalid: [`httpHeaderValue1: 'ApiKey ${key}'`, `curl -H "Authorization: ApiKey ${key}" https://es.acme.internal:9200/_cat/indices`],
        valid: ["Authorization: ApiKey ${ES_API_KEY}", `Authorization: ApiKey ${Buffer.from("id:api_key").toString("base64")}`, `Authorization: ApiKey ${Buffer.from(fake(ALNUM, 40, "esk3")).toString("base64")}`],
      };
    },
  }),
  // Heartbeat and ping URLs: the path's token is the credential, and whoever has the URL reports the job up
  // or down. Healthchecks.io: hc-ping.com/<uuid>, or /<ping key>/<slug> (https://healthchecks.io/docs/http_api/);
  // Better Stack (Better Uptime) heartbeats: /api/v1/heartbeat/<token>
  // (https://betterstack.com/docs/uptime/cron-and-heartbeat-monitor/).
  custom({
    id: "healthchecks-ping-url",
    description: "Healthchecks.io ping URL (hc-ping.com/<uuid> or /<ping key>/<slug>)",
    kind: "webhook",
    severity: "low",
    docs: "https://healthchecks.io/docs/http_api/",
    keywords: ["hc-ping.com/"],
    pattern: new RegExp(`(?<secret>https?://hc-ping\\.com/(?:${UUID}|[A-Za-z0-9_-]{22}/[a-z0-9-]{1,100}))(?![A-Za-z0-9-])`),
    entropy: 3,
    get examples() {
      return {
        invalid: [`HEALTHCHECKS_PING_URL=https://hc-ping.com/${uuid("hc")}`, `curl -fsS -m 10 --retry 5 https://hc-ping.com/${fake(B64URL, 22, "hc2")}/nightly-backup`],
        valid: ["curl https://hc-ping.com/your-uuid-here", "https://hc-ping.com/00000000-0000-0000-0000-000000000000", "See https://hc-ping.com/ for the API"],
      };
    },
  }),
  custom({
    id: "betterstack-heartbeat-url",
    description: "Better Stack (Better Uptime) heartbeat URL with its token",
    kind: "webhook",
    severity: "low",
    docs: "https://betterstack.com/docs/uptime/cron-and-heartbeat-monitor/",
    keywords: ["/api/v1/heartbeat/"],
    pattern: /(?<secret>https?:\/\/(?:uptime\.betterstack\.com|betteruptime\.com)\/api\/v1\/heartbeat\/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`BETTERUPTIME_HEARTBEAT_URL=https://uptime.betterstack.com/api/v1/heartbeat/${fake(ALNUM, 24, "bsh")}`],
        valid: ["curl https://uptime.betterstack.com/api/v1/heartbeat/$HEARTBEAT_TOKEN", "https://uptime.betterstack.com/api/v1/heartbeat/XXXXXXXXXXXXXXXXXXXXXXXX"],
      };
    },
  }),
  // Grafana OnCall integration URLs: anyone with one can raise alerts (page on-call) through it; the path's
  // token is the credential (https://grafana.com/docs/oncall/latest/configure/integrations/).
  custom({
    id: "grafana-oncall-integration-url",
    description: "Grafana OnCall integration URL (…/integrations/v1/<type>/<token>/)",
    kind: "webhook",
    severity: "medium",
    docs: "https://grafana.com/docs/oncall/latest/configure/integrations/",
    keywords: ["oncall"],
    pattern: /(?<secret>https?:\/\/[\w.-]{0,80}oncall[\w.-]{0,80}(?::\d{1,5})?\/(?:oncall\/)?integrations\/v1\/[a-z_]{3,40}\/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`url: https://oncall-prod-eu-west-0.grafana.net/oncall/integrations/v1/grafana_alerting/${fake(ALNUM, 25, "oncall")}/`],
        valid: ["url: https://oncall-prod-eu-west-0.grafana.net/oncall/integrations/v1/grafana_alerting/<token>/", "https://oncall.acme.io/api/v1/integrations/"],
      };
    },
  }),
  // DevCycle SDK keys name their side: `dvc_server_` keys read every feature's configuration and are secret;
  // `dvc_client_` and `dvc_mobile_` keys are built into web pages and apps (https://docs.devcycle.com/sdk/#sdk-keys),
  // and are public material (placeholder-filter.ts isPublicMaterial). The body is a UUID written with `_`
  // and a short hex suffix.
  prefixed({
    id: "devcycle-server-sdk-key",
    description: "DevCycle server SDK key (dvc_server_…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.devcycle.com/sdk/#sdk-keys",
    prefix: "dvc_server_",
    body: "[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}_[0-9a-f]{5,10}",
    fixedLength: false,
    get sample() { return "dvc_server_" + uuid("devcycle").replace(/-/g, "_") + "_" + fake(HEX, 7, "devcycle2"); },
    env: "DEVCYCLE_SERVER_SDK_KEY",
    get valid() { return [`DEVCYCLE_CLIENT_SDK_KEY=dvc_client_${uuid("devcycle-client").replace(/-/g, "_")}_${fake(HEX, 7, "devcycle3")}`]; },
  }),
  // Optimizely personal access tokens (REST API, full account access) are `2:` + 43 base64url characters
  // (https://docs.developers.optimizely.com/feature-experimentation/reference/personal-access-token). `2:` alone
  // says little, so the file must name Optimizely; its SDK keys (22 characters) are public.
  custom({
    id: "optimizely-personal-access-token",
    description: "Optimizely personal access token (2:…) in a file that names Optimizely",
    kind: "token",
    severity: "high",
    docs: "https://docs.developers.optimizely.com/feature-experimentation/reference/personal-access-token",
    keywords: ["optimizely"],
    pattern: /(?<![\w:.\/-])(?<secret>2:[A-Za-z0-9_-]{43})(?![\w-])/,
    entropy: 4,
    get examples() {
      const t = "2:" + fake(B64URL, 43, "optimizely");
      return {
        invalid: [`const OPTIMIZELY_PAT = "${t}";\nfetch("https://api.optimizely.com/v2/projects")`, `# optimizely\ntoken: ${t}`],
        valid: [`const t = "${t}"; // no provider named`, `OPTIMIZELY_SDK_KEY=${fake(ALNUM, 22, "optimizely-sdk")}`, `optimizely: 2:${"a".repeat(43)}`],
      };
    },
  }),
  // LaunchDarkly server-side SDK keys "sdk-" + UUID; API access tokens "api-" + UUID.
  prefixed({
    id: "launchdarkly-sdk-key",
    description: "LaunchDarkly server-side SDK key (sdk-<uuid>)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys",
    prefix: "sdk-",
    body: UUID,
    get sample() { return "sdk-" + uuid("ld-sdk"); },
    env: "LAUNCHDARKLY_SDK_KEY",
  }),
  assigned({
    id: "launchdarkly-access-token",
    description: "LaunchDarkly API access token (api-<uuid>) assigned to a LaunchDarkly name",
    kind: "token",
    severity: "high",
    docs: "https://docs.launchdarkly.com/home/account/api",
    names: "launch[_.-]?darkly",
    value: `api-${UUID}`,
    keywords: ["launchdarkly", "launch_darkly"],
    get sample() { return "api-" + uuid("ld-api"); },
    env: "LAUNCHDARKLY_ACCESS_TOKEN",
  }),
  assigned({
    id: "bugsnag-api-key",
    description: "Bugsnag data access/API token (32 hex) assigned to a Bugsnag auth-token name",
    kind: "token",
    severity: "low",
    docs: "https://docs.bugsnag.com/api/data-access/",
    names: "bugsnag[\\w.-]{0,10}?(?:auth|token)",
    value: "[a-f0-9]{32}",
    keywords: ["bugsnag"],
    get sample() { return fake(HEX, 32, "bugsnag"); },
    env: "BUGSNAG_AUTH_TOKEN",
  }),
  // Nagios, Icinga 1, Naemon and Shinken keep the secrets their check commands need in resource.cfg's
  // `$USERn$` macros (n = 1..256), "commonly used to store sensitive information such as usernames and
  // passwords" (https://assets.nagios.com/downloads/nagioscore/docs/nagioscore/4/en/macrolist.html#user);
  // $USER1$ is the plugin directory by convention. A path, a macro, a word or a default such as `public`
  // stays out: the value must read as a password and carry some entropy (a user name like `monitor` does not).
  custom({
    id: "nagios-resource-macro-password",
    description: "Password kept in a Nagios/Icinga/Naemon resource.cfg $USERn$ macro",
    kind: "password",
    severity: "high",
    docs: "https://assets.nagios.com/downloads/nagioscore/docs/nagioscore/4/en/macrolist.html#user",
    keywords: ["$user"],
    pattern: /^[ \t]*\$USER(?:[1-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-6])\$[ \t]*=[ \t]*(?<secret>[^\s\/$#;"'][^\s"']{5,127})[ \t]*\r?$/m,
    entropy: 3,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`# Store sensitive info in these macros\n$USER4$=${fake(ALNUM, 18, "nagiosmacro")}\n`, `$USER12$=${fake(ALNUM, 14, "nagiosmacro2")}`],
        valid: ["$USER1$=/usr/lib/nagios/plugins", "$USER2$=/usr/lib/nagios/plugins/eventhandlers", "$USER3$=monitor", "$USER5$=public", "$USER7$=$USER3$", "#$USER4$=changeme"],
      };
    },
  }),
  // Netdata streaming (stream.conf): a child sends metrics to its parent with `api key = <UUID>` in its
  // [stream] section, and the parent accepts whoever presents a key it lists
  // (https://learn.netdata.cloud/docs/observability-centralization-points/metrics-centralization-points/configuration).
  // A UUID elsewhere is an id; here the setting's own two-word name says it is the key.
  custom({
    id: "netdata-stream-api-key",
    description: "Netdata streaming API key (api key = UUID in stream.conf)",
    kind: "api-key",
    severity: "medium",
    docs: "https://learn.netdata.cloud/docs/observability-centralization-points/metrics-centralization-points/configuration",
    keywords: ["api key"],
    pattern: /^[ \t]*api key[ \t]*=[ \t]*(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})[ \t]*\r?$/m,
    get examples() {
      return {
        invalid: [`[stream]\n    enabled = yes\n    destination = netdata-parent:19999\n    api key = ${uuid("netdata")}\n`],
        valid: ["[stream]\n    api key = \n", "    api key = 11111111-2222-3333-4444-555555555555", "    api key = 00000000-0000-0000-0000-000000000000", `The api key = ${uuid("netdata2")} line goes into the child's stream.conf.`],
      };
    },
  }),
  // PRTG's HTTP API accepts `passhash=<number>` in place of the password: a hash PRTG derives from the password
  // and shows in the user's account settings, valid until the password changes
  // (https://www.paessler.com/manuals/prtg/http_api#authentication). It is a number of up to ten digits.
  custom({
    id: "prtg-passhash",
    description: "PRTG API passhash (a password equivalent) in a URL or an assignment",
    kind: "password",
    severity: "high",
    docs: "https://www.paessler.com/manuals/prtg/http_api#authentication",
    keywords: ["passhash"],
    pattern: /\bpasshash(?:["']?[ \t]{0,4}[=:][ \t]{0,4}["']?)(?<secret>[0-9]{8,10})(?![0-9A-Za-z])/i,
    validate: (s) => !/^(\d)\1+$/.test(s) && !"01234567890".includes(s) && !"9876543210".includes(s),
    get examples() {
      return {
        invalid: [`$passhash = "${fake("0123456789", 10, "prtg")}"`, `https://prtg.acme.internal/api/table.json?content=sensors&username=svc-report&passhash=${fake("0123456789", 10, "prtg2")}`],
        valid: ["passhash=$PRTG_PASSHASH", "passhash=1234567890", "passhash=0000000000", "&passhash=<your passhash>"],
      };
    },
  }),

  // New Relic's older keys: admin API keys "NRAA-" + 27 hex and REST API keys "NRRA-" + 42 hex
  // (same page, "Admin's API keys" and "REST API keys"; Nosey Parker np-newrelic-04/07).
  prefixed({ id: "new-relic-admin-api-key", description: "New Relic admin API key (NRAA-…)", kind: "api-key", severity: "high", docs: NEW_RELIC_KEYS, prefix: "NRAA-", body: "[a-fA-F0-9]{27}", get sample() { return "NRAA-" + fake(HEX, 27, "nraa"); }, env: "NEW_RELIC_ADMIN_KEY" }),
  prefixed({ id: "new-relic-rest-api-key", description: "New Relic REST API key (NRRA-…)", kind: "api-key", severity: "high", docs: NEW_RELIC_KEYS, prefix: "NRRA-", body: "[a-fA-F0-9]{42}", get sample() { return "NRRA-" + fake(HEX, 42, "nrra"); }, env: "NEW_RELIC_REST_API_KEY" }),
  // Pixie (New Relic's Kubernetes observability): API keys "px-api-" and deployment keys "px-dep-" +
  // a UUID (docs.px.dev/reference/admin/api-keys, /deploy-keys). The UUID must be hex: "h8g7"-style
  // fill in chart READMEs is not a key.
  prefixed({ id: "pixie-api-key", description: "Pixie API key (px-api-…)", kind: "api-key", severity: "high", docs: "https://docs.px.dev/reference/admin/api-keys/", prefix: "px-api-", body: UUID, get sample() { return "px-api-" + uuid("pixie-api"); }, env: "PX_API_KEY", get valid() { return ["--set newrelic-pixie.apiKey=px-api-a1b2c3d4-e5f6-g7h8-i8j0-k0l3m3n4o0p5"]; } }),
  prefixed({ id: "pixie-deploy-key", description: "Pixie deployment key (px-dep-…)", kind: "api-key", severity: "high", docs: "https://docs.px.dev/reference/admin/deploy-keys/", prefix: "px-dep-", body: UUID, get sample() { return "px-dep-" + uuid("pixie-dep"); }, env: "PX_DEPLOY_KEY" }),
  // Segment Public API tokens: "sgp_" + 64 alphanumerics (segment.com/docs/api/public-api; Nosey
  // Parker np.segment.1). Sourcegraph's "sgp_" tokens are hex (sourcegraph-access-token).
  prefixed({ id: "segment-public-api-token", description: "Segment Public API token (sgp_ + 64)", kind: "token", severity: "high", docs: "https://segment.com/docs/api/public-api/", prefix: "sgp_", body: "[A-Za-z0-9]{64}", entropy: 4, get sample() { return "sgp_" + fake(ALNUM, 64, "segment"); }, env: "SEGMENT_PUBLIC_API_TOKEN" }),
];
