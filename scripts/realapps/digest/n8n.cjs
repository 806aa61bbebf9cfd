// n8n: @n8n/config's decorators read each setting with readEnv (`name in process.env`, then
// process.env[name], else the file named by NAME_FILE). In a docker deployment the variables
// come from an env_file (.env): loaded here with dotenv, then GlobalConfig built as n8n does.
const crypto = require("node:crypto");
require("dotenv").config();
require("reflect-metadata");
const { Container } = require("@n8n/di");
const { GlobalConfig, InstanceSettingsConfig } = require(process.cwd() + "/dist/index.js");
const g = Container.get(GlobalConfig);
const i = Container.get(InstanceSettingsConfig);
const picked = { db: g.database.postgresdb, type: g.database.type, key: i.encryptionKey, smtp: g.userManagement?.emails?.smtp?.auth };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
