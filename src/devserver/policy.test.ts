import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Acl } from "./acl.js";
import { parsePolicy, PolicyParseError, DEFAULT_POLICY } from "./policy.js";

// Policy syntax and ACL resolution, with the examples of
// openbao/docs/concepts/policies.mdx (and vault-1.14/docs/concepts/policies.mdx).

const acl = (...docs: string[]) => new Acl(docs.map((d, i) => parsePolicy(`p${i}`, d)));

describe("policy parsing", () => {
  test("HCL with every comment style, several blocks, legacy `policy =` shorthand and parameter blocks", () => {
    const p = parsePolicy(
      "x",
      `# hash comment
      // slash comment
      /* block
         comment */
      path "secret/foo" {
        capabilities = ["read", "list"]
      }
      path "secret/bar/*" { policy = "write" }
      path "secret/restricted" {
        capabilities = ["create"]
        allowed_parameters = {
          "foo" = []
          "bar" = ["zip", "zap"]
        }
        min_wrapping_ttl = "1s"
      }`,
    );
    assert.equal(p.rules.length, 3);
    const a = new Acl([p]);
    assert.ok(a.allows("secret/foo", "read"));
    assert.ok(a.allows("secret/bar/x", "delete"));
    assert.ok(!a.allows("secret/bar/x", "patch"));
    assert.ok(a.allows("secret/restricted", "create"));
  });

  test("JSON policies", () => {
    const a = acl(JSON.stringify({ path: { "secret/json/*": { capabilities: ["read"] } } }));
    assert.ok(a.allows("secret/json/a", "read"));
    assert.ok(!a.allows("secret/json/a", "update"));
  });

  test("malformed documents are rejected", () => {
    for (const bad of ['path "x" { capabilities = ["read" }', 'path "x" { capabilities = ["fly"] }', 'paths "x" { capabilities = ["read"] }', 'path "x" { capabilities = ["read"]', "{ not json", 'path "x" { colour = "red" }']) {
      assert.throws(() => parsePolicy("bad", bad), PolicyParseError, bad);
    }
  });

  test("the built-in default policy parses and grants what Vault's does", () => {
    const a = acl(DEFAULT_POLICY);
    assert.ok(a.allows("auth/token/lookup-self", "read"));
    assert.ok(a.allows("auth/token/renew-self", "update"));
    assert.ok(a.allows("sys/capabilities-self", "update"));
    assert.ok(a.allows("cubbyhole/anything", "create"));
    assert.ok(!a.allows("secret/data/x", "read"));
  });
});

describe("ACL resolution (policies.mdx priority rules)", () => {
  test("an exact path matches only itself; * is a prefix glob", () => {
    const a = acl('path "secret/foo" { capabilities = ["read"] }\npath "secret/zip-*" { capabilities = ["read"] }\npath "secret/bar/*" { capabilities = ["read"] }');
    assert.ok(a.allows("secret/foo", "read"));
    assert.ok(!a.allows("secret/food", "read"));
    assert.ok(a.allows("secret/zip-zap/zong", "read"));
    assert.ok(a.allows("secret/bar/zip/zap", "read"));
    assert.ok(!a.allows("secret/bars/zip", "read"));
  });

  test("+ matches exactly one segment", () => {
    const a = acl('path "secret/+/teamb" { capabilities = ["read"] }\npath "secret/+/+/teamc" { capabilities = ["read"] }');
    assert.ok(a.allows("secret/x/teamb", "read"));
    assert.ok(!a.allows("secret/x/y/teamb", "read"));
    assert.ok(a.allows("secret/x/y/teamc", "read"));
  });

  test("docs example: secret/* beats secret/+/+/foo/* (more + segments is lower priority)", () => {
    const a = acl('path "secret/*" { capabilities = ["read"] }\npath "secret/+/+/foo/*" { capabilities = ["update"] }');
    assert.deepEqual(a.capabilities("secret/a/b/foo/c"), ["read"]);
  });

  test("the first wildcard later in the pattern wins; a non-glob beats a glob at the same place; longer beats shorter", () => {
    const a = acl('path "secret/*" { capabilities = ["read"] }\npath "secret/app/*" { capabilities = ["update"] }');
    assert.deepEqual(a.capabilities("secret/app/x"), ["update"]);
    const b = acl('path "secret/+" { capabilities = ["read"] }\npath "secret/*" { capabilities = ["update"] }');
    assert.deepEqual(b.capabilities("secret/x"), ["read"]);
    const c = acl('path "secret/a*" { capabilities = ["read"] }\npath "secret/ab*" { capabilities = ["update"] }');
    assert.deepEqual(c.capabilities("secret/abc"), ["update"]);
  });

  test("capabilities are not unioned across different patterns, but are for the same pattern; deny wins", () => {
    const a = acl('path "secret/*" { capabilities = ["read"] }', 'path "secret/x" { capabilities = ["update"] }');
    assert.deepEqual(a.capabilities("secret/x"), ["update"]);
    const b = acl('path "secret/x" { capabilities = ["read"] }', 'path "secret/x" { capabilities = ["update"] }');
    assert.deepEqual(b.capabilities("secret/x"), ["read", "update"]);
    const c = acl('path "secret/x" { capabilities = ["read", "sudo"] }', 'path "secret/x" { capabilities = ["deny"] }');
    assert.deepEqual(c.capabilities("secret/x"), ["deny"]);
    assert.ok(!c.hasSudo("secret/x", "read"));
  });

  test("list on a folder: the exact rule without the trailing slash applies to LIST", () => {
    const a = acl('path "secret/metadata/team" { capabilities = ["list"] }');
    assert.ok(a.allows("secret/metadata/team/", "list"));
    assert.ok(!a.allows("secret/metadata/team/", "read"));
  });

  test("root allows everything; nothing granted is deny", () => {
    assert.deepEqual(new Acl([], true).capabilities("any/path"), ["root"]);
    assert.deepEqual(acl('path "a" { capabilities = ["read"] }').capabilities("b"), ["deny"]);
  });
});
