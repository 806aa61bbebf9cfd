// Zigbee2MQTT 2.14.1 (compiled TypeScript in dist/): dist/util/settings.js reads
// data/configuration.yaml, resolves '!secret NAME' from data/secret.yaml and lets
// ZIGBEE2MQTT_CONFIG_<SECTION>_<KEY> variables override. Digest of the resolved secrets.
const crypto = require("node:crypto");
const fs = require("node:fs");
const yaml = require("js-yaml");
const read = (f) => (fs.existsSync(f) ? yaml.load(fs.readFileSync(f, "utf8")) : {});
const c = read("data/configuration.yaml");
const s = read("data/secret.yaml");
const res = (v) => (typeof v === "string" && v.startsWith("!secret ") ? s[v.slice(8).trim()] : v);
const ov = (sec, key, v) => process.env[`ZIGBEE2MQTT_CONFIG_${sec}_${key}`.toUpperCase()] ?? res(v);
const picked = { mqtt: [c.mqtt.user, ov("mqtt", "password", c.mqtt.password)], token: ov("frontend", "auth_token", c.frontend.auth_token), key: c.advanced.network_key };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
