import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The sixteenth blind corpus (fixtures/corpus-blind16): self-hosted PHP and web apps (MediaWiki, Moodle,
// Matomo, phpMyAdmin, Roundcube, osTicket, PrestaShop, OpenCart, Shopware, phpBB, Mautic, Mattermost,
// Redmine, Dolibarr, Ghost); SIEM and security tooling (Graylog, Splunk, Wazuh, CrowdSec, MISP, TheHive,
// osquery/Fleet, Velociraptor); remote-admin clients (Sublime SFTP, mRemoteNG, SecureCRT, Remmina,
// JetBrains, WinBox, RDCMan); switch and firewall configs (Arista, Cisco ASA/NX-OS/IOS-XE, Palo Alto,
// Huawei, Aruba); blockchain node operators (bitcoind, LND, geth/Lighthouse, Cosmos, Monero, Chainlink);
// PKI and Apple device management (step-ca, cfssl, OpenSSL configs, keytool, cert-manager, mobileconfig,
// Munki, Jamf, NanoMDM); identity providers (Zitadel, Hydra, Kratos, SimpleSAMLphp, Shibboleth,
// FusionAuth, Auth0 deploy CLI, CAS); realtime and push servers (Centrifugo, Mercure, Reverb, Soketi,
// Ably, Gotify, ntfy, Novu); job schedulers (Rundeck, AWX, StackStorm, Dagster, Luigi, Kestra, Camunda,
// Celery); version control other than git (Mercurial, Subversion, Perforce, Gerrit, Bitbucket Server,
// Phabricator, Bazaar); bare-metal provisioning and BMCs (ipmitool, racadm, iLO, Redfish, preseed,
// AutoYaST, Butane/Ignition, MAAS, Foreman, DSC MOF); healthcare integration (Orthanc, Mirth, OpenEMR,
// OpenMRS, DHIS2, HAPI FHIR). Labels come from markers in the generator's template (_meta/templates.txt,
// read by _meta/gen.py; with _meta/README.md, which gives the reasons for borderline labels, none is
// scanned), written by an engineer who had not read the detectors and committed before the first scan.
// Figures: docs/detection.md "Blind corpus 16".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind16/", import.meta.url));

// First scan 0.951 / 0.751 (261 secrets, 268 traps, 206 lines reported, 65 missed, 10 false alarms); the fixes
// of this round reached 0.987 / 0.847, session 16 (detgaps10) 0.988 / 0.927, session 18 (detgaps12)
// 0.988 / 0.946 (docs/detection.md); the floor is that minus a small margin.
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.94;

// The gaps this corpus still has (docs/detection.md "Blind corpus 16"), as "file:line", each with the label's note.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "webapps/mediawiki/LocalSettings.php:47", // unlocks the web updater (mw-config)
    "webapps/moodle/config.php:27", // site pepper for user password hashes
    "webapps/dolibarr/htdocs/conf/conf.php:13", // key deriving the encryption of stored secrets
    "webapps/ghost/scripts/publish.js:5", // id:secret, signs admin JWTs
    "nodes/chainlink/.api:2", // second line is the node operator's password
    "pki/step-ca/config/ca.json:45", // static SCEP challenge password, enrols any device that knows it
    "pki/cfssl/ca-config.json:16", // HMAC key authenticating sign requests to the CA
    "pki/cert-manager/vault-issuer.yaml:26", // base64 of the AppRole secret id
    "mdm/profiles/corp-wifi.mobileconfig:29", // enrolment challenge for the SCEP server
    "mdm/profiles/corp-wifi.mobileconfig:50", // base64 of the VPN group secret
    "realtime/mercure/Caddyfile:12", // HMAC key that signs publish JWTs
    "schedulers/kestra/.env_encoded:2", // base64 of a Slack webhook URL
    "baremetal/autoyast/autoinst.xml:19", // subscription registration code
    "health/openmrs/openmrs-runtime.properties:7", // with the key, decrypts stored person attributes
  ],
  falseAlarms: [
    "tests/realtime/pusher_test.go:8", // docs example: Pusher's documented example secret
    "tests/webapps/test_mediawiki_settings.py:7", // test fixture key: a fixed value asserted on below, in a test file
    "webapps/ghost/theme/partials/newsletter.hbs:4", // ghost content api key: Content API key, public by design
  ],
};

test("blind corpus 16: precision and recall of scan() on self-hosted web apps, SIEM tooling, remote-admin clients, network gear, blockchain nodes, PKI and MDM, identity providers, realtime servers, schedulers, non-git VCS, bare metal and healthcare integration", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
