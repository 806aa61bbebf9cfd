import { test } from "node:test";
import assert from "node:assert/strict";
import { detectNeighbourValues } from "./named-by-neighbour.js";
import { detectBuiltin } from "./builtin-detector.js";
import { fileInfo } from "./file-kind.js";
import { allRules, compileRuleSet, scanKeywords } from "./rule-set.js";

// Session 22 (detgaps15): values named beside them, not before them (blind corpus 21). Built at run time so that
// scanning the repository does not report this file.
const PW = ["Gr4n", "ite17", "Rjfc", "78q"].join("");
const KEY = ["FVttDx6C", "C0laZiYX", "yehNd8bu", "RM2ppO9E"].join("");

const values = (text: string) => detectNeighbourValues(text, false).map((v) => [v.name, v.secret]);

test("a .NET setting's default value in the attribute above the property that names it", () => {
  const cs = `        [global::System.Configuration.ApplicationScopedSettingAttribute()]\n        [global::System.Configuration.DefaultSettingValueAttribute("${KEY}")]\n        public string LedgerApiKey { get { return ((string)(this["LedgerApiKey"])); } }\n`;
  assert.deepEqual(values(cs), [["LedgerApiKey", KEY]]);
  const vb = `        <Global.System.Configuration.ApplicationScopedSettingAttribute(),  _\n         Global.System.Configuration.DefaultSettingValueAttribute("${PW}")>  _\n        Public ReadOnly Property SmtpPassword() As String\n`;
  assert.deepEqual(values(vb), [["SmtpPassword", PW]]);
  // Traps: the default of a setting whose name is not a secret's, a URL default, a placeholder, an attribute with no
  // property below it.
  assert.deepEqual(values(`[global::System.Configuration.DefaultSettingValueAttribute("${KEY}")]\npublic string LedgerBaseUrl { get; }\n`), []);
  assert.deepEqual(values(`[global::System.Configuration.DefaultSettingValueAttribute("https://ledger.example.com/api/")]\npublic string LedgerApiKey { get; }\n`), []);
  assert.deepEqual(values(`[global::System.Configuration.DefaultSettingValueAttribute("<your api key>")]\npublic string LedgerApiKey { get; }\n`), []);
  assert.deepEqual(values(`[DefaultSettingValueAttribute("${KEY}")]\n\n// LedgerApiKey\n`), []);
});

test("an SSIS configured value is named by the property its Path ends in", () => {
  const config = (path: string, value: string) => `<DTSConfiguration>\n  <Configuration ConfiguredType="Property" Path="${path}" ValueType="String">\n    <ConfiguredValue>${value}</ConfiguredValue>\n  </Configuration>\n</DTSConfiguration>\n`;
  assert.deepEqual(values(config("\\Package.Connections[SFTP].Properties[ServerPassword]", PW)), [["ServerPassword", PW]]);
  // Traps: a property that is not a secret, a connection string (its own rules read it), a variable expression.
  assert.deepEqual(values(config("\\Package.Connections[SFTP].Properties[ServerUserName]", PW)), []);
  assert.deepEqual(values(config("\\Package.Connections[Staging].Properties[ConnectionString]", `Data Source=SQLSTG01;User ID=ssis;Password=${PW};`)), []);
  assert.deepEqual(values(config("\\Package.Connections[SFTP].Properties[ServerPassword]", "@[User::SftpPassword]")), []);
});

test("a CSV table of names and values: each value is named by its row's name cell", () => {
  const set = compileRuleSet(allRules);
  const found = (file: string, text: string) =>
    detectBuiltin(text, scanKeywords(set, text, [], undefined, new Map()), file, fileInfo(file)).filter((h) => h.ruleId === "csv-column-secret").map((h) => text.slice(h.start, h.end));
  const csv = `Collection,Name,Value,IsMasked\n"All Workstations","OSDJoinAccount","CONTOSO\\svc_join",False\n"All Workstations","OSDJoinPassword","${PW}",True\n"All Servers","OSDServerRole","APP",False\n`;
  assert.deepEqual(found("collection-variables.csv", csv), [PW]);
  assert.deepEqual(found("variables.csv", `Variable,Value\n"DEPLOY_TOKEN","${KEY}"\n"DEPLOY_REGION","westeurope"\n`), [KEY]);
  assert.deepEqual(found("pairs.csv", `Name,Value\nOSDJoinPassword,${PW}\n`), [PW]);
  // Traps: a table with no value column, a value column before the name column, a name cell that is a sentence,
  // a reference.
  assert.deepEqual(found("accounts.csv", `Name,Description\n"OSDJoinPassword","${PW}"\n`), []);
  assert.deepEqual(found("pairs.csv", `Value,Name\n"${PW}","OSDJoinPassword"\n`), []);
  assert.deepEqual(found("pairs.csv", `Name,Value\n"Reset the join password","${PW}"\n`), []);
  assert.deepEqual(found("pairs.csv", `Name,Value\n"OSDJoinPassword","\${JOIN_PASSWORD}"\n`), []);
});
