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
// of this round reached 0.987 / 0.847 (docs/detection.md); the floor is that minus a small margin.
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.84;

// The gaps this corpus still has (docs/detection.md "Blind corpus 16"), as "file:line", each with the label's note.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "webapps/mediawiki/LocalSettings.php:47", // unlocks the web updater (mw-config)
    "webapps/moodle/config.php:25", // pepper mixed into every password hash
    "webapps/moodle/config.php:27", // site pepper for user password hashes
    "webapps/matomo/config/config.ini.php:13", // signs opt-out and token links, hashes token_auth
    "webapps/dolibarr/htdocs/conf/conf.php:13", // key deriving the encryption of stored secrets
    "webapps/ghost/scripts/publish.js:5", // id:secret, signs admin JWTs
    "siem/wazuh/etc/client.keys:1", // shared key of agent 001
    "siem/wazuh/etc/client.keys:2", // shared key of agent 002
    "siem/wazuh/etc/client.keys:3", // shared key of agent 003
    "siem/misp/app/Config/config.php:16", // salt of legacy password hashes and HMAC'd auth keys
    "siem/thehive/application.conf:33", // Cortex API key used by TheHive
    "adminclients/securecrt/Sessions/prod/bastion-01.ini:3", // encrypted with SecureCRT's fixed key (no config passphrase set), reversible
    "nodes/ethereum/jwt.hex:1", // authenticates the consensus client to the execution client
    "nodes/cosmos/config/priv_validator_key.json:9", // signs blocks; a leak means double-sign slashing
    "nodes/cosmos/config/node_key.json:1", // p2p identity key of the node
    "nodes/chainlink/.api:2", // second line is the node operator's password
    "pki/step-ca/config/ca.json:45", // static SCEP challenge password, enrols any device that knows it
    "pki/cfssl/ca-config.json:16", // HMAC key authenticating sign requests to the CA
    "pki/cert-manager/vault-issuer.yaml:26", // base64 of the AppRole secret id
    "mdm/profiles/corp-wifi.mobileconfig:29", // enrolment challenge for the SCEP server
    "mdm/profiles/corp-wifi.mobileconfig:50", // base64 of the VPN group secret
    "idp/zitadel/docker-compose.yml:4", // 32-character key encrypting every secret in the database
    "idp/hydra/hydra.yml:12", // encrypts the database and signs tokens
    "idp/hydra/hydra.yml:14", // signs session cookies
    "idp/hydra/hydra.yml:19", // lets a holder link pairwise subject ids across clients
    "idp/kratos/kratos.yml:12", // encrypts OIDC tokens at rest (32 chars)
    "realtime/centrifugo/config.json:2", // signs connection JWTs (a UUID, as genconfig writes it)
    "realtime/centrifugo/config.json:5", // signs admin session tokens
    "realtime/mercure/Caddyfile:12", // HMAC key that signs publish JWTs
    "realtime/ably/server/publish.ts:4", // app.key:secret, full publish/subscribe capability
    "schedulers/rundeck/server/config/realm.properties:3", // password in clear
    "schedulers/kestra/.env_encoded:2", // base64 of a Slack webhook URL
    "vcs/subversion/conf/passwd:9", // svnserve stores passwords in clear
    "vcs/subversion/conf/passwd:10", // CI account
    "vcs/perforce/.p4tickets:1", // Perforce login ticket, usable until it expires
    "vcs/perforce/.p4tickets:2", // ticket of the build account
    "baremetal/autoyast/autoinst.xml:19", // subscription registration code
    "health/orthanc/orthanc.json:7", // HTTP password of a PACS user
    "health/orthanc/orthanc.json:8", // HTTP password of the RIS gateway
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
