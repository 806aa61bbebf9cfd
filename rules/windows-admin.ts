import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, B64, B64URL, fake } from "./fake.js";

// Passwords on the command lines of Windows administration tools, as they sit in batch files, scheduled
// tasks, SCCM/MDT task sequences, Dockerfiles, Jenkins steps and the command lines a security log records
// (event 4688). Each tool marks its password option differently (`/pass:`, `/rp`, `-p`, `processModel.password:`),
// so a generic `name = value` reader cannot see them. As in cli-arguments.ts, the span between the command and its
// option is a tempered token that stops at the next occurrence of the command, so a line stays linear; a value
// starting with `%`/`$` is a variable, `*` is the tools' "prompt for it" marker and `](` after an option is a
// Markdown link whose text ends with it (docs/rules.md).
const pw = (seed: string): string => fake(ALNUM, 16, seed);
const utf16Base64 = (text: string): string => Buffer.from(text, "utf16le").toString("base64");

/** The password a `unicodePwd::` value holds: base64 of the UTF-16LE password in double quotes (MS-ADTS 3.1.1.3.1.5.1). */
function unicodePwdText(b64: string): string | undefined {
  const raw = Buffer.from(b64, "base64");
  if (raw.length < 6 || raw.length % 2 !== 0) return undefined;
  const text = raw.toString("utf16le");
  return text.length >= 3 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : undefined;
}
const VALUE = `(["']?)(?<secret>[^\\s"'$%*\`/\\](-][^\\s"'\`]{2,127})`;
// Glued to its option by `:` (`/pass:…`, `processModel.password:…`), a value may start with `-`.
const GLUED = `(["']?)(?<secret>[^\\s"'$%*\`/\\](][^\\s"'\`]{2,127})`;

export const rules: Rule[] = [
  // IIS appcmd: `appcmd set apppool /name /processModel.password:…`, `appcmd set config /section:applicationPools
  // /[name='X'].processModel.password:…`, `appcmd set vdir "Site/" -password:…`
  // (https://learn.microsoft.com/iis/get-started/getting-started-with-iis/getting-started-with-appcmdexe).
  custom({
    id: "appcmd-password",
    description: "Password set through IIS appcmd (application pool identity, virtual directory credentials)",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/iis/get-started/getting-started-with-iis/getting-started-with-appcmdexe",
    keywords: ["appcmd"],
    pattern: new RegExp(`\\bappcmd(?:\\.exe)?(?:[ \\t](?:(?!appcmd)[^\\n]){0,400}?)?[ \\t][-/](?:\\[[^\\]\\n]{1,80}\\]\\.)?(?:processModel\\.)?password:${GLUED}\\1(?=\\s|$)`, "i"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `%windir%\\system32\\inetsrv\\appcmd.exe set apppool /apppool.name:Legacy /processModel.userName:CONTOSO\\svc /processModel.password:${pw("appcmd")}`,
          `appcmd set config /section:applicationPools /[name='Legacy'].processModel.password:${pw("appcmd2")}`,
          `appcmd set vdir "Portal/" -userName:CONTOSO\\svc_web -password:"${pw("appcmd3")}"`,
          `appcmd set apppool /apppool.name:Legacy /processModel.password:-${pw("appcmd4")}`,
        ],
        valid: ["appcmd set apppool /apppool.name:Legacy /processModel.password:%POOL_PASSWORD%", "appcmd set apppool /apppool.name:Legacy /processModel.identityType:ApplicationPoolIdentity", "appcmd set vdir \"Portal/\" -password:$env:VDIR_PASSWORD"],
      };
    },
  }),
  // `cmdkey /add:host /user:name /pass:secret` stores a credential in Windows Credential Manager; `/pass` alone prompts
  // (https://learn.microsoft.com/windows-server/administration/windows-commands/cmdkey).
  custom({
    id: "cmdkey-password",
    description: "Password stored with cmdkey /pass:",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/windows-server/administration/windows-commands/cmdkey",
    keywords: ["cmdkey"],
    pattern: new RegExp(`\\bcmdkey(?:\\.exe)?(?:[ \\t](?:(?!cmdkey)[^\\n]){0,200}?)?[ \\t]/pass:${GLUED}\\1(?=\\s|$)`, "i"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`cmdkey /add:fs02.contoso.local /user:CONTOSO\\svc_backup /pass:${pw("cmdkey")}`, `cmdkey /generic:TERMSRV/app01 /user:adm /pass:"${pw("cmdkey2")}"`],
        valid: ["[Password stored with cmdkey /pass:](https://learn.microsoft.com/windows-server/administration/windows-commands/cmdkey)", "cmdkey /add:fs02 /user:CONTOSO\\svc_backup /pass", "cmdkey /add:fs02 /user:svc /pass:%BACKUP_PASSWORD%", "cmdkey /list"],
      };
    },
  }),
  // `schtasks /create … /ru user /rp password`: the task's run-as password; `/rp *` prompts
  // (https://learn.microsoft.com/windows-server/administration/windows-commands/schtasks-create).
  custom({
    id: "schtasks-run-as-password",
    description: "Run-as password of a scheduled task created with schtasks /rp",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/windows-server/administration/windows-commands/schtasks-create",
    keywords: ["schtasks"],
    pattern: new RegExp(`\\bschtasks(?:\\.exe)?(?:[ \\t](?:(?!schtasks)[^\\n]){0,400}?)?[ \\t]/rp[ \\t]{1,4}${VALUE}\\1(?=\\s|$)`, "i"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`schtasks /create /tn "Contoso\\Export" /tr C:\\ops\\export.cmd /sc daily /ru CONTOSO\\svc_export /rp ${pw("schtasks")}`],
        valid: ['schtasks /create /tn "Contoso\\Export" /tr C:\\ops\\export.cmd /ru CONTOSO\\svc_export /rp *', "schtasks /create /tn X /tr y.cmd /ru SYSTEM", "schtasks /change /tn X /rp %TASK_PASSWORD%"],
      };
    },
  }),
  // certutil's PFX import and export take the file's password with `-p` (`certutil -f -p "…" -importpfx file.pfx`,
  // https://learn.microsoft.com/windows-server/administration/windows-commands/certutil).
  custom({
    id: "certutil-pfx-password",
    description: "PFX password given to certutil -p",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/windows-server/administration/windows-commands/certutil",
    keywords: ["certutil"],
    pattern: new RegExp(`\\bcertutil(?:\\.exe)?(?:[ \\t](?:(?!certutil)[^\\n]){0,200}?)?[ \\t]-p[ \\t]{1,4}${VALUE}\\1(?=[^\\n]{0,200}?-(?:import|export)pfx)`, "i"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`certutil -f -p "${pw("certutil")}" -importpfx C:\\certs\\wildcard.pfx NoExport`, `RUN certutil -p ${pw("certutil2")} -exportpfx My 1a2b3c C:\\out.pfx`],
        valid: ['certutil -f -p "%PFX_PASSWORD%" -importpfx C:\\certs\\a.pfx', "certutil -p \"\" -importpfx C:\\certs\\a.pfx", "certutil -hashfile agent.msi SHA256"],
      };
    },
  }),
  // `net user name password /add` or `/domain` sets the account's password on the command line; `net user name *` prompts
  // (https://learn.microsoft.com/troubleshoot/windows-server/networking/net-commands-on-operating-systems).
  custom({
    id: "net-user-password",
    description: "Account password set with net user",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/troubleshoot/windows-server/networking/net-commands-on-operating-systems",
    keywords: ["net user", "net  user", "net.exe user"],
    pattern: new RegExp(`\\bnet(?:\\.exe)?[ \\t]{1,4}user[ \\t]{1,4}(["']?)[\\w.$ -]{1,64}?\\1[ \\t]{1,4}(["']?)(?<secret>[^\\s"'$%*\`/-][^\\s"'\`]{3,127})\\2(?=[ \\t]{1,4}/(?:add|domain|y|active|expires|passwordchg)|[ \\t]*(?:\\r?\\n|$|<))`, "i"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`net user svc_export ${pw("netuser")} /domain`, `net user support "${pw("netuser2")}" /add /y`, `<Data Name="CommandLine">net  user svc_export ${pw("netuser3")} /domain</Data>`],
        valid: ["net user svc_export * /domain", "net user svc_export /active:no", "net user svc_export %NEW_PASSWORD% /domain", "net user administrator /domain"],
      };
    },
  }),
  // 7-Zip takes the archive password glued to `-p` (`7z a -pSECRET -mhe=on out.7z files`); `-p` alone prompts
  // (https://7-zip.opensource.jp/chm/cmdline/switches/password.htm).
  custom({
    id: "7zip-archive-password",
    description: "Archive password given to 7-Zip with -p",
    kind: "password",
    severity: "high",
    docs: "https://7-zip.opensource.jp/chm/cmdline/switches/password.htm",
    keywords: ["7z"],
    pattern: /\b7z[ar]?(?:\.exe)?"?(?:[ \t](?:(?!7z)[^\n]){0,200}?)?[ \t]-p(["']?)(?<secret>[^\s"'$%*`-][^\s"'`]{3,127})\1(?=\s|$|<)/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`"C:\\Program Files\\7-Zip\\7z.exe" a -p${pw("sevenzip")} -mhe=on D:\\exports\\orders.7z D:\\exports\\orders.csv`, `7z x -p"${pw("sevenzip2")}" backup.7z`],
        valid: ["7z a -p -mhe=on out.7z files", "7z a -p%ARCHIVE_PASSWORD% out.7z files", "7z x -pxxxx backup.7z"],
      };
    },
  }),
  // PowerShell switches named for a password (`-SftpPassword "…"`, `-AdminPassword '…'`) with a literal after them,
  // where a script's command line is stored outside a script: scheduled task `<Arguments>`, task sequence and Intune
  // command lines, shortcuts. A double-quoted value expands `$`, so only literal text counts there.
  custom({
    id: "powershell-password-parameter",
    description: "Literal password passed to a PowerShell parameter named *Password",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_parameters",
    keywords: ["password ", "password\t"],
    pattern: /(?:^|[ \t(>])-[A-Za-z]{0,40}(?:Password|Passphrase)[ \t]{1,4}(["'])(?<secret>[^"'\n$`]{4,128})\1(?=[\s)<;|]|$)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`<Arguments>-NoProfile -File C:\\ops\\Export-Orders.ps1 -SftpUser drop -SftpPassword "${pw("psparam")}"</Arguments>`, `Connect-Thing -Server x -AdminPassword '${pw("psparam2")}'`],
        valid: ['-File C:\\ops\\Export.ps1 -SftpPassword "$env:SFTP_PASSWORD"', "-SftpPassword '<your password>'", "Connect-Thing -Password $pw", 'Reset -NewPassword "changeme"'],
      };
    },
  }),
  // `ConvertTo-SecureString -AsPlainText "…" -Force`: the switch written before the string (cli-arguments.ts reads the
  // usual order, string first).
  custom({
    id: "powershell-plaintext-securestring-switch-first",
    description: "Password literal passed to PowerShell ConvertTo-SecureString after -AsPlainText",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring",
    keywords: ["convertto-securestring"],
    pattern: /ConvertTo-SecureString[ \t]{1,4}-AsPlainText[ \t]{1,4}(?:-Force[ \t]{1,4})?(?:-String[ \t]{1,4})?(["'])(?:(?<=")(?=[^"\n$`]{4,128}")|(?<=')(?=[^'\n]{4,128}'))(?<secret>[^"'\n]{4,128})\1/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`Set-ADAccountPassword -Identity svc -Reset -NewPassword (ConvertTo-SecureString -AsPlainText "${pw("ssfirst")}" -Force)`, `ConvertTo-SecureString -AsPlainText -Force -String '${pw("ssfirst2")}'`],
        valid: ["ConvertTo-SecureString -AsPlainText $env:SVC_PASSWORD -Force", 'ConvertTo-SecureString -AsPlainText "$Password" -Force'],
      };
    },
  }),
  // Active Directory sets a password through LDAP by writing `unicodePwd`: base64 (LDIF `::`) of the UTF-16LE password in
  // double quotes (https://learn.microsoft.com/troubleshoot/windows-server/active-directory/set-user-password-with-ldifde).
  custom({
    id: "ldif-unicode-pwd",
    description: "Active Directory password in an LDIF unicodePwd attribute (base64 of the quoted UTF-16 password)",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/troubleshoot/windows-server/active-directory/set-user-password-with-ldifde",
    keywords: ["unicodepwd::"],
    pattern: /^unicodePwd::[ \t]{0,8}(?<secret>[A-Za-z0-9+/]{8,512}={0,2})[ \t]*$/im,
    validate: (s) => {
      const text = unicodePwdText(s);
      return text !== undefined && isRealPassword(text);
    },
    get examples() {
      return {
        invalid: [`dn: CN=kiosk01,OU=Kiosks,DC=contoso,DC=local\nchangetype: add\nunicodePwd:: ${utf16Base64(`"${pw("unicodepwd")}"`)}\n`],
        valid: [`unicodePwd:: ${utf16Base64('"changeme"')}\n`, `unicodePwd:: ${fake(B64, 40, "unicodepwd2")}\n`, "unicodePwd: set by the bootstrap\n"],
      };
    },
  }),
  // Windows LAPS stores a clear-text managed password as JSON in `msLAPS-Password` (`{"n":"Administrator","t":"…","p":"…"}`);
  // legacy LAPS in `ms-Mcs-AdmPwd`. Directory exports (ldifde, Get-ADComputer dumps) carry them
  // (https://learn.microsoft.com/windows-server/identity/laps/laps-technical-reference).
  custom({
    id: "windows-laps-password",
    description: "Windows LAPS managed password in a directory export (msLAPS-Password JSON)",
    kind: "password",
    severity: "high",
    docs: "https://learn.microsoft.com/windows-server/identity/laps/laps-technical-reference",
    keywords: ["mslaps-password"],
    pattern: /msLAPS-Password[ \t]{0,4}[:=][ \t]{0,4}\{[^\n]{0,200}?"p"[ \t]{0,4}:[ \t]{0,4}"(?<secret>(?:[^"\\\n]|\\.){4,256})"/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`msLAPS-Password: {"n":"Administrator","t":"1db3f0a6c2e1d80","p":"${pw("laps")}"}`],
        valid: ['msLAPS-Password: {"n":"Administrator","t":"1db3f0a6c2e1d80","p":"<password>"}', "msLAPS-PasswordExpirationTime: 134082144000000000"],
      };
    },
  }),
  // ASP.NET Core Data Protection writes its key ring as XML; without an XML encryptor the master key is stored as it is,
  // under the comment "Warning: the key below is in an unencrypted form." It decrypts every auth cookie and protected
  // payload (https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/key-storage-format).
  custom({
    id: "aspnet-data-protection-master-key",
    description: "Unencrypted ASP.NET Core Data Protection master key in a key ring file",
    kind: "generic-secret",
    severity: "high",
    docs: "https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/key-storage-format",
    keywords: ["<masterkey"],
    pattern: /<masterKey\b[^>\n]{0,200}>\s{0,200}(?:<!--[^\n]{0,200}-->\s{0,200})?<value>(?<secret>[A-Za-z0-9+/]{40,200}={0,2})<\/value>/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`<masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">\n  <!-- Warning: the key below is in an unencrypted form. -->\n  <value>${fake(B64, 86, "dpkey")}==</value>\n</masterKey>`],
        valid: [`<encryptedSecret decryptorType="Microsoft.AspNetCore.DataProtection.XmlEncryption.DpapiNGXmlDecryptor">\n  <encryptedKey xmlns="">\n    <value>${fake(B64, 200, "dpkey2")}</value>\n  </encryptedKey>\n</encryptedSecret>`],
      };
    },
  }),
  // `netsh wlan export profile key=clear` writes the Wi-Fi passphrase in clear under `<protected>false</protected>`;
  // without key=clear it is DPAPI ciphertext under `<protected>true</protected>`
  // (https://learn.microsoft.com/windows/win32/nativewifi/wlan-profileschema-keymaterial-sharedkey-element).
  custom({
    id: "wlan-profile-key-material",
    description: "Wi-Fi passphrase in a Windows WLAN profile export (keyMaterial with protected=false)",
    kind: "password",
    severity: "medium",
    docs: "https://learn.microsoft.com/windows/win32/nativewifi/wlan-profileschema-keymaterial-sharedkey-element",
    keywords: ["<keymaterial>"],
    pattern: /<protected>false<\/protected>\s{0,200}<keyMaterial>(?<secret>[^<\n]{8,63})<\/keyMaterial>/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`<sharedKey>\n  <keyType>passPhrase</keyType>\n  <protected>false</protected>\n  <keyMaterial>${pw("wlan")}</keyMaterial>\n</sharedKey>`],
        valid: [`<sharedKey>\n  <keyType>passPhrase</keyType>\n  <protected>true</protected>\n  <keyMaterial>01000000D08C9DDF0115D1118C7A00C04FC297EB${fake("0123456789ABCDEF", 200, "wlan2")}</keyMaterial>\n</sharedKey>`],
      };
    },
  }),
  // Azure's identifiable keys carry a fixed 4-character signature at a fixed place: `AzFu` in Functions keys, `+ASt` in
  // storage account keys, `ACDb` in Cosmos DB keys, `+ASb`/`+AEh`/`+ARm` in Service Bus, Event Hubs and Relay SAS keys,
  // `+ACR` in container registry passwords (Microsoft's security-utilities, IdentifiableSecrets).
  custom({
    id: "azure-identifiable-key",
    description: "Azure identifiable key (Functions, Storage, Cosmos DB, Service Bus, Event Hubs, Relay, Container Registry signature)",
    kind: "cloud-credential",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/security/fundamentals/secret-scanning",
    keywords: ["azfu", "+ast", "acdb", "+asb", "+aeh", "+arm", "+acr"],
    pattern: /(?<![A-Za-z0-9+/_-])(?<secret>[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==|[A-Za-z0-9+/]{76}(?:\+ASt|ACDb)[A-Za-z0-9+/]{5}[AQgw]==|[A-Za-z0-9+/]{33}(?:\+ASb|\+AEh|\+ARm)[A-Za-z0-9+/]{5}[AEIMQUYcgkosw048]=|[A-Za-z0-9+/]{42}\+ACR[A-Za-z0-9+/]{6})(?![A-Za-z0-9+/=_-])/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`"FunctionKey": "${fake(B64URL, 44, "azfu")}AzFu${fake(B64URL, 5, "azfu2")}Q=="`, `--azureblob-key ${fake(B64, 76, "ast")}+ASt${fake(B64, 5, "ast2")}g==`, `SharedAccessKey=${fake(B64, 33, "asb")}+ASb${fake(B64, 5, "asb2")}c=`],
        valid: [`"FunctionKey": "${"A".repeat(44)}AzFu${fake(B64URL, 5, "azfu3")}Q=="`.replace("A".repeat(44), fake(B64URL, 30, "azfu4")), "AzFunctionsKey=<from the portal>"],
      };
    },
  }),
];
