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

// First scan 0.987 / 0.781 (196 secrets, 202 traps, 137 files read; 155 findings on 155 lines, 43 missed, 2 false
// alarms). The floor is that score until this round's fixes raise it.
const MIN_PRECISION = 0.987;
const MIN_RECALL = 0.78;

// The gaps this corpus still has (docs/detection.md "Session 21, blind21"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "intranet/Contoso.Portal/Web.Staging.config:8", // blob sas url with a signature
    "intranet/Contoso.Portal/App_Data/Settings.Designer.cs:9", // api key default baked into a generated settings class
    "users/jdoe/AppData/Roaming/Microsoft/UserSecrets/7c1f03aa-52e1-4b58-9a7e-2b8d1d0f6e11/secrets.json:5", // azure openai key in user secrets
    "services/Contoso.Orders.Api/DataProtection-Keys/key-3b0f6a51-8f3b-4b41-9a27-55d3f3a2e7c1.xml:12", // unencrypted data protection master key
    "services/Contoso.Orders.Api/src/Infrastructure/LedgerClient.cs:11", // network credential literal
    "services/Contoso.Billing/Module1.vb:7", // aes key as a byte array literal
    "iis/provision-apppools.cmd:4", // app pool password on an appcmd line
    "iis/provision-apppools.cmd:5", // virtual directory unc password on appcmd
    "iis/provision-apppools.cmd:7", // cmdkey stored credential
    "iis/provision-apppools.cmd:9", // scheduled task run-as password
    "scripts/ad/New-ServiceAccounts.ps1:16", // reset password with -AsPlainText before the value
    "scripts/ad/export-laps-2026-10.ldf:11", // windows laps password json
    "scripts/ad/import-kiosk-users.ldf:6", // unicodePwd base64 of a utf-16 quoted password
    "scripts/ops/Export-Creds.ps1:5", // aes key array that decrypts the exported securestrings
    "deployment/sccm/TaskSequences/OSD-Win11-23H2.xml:11", // sentinelone site token in an install command
    "deployment/sccm/collection-variables-2026-10.csv:3", // collection variable exported in clear despite the mask flag
    "deployment/sccm/collection-variables-2026-10.csv:4", // imaging share password
    "deployment/sccm/NetworkAccessAccount.md:6", // a still-valid password pasted into a runbook
    "deployment/intune/Win32Apps/splunk-uf.cmd:3", // zabbix agent tls psk
    "citrix/storefront/web.config:8", // storefront shared secret with the delivery services
    "vmware/powercli/Start-Maintenance.ps1:5", // esxi root password variable
    "vmware/ovf/appliance.ovf:6", // ovf default admin password baked into the template
    "tasks/Contoso-NightlyExport.xml:18", // password in a scheduled task's arguments
    "remote/keepass/ops-export.xml:10", // keepass xml export password
    "remote/keepass/ops-export.xml:16", // keepass export backup passphrase
    "remote/wifi/Wi-Fi-CONTOSO-CORP.xml:11", // wi-fi passphrase exported with key=clear
    "ci/jenkins/jobs/orders-deploy/config.xml:7", // password in an xml-escaped powershell build step
    "ci/jenkins/casc/jenkins.yaml:7", // jcasc ad bind password literal
    "ci/azure-pipelines/variable-group-orders-prod.json:7", // azure function identifiable key
    "sql/ssis/Orders.dtsConfig:10", // ssis sftp password property
    "integration/biztalk/Orders.BindingInfo.xml:8", // password in escaped xml transport data
    "desktop/Contoso.Warehouse/App.config:10", // label printer admin pin
    "desktop/Contoso.Warehouse/App.config:18", // password in a user settings element
    "desktop/Contoso.Warehouse/installer/Product.wxs:5", // installer property with the service password
    "legacy/classic-asp/global.asa:4", // classic asp mail password
    "gpo/{31B2F340-016D-11D2-945F-00C04FB984F9}/Machine/Preferences/Registry/Registry.xml:4", // autologon password pushed by group policy
    "azure/servicefabric/ApplicationParameters/Cloud.xml:5", // service fabric parameter password
    "docs/runbooks/rotate-service-accounts.md:18", // a password quoted in a postmortem note
    "services/Contoso.Identity/Config.cs:17", // client secret hashed at startup, the literal is the secret
    "scripts/pki/Renew-RdsCertificate.ps1:5", // pfx password on certutil
    "docker/windows/Dockerfile:4", // pfx password in a dockerfile run line
    "forensics/security-4688.xml:14", // password in an audited process command line
    "forensics/security-4688.xml:21", // archive password on a 7-zip command line
  ],
  falseAlarms: [
    "intranet/Contoso.Portal/Web.Release.config:5", // tokenized release transform
    "legacy/forms-auth/Web.config:7", // forms credentials stored as sha1
  ],

};

test("blind corpus 21: precision and recall of scan() on Windows and .NET enterprise estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
