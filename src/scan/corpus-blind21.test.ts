import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The twenty-first blind corpus (fixtures/corpus-blind21): Windows and .NET enterprise estates. ASP.NET web.config,
// its transforms and protected sections, publish profiles, resx and generated Settings; ASP.NET Core appsettings,
// user-secrets, launchSettings, Data Protection key rings; C#, VB.NET, F#; Azure Functions local.settings.json and
// the connection strings of a dozen Azure services; ARM, Bicep, Service Fabric parameters; IIS applicationHost.config
// and appcmd; PowerShell, DSC and compiled MOF; LDIF with LAPS and unicodePwd; Group Policy Preferences; unattend,
// MDT, SCCM and Intune files with agent rollout tokens; Citrix Cloud, ADC, StoreFront; VMware VCSA, ESXi kickstart,
// PowerCLI, OVF, Packer; scheduled task XML and batch files; RDP, RDCMan, mRemoteNG, WinSCP, PuTTY, KeePass and Wi-Fi
// exports; Jenkins, TeamCity, Octopus, Azure Pipelines; SQL Server, SSIS, BizTalk, SharePoint, Veeam; classic ASP,
// UDL and DSN files; security event exports. Labels come from markers in the generator's template
// (_meta/templates.txt, read by _meta/gen.py; _meta/README.md gives the reasons for borderline labels; none is
// scanned), written by an engineer who had not read the detectors and committed before the first scan. Figures:
// docs/detection.md "Session 21, blind21".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind21/", import.meta.url));

// First scan 0.987 / 0.781 (196 secrets, 202 traps, 137 files read; 155 lines reported, 43 missed, 2 false alarms).
// After this round's fixes 1.000 / 0.908 (178 lines, 18 missed, no false alarm). The floor is just under that.
const MIN_PRECISION = 0.995;
const MIN_RECALL = 0.9;

// The gaps this corpus still has (docs/detection.md "Session 21, blind21"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "intranet/Contoso.Portal/App_Data/Settings.Designer.cs:9", // api key default baked into a generated settings class
    "users/jdoe/AppData/Roaming/Microsoft/UserSecrets/7c1f03aa-52e1-4b58-9a7e-2b8d1d0f6e11/secrets.json:5", // azure openai key in user secrets
    "services/Contoso.Billing/Module1.vb:7", // aes key as a byte array literal
    "scripts/ops/Export-Creds.ps1:5", // aes key array that decrypts the exported securestrings
    "deployment/sccm/TaskSequences/OSD-Win11-23H2.xml:11", // sentinelone site token in an install command
    "deployment/sccm/collection-variables-2026-10.csv:3", // collection variable exported in clear despite the mask flag
    "deployment/sccm/collection-variables-2026-10.csv:4", // imaging share password
    "deployment/sccm/NetworkAccessAccount.md:6", // a still-valid password pasted into a runbook
    "deployment/intune/Win32Apps/splunk-uf.cmd:3", // zabbix agent tls psk
    "citrix/storefront/web.config:8", // storefront shared secret with the delivery services
    "vmware/powercli/Start-Maintenance.ps1:5", // esxi root password variable
    "ci/jenkins/jobs/orders-deploy/config.xml:7", // password in an xml-escaped powershell build step
    "ci/jenkins/casc/jenkins.yaml:7", // jcasc ad bind password literal
    "sql/ssis/Orders.dtsConfig:10", // ssis sftp password property
    "integration/biztalk/Orders.BindingInfo.xml:8", // password in escaped xml transport data
    "desktop/Contoso.Warehouse/App.config:10", // label printer admin pin
    "docs/runbooks/rotate-service-accounts.md:18", // a password quoted in a postmortem note
    "services/Contoso.Identity/Config.cs:17", // client secret hashed at startup, the literal is the secret
  ],
  falseAlarms: [],

};

test("blind corpus 21: precision and recall of scan() on Windows and .NET enterprise estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
