/**
 * The host cache: the client's list of supernode IP:port pairs (Baset & Schulzrinne §2.2, §4.2.3).
 * Empty after installation; the first login puts the seven bootstrap supernodes in it; supernodes'
 * replies add more, up to 200 entries and never more. Later logins start from what it holds.
 */
import {BOOTSTRAP_SUPERNODES, HOST_CACHE_MAX_ENTRIES, SUPERNODES_PER_REPLY_SEEN, type SupernodeAddress} from '../data/networkFacts';
import {assertOverlaySeed, supernodeEndpoint, type Overlay} from './overlayNetwork';
import {SeededRandom} from './random';

export interface HostCacheEntry extends SupernodeAddress {
  /** Put there by the first login (a bootstrap supernode) or learnt from a supernode's reply. */
  origin: 'bootstrap' | 'reply';
}

/** What adding supernodes to the cache did. */
export interface HostCacheUpdate {
  entries: readonly HostCacheEntry[];
  added: number;
  /** Already in the cache. */
  duplicates: number;
  /** Left out because the cache was full. */
  dropped: number;
}

export type HostCacheStageKind = 'install' | 'bootstrap' | 'reply';

/** One moment of the cache filling up. */
export interface HostCacheStage {
  kind: HostCacheStageKind;
  /** The cache after this stage. */
  entries: readonly HostCacheEntry[];
  /** The supernode whose reply this is ('ip:port'), for a reply. */
  from: string | null;
  /** Supernodes the reply named. */
  offered: number;
  added: number;
  duplicates: number;
  dropped: number;
  /** One line in English, for live cells (the widget words its own). */
  description: string;
}

/** The most entries the cache holds (Baset §2.2). */
export const HOST_CACHE_CAPACITY = HOST_CACHE_MAX_ENTRIES.value;

/**
 * How many supernodes one reply names in the model: between the 5 of a refusal and the 10 of a
 * command-45 list seen in the 2006 capture. The model's choice; the real counts varied.
 */
export const HOST_CACHE_REPLY_SIZE = {minimum: SUPERNODES_PER_REPLY_SEEN.refusalFrame219.value, maximum: SUPERNODES_PER_REPLY_SEEN.listFrame306.value} as const;

/** The cache the first login makes of an empty one: the seven bootstrap supernodes, port 33033. */
export function bootstrapHostCache(): HostCacheEntry[] {
  return BOOTSTRAP_SUPERNODES.value.map(({ip, port}) => ({ip, port, origin: 'bootstrap'}));
}

/**
 * Adds supernodes to a cache: an address already there is skipped, and once the cache holds 200
 * entries the rest are dropped. The cache given is left as it is.
 * @param cache the entries so far
 * @param offered the supernodes a reply named
 * @returns the new entries and what happened to the offered ones
 * @example addToHostCache(bootstrapHostCache(), [{ip: '192.0.2.7', port: 4000}]).entries.length // 8
 */
export function addToHostCache(cache: readonly HostCacheEntry[], offered: readonly SupernodeAddress[]): HostCacheUpdate {
  const entries = cache.slice();
  const known = new Set(entries.map(supernodeEndpoint));
  let added = 0;
  let duplicates = 0;
  let dropped = 0;
  for (const address of offered) {
    const endpoint = supernodeEndpoint(address);
    if (known.has(endpoint)) duplicates++;
    else if (entries.length >= HOST_CACHE_CAPACITY) dropped++;
    else {
      entries.push({ip: address.ip, port: address.port, origin: 'reply'});
      known.add(endpoint);
      added++;
    }
  }
  return {entries, added, duplicates, dropped};
}

/**
 * The cache of a fresh installation filling up: empty, then the bootstrap supernodes of the first
 * login, then one supernode reply after another (each from a supernode already in the cache, naming
 * 5 to 10 supernodes of the overlay) until the cache is full and a reply's supernodes are dropped.
 * @param options the overlay whose supernodes the replies name, and the seed of the run
 * @returns the stages, the first one empty
 * @throws RangeError when the seed is not a 32-bit whole number
 * @example simulateHostCacheFill({overlay: buildOverlay({seed: 1}), seed: 1}).at(-1)!.entries.length // 200
 */
export function simulateHostCacheFill({overlay, seed}: {overlay: Overlay; seed: number}): HostCacheStage[] {
  assertOverlaySeed(seed);
  const random = new SeededRandom(seed);
  const stages: HostCacheStage[] = [
    {kind: 'install', entries: [], from: null, offered: 0, added: 0, duplicates: 0, dropped: 0, description: 'After installation the host cache is empty.'},
  ];
  const bootstrap = bootstrapHostCache();
  stages.push({
    kind: 'bootstrap',
    entries: bootstrap,
    from: null,
    offered: bootstrap.length,
    added: bootstrap.length,
    duplicates: 0,
    dropped: 0,
    description: `The first login puts the ${bootstrap.length} bootstrap supernodes in the cache, all on port ${bootstrap[0].port}.`,
  });
  // Enough replies to fill any cache from the overlay's supernodes; a guard, not a model parameter.
  const maximumReplies = 10 * HOST_CACHE_CAPACITY;
  for (let reply = 0; reply < maximumReplies; reply++) {
    const cache = stages[stages.length - 1].entries;
    const from = supernodeEndpoint(reply === 0 ? cache[0] : random.pick(cache));
    const offered = Array.from({length: random.integer(HOST_CACHE_REPLY_SIZE.minimum, HOST_CACHE_REPLY_SIZE.maximum)}, () => random.pick(overlay.supernodes));
    const update = addToHostCache(cache, offered);
    const full = update.entries.length >= HOST_CACHE_CAPACITY;
    stages.push({
      kind: 'reply',
      entries: update.entries,
      from,
      offered: offered.length,
      added: update.added,
      duplicates: update.duplicates,
      dropped: update.dropped,
      description:
        `${from} names ${offered.length} supernodes: ${update.added} added, ${update.duplicates} already known` +
        (update.dropped > 0 ? `, ${update.dropped} dropped because the cache is full (${HOST_CACHE_CAPACITY}).` : '.'),
    });
    // Stop once a reply has met a full cache, so that the last stage shows the limit at work, or
    // once a small overlay has no supernode left to name.
    if (full && update.dropped > 0 && update.added === 0) break;
    if (update.entries.length - bootstrap.length >= overlay.supernodes.length) break;
  }
  return stages;
}
