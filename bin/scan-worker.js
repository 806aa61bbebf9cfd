"use strict";
// A scan worker thread's entry when the main thread runs the scan bundle
// (src/scan/worker-pool.ts chooses it then): the same bundle and code cache,
// then the worker module, as src/scan/scan-worker.js runs outside the bundle.
require("./scan-bundle.js").loadBundle({ refreshCache: false })("src/scan/scan-worker.js");
