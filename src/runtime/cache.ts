// Read cache: TTL per entry, single-flight (concurrent misses on one key share
// one request), stale-if-error (when a refresh fails with an outage-type error,
// the last good value is served for at most `maxStale` past its expiry), and
// invalidation by path. A hit is one Map lookup and one clock read, and returns
// a promise that was created when the value was stored, so it allocates nothing.

interface Entry<T> {
  value: T;
  /** Resolved promise of `value`, handed out on every hit. */
  promise: Promise<T>;
  expiresAt: number;
  /** The secret's canonical `mount/path`, for invalidation. */
  fullPath: string;
}

export interface LoadOptions<T> {
  ttl: number;
  maxStale: number;
  /** Whether this failure may be answered with a stale value (outages yes, 403/404 no). */
  staleOn: (error: unknown) => boolean;
  /** Makes the copy handed out when a stale value is served. */
  markStale: (value: T, ageMs: number, error: unknown) => T;
}

export class ReadCache<T extends { fullPath: string }> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #inflight = new Map<string, Promise<T>>();
  // Bumped by every invalidation: a load that started before one must not
  // store what it read, since a write may have happened in between.
  #generation = 0;
  #stores = 0;

  /** The cached value's promise when fresh, else undefined. */
  hit(key: string): Promise<T> | undefined {
    const e = this.#entries.get(key);
    return e !== undefined && e.expiresAt > Date.now() ? e.promise : undefined;
  }

  /** The cached value however old (or undefined), without touching Vault. */
  peek(key: string): T | undefined {
    return this.#entries.get(key)?.value;
  }

  load(key: string, loader: () => Promise<T>, options: LoadOptions<T>): Promise<T> {
    const running = this.#inflight.get(key);
    if (running !== undefined) return running;
    const generation = this.#generation;
    const p = loader().then(
      (value) => {
        this.#inflight.delete(key);
        if (options.ttl > 0 && generation === this.#generation) {
          this.#entries.set(key, { value, promise: Promise.resolve(value), expiresAt: Date.now() + options.ttl, fullPath: value.fullPath });
          if (++this.#stores % 1000 === 0) this.#sweep(options.maxStale);
        }
        return value;
      },
      (error: unknown) => {
        this.#inflight.delete(key);
        const e = this.#entries.get(key);
        if (e !== undefined && options.staleOn(error)) {
          const age = Date.now() - e.expiresAt;
          if (age <= options.maxStale) return options.markStale(e.value, age, error);
        }
        throw error;
      },
    );
    this.#inflight.set(key, p);
    return p;
  }

  /**
   * Forget cached reads: all of them, or those of one secret path (the
   * canonical `mount/path`, or the path exactly as it was read), or of every
   * secret under a folder when the path ends in `/`.
   */
  invalidate(path?: string): void {
    this.#generation++;
    if (path === undefined) {
      this.#entries.clear();
      return;
    }
    const folder = path.endsWith("/") ? path : undefined;
    for (const [key, e] of this.#entries) {
      const rawPath = key.includes("\u0000") ? key.split("\u0000")[1] : key;
      if (e.fullPath === path || rawPath === path || (folder !== undefined && (e.fullPath.startsWith(folder) || rawPath?.startsWith(folder)))) {
        this.#entries.delete(key);
      }
    }
  }

  // Entries too old even to be served stale are dropped now and then, so that
  // an app reading many distinct paths (or versions) does not grow forever.
  #sweep(maxStale: number): void {
    const cutoff = Date.now() - Math.max(0, maxStale);
    for (const [key, e] of this.#entries) if (e.expiresAt < cutoff) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
