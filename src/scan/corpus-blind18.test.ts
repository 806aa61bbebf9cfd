import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The eighteenth blind corpus (fixtures/corpus-blind18): AI coding agents and self-hosted LLM apps (MCP server
// configs of Claude Desktop, Claude Code, Cursor, VS Code, Windsurf, Zed and Cline; Continue, aider, LiteLLM,
// Open WebUI, LibreChat, AnythingLLM, Dify, Flowise, SillyTavern); trading bots and market data (freqtrade,
// Hummingbot, ccxt, Jesse, IBC, QuantConnect Lean, MetaTrader, TradingView alerts, Alpaca, Coinbase CDP, IEX,
// Alpha Vantage, Finnhub, Tiingo); localization platforms and locale files (Crowdin, Lokalise, Phrase,
// Transifex, POEditor, Weblate, Tolgee, locize, DeepL); browser-extension publishing (Chrome Web Store, AMO,
// Edge Add-ons); headless e-commerce (BigCommerce, Saleor, commercetools, Snipcart, Vendure, Sylius, Spree,
// Swell, Commerce Layer, Medusa, Hydrogen); learning platforms (Canvas, LTI 1.1/1.3, Open edX/Tutor, Moodle web
// services, Blackboard); GIS (QGIS, GeoServer, ArcGIS, Cesium ion, MapTiler, HERE, Google Maps URL signing,
// JOSM, Planet, Sentinel Hub, Earthdata, GDAL); research-data APIs (Zotero, ORCID, NCBI, Zenodo, Figshare, OSF,
// Dataverse, Globus, Semantic Scholar, Benchling, BaseSpace). Labels come from markers in the generator's
// template (_meta/templates.txt, read by _meta/gen.py; with _meta/README.md, which gives the reasons for
// borderline labels, none is scanned), written by an engineer who had not read the detectors and committed
// before the first scan. Figures: docs/detection.md "Blind corpus 18".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind18/", import.meta.url));

// First scan 0.906 / 0.932 (206 secrets, 247 traps, 212 lines reported, 14 missed, 20 false alarms).
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.93;

// The gaps this corpus still has (docs/detection.md "Blind corpus 18"), as "file:line", each with the label's note.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "ai/litellm/scripts/team-keys.sh:8", // spends the team's budget
    "ai/flowise/.env:4", // decrypts stored credentials
    "trading/lean/lean.json:6", // paired with the secret
    "trading/alpaca/paper.env:2", // paired with the secret (paper money, but the same account's data)
    "trading/marketdata/fetch.R:4", // premium data quota
    "trading/marketdata/fetch.R:5", // paid data
    "l10n/transifex/.transifexrc:3", // manages the organisation's resources
    "l10n/weblate/.weblate:5", // acts as the user
    "l10n/deepl/translate_missing.py:3", // translation quota of the account
    "shop/swell/swell.js:4", // backend api of the store
    "gis/arcgis/route_service.py:6", // administers the org's portal
    "gis/josm/preferences.xml:6", // edits the map as the user
    "research/orcid/application.properties:2", // uuid-shaped secret, reads and writes member records
    "research/zenodo/upload.sh:5", // sandbox, but the same account login (see README)
  ],
  falseAlarms: [
    "ai/dify/.env.example:2", // dify example secret key
    "ai/dify/.env.example:8", // dify example plugin daemon key
    "ai/flowise/api.json:5", // flowise stored hash
    "ai/librechat/.env.example:7", // librechat example creds key
    "ai/librechat/.env.example:9", // librechat example jwt secret
    "ai/librechat/.env.example:10", // librechat example refresh secret
    "ai/librechat/.env.example:13", // meilisearch example master key
    "gis/cesium/src/viewer.js:3", // cesium ion read token in browser code
    "gis/geoserver/security/usergroup/default/users.xml:4", // geoserver digest
    "gis/geoserver/workspaces/ortho/s3/coveragestore.xml:6", // geoserver crypt2 password
    "gis/google/static-map.md:3", // signed maps url
    "gis/maptiler/style.json:7", // maptiler key in style url
    "lms/canvas/config/security.yml:5", // canvas sample encryption key
    "lms/moodle/mobile-launch.txt:1", // example launch url from docs
    "shop/bigcommerce/.env:5", // storefront graphql token
    "shop/commercetools/frontend/ctp-client.ts:7", // spa client secret
    "shop/snipcart/index.html:7", // snipcart public api key
    "shop/sylius/.env:2", // placeholder
    "trading/hummingbot/conf/connectors/binance.yml:5", // hummingbot encrypted api key
    "trading/hummingbot/conf/connectors/binance.yml:6", // hummingbot encrypted api secret
  ],
};

test("blind corpus 18: precision and recall of scan() on AI agent and LLM app configs, trading bots, localization, extension publishing, headless e-commerce, learning platforms, GIS and research-data APIs", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
