import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The fifteenth blind corpus (fixtures/corpus-blind15): API gateways and proxies (Kong, Tyk, APISIX,
// KrakenD, Envoy, Varnish, Squid, Tor); search engine servers (Elasticsearch, Kibana, OpenSearch,
// Solr, Meilisearch, Typesense, Algolia, Manticore); feature-flag SDKs (Unleash, GrowthBook, Split,
// ConfigCat, Optimizely, Flagsmith, DevCycle, Flipt); JVM app servers and brokers (Tomcat, Jetty,
// WildFly, Karaf, ActiveMQ, Artemis, Pulsar, ZooKeeper); DNS and ACME clients (BIND, Knot, Certbot,
// acme.sh, lego, ddclient, inadyn, PowerDNS, DNSControl, octoDNS); network appliances (MikroTik,
// pfSense, VyOS, FortiGate, OpenWrt, UniFi); database and storage servers (ClickHouse, CouchDB,
// InfluxDB, Cassandra, Neo4j, ArangoDB, etcd, Ceph, iSCSI); private cloud (OpenStack, vSphere, ESXi,
// libvirt, Proxmox, oVirt); CI systems not measured before (Travis, AppVeyor, Cirrus, TeamCity,
// GoCD, Concourse, Woodpecker, Tekton, Spinnaker, Semaphore, Codefresh, Bamboo, Argo); REPL and
// client histories; payment gateways (Authorize.Net, PayPal, Klarna, CyberSource, Worldpay, Opayo,
// PayU and others). Labels come from markers in the generator's template (_meta/templates.txt, read
// by _meta/gen.py; with _meta/README.md, which gives the reasons for borderline labels, none is
// scanned), written by an engineer who had not read the detectors and committed before the first
// scan. Figures: docs/detection.md "Blind corpus 15".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind15/", import.meta.url));

// First scan 0.898 / 0.766 (231 secrets, 244 traps, 197 lines reported, 54 missed, 20 false alarms); the fixes
// of this round reached 0.928 / 0.835, session 15 (detgaps9) 0.939 / 0.935, session 16 (detgaps10) 0.943 / 0.939,
// session 17 (detgaps11) 0.948 / 0.939, session 18 (detgaps12) 0.957 / 0.952 (docs/detection.md); the floor is
// that minus a small margin.
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.945;

// The gaps this corpus still has (docs/detection.md "Blind corpus 15", "Still missed"), as "file:line", each
// with the label's note.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "gateways/krakend/krakend.json:24", // partner API key injected by the gateway
    "gateways/krakend/jwk_private.json:6", // symmetric signing key of the gateway
    "dns/inadyn/inadyn.conf:8", // DuckDNS uses the account token as the username
    "network/pfsense/config.xml:28", // static TLS key, base64 in config.xml
    "network/pfsense/config.xml:38", // private key of the certificate, base64 PEM
    "network/openwrt/etc/config/wireless:7", // WLAN passphrase
    "databases/iscsi/iscsid.conf:6", // mutual CHAP secret
    "ci/gocd/cruise-config.xml:11", // plain environment variable
    "history/dana/.node_repl_history:2", // HS256 verification secret
    "payments/authorizenet/config/payment.php:5", // transaction key
    "payments/paypal/paypal_nvp.ini:4", // classic API signature
  ],
  falseAlarms: [
    "dns/acme.sh/account.conf:8", // aliyun access key id: access key id (reported by its LTAI rule, as AWS AKIA ids are)
    "databases/etcd/etcd.env:2", // etcd cluster token: a name to tell clusters apart, not a credential
    "docs/runbooks/rotate-gateway-keys.md:6", // elastic docs example: the documented example key
    "flags/growthbook/app/lib/growthbook.ts:6", // growthbook decryption key in frontend: encrypted-features key, shipped alongside the client key
    "flags/optimizely/datafile-sync.ts:1", // optimizely sdk key: SDK key (datafile locator), public by design
    "payments/authorizenet/public/accept.js:3", // authorize.net public client key: public client key for Accept.js
    "payments/klarna/web/klarna-payments.js:1", // klarna session client token: short-lived session token made for the browser
    "payments/plaid/plaid.env:4", // plaid sandbox access token: sandbox item token, test data only
    "search/meilisearch/frontend/src/search.ts:6", // meilisearch search-only key in frontend: public by design, search action on a public index
    "tests/dns/tsig_test.py:2", // tsig test vector: base64 of a readable test string
  ],
};

test("blind corpus 15: precision and recall of scan() on API gateways, search engines, feature flags, JVM servers, DNS, network appliances, database servers, private cloud, CI systems, REPL histories and payment gateways", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
