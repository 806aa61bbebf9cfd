import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { matchRoute, routed, routePattern, type Route } from "./routes.js";
import { openApiDocument } from "./openapi.js";
import { initialState, newMount, type MountEntry } from "./state.js";
import { Core } from "./core.js";
import type { LogicalRequest } from "./request.js";

// The OpenAPI document is derived from the routes the backends register
// (routes.ts), and those routes gate what the backends answer, so a route
// added to a backend is served and documented by the one line that registers
// it, and a path a handler would answer without registering it is not served.

const request = (rel: string): LogicalRequest => ({ id: "r", operation: "read", path: rel, data: {}, clientToken: "", remoteAddress: "127.0.0.1", remotePort: 0, headers: {}, mountPoint: "m/", rel });

describe("routes: one registration serves and documents a path", () => {
  test("route templates: {path} spans slashes and may be empty; other parameters are one segment", () => {
    assert.ok(routePattern("data/{path}").test("data/a/b/c"));
    assert.ok(routePattern("data/{path}").test("data"), "LIST at the root of data/");
    assert.ok(!routePattern("data/{path}").test("datax"));
    assert.ok(routePattern("{path}").test(""));
    assert.ok(routePattern("keys/{name}/rotate").test("keys/k1/rotate"));
    assert.ok(!routePattern("keys/{name}/rotate").test("keys/a/b/rotate"));
    assert.equal(matchRoute([["keys", "l"]], "keys/")?.[0], "keys", "a list path's trailing slash is ignored");
  });

  test("a handler that would answer anything answers only its registered routes; adding one serves and documents it", () => {
    const echo = { handle: (req: LogicalRequest) => ({ data: { rel: req.rel } }) };
    const routes: Route[] = [["status", "r"]];
    const backend = routed(routes, echo);
    assert.deepEqual(backend.handle(request("status"))?.data, { rel: "status" });
    assert.throws(() => backend.handle(request("unregistered")), (e: Error & { status?: number }) => e.status === 404 && /unsupported path/.test(e.message));
    const mount: MountEntry = newMount("m/", "example", "", null);
    const documented = () => Object.keys(openApiDocument([{ prefix: "m/", mount, auth: false, routes: backend.routes }], "1.14.0").paths as object);
    assert.deepEqual(documented(), ["/m/status"]);
    routes.push(["reports/{name}", "rw"]);
    assert.deepEqual(backend.handle(request("reports/q3"))?.data, { rel: "reports/q3" });
    assert.deepEqual(documented(), ["/m/status", "/m/reports/{name}"]);
  });

  test("every mount of a dev server documents exactly the routes its backend registers, and each backend has some", () => {
    const state = initialState("root-token-for-test");
    const core = new Core(state);
    for (const [path, type, options, auth] of [
      ["secret/", "kv", { version: "2" }, false],
      ["legacy/", "kv", { version: "1" }, false],
      ["transit/", "transit", null, false],
      ["cubbyhole/", "cubbyhole", null, false],
      ["identity/", "identity", null, false],
      ["sys/", "system", null, false],
      ["token/", "token", null, true],
      ["approle/", "approle", null, true],
      ["kubernetes/", "kubernetes", null, true],
      ["jwt/", "jwt", null, true],
      ["userpass/", "userpass", null, true],
    ] as const) {
      const mount = newMount(path, type, "", options);
      const routes = core.backendOf(mount, auth);
      assert.ok(routes.routes.length > 0, `${type} registers routes`);
      const prefix = auth ? `auth/${path}` : path;
      const doc = openApiDocument([{ prefix, mount, auth, routes: routes.routes }], "1.14.0");
      const documented = routes.routes.filter(([, , flags = ""]) => !flags.includes("h")).map(([t]) => `/${prefix}${t}`);
      assert.deepEqual(Object.keys(doc.paths as object).sort(), documented.sort(), type);
    }
    core.close();
  });
});
