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
// After its round 1.000 / 0.908 (178 lines, 18 missed, no false alarm); after session 22 (detgaps15: names, values
// named beside them, escaped XML, byte arrays, IdentityServer secrets, PowerShell password variables) 1.000 / 0.980
// (192 lines, 4 missed). The floor is just under that. Session 23 (detgaps16): runbooks under docs/ are read for
// passwords told in sentences, 1.000 / 0.985.
const MIN_PRECISION = 0.995;
const MIN_RECALL = 0.98;

// The gaps this corpus still has (docs/detection.md "Session 21, blind21" and "Session 22, detgaps15"), as "file:line",
// each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "deployment/sccm/TaskSequences/OSD-Win11-23H2.xml:11", // sentinelone site token in an install command
    "deployment/sccm/NetworkAccessAccount.md:6", // a still-valid password pasted into a runbook
    "desktop/Contoso.Warehouse/App.config:10", // label printer admin pin
  ],
  falseAlarms: [],

};

test("blind corpus 21: precision and recall of scan() on Windows and .NET enterprise estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
