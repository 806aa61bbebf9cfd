// Node-RED loads settings.js with require(): digest of the settings it uses for secrets.
const crypto = require("node:crypto");
Promise.resolve(require(process.cwd() + "/settings.js")).then((s) => {
  const picked = { credentialSecret: s.credentialSecret, adminAuth: s.adminAuth, httpNodeAuth: s.httpNodeAuth, uiPort: s.uiPort };
  console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
});
