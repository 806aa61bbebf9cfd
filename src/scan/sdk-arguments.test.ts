import { test } from "node:test";
import assert from "node:assert/strict";
import { detectBuiltin } from "./builtin-detector.js";
import { fileInfo } from "./file-kind.js";
import { allRules, compileRuleSet, scanKeywords } from "./rule-set.js";
import { positionalArguments } from "./sdk-arguments.js";

// Values are assembled at run time so that scanning this repository stays clean.
const PW = ["Qz7", "rLx", "2Vw", "9Kp"].join("");
const KEY = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1", "pD5sJ0uG"].join("");

const set = compileRuleSet(allRules);
function found(file: string, text: string): Array<[string, string]> {
  return detectBuiltin(text, scanKeywords(set, text, [], undefined, new Map()), file, fileInfo(file))
    .filter((h) => h.ruleId === "sdk-credential-argument")
    .map((h) => [h.ruleId, text.slice(h.start, h.end)]);
}

test("a credential passed by position to an SDK call whose parameter list names it", () => {
  const cases: Array<[string, string, string]> = [
    ["jobs/export.js", `import swell from "swell-node";\nswell.init("fernhill", "${KEY}");\n`, KEY],
    ["gis/route.py", `from arcgis.gis import GIS\ngis = GIS("https://org.maps.arcgis.com", "gis_admin", "${PW}")\n`, PW],
    ["Mailer.java", `Session s = Session.getInstance(props, new Authenticator() {\n  protected PasswordAuthentication getPasswordAuthentication() {\n    return new PasswordAuthentication("alerts@example.org", "${PW}");\n  }\n});\n`, PW],
    ["Http.java", `creds.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials("svc", "${PW}".toCharArray()));\n`, PW],
    ["Store.java", `AWSCredentials c = new BasicAWSCredentials(System.getenv("AK"), "${KEY}");\n`, KEY],
    ["main.go", `creds := credentials.NewStaticCredentialsProvider(os.Getenv("AK"), "${KEY}", "")\n`, KEY],
    ["sync.py", `ftp = ftplib.FTP("ftp.example.org", "mirror", "${PW}")\n`, PW],
    ["ldap.py", `conn.simple_bind_s("cn=admin,dc=example,dc=org", "${PW}")\n`, PW],
    ["ldap.php", `<?php\nldap_bind($ds, "cn=admin,dc=example,dc=org", "${PW}");\n`, PW],
    ["mail.rb", `Net::SMTP.start("smtp.example.org", 587, "example.org", "alerts", "${PW}", :login) do |smtp|\nend\n`, PW],
    ["fetch.pl", `$ftp->login("mirror", "${PW}") or die;\n`, PW],
    ["sync_index.rb", `client = Algolia::SearchClient.create(\n  ENV.fetch("ALGOLIA_APP_ID"),\n  "${KEY}"  # write key for the nightly sync\n)\n`, KEY],
    ["deploy.go", `config := &ssh.ClientConfig{User: "deploy", Auth: []ssh.AuthMethod{ssh.Password("${PW}")}}\n`, PW],
    ["push.js", `webpush.setVapidDetails("mailto:ops@example.org", process.env.VAPID_PUBLIC, "${KEY}");\n`, KEY],
    ["Config.cs", `new Client\n{\n    ClientId = "orders-worker",\n    ClientSecrets = { new Secret("${KEY}".Sha256()) },\n};\n`, KEY],
  ];
  for (const [file, text, secret] of cases) assert.deepEqual(found(file, text), [["sdk-credential-argument", secret]], `${file}: ${JSON.stringify(text)}`);
});

test("SDK calls: variables, placeholders, keyword arguments, other positions and look-alike callees are not read", () => {
  const none: Array<[string, string]> = [
    ["jobs/export.js", `swell.init(process.env.SWELL_STORE, process.env.SWELL_KEY);\n`],
    ["jobs/export.js", `swell.init("fernhill", "<secret-key>");\n`],
    ["web/shop.js", `swell.init("fernhill", \`\${key}\`);\n`],
    ["gis/route.py", `gis = GIS("https://org.maps.arcgis.com", "gis_admin", password=os.environ["ARCGIS_PW"])\n`],
    ["gis/route.py", `gis = GIS("home")\n`],
    ["gis/route.py", `gis = GIS(url, "gis_admin", "your_password")\n`],
    ["gis/route.py", `layer = self.GIS("a", "b", "${PW}")\n`],
    ["sync.py", `ftp = ftplib.FTP("ftp.example.org")\nftp.login()\n`],
    ["ldap.php", `<?php\nldap_bind($ds, $dn, $password);\n`],
    ["ldap.php", `<?php\nldap_bind($ds, "cn=admin", "pre-$secret");\n`],
    ["mail.rb", `Net::SMTP.start("smtp.example.org", 587, "example.org", "alerts", ENV["SMTP_PW"], :login)\n`],
    ["Store.java", `AWSCredentials c = new BasicAWSCredentials("${KEY}" + suffix, other);\n`],
    ["notes.md", `swell.init("fernhill", "${KEY}")\n`],
    ["push.js", `webpush.setVapidDetails("mailto:ops@example.org", "${KEY}", process.env.VAPID_PRIVATE);\n`],
    // IdentityServer: a stored hash without the hashing call, the docs' stand-in, a variable; Pulumi's Secret is a resource.
    ["Config.cs", `ClientSecrets = { new Secret("${KEY}") },\n`],
    ["Config.cs", `ClientSecrets = { new Secret("secret".Sha256()) },\n`],
    ["Config.cs", `ClientSecrets = { new Secret(configuration["Orders:Secret"].Sha256()) },\n`],
    ["index.ts", `const s = new k8s.core.v1.Secret("orders-db", { stringData: { password: cfg.requireSecret("pw") } });\n`],
  ];
  for (const [file, text] of none) assert.deepEqual(found(file, text), [], `${file}: ${JSON.stringify(text)}`);
});

test("positionalArguments: literals by position, other expressions skipped at bracket depth 0", () => {
  const text = `f(a(1, 2), "x,y", [3, 4], 'z' , b)`;
  assert.deepEqual(positionalArguments(text, 1, 4), [null, { value: "x,y", start: 12 }, null, { value: "z", start: 27 }, null]);
  assert.deepEqual(positionalArguments(`f("a", key="b")`, 1, 1), [{ value: "a", start: 3 }], "a keyword argument ends the positional ones");
  assert.deepEqual(positionalArguments(`f("a" + b, "c")`, 1, 1), [null, { value: "c", start: 12 }]);
  assert.deepEqual(positionalArguments(`f("a"`, 1, 1), [], "an unclosed list");
});
