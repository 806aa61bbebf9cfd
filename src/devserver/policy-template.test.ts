import { test } from "node:test";
import assert from "node:assert/strict";
import { hasTemplating, populateTemplate, TemplateError, type TemplateContext } from "./policy-template.js";
import type { Entity, Group } from "./identity-store.js";

const t0 = "2026-01-01T00:00:00.000Z";
const entity: Entity = {
  id: "e-1",
  name: "svc",
  policies: [],
  metadata: { team: "core", empty: "" },
  disabled: false,
  aliases: [{ id: "a-1", name: "carol", mountAccessor: "auth_userpass_1", canonicalId: "e-1", metadata: null, customMetadata: { dept: "ops" }, creationTime: t0, lastUpdateTime: t0, local: false }],
  creationTime: t0,
  lastUpdateTime: t0,
};
const group: Group = { id: "g-1", name: "admins", type: "internal", policies: [], metadata: { env: "prod" }, memberEntityIds: ["e-1"], memberGroupIds: [], creationTime: t0, lastUpdateTime: t0, modifyIndex: 1 };
const ctx: TemplateContext = { entity, groups: [group], now: 1_000 };

test("hasTemplating: only balanced {{…}} pairs count; an unbalanced brace is an error", () => {
  assert.equal(hasTemplating("secret/data/app/*"), false);
  assert.equal(hasTemplating("secret/data/{{identity.entity.id}}/*"), true);
  assert.equal(hasTemplating("secret/data/{{x}}/{{y}}"), true);
  for (const bad of ["a/{{x", "a/x}}", "a/}}{{x}}", "a/{{x}}}}", "a/{{x{{y}}"]) assert.throws(() => hasTemplating(bad), TemplateError, bad);
});

test("populateTemplate: entity, alias and group parameters (spaces inside braces allowed)", () => {
  const cases: Array<[string, string]> = [
    ["p/{{identity.entity.id}}/*", "p/e-1/*"],
    ["p/{{ identity.entity.name }}", "p/svc"],
    ["p/{{identity.entity.metadata.team}}", "p/core"],
    ["p/{{identity.entity.aliases.auth_userpass_1.id}}", "p/a-1"],
    ["p/{{identity.entity.aliases.auth_userpass_1.name}}", "p/carol"],
    ["p/{{identity.entity.aliases.auth_userpass_1.custom_metadata.dept}}", "p/ops"],
    ["p/{{identity.groups.names.admins.id}}", "p/g-1"],
    ["p/{{identity.groups.ids.g-1.name}}", "p/admins"],
    ["p/{{identity.groups.ids.g-1.metadata.env}}/{{identity.entity.id}}", "p/prod/e-1"],
    ["p/{{identity.entity.metadata.empty}}/x", "p//x"], // a key that is there, with an empty value (Vault's map lookup)
    ["p/{{time.now}}", "p/1000"],
    ["p/{{time.now.plus.1h}}", "p/4600"],
    ["p/{{time.now.minus.10}}", "p/990"],
  ];
  for (const [input, want] of cases) assert.equal(populateTemplate(input, ctx), want, input);
});

test("populateTemplate: what cannot be filled in is an error (the ACL then skips the path)", () => {
  const bad = [
    "p/{{identity.entity.metadata.missing}}",
    "p/{{identity.entity.metadata}}",
    "p/{{identity.entity.groups.names}}",
    "p/{{identity.entity.aliases.auth_other.name}}",
    "p/{{identity.entity.aliases.auth_userpass_1.metadata.x}}",
    "p/{{identity.groups.names.nobody.id}}",
    "p/{{identity.groups.bogus.admins.id}}",
    "p/{{identity.unknown}}",
    "p/{{time.later}}",
    "p/{{time.now.plus}}",
    "p/{{time.now.times.1h}}",
  ];
  for (const input of bad) assert.throws(() => populateTemplate(input, ctx), TemplateError, input);
  assert.throws(() => populateTemplate("p/{{identity.entity.id}}", { entity: undefined, groups: [] }), /no entity was provided/);
  assert.throws(() => populateTemplate("p/{{identity.groups.names.admins.id}}", { entity, groups: [] }), /no groups were provided/);
});

test("populateTemplate: a value holding a glob is refused, so it cannot widen the path", () => {
  const wide: Entity = { ...entity, metadata: { team: "*" }, name: "a+b" };
  assert.throws(() => populateTemplate("p/{{identity.entity.metadata.team}}", { entity: wide, groups: [] }), /globs and wildcards/);
  assert.throws(() => populateTemplate("p/{{identity.entity.name}}/x", { entity: wide, groups: [] }), /globs and wildcards/);
});
