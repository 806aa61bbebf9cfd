import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../util/atomic-write.js";
import { DevServerError } from "./errors.js";
import { deserializeState, serializeState, type State } from "./state.js";

// `--data DIR`: the whole state, encrypted with AES-256-GCM under a random
// 256-bit key kept in a 0600 file beside it, rewritten atomically (temp file,
// fsync, rename) after every change, so a kill -9 leaves either the previous
// or the new snapshot, never a torn one. A dev server holds little data, so a
// snapshot per write is cheap and keeps recovery trivial.

const FORMAT = "vaultshift-dev-server/1";
export const KEY_FILE = "vaultshift-dev.key";
export const DATA_FILE = "vaultshift-dev.db";

interface Envelope {
  format: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export class EncryptedStore {
  private readonly key: Buffer;
  readonly dataPath: string;
  readonly keyPath: string;

  constructor(readonly dir: string) {
    this.dataPath = join(dir, DATA_FILE);
    this.keyPath = join(dir, KEY_FILE);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new DevServerError(`Could not create the data directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? "error"}`, {
        cause: error,
        hint: "Choose a --data directory you can write to.",
      });
    }
    this.key = this.loadKey();
  }

  private loadKey(): Buffer {
    if (existsSync(this.keyPath)) {
      let text: string;
      try {
        text = readFileSync(this.keyPath, "utf8");
        if ((statSync(this.keyPath).mode & 0o077) !== 0) chmodSync(this.keyPath, 0o600);
      } catch (error) {
        throw new DevServerError(`Could not read the key file ${this.keyPath}`, { cause: error, hint: "Check its permissions; it must be readable by you only." });
      }
      const key = Buffer.from(text.trim(), "base64");
      if (key.length !== 32) {
        throw new DevServerError(`The key file ${this.keyPath} does not hold a 256-bit key`, {
          hint: "Restore the original key file, or move the data directory away to start empty.",
        });
      }
      return key;
    }
    if (existsSync(this.dataPath)) {
      throw new DevServerError(`The data file ${this.dataPath} exists but its key file ${this.keyPath} is missing`, {
        hint: "Restore the key file, or move the data directory away to start empty.",
      });
    }
    const key = randomBytes(32);
    writeFileAtomic(this.keyPath, `${key.toString("base64")}\n`, { mode: 0o600 });
    return key;
  }

  load(): State | undefined {
    if (!existsSync(this.dataPath)) return undefined;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(readFileSync(this.dataPath, "utf8")) as Envelope;
    } catch (error) {
      throw new DevServerError(`The data file ${this.dataPath} is not readable`, { cause: error, hint: "Move it away to start with an empty server." });
    }
    if (envelope.format !== FORMAT) {
      throw new DevServerError(`The data file ${this.dataPath} has an unknown format`, { hint: "It was written by another program or version; move it away to start empty." });
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(envelope.iv, "base64"));
      decipher.setAAD(Buffer.from(FORMAT));
      decipher.setAuthTag(Buffer.from(envelope.tag, "base64"));
      const plain = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, "base64")), decipher.final()]);
      return deserializeState(plain.toString("utf8"));
    } catch (error) {
      throw new DevServerError(`The data file ${this.dataPath} cannot be decrypted with ${this.keyPath}`, {
        cause: error,
        hint: "The key file does not belong to this data, or the data was modified. Restore the matching key file or move the directory away.",
      });
    }
  }

  save(state: State): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(FORMAT));
    const ciphertext = Buffer.concat([cipher.update(serializeState(state), "utf8"), cipher.final()]);
    const envelope: Envelope = {
      format: FORMAT,
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      ciphertext: ciphertext.toString("base64"),
    };
    writeFileAtomic(this.dataPath, JSON.stringify(envelope), { mode: 0o600 });
  }
}
