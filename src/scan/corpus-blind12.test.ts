import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The twelfth blind corpus (fixtures/corpus-blind12): the places people paste
// secrets — GitHub issue and PR exports, Jira and Linear CSV exports, Slack and
// Discord JSON exports, mail (.eml with quoted-printable text and a base64
// attachment, .mbox with quoted replies), an asciinema recording, strace and
// tcpdump -A output, a Sentry event, crash reports and a Node diagnostic
// report —; mobile build artefacts (google-services.json, GoogleService-Info.plist,
// fastlane Appfile/Matchfile/.env.default, a .p8 key, gradle.properties,
// local.properties, keystore.properties, xcconfig, Codemagic, Bitrise, EAS,
// sentry.properties); CMS and game-engine configs (wp-config.php, Drupal
// settings.php and Key module config, Magento env.php, Laravel .env and
// config/services.php, Unity assets, Unreal .ini, Godot export presets,
// Salesforce SFDX, Shopify themes and apps, Electron and browser-extension
// release configs); infrastructure state and configuration management
// (terraform.tfstate, a Pulumi checkpoint, CloudFormation outputs, Ansible
// inventories and vaults, Chef data bags plain and encrypted, hiera-eyaml, Salt
// pillars, Vagrant, Packer, cloud-init, Nomad templates, SealedSecrets, SOPS);
// saved database and queue client connections (DBeaver, DataGrip, pgAdmin,
// pgpass, Robo 3T, Compass, RedisInsight, MySQL Workbench, TablePlus, Kafka
// JAAS, RabbitMQ definitions, NATS); and about 70 provider formats of 2024–2026
// beside their public forms, documentation examples and redactions. Labels come
// from markers in the generator's template (_meta/templates.txt, read by
// _meta/gen.py; neither is scanned), written by an engineer who had not read the
// detectors and committed before the first scan. Figures: docs/detection.md
// "Blind corpus 12".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind12/", import.meta.url));

// First scan 0.927 / 0.884; reached 0.976 / 0.954 by the fixes of this round (docs/detection.md); the
// floor is that minus a small margin.
const MIN_PRECISION = 0.965;
const MIN_RECALL = 0.95;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    // Named only by prose: "App review login: reviewer@… / <password>", "Zendesk API token for support@ user: <token>".
    "support-exports/jira/SUP-export-2026-10.csv:7",
    "support-exports/jira/SUP-export-2026-10.csv:9",
    // A quoted-printable mail body, decoded (session 13): "root password — please change it on Monday — is <value>" is prose.
    "support-exports/mail/ops-handover.eml:29",
    // `terraform output -raw db_password` in a recording, its output on the next event: nothing names the value.
    "support-exports/terminal/deploy-2026-10-20.cast:9",
    // Redis AUTH in RESP framing (`*2 $4 AUTH $32 <password>` over lines) in a tcpdump -A capture.
    "support-exports/debug/tcpdump-A.txt:14",
    // A query parameter list in a Sentry breadcrumb; the SQL names the column (api_token = %s), not the value.
    "support-exports/crash/sentry-event-8841.json:33",
    // Drupal Key module `key_value:` under `key_provider: config`: "key_value" names no secret by itself.
    "cms/drupal/config/sync/key.key.recaptcha.yml:9",
    // A Postmark server token as MAIL_USERNAME (it is also MAIL_PASSWORD on the next line, which is found).
    "cms/laravel-shop/.env:16",
    // `'api_token' => hash('sha256', '<token>')`: the plaintext inside a hashing call.
    "cms/laravel-shop/database/seeders/UserSeeder.php:20",
    // `SaveFileKey` (a file's key): "file" before "key" makes it a file name's key.
    "engines/unity-kart/Assets/Scripts/Net/Backend.cs:10",
    // `ApiKeyGA=`: a suffix after the head word that is neither neutral nor a provider the name analysis knows.
    "engines/unreal-arena/Config/DefaultEngine.ini:24",
  ],
  falseAlarms: [
    // Reported by choice: New Relic's browser key (low severity), a service account's private_key_id next to
    // its private key (the key to revoke), a password-reset token in a URL (a scanner cannot know it expired).
    "infra/ansible/inventories/prod/group_vars/web.yml:6",
    "mobile/tidewatch/fastlane/play-store-key.json:4",
    "support-exports/mail/vendors.mbox:40",
  ],
};

test("blind corpus 12: precision and recall of scan() on pasted exports, mobile and CMS artefacts, infrastructure state, saved client connections and newer provider formats", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py"]);
});
