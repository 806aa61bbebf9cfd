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

// First scan 0.906 / 0.932 (206 secrets, 247 traps, 212 lines reported, 14 missed, 20 false alarms); the fixes
// of this round reached 0.962 / 0.976 (docs/detection.md); session 18 (detgaps12) 0.995 / 0.995. The floor is
// that minus a small margin.
const MIN_PRECISION = 0.99;
const MIN_RECALL = 0.99;

// The gaps this corpus still has (docs/detection.md "Blind corpus 18"), as "file:line", each with the label's note.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "trading/marketdata/fetch.R:5", // finnhub key in R code: a weak name and a 7-letter run; code keeps the run test
  ],
  falseAlarms: [
    "lms/moodle/mobile-launch.txt:1", // example launch url from docs
  ],
};

test("blind corpus 18: precision and recall of scan() on AI agent and LLM app configs, trading bots, localization, extension publishing, headless e-commerce, learning platforms, GIS and research-data APIs", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
