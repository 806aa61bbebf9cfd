import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, HEX, HEX_UPPER, fake } from "./fake.js";

// Research groups, data-science teams and HPC users: the credentials of their platforms (REDCap, Galaxy, Zotero,
// OSF, Dataverse, ORCID, Copernicus, Planet, the census API), of their languages' call forms (SAS PROC PWENCODE,
// MATLAB `weboptions` name-value pairs) and of their notebooks' saved widget state, where the name that says "token"
// is not next to the value or there is no name at all.
const pw = (seed: string): string => fake(ALNUM, 16, seed);
const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
const uuid = (seed: string): string => {
  const h = fake(HEX, 32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};
/** Upper, lower and a digit: a generated key, never a word or a name. */
const mixedCase = (s: string): boolean => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);
/** Not a run such as `0123456789ABCDEF…` nor one character repeated (the docs' example tokens). */
const notSequence = (s: string): boolean => !/0123456789|ABCDEF|abcdef|(.)\1{7}/.test(s);

export const rules: Rule[] = [
  // SAS PROC PWENCODE output, `{SAS002}` + hex (or `{SAS001}` base64, `{SAS003}`/`{SAS004}`/`{SAS005}` AES):
  // an encoding SAS reverses itself to log in, so a `libname … password={SAS002}…` is the password
  // (https://documentation.sas.com/doc/en/pgmsascdc/v_001/proc/p1v7idbxjbf9kjn1j6kupgpsfkvs.htm).
  custom({
    id: "sas-pwencode-password",
    description: "SAS PROC PWENCODE encoded password ({SAS002}…), decoded by SAS itself",
    kind: "password",
    severity: "high",
    docs: "https://documentation.sas.com/doc/en/pgmsascdc/v_001/proc/p1v7idbxjbf9kjn1j6kupgpsfkvs.htm",
    keywords: ["{sas00"],
    pattern: /\{SAS00[1-5]\}(?<secret>[A-Za-z0-9+/=]{12,200})(?![A-Za-z0-9+/=])/,
    validate: notSequence,
    get examples() {
      return {
        invalid: [`libname svy postgres user=survey password={SAS002}${fake(HEX_UPPER, 32, "sas2")} database=svy;`, `  libname arch sqlsvr datasrc=arch user=arch password="{SAS004}${fake(HEX_UPPER, 48, "sas4")}";`],
        valid: ["password={SAS002}", "/* PROC PWENCODE writes {SAS002}XXXXXXXXXXXXXXXX to the log */", "password={SAS002}0123456789ABCDEF0123456789ABCDEF"],
      };
    },
  }),
  // Planet (satellite imagery) API keys: `PLAK` + 32 hex, sent as `Authorization: api-key PLAK…`
  // (https://docs.planet.com/develop/authentication/).
  custom({
    id: "planet-api-key",
    description: "Planet imagery API key (PLAK + 32 hex)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.planet.com/develop/authentication/",
    keywords: ["plak"],
    pattern: /(?<![A-Za-z0-9])(?<secret>PLAK[0-9a-f]{32})(?![A-Za-z0-9])/,
    entropy: 3,
    validate: notSequence,
    get examples() {
      return {
        invalid: [`headers = {"Authorization": "api-key PLAK${fake(HEX, 32, "plak")}"}`, `PL_API_KEY=PLAK${fake(HEX, 32, "plak2")}`],
        valid: ["PL_API_KEY=PLAKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", `id = "PLAK${fake(HEX, 31, "plak3")}"`],
      };
    },
  }),
  // REDCap API tokens are 32 upper-case hex characters, per user and project. The project URL (`…/redcap/api/`,
  // `redcap.example.edu`) or a `REDCAP_…` name sits on the line in the forms that carry no name of their own:
  // PyCap `Project(url, "…")`, Stata `global REDCAP_TOKEN "…"`, R `redcap_read(…, token = "…")`.
  custom({
    id: "redcap-api-token",
    description: "REDCap API token (32 upper-case hex) on a line that names REDCap",
    kind: "token",
    severity: "high",
    docs: "https://redcap.readthedocs.io/en/latest/api/",
    keywords: ["redcap"],
    pattern: /(?<![0-9A-Za-z])(?<secret>[0-9A-F]{32})(?![0-9A-Za-z])(?<=redcap[^\n]{0,200})/i,
    entropy: 3,
    validate: (s) => /^[0-9A-F]{32}$/.test(s) && /[A-F]/.test(s) && /\d/.test(s) && notSequence(s),
    get examples() {
      return {
        invalid: [`proj = Project("https://redcap.med.example.edu/api/", "${fake(HEX_UPPER, 32, "redcap")}")`, `global REDCAP_TOKEN "${fake(HEX_UPPER, 32, "redcap2")}"`],
        valid: [`# redcap record hash ${fake(HEX, 32, "redcap3")}`, 'DUMMY_REDCAP = "ABCDEF0123456789ABCDEF0123456789"', `token = "${fake(HEX_UPPER, 32, "redcap4")}"`],
      };
    },
  }),
  // tidycensus `census_api_key("…")`: the US Census Bureau key (40 hex) as the call's first argument.
  custom({
    id: "census-api-key-call",
    description: "US Census Bureau API key (40 hex) passed to census_api_key()",
    kind: "api-key",
    severity: "medium",
    docs: "https://walker-data.com/tidycensus/reference/census_api_key.html",
    keywords: ["census_api_key("],
    pattern: /\bcensus_api_key\([ \t]{0,4}(?:key[ \t]{0,4}=[ \t]{0,4})?["'](?<secret>[0-9a-f]{40})["']/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`tidycensus::census_api_key("${fake(HEX, 40, "census")}", install = TRUE)`, `census_api_key(key = '${fake(HEX, 40, "census2")}')`],
        valid: ['census_api_key(Sys.getenv("CENSUS_API_KEY"))', `census_api_key("YOUR KEY GOES HERE")`],
      };
    },
  }),
  // Galaxy user API keys (32 hex) handed to BioBlend's `GalaxyInstance(url, key="…")`
  // (https://bioblend.readthedocs.io/en/latest/api_docs/galaxy/docs.html).
  custom({
    id: "galaxy-instance-key",
    description: "Galaxy API key passed to BioBlend's GalaxyInstance(…, key=…)",
    kind: "api-key",
    severity: "high",
    docs: "https://bioblend.readthedocs.io/en/latest/api_docs/galaxy/docs.html",
    keywords: ["galaxyinstance("],
    pattern: /\bGalaxyInstance\([^)\n]{0,200}?\b(?:key|api_key)[ \t]{0,4}=[ \t]{0,4}["'](?<secret>[0-9a-f]{32})["']/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`gi = GalaxyInstance(url="https://usegalaxy.eu", key="${fake(HEX, 32, "galaxy")}")`],
        valid: ['gi = GalaxyInstance("http://localhost:8080", key="fakekey")', "gi = GalaxyInstance(url, key=os.environ['GALAXY_KEY'])"],
      };
    },
  }),
  // Zotero API keys (24 alphanumerics): Pyzotero's `zotero.Zotero(library_id, type, "…")`, or a line that names
  // Zotero and a key before the value (a wiki page, a README).
  custom({
    id: "zotero-api-key",
    description: "Zotero API key (24 characters) in a Pyzotero call or next to Zotero's name",
    kind: "api-key",
    severity: "medium",
    docs: "https://www.zotero.org/support/dev/web_api/v3/basics",
    keywords: ["zotero"],
    pattern: /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])(?<=(?:\bzotero\.Zotero\([^)\n]{0,80}|\bzotero[^\n]{0,60}\bkey\b[^\n]{0,40}))/i,
    validate: mixedCase,
    get examples() {
      return {
        invalid: [`zot = zotero.Zotero("1234567", "group", "${fake(ALNUM, 24, "zotero")}")`, `The lab Zotero group key is \`${fake(ALNUM, 24, "zotero2")}\` (read-only).`],
        valid: ['zot = zotero.Zotero(library_id, "user", api_key)', `ZOTERO_USER_ID = "${fake("0123456789", 7, "zotero3")}"`, "zotero key: abcdefghijklmnopqrstuvwx"],
      };
    },
  }),
  // Open Science Framework personal access tokens: 70 alphanumerics, after OSF's name on the line
  // (`osfr::osf_auth("…")`, a Quarto/RMarkdown `osf_pat:` param, `OSF_TOKEN=`).
  custom({
    id: "osf-personal-token",
    description: "Open Science Framework personal access token (70 characters) on a line naming OSF",
    kind: "token",
    severity: "high",
    docs: "https://developer.osf.io/#tag/General-Usage",
    keywords: ["osf"],
    pattern: /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{70})(?![A-Za-z0-9])(?<=(?<![A-Za-z])osf[^\n]{0,140})/i,
    validate: mixedCase,
    get examples() {
      return {
        invalid: [`osfr::osf_auth("${fake(ALNUM, 70, "osf")}")`, `  osf_pat: "${fake(ALNUM, 70, "osf2")}"`],
        valid: ['osf_auth(Sys.getenv("OSF_PAT"))', `osf_checksum: "${fake(HEX, 70, "osf3")}"`],
      };
    },
  }),
  // Dataverse API tokens and ORCID client secrets are UUIDs; a UUID alone is an identifier, so the name of the
  // platform and of the credential must come before it on the line (`DATAVERSE_KEY = "…"`,
  // `dataverse::get_dataset(…, key = "…")`, `X-Dataverse-key: …`, `ORCID_CLIENT_SECRET = "…"`).
  custom({
    id: "research-platform-uuid-token",
    description: "Dataverse API token or ORCID client secret (a UUID) named as such on its line",
    kind: "token",
    severity: "high",
    docs: "https://guides.dataverse.org/en/latest/api/auth.html",
    keywords: ["dataverse", "orcid"],
    pattern: new RegExp(String.raw`(?<![0-9A-Za-z-])(?<secret>${UUID})(?![0-9A-Za-z-])(?<=(?:dataverse[^\n]{0,160}(?:key|token)|orcid[^\n]{0,60}secret)[^\n]{0,50})`, "i"),
    validate: (s) => !/^[0-]+$/.test(s) && notSequence(s.replace(/-/g, "")),
    get examples() {
      return {
        invalid: [`DATAVERSE_KEY = "${uuid("dv")}"`, `dataverse::get_dataset("doi:10.7910/DVN/ABC123", key = "${uuid("dv2")}", server = "dataverse.harvard.edu")`, `ORCID_CLIENT_SECRET = "${uuid("orcid")}"`],
        valid: [`ORCID_CLIENT_ID = "APP-ABCDEFGHIJKLMNOP"`, "api_token = 00000000-0000-0000-0000-000000000000  # dataverse key", `dataverse_dataset_id = "${uuid("dv3")}"`],
      };
    },
  }),
  // Copernicus Climate / Atmosphere Data Store `.cdsapirc`: `url: https://cds.climate.copernicus.eu/api` and
  // `key: <uid>:<uuid>` (before 2024) or `key: <uuid>` (https://cds.climate.copernicus.eu/how-to-api).
  custom({
    id: "copernicus-cdsapi-key",
    description: "Copernicus Data Store API key in a .cdsapirc (key: [uid:]uuid under a copernicus url)",
    kind: "api-key",
    severity: "high",
    docs: "https://cds.climate.copernicus.eu/how-to-api",
    keywords: ["copernicus.eu"],
    pattern: new RegExp(String.raw`(?<=copernicus\.eu[^\n]{0,80}\n(?:[^\n]{0,120}\n){0,3}[ \t]{0,8}key:[ \t]{0,4}["']?)(?<secret>(?:\d{1,9}:)?${UUID})(?![0-9A-Za-z-])`),
    validate: (s) => !/^(?:\d+:)?[0-]+$/.test(s),
    get examples() {
      return {
        invalid: [`url: https://cds.climate.copernicus.eu/api/v2\nkey: 123456:${uuid("cds")}`, `url: https://ads.atmosphere.copernicus.eu/api\nkey: ${uuid("cds2")}`],
        valid: ["url: https://cds.climate.copernicus.eu/api\nkey: <PERSONAL-ACCESS-TOKEN>", `key: ${uuid("cds3")}`],
      };
    },
  }),
  // A password echoed into a command that reads it from standard input: `echo "…" | kinit user@REALM`,
  // `echo … | sudo -S …`, `echo … | passwd --stdin user`.
  custom({
    id: "password-piped-to-stdin",
    description: "Password echoed into kinit, sudo -S or passwd --stdin",
    kind: "password",
    severity: "high",
    docs: "https://web.mit.edu/kerberos/krb5-latest/doc/user/user_commands/kinit.html",
    keywords: ["kinit", "sudo -s", "--stdin"],
    pattern: /\b(?:echo|printf)[ \t]{1,4}(?:-n[ \t]{1,4})?(["']?)(?<secret>[^\s"'|;&$`]{4,128})\1[ \t]{0,4}\|[ \t]{0,4}(?:kinit\b|sudo[ \t]{1,4}-S\b|(?:sudo[ \t]{1,4})?passwd[ \t]{1,4}--stdin\b)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`echo "${pw("kinit")}" | kinit svc-align@BIOINFO-LAB.ORG`, `echo ${pw("sudos")} | sudo -S systemctl restart slurmd`, `echo '${pw("passwd")}' | passwd --stdin labuser`],
        valid: ['echo "$KRB_PASS" | kinit svc@REALM', "kinit -kt /etc/svc.keytab svc@REALM", 'echo "password" | sudo -S true'],
      };
    },
  }),
  // MATLAB `weboptions('Username', 'u', 'Password', '…')` and `weboptions('KeyName', 'token', 'KeyValue', '…')`:
  // name-value pairs, the name a string literal before the value.
  custom({
    id: "matlab-weboptions-credential",
    description: "Password or key value given as a MATLAB weboptions name-value pair",
    kind: "password",
    severity: "high",
    docs: "https://www.mathworks.com/help/matlab/ref/weboptions.html",
    keywords: ["weboptions("],
    pattern: /\bweboptions\([^)\n]{0,200}?(["'])(?:Password|KeyValue)\1[ \t]{0,4},[ \t]{0,4}(["'])(?<secret>[^"'\n]{4,200})\2/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`opts = weboptions('Username', 'field-ops', 'Password', '${pw("matlab")}', 'Timeout', 60);`, `noaa = weboptions('KeyName', 'token', 'KeyValue', '${fake(ALNUM, 32, "matlab2")}');`],
        valid: ["example = weboptions('Username','user','Password','password');", "opts = weboptions('KeyName','Authorization','KeyValue',['Bearer ' getenv('TOKEN')]);"],
      };
    },
  }),
  // ipywidgets state saved in a notebook's metadata (`application/vnd.jupyter.widget-state+json`): what was typed
  // into a `widgets.Password` (model `PasswordModel`), or into a text box whose description says it takes a
  // password, token or key, is stored as the model's `value` and committed with the notebook.
  custom({
    id: "notebook-widget-password",
    description: "Password typed into a Jupyter password widget, saved in the notebook's widget state",
    kind: "password",
    severity: "high",
    docs: "https://ipywidgets.readthedocs.io/en/latest/embedding.html",
    keywords: ["passwordmodel"],
    pattern: /"model_name":[ \t]{0,4}"PasswordModel"(?:(?!"model_name")[^]){0,800}?"value":[ \t]{0,4}"(?<secret>[^"\\\n]{4,200})"/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`{"model_name": "PasswordModel",\n "state": {"description": "LIMS password",\n  "value": "${pw("widget")}"}}`],
        valid: [`{"model_name": "PasswordModel", "state": {"description": "Password", "value": ""}}`, `{"model_name": "TextModel", "state": {"value": "${pw("widget2")}"}}`],
      };
    },
  }),
  custom({
    id: "notebook-widget-credential-text",
    description: "Token or password typed into a Jupyter text widget described as one, saved in the widget state",
    kind: "token",
    severity: "high",
    docs: "https://ipywidgets.readthedocs.io/en/latest/embedding.html",
    keywords: ["widget-state+json"],
    pattern: /"description":[ \t]{0,4}"[^"\n]{0,40}\b(?:password|passphrase|passwort|token|api[ _-]?key|access[ _-]?key|secret)\b[^"\n]{0,20}"[^{}]{0,400}?"value":[ \t]{0,4}"(?<secret>[^"\\\n]{8,200})"/i,
    validate: isRealPassword,
    entropy: 3,
    get examples() {
      return {
        invalid: [`"application/vnd.jupyter.widget-state+json": {"state": {"m1": {"model_name": "TextModel", "state": {\n "description": "API token",\n "value": "${fake(ALNUM, 40, "widget3")}"}}}}`],
        valid: [`"application/vnd.jupyter.widget-state+json": {"state": {"m1": {"state": {"description": "API token", "value": ""}}}}`, `"application/vnd.jupyter.widget-state+json": {"state": {"m1": {"state": {"description": "Sample name", "value": "${fake(ALNUM, 20, "widget4")}"}}}}`],
      };
    },
  }),
  // A password written into notes as inline code (a cluster README, an onboarding page, a wiki export): after the
  // word itself (`password \`…\``, `password: \`…\``, `password is \`…\``) or as the second half of a
  // `\`user\` / \`…\`` pair after "account" or "login". Only generated-looking values (a letter and a digit, no
  // variable name, flag or path) are taken: docs name `$PASSWORD`, `--password` and `changeme` the same way.
  custom({
    id: "prose-inline-code-password",
    description: "Password written as inline code in notes (password `…`, account `user` / `…`)",
    kind: "password",
    severity: "medium",
    docs: "https://spec.commonmark.org/0.31.2/#code-spans",
    keywords: ["password `", "password: `", "password is `", "passphrase `", "passphrase: `", "passphrase is `", "` / `"],
    pattern: /(?:\b(?:password|passphrase)(?:[ \t]+is|:)?[ \t]{1,4}|\b(?:account|login|credentials?)\b[^`\n]{0,60}`[^`\s]{1,40}`[ \t]{0,4}\/[ \t]{0,4})`(?<secret>[^`\s]{6,64})`/i,
    validate: (s) => /[A-Za-z]/.test(s) && /\d/.test(s) && !/^[A-Z0-9_]+$/.test(s) && !/^-|[/\\]/.test(s) && isRealPassword(s),
    get examples() {
      return {
        invalid: [`6. The shared MLflow login: user \`esm-runner\`, password \`${pw("prose")}\`.`, `- Shared service account for the sequencer drop: \`seqdrop\` / \`${pw("prose2")}\` (ask Ines).`],
        valid: ["Set the password `$DB_PASSWORD` in the environment.", "Log in with the password `changeme` and change it.", "password `--password-file` flag", "account `root` / `<your password>`", "the password `ADMIN_PASSWORD_2` variable"],
      };
    },
  }),
];
