import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The thirteenth blind corpus (fixtures/corpus-blind13): observability and
// alerting configs (Alertmanager receivers, Prometheus scrape and remote_write
// auth, grafana.ini and provisioned datasources' secureJsonData, contact points,
// Loki/Tempo/Mimir storage, Fluent Bit, Fluentd, Vector, Logstash, Telegraf, the
// OpenTelemetry Collector's exporter headers, Datadog/New Relic/Elastic APM
// agents, Sentry CLI and Relay, synthetic checks); low-code and automation
// exports (n8n credentials decrypted and encrypted, n8n workflows, Node-RED
// flows_cred.json plain and encrypted, Airbyte, Meltano, Singer, Make, Zapier);
// API client environments (Postman, Insomnia, Bruno, Hoppscotch, HTTPie);
// headless CMS and internal-tool builders (Hasura, Strapi, Directus, Retool,
// Appsmith, Budibase); serverless and edge platforms (wrangler [vars], Netlify,
// Vercel, Serverless, SAM, Supabase, Firebase, Fly, Render, Railway, Deno
// Deploy, Cloud Run, Azure Functions); package and build tooling credentials
// (.npmrc, bunfig, pip/uv/poetry, .pypirc, Maven, Gradle, cargo, gem, pub,
// NuGet, Conan, .bazelrc, bake, Earthly, Nx Cloud, Turborepo, Helm, JFrog); and
// about 30 newer provider formats beside their public forms, documentation
// examples, masked values and vault, SOPS and CI-store references. Labels come
// from markers in the generator's template (_meta/templates.txt, read by
// _meta/gen.py; neither is scanned), written by an engineer who had not read the
// detectors and committed before the first scan. Figures: docs/detection.md
// "Blind corpus 13".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind13/", import.meta.url));

// First scan 0.964 / 0.908 (0.964 / 0.924 once two labels were corrected); reached 1.000 / 0.981 by the
// fixes of this round (docs/detection.md); the floor is that minus a small margin.
const MIN_PRECISION = 0.99;
const MIN_RECALL = 0.97;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    // A session cookie as `{"name": "sessionid", "value": …}` in an HTTPie session: "session" names no credential.
    "api-clients/httpie/sessions/api.tidepool.example/prod.json:4",
    // `?key=…` in a Netlify redirect target: a bare `key` query parameter is too weak a name.
    "edge/netlify/netlify.toml:21",
  ],
  falseAlarms: [],
};

test("blind corpus 13: precision and recall of scan() on observability configs, automation exports, API client environments, serverless platforms, build tooling credentials and newer provider formats", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py"]);
});
