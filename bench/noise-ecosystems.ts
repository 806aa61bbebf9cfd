import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vaultshiftBin } from "./build-snapshot.js";
import type { BenchContext, Benchmark, Cell, Table } from "./types.js";

// Noise on real code of other ecosystems: the scanner run over source trees that
// Debian installs (Python, Perl, Go, Ruby; Rust, Java, PHP, C headers, package docs), every file included, findings counted
// per 100 MB of text scanned. Nothing is planted here: the findings are false alarms
// or real keys in test data, triaged in docs/detection.md ("Noise on other
// ecosystems"). A tree that is not installed is skipped and said so.

const TREES: Array<[string, string]> = [
  ["Python standard library", "/usr/lib/python3.11"],
  ["Python dist-packages", "/usr/lib/python3/dist-packages"],
  ["Perl (share/perl)", "/usr/share/perl"],
  ["Perl (share/perl5)", "/usr/share/perl5"],
  ["Go sources (golang-1.19-src)", "/usr/share/go-1.19/src"],
  ["Ruby library and gems", "/usr/lib/ruby"],
  // Round 2 (docs/detection.md "Noise on other ecosystems, round 2"): librust-*-dev crate sources,
  // php-* libraries, C/C++ headers (libssl-dev, libcurl4-openssl-dev, libpq-dev, …), package docs.
  ["Rust crate sources (librust-*-dev)", "/usr/share/cargo/registry"],
  ["PHP libraries (php-*)", "/usr/share/php"],
  ["C and C++ headers", "/usr/include"],
  ["Package documentation", "/usr/share/doc"],
];

// openjdk-17-source installs one src.zip; these modules are unzipped into the system's temporary directory.
const JDK_SRC_ZIP = "/usr/lib/jvm/openjdk-17/lib/src.zip";
const JDK_MODULES = ["java.base", "java.net.http", "java.security.jgss", "java.naming", "java.sql", "jdk.httpserver", "java.security.sasl", "jdk.crypto.cryptoki", "jdk.crypto.ec", "java.xml.crypto", "jdk.jartool", "java.management"];

function unzipJdk(dest: string): Promise<string | null> {
  if (!existsSync(JDK_SRC_ZIP)) return Promise.resolve("skipped: openjdk-17-source not installed");
  if (existsSync(join(dest, "java.base"))) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile("unzip", ["-q", "-o", JDK_SRC_ZIP, ...JDK_MODULES.map((m) => `${m}/*`), "-d", dest], { timeout: 5 * 60_000 }, (err) => resolve(err ? `skipped: unzip failed (${err.message.split("\n")[0]})` : null));
  });
}

interface Report {
  findings: Array<{ ruleId: string; file: string; line: number }>;
  summary: { bytesScanned: number; filesScanned: number };
}

function scan(bin: string, dir: string, config: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, "scan", ".", "--format", "json", "--config", config], { cwd: dir, maxBuffer: 256 * 1024 * 1024, timeout: 20 * 60_000 }, (err, stdout) => {
      // Exit 1 means findings.
      if (err && (err as { code?: unknown }).code !== 1) return reject(err);
      try {
        resolve(JSON.parse(stdout) as Report);
      } catch (e) {
        reject(e);
      }
    });
  });
}

export const benchmarks: Benchmark[] = [
  {
    name: "noise-ecosystems",
    description: "findings per 100 MB on installed non-npm source trees (Python, Perl, Go, Ruby, Rust, Java, PHP, C, docs), all files",
    async run(ctx: BenchContext): Promise<Table[]> {
      const bin = await vaultshiftBin(ctx.root, ctx.workDir);
      const config = join(ctx.workDir, "vaultshift-all-files.json");
      writeFileSync(config, `${JSON.stringify({ defaultExcludes: false, maxFileSize: 1024 * 1024 * 1024 }, null, 2)}\n`);
      const rows: Cell[][] = [];
      const notes: string[] = [];
      let bytes = 0;
      let findings = 0;
      // Outside any git repository: the scanner honours the enclosing repository's ignore rules, and
      // this one ignores `.bench/`.
      const jdk = join(tmpdir(), "vaultshift-bench-jdk17-src");
      const jdkSkip = await unzipJdk(jdk);
      for (const [label, dir] of [...TREES, ["Java (openjdk-17-source, 12 modules)", jdk] as [string, string]]) {
        if (dir === jdk && jdkSkip) {
          rows.push([label, JDK_SRC_ZIP, null, null, jdkSkip]);
          continue;
        }
        if (!existsSync(dir)) {
          rows.push([label, dir, null, null, "skipped: not installed"]);
          continue;
        }
        ctx.log(`noise-ecosystems: ${dir}`);
        const r = await scan(bin, dir, config);
        bytes += r.summary.bytesScanned;
        findings += r.findings.length;
        const byRule = new Map<string, number>();
        for (const f of r.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
        rows.push([label, dir, r.summary.bytesScanned / 1e6, r.findings.length, [...byRule].map(([k, n]) => `${k} ${n}`).join(", ") || "–"]);
        for (const f of r.findings.slice(0, 5)) notes.push(`${label}: ${f.ruleId} ${f.file}:${f.line}`);
      }
      if (bytes > 0) rows.push(["total", "", bytes / 1e6, findings, `${((findings * 1e8) / bytes).toFixed(1)} per 100 MB`]);
      return [{ title: "Findings on other ecosystems' installed sources (nothing planted)", columns: ["tree", "path", "MB scanned", "findings", "by rule"], rows, notes }];
    },
  },
];
