// Containers that keep secret values out of logs. Reading a value is always an
// explicit act (`record.get("password")`, `value.reveal()`, or a property of a
// credentials object); printing the container never shows one:
// `util.inspect`/`console.log`, `JSON.stringify`, `String()` and template
// strings all give `[redacted]` in place of each value.
import { inspect } from "node:util";

export const REDACTED = "[redacted]";

/** One secret string that prints as `[redacted]` until `reveal()`ed. */
export class SecretValue {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  /** Same as `reveal()`, for code that prefers a property. */
  get value(): string {
    return this.#value;
  }
  get length(): number {
    return this.#value.length;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return `SecretValue(${REDACTED})`;
  }
}

/**
 * The key/value map of one secret. Keys are visible (names are not secret),
 * values are not: they are held privately so that no key a secret happens to
 * have (`toJSON`, `get`, …) can shadow a method and leak the rest.
 */
export class SecretRecord {
  readonly #data: Readonly<Record<string, unknown>>;
  constructor(data: Record<string, unknown>) {
    this.#data = Object.freeze(Object.assign(Object.create(null) as Record<string, unknown>, data));
  }
  /**
   * The value of `key` as a string (numbers and booleans converted, objects as
   * JSON), or `undefined` when the secret has no such key.
   */
  get(key: string): string | undefined {
    const v = this.#data[key];
    if (v === undefined || v === null) return undefined;
    return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  /** The value exactly as Vault returned it (any JSON type). */
  raw(key: string): unknown {
    return this.#data[key];
  }
  /** The value of `key` wrapped so that it stays redacted while passed around. */
  secret(key: string): SecretValue | undefined {
    const v = this.get(key);
    return v === undefined ? undefined : new SecretValue(v);
  }
  has(key: string): boolean {
    return Object.hasOwn(this.#data, key);
  }
  keys(): string[] {
    return Object.keys(this.#data);
  }
  get size(): number {
    return Object.keys(this.#data).length;
  }
  /** A plain copy of every key and value: for code that needs the whole map. */
  reveal(): Record<string, unknown> {
    return { ...this.#data };
  }
  toJSON(): Record<string, string> {
    return redactedMap(Object.keys(this.#data));
  }
  toString(): string {
    return REDACTED;
  }
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return `SecretRecord ${formatRedacted(Object.keys(this.#data))}`;
  }
}

function redactedMap(keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = REDACTED;
  return out;
}

function formatRedacted(keys: string[]): string {
  return keys.length === 0 ? "{}" : `{ ${keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${REDACTED}`).join(", ")} }`;
}

const reservedNames = new Set(["toJSON", "toString", "valueOf", "constructor", "__proto__", "prototype", "hasOwnProperty", "then"]);

/** True when `name` cannot be a field of a redacting object (it would shadow a method or confuse `await`). */
export function isReservedFieldName(name: string): boolean {
  return reservedNames.has(name);
}

/**
 * A frozen object whose own enumerable fields are `fields` (so code reads them
 * as plain strings: `new Pool(creds)`, `secrets.DB_PASSWORD`), and that prints
 * redacted. Only for field names chosen by code, never by the contents of a
 * secret: a reserved name throws.
 */
export function redactingObject<T extends object>(label: string, fields: T): Readonly<T> {
  const obj = Object.create(redactingPrototype) as T;
  Object.defineProperty(obj, labelSymbol, { value: label, enumerable: false });
  for (const [k, v] of Object.entries(fields)) {
    if (isReservedFieldName(k)) throw new TypeError(`"${k}" cannot be the name of a secret field`);
    Object.defineProperty(obj, k, { value: v, enumerable: true });
  }
  return Object.freeze(obj);
}

const labelSymbol = Symbol("vaultshift.label");

// Fields that hold nothing (`host: undefined`) show as such: only values are hidden.
const presentKeys = (o: object): string[] => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);

const redactingPrototype = {
  toJSON(this: object): Record<string, string> {
    return redactedMap(presentKeys(this));
  },
  toString(): string {
    return REDACTED;
  },
  [Symbol.toPrimitive](): string {
    return REDACTED;
  },
  [inspect.custom](this: Record<symbol, unknown>): string {
    return `${String(this[labelSymbol])} ${formatRedacted(presentKeys(this))}`;
  },
};
