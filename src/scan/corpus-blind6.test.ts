import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The sixth blind corpus (fixtures/corpus-blind6): ops and service configs
// (nginx, Apache, systemd units and env files, crontab, supervisord, HAProxy,
// Postfix sasl_passwd, OpenVPN, wpa_supplicant, cifs credentials, SSSD/nslcd/
// slapd, Redis ACLs, MongoDB/MySQL/PostgreSQL/MSSQL, RabbitMQ, Kafka JAAS and
// Connect, Hadoop/Hive XML, Logstash/Filebeat/Fluentd, Alertmanager/Prometheus/
// Grafana, Airflow, dbt, Spark/Flink, Home Assistant, Vault agent/Consul/Nomad,
// Traefik/Caddy, Keycloak, Jenkins, SonarQube, Odoo, Nextcloud, GitLab,
// WireGuard, ipsec.secrets, SNMP, Cisco/Junos), less common languages (Rust,
// Kotlin, Swift, Objective-C, Scala/HOCON, Dart, Lua, PowerShell, Perl, R,
// Haskell, Elixir, Clojure, Julia, Zig, C/C++, Gradle, Nix, Make, CMake, Bazel,
// Solidity/Hardhat, SQL, batch) and wrapped secrets (base64 user:password,
// docker auths, URL-encoded passwords, JSON escaped in JSON, YAML block
// scalars, heredocs, concatenation, comments, Markdown tables, inline scripts,
// XML attributes and CDATA). Labels were written by a reviewer who had not
// read the detectors, and committed before the first scan; the values come from
// a seeded generator (_meta/generate.mjs, which with its template _meta/corpus.txt
// is not scanned: the template holds every label). Figures: docs/detection.md
// "Blind corpus 6".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind6/", import.meta.url));

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    // Decided (docs/detection.md "Known gaps, session 7"): a Sentry DSN is public by Sentry's documentation; a LICENSE_KEY is a licence, not a
    // credential.
    "deploy/systemd/orders.env:5",
    "firmware/CMakeLists.txt:6",
  ],
  falseAlarms: [
    // Not fixed: an Algolia search key whose vendor is named only by the parent object (window.ALGOLIA).
    "web/public/checkout.html:7",
  ],
};

test("blind corpus 6: precision and recall of scan() on ops configs, less common languages and wrapped secrets", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/corpus.txt", "_meta/generate.mjs"]);
});
