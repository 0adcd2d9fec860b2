/**
 * A scaled-down 2006 supernode overlay: supernodes on public addresses grouped in slots of 9 or 10
 * and blocks of 8 slots (Silver Needle slides 83–84), ordinary clients each attached to one supernode
 * (Baset & Schulzrinne §1), the login server and the bootstrap supernodes. The real network had about
 * 2050 slots and 20,000 supernodes; the model defaults to 64 slots. Deterministic for a seed.
 */
import {BOOTSTRAP_SUPERNODES, LOGIN_SERVER_IP, LOGIN_SERVER_PORT, SLOT_FACTS, type SupernodeAddress} from '../data/networkFacts';
import {SeededRandom} from './random';

export interface OverlaySupernode {
  /** 'sn-<slot>-<position in slot>'. */
  id: string;
  /** An illustrative public address from the RFC 5737 documentation ranges. */
  ip: string;
  /** The port its installation drew at random (Baset §2.1). */
  port: number;
  slot: number;
  block: number;
}

export interface OverlaySlot {
  index: number;
  block: number;
  supernodeIds: readonly string[];
}

export interface OverlayBlock {
  index: number;
  slotIndexes: readonly number[];
}

/** An ordinary node: the Skype client a user runs, with the supernode it keeps a TCP connection to. */
export interface OverlayClient {
  /** 'user-001' and so on. */
  id: string;
  supernodeId: string;
}

export interface Overlay {
  seed: number;
  supernodes: readonly OverlaySupernode[];
  slots: readonly OverlaySlot[];
  blocks: readonly OverlayBlock[];
  clients: readonly OverlayClient[];
  loginServer: SupernodeAddress;
  bootstrap: readonly SupernodeAddress[];
}

export interface OverlayOptions {
  /** Any whole number from 0 to 2^32 − 1. */
  seed: number;
  /** Slots in the model, a multiple of 8 from 8 to 72. Default 64. */
  slotCount?: number;
  /** Ordinary clients in the model. Default 320. */
  clientCount?: number;
}

export const OVERLAY_DEFAULTS = {slotCount: 64, clientCount: 320} as const;

/** The RFC 5737 documentation networks: illustrative public addresses that belong to nobody. */
const DOCUMENTATION_NETWORKS = ['192.0.2', '198.51.100', '203.0.113'] as const;
const HOSTS_PER_NETWORK = 254;
const MAX_SLOTS = Math.floor((DOCUMENTATION_NETWORKS.length * HOSTS_PER_NETWORK) / SLOT_FACTS.supernodesPerSlot.value.maximum / SLOT_FACTS.slotsPerBlock.value) * SLOT_FACTS.slotsPerBlock.value;
/** Random ports stay above the well-known and registered ranges that other programs hold. */
const RANDOM_PORT_RANGE = {minimum: 1024, maximum: 65535};

/** Throws a RangeError naming the argument unless it is a whole number from 0 to 2^32 − 1. */
export function assertOverlaySeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed: expected a whole number from 0 to 4294967295, got ${seed}`);
}

/**
 * Builds the overlay for a seed: how many supernodes each slot holds (9 or 10), their addresses and
 * ports, and which supernode each client is attached to. Slots are numbered from 0 and blocks take
 * consecutive slots; the slides do not say how slots were assigned to blocks.
 * @param options the seed, and optionally the number of slots and clients
 * @returns the supernodes, slots, blocks and clients, with the login server and bootstrap supernodes
 * @throws RangeError when the seed is not a 32-bit whole number, the slot count is not a multiple of 8
 *   from 8 to 72, or the client count is not a whole number from 1 to 10,000
 * @example buildOverlay({seed: 2004}).slots.length // 64
 */
export function buildOverlay({seed, slotCount = OVERLAY_DEFAULTS.slotCount, clientCount = OVERLAY_DEFAULTS.clientCount}: OverlayOptions): Overlay {
  assertOverlaySeed(seed);
  const slotsPerBlock = SLOT_FACTS.slotsPerBlock.value;
  if (!Number.isInteger(slotCount) || slotCount < slotsPerBlock || slotCount > MAX_SLOTS || slotCount % slotsPerBlock !== 0) {
    throw new RangeError(`slotCount: expected a multiple of ${slotsPerBlock} from ${slotsPerBlock} to ${MAX_SLOTS}, got ${slotCount}`);
  }
  if (!Number.isInteger(clientCount) || clientCount < 1 || clientCount > 10_000) {
    throw new RangeError(`clientCount: expected a whole number from 1 to 10000, got ${clientCount}`);
  }
  const random = new SeededRandom(seed);
  const addresses = random.shuffle(DOCUMENTATION_NETWORKS.flatMap((network) => Array.from({length: HOSTS_PER_NETWORK}, (_, host) => `${network}.${host + 1}`)));
  const {minimum, maximum} = SLOT_FACTS.supernodesPerSlot.value;

  const supernodes: OverlaySupernode[] = [];
  const slots: OverlaySlot[] = [];
  for (let slot = 0; slot < slotCount; slot++) {
    const block = Math.floor(slot / slotsPerBlock);
    const size = random.integer(minimum, maximum);
    const ids: string[] = [];
    for (let position = 0; position < size; position++) {
      const id = `sn-${slot}-${position}`;
      supernodes.push({id, ip: addresses[supernodes.length], port: random.integer(RANDOM_PORT_RANGE.minimum, RANDOM_PORT_RANGE.maximum), slot, block});
      ids.push(id);
    }
    slots.push({index: slot, block, supernodeIds: ids});
  }
  const blocks: OverlayBlock[] = Array.from({length: slotCount / slotsPerBlock}, (_, index) => ({
    index,
    slotIndexes: Array.from({length: slotsPerBlock}, (_, offset) => index * slotsPerBlock + offset),
  }));
  const clients: OverlayClient[] = Array.from({length: clientCount}, (_, index) => ({
    id: `user-${String(index + 1).padStart(3, '0')}`,
    supernodeId: random.pick(supernodes).id,
  }));

  return {
    seed,
    supernodes,
    slots,
    blocks,
    clients,
    loginServer: {ip: LOGIN_SERVER_IP.value, port: LOGIN_SERVER_PORT.value},
    bootstrap: BOOTSTRAP_SUPERNODES.value.map(({ip, port}) => ({ip, port})),
  };
}

/** 'ip:port', the way the host cache and the traces write an address. */
export const supernodeEndpoint = ({ip, port}: SupernodeAddress) => `${ip}:${port}`;
