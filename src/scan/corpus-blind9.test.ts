import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The ninth blind corpus (fixtures/corpus-blind9): places and languages no
// earlier corpus measured. Secret names that are not English (German,
// French, Spanish, Portuguese, Italian, Dutch, Swedish, Norwegian, Danish,
// Polish, Turkish, Russian transliterated and Cyrillic, Chinese and pinyin,
// Japanese, Korean, Indonesian) in .env, YAML, JSON, TOML, INI, properties and
// code, beside the same words as i18n labels, UI strings and docs; Windows
// files and encodings (UTF-16LE .ps1/.reg/.rdp with a BOM, Latin-1 and
// Windows-1252 INI files, unattend.xml, Group Policy Preferences cpassword,
// batch files, web.config machineKey, publish profiles, appsettings); IoT and
// home automation (Arduino sketches, ESPHome, Home Assistant secrets.yaml and
// !secret references, wpa_supplicant, NetworkManager, Mosquitto, Zigbee2MQTT,
// Tasmota, OctoPrint, Moonraker, Node-RED); webhook and signed URLs of many
// providers, in code, logs and docs; build output committed by mistake
// (minified bundles, source maps, Next.js chunks, an extracted app.asar, a
// notebook's outputs) beside the public keys bundles are full of. Labels come
// from markers in the generator's template (_meta/templates.txt, read by
// _meta/gen.py; neither is scanned), written by an engineer who had not read
// the detectors and committed before the first scan. Figures:
// docs/detection.md "Blind corpus 9".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind9/", import.meta.url));

// Reached 0.990 / 0.954 (first scan: 0.957 / 0.406; 0.978 / 0.839 after session 8); the floor is that minus a small margin.
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.945;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "legacy/config/parametres.ini:7",
    "octoprint/config.yaml:2",
    "admin-portal/.next/static/chunks/pages/_app-9c1e2b.js:4",
  ],
  falseAlarms: [
    "desktop-app/app-asar-extracted/resources/config/default.json:5",
  ],
};

test("blind corpus 9: precision and recall of scan() on non-English names, Windows files, IoT configs, signed URLs and build output", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py"]);
});
