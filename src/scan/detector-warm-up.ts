import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";

// The generic detector's value readers (generic-detector.ts valueAfter and the readers it calls) have
// a branch per syntax, most of them rare. V8 optimises them on the first files of a scan, with type
// feedback from the branches those files took; a branch first taken later (an XML attribute, a
// `--password "…"` argument, a Dockerfile ENV) has no feedback, so the optimised code is thrown away
// there and the function compiled again: valueAfter 5-6 times and detectGeneric 5-7 times per thread
// on a 335 MB corpus (`--trace-opt --trace-deopt`), each compile inlining its callees. Running every
// form once before the scan, while the code is still interpreted, gives each branch its feedback
// before the first compile. Only large scans (a pool's threads, or thousands of files in-process)
// do it: it costs ~20-40 ms of CPU, about what a small scan takes altogether.
//
// `@V@` stands for a credential-shaped value built at run time (so that scanning this file reports
// nothing), `@T@` for a longer token. Every text is one of the forms the readers take; judging their
// values runs the judge's branches too.
const FORMS: Array<[string, string]> = [
  ["run.sh", "export DB_PASSWORD=@V@\nAPI_TOKEN='@T@' ./deploy\n"],
  ["config.yml", "db:\n  password: @V@\n  api_key: \"@T@\"\njwt:\n  key: @T@\napi_keys:\n  - @T@\n  - @V@\ntoken: !!str @V@\n"],
  ["config.yml", "DEPLOY_TOKEN:\n  value: \"@T@\"\n  description: x\ninputs:\n  api_token:\n    description: y\n    default: @T@\n"],
  ["config.json", "{\"password\": \"@V@\", \"Jwt\": { \"Issuer\": \"x\", \"Key\": \"@T@\" }, \"apiKeys\": [\"@T@\", \"@V@\"], \"Smtp:Password\": \"@V@\"}"],
  ["azuredeploy.parameters.json", "{\"adminPassword\": {\n  \"value\": \"@V@\"\n}, \"x\": {\"ParameterKey\": \"DbPassword\", \"ParameterValue\": \"@V@\"}}"],
  ["collection.json", "{ \"key\": \"X-Api-Key\", \"value\": \"@T@\" }\n{\"name\":\"client_secret\",\"value\":\"@T@\"}\n"],
  ["config.toml", "password = \"@V@\"\nsecret = \"\"\"@T@\"\"\"\n"],
  ["app.ini", "[db]\npassword = @V@\nauth_token = Bearer @T@\n"],
  ["app.properties", "spring.datasource.password=@V@\nurl=https://user:@V@@db.acme.io/x\napp.secret=${APP_SECRET:@T@}\n"],
  ["app.py", "PASSWORD = \"@V@\"\nconnect(password=\"@V@\")\napp.secret_key = b\"@T@\"\nSIGNING_SECRET = rb'@T@'\napp.config[\"JWT_SECRET_KEY\"] = \"@T@\"\ntoken = os.getenv(\"API_TOKEN\") or \"@T@\"\n# old password: @V@\napi_key: str = \"@T@\"\nsecret = SecretStr(\"@T@\")\n"],
  ["main.go", "dbPassword := \"@V@\"\ncfg := Config{Password: \"@V@\"}\nclient.SetPassword(\"@V@\")\ngithub.NewClient(nil).WithAuthToken(\"@T@\")\nkey := []byte(\"@T@\")\n"],
  ["Main.java", "private static final String PASSWORD = \"@V@\";\nDataSourceBuilder.create().password(\"@V@\");\nString auth = \"Bearer @T@\";\n"],
  ["Client.cs", "private readonly string _password = \"@V@\";\nvar token = Environment.GetEnvironmentVariable(\"TOKEN\") ?? \"@T@\";\n"],
  ["config.php", "$password = '@V@';\n'password' => '@V@',\n$config['db_password'] = '@V@';\ndefine( 'DB_PASSWORD', '@V@' );\n$mollie->setApiKey(\"@T@\");\n$x = getenv('API_SECRET') ?: '@T@';\n"],
  ["main.tf", "  password = \"@V@\"\nvariable \"db_password\" {\n  default = \"@V@\"\n}\n"],
  ["Dockerfile", "ENV DB_PASSWORD @V@\nARG API_TOKEN=@T@\n"],
  ["settings.xml", "<password>@V@</password>\n<password><![CDATA[@V@]]></password>\n<add key=\"DbPassword\" value=\"@V@\" />\n<entry key=\"db.password\">@V@</entry>\n<property>\n  <name>fs.s3a.secret.key</name>\n  <value>@T@</value>\n</property>\n"],
  ["res/values/secrets.xml", "<resources>\n  <string name=\"api_secret\" translatable=\"false\">@T@</string>\n  <string name=\"db_password\">@V@</string>\n</resources>\n"],
  ["Info.plist", "<dict>\n  <key>API_SECRET</key>\n  <string>@T@</string>\n</dict>\n"],
  ["deploy.yaml", "env:\n  - name: DB_PASSWORD\n    value: @V@\nargs: [\"--api-key\", \"@T@\", \"--password\", \"@V@\"]\n"],
  ["client.ts", "const apiToken: string = \"@T@\";\nconst dbPassword = process.env.DB_PASSWORD || \"@V@\";\nconfig.secret ??= \"@T@\";\nconst API_SECRET =\n  \"@T@\";\nheaders: { Authorization: `Bearer @T@` },\n"],
  ["app.js", "const password = req.body.password;\nconst apiKeys = ['@T@', '@V@'];\nlet auth = { user: 'x', pass: '@V@' };\n// token=@T@\n"],
  ["main.rs", "static API_SECRET: &str = \"@T@\";\nlet key = String::from(\"@T@\");\nlet t = env::var(\"TOKEN\").unwrap_or_else(|_| String::from(\"@T@\"));\n"],
  ["config.rb", "DB = { password: \"@V@\" }\ntoken = ENV.fetch(\"TOKEN\") { \"@T@\" }\nENV[\"API_KEY\"] ||= \"@T@\"\n"],
  ["config.h", "#define API_KEY \"@T@\"\nstatic const char api_secret[] = \"@T@\";\nchar kSecret[33] = \"@T@\";\n"],
  ["App.m", "NSString *apiKey = @\"@T@\";\n"],
  ["sys.config", "[{svc, [{db_password, \"@V@\"}]}].\n"],
  ["runtime.exs", "config :app, key: [{:api_key, \"@T@\"}]\n"],
  ["Etl.scala", "val opts = Map(\"sfPassword\" -> \"@V@\")\n"],
  ["Main.kt", "val opts = mapOf(\"password\" to \"@V@\")\nbuildConfigField(\"String\", \"API_SECRET\", \"\\\"@T@\\\"\")\n"],
  ["project.clj", "{:db-password \"@V@\"}\n(def api-key \"@T@\")\n"],
  ["init.el", "(setq api-token \"@T@\")\n"],
  ["CMakeLists.txt", "set(DB_PASSWORD \"@V@\" CACHE STRING \"x\")\n"],
  ["app.R", "census_key <- \"@T@\"\n"],
  ["Makefile", "DOCKER_PASSWORD ?= @V@\nAPI_TOKEN := @T@\n"],
  ["app.conf", "remote_password @V@\nauth_token \"@T@\"\n"],
  ["nginx.conf", "proxy_set_header X-Api-Key @T@;\nfastcgi_param DB_PASSWORD @V@;\n"],
  ["notebook.ipynb", "{\"source\": [\"os.environ[\\\"API_KEY\\\"] = \\\"@T@\\\"\\n\", \"%env API_TOKEN=@T@\\n\"]}"],
  ["README.md", "Run `curl -H \"Authorization: Bearer @T@\"` or `app --api-key @T@`.\n\npassword: @V@\n\n<script>const token = \"@T@\";</script>\n"],
  ["notes.txt", "DB_PASSWORD=@V@\nsee https://x.io/?token=@T@&next=1\n"],
  ["query.sql", "CREATE LOGIN app WITH PASSWORD = N'@V@';\n"],
  ["settings.gradle", "storePassword '@V@'\n"],
  ["pubspec.dart", "const key = String.fromEnvironment('API_KEY', defaultValue: '@T@');\n"],
  // Branches the forms above left without feedback, each of which threw optimised code away on the
  // benchmark corpus (`--trace-deopt`, session 10): names glued to their head word (headOf's later
  // cases), browser-exposed prefixes, `||=`, a template literal, an escaped JSON value, an unquoted value
  // followed by a call, a list of more than 20 values, values of other shapes for the judge.
  ["names.env", "DBPASSWORD=@V@\nrootpw=@V@\nsmtppass=@V@\nSTA_PASS2=@V@\npasswordsalt=@T@\nldap_default_authtok=@V@\nVITE_API_KEY=@T@\nNEXT_PUBLIC_TOKEN=@T@\n"],
  ["shapes.yml", "api_token: @U@\nsecret: @H@\npassword: correct-horse-battery-staple\ntoken: aaaaaaaaaaaaaaaa\nauth_token: @P@\nsecret_key: ${SECRET_KEY}\n"],
  ["app.rb", "config.token ||= \"@T@\"\nsecret = `@T@`\n"],
  ["event.json", "{\"body\": \"{\\\"apiKey\\\":\\\"@T@\\\"}\"}\n"],
  ["Service.java", "// auth = InetAddress.getAllByName0(host)\nprivate String token = \"@T@\";\n"],
  ["keys.py", "API_KEYS = [@L@]\n"],
];

/** A name in another script (secret-name.ts foreign heads): its text is two-byte, as such a file's is. */
const FOREIGN: Array<[string, string]> = [
  ["config.yml", "\u043f\u0430\u0440\u043e\u043b\u044c: @V@\n\u5bc6\u7801 = \"@V@\"\ndb_\u043f\u0430\u0440\u043e\u043b\u044c: \"@T@\"\n"],
];

/** The forms with their values filled in: [file, text]. */
export function warmUpTexts(): Array<[string, string]> {
  const value = ["Qz7", "rLx", "2Vw", "9Kp"].join("");
  const token = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1"].join("");
  // Flat one-byte strings, as the scan's texts are (binary.ts decodeText): a rope or a two-byte text would
  // leave the readers' character loads with feedback the real texts never give.
  const upper = ["XKQWPZ", "RTLMNB", "VCDHGF"].join("");
  const hex = ["deadbeef", "0badf00d", "5eed1e55", "c0ffee42"].join("");
  const prefixed = ["sk", "live", token].join("_");
  const list = Array.from({ length: 22 }, (_, i) => `"${token.slice(i % 8)}${i}"`).join(", ");
  const fill = (form: string) => form.replaceAll("@V@", value).replaceAll("@T@", token).replaceAll("@U@", upper).replaceAll("@H@", hex).replaceAll("@P@", prefixed).replaceAll("@L@", list);
  return [
    ...FORMS.map(([file, form]): [string, string] => [file, Buffer.from(fill(form), "latin1").toString("latin1")]),
    ...FOREIGN.map(([file, form]): [string, string] => [file, Buffer.from(fill(form), "utf16le").toString("utf16le")]),
  ];
}

let warmed = false;

/**
 * Runs the generic detector over every form, `rounds` times, once per thread. Three rounds: on the corpus
 * (one thread, detector alone, load 12-15) its first pass took 826-858 ms of CPU without a warm-up, 740-788
 * with one round (warm-up included), 684-685 with two and 626-709 with three; later passes were unchanged.
 */
export function warmGenericDetector(rounds = 3): void {
  if (warmed) return;
  warmed = true;
  const texts = warmUpTexts().map(([file, text]) => [fileInfo(file), text] as const);
  for (let r = 0; r < rounds; r++) for (const [info, text] of texts) detectGeneric(text, info);
}
