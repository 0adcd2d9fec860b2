/**
 * Skype voice flows for the detection lab (public API in traffic.ts), built with the protocol
 * library and shaped by the source model of Bonfiglio et al. 2007: message sizes N(μ, σ) and gaps
 * N(ΔT, 1 ms) of a working point (§4.2), headers as the paper's Table 2 describes them (§3.2).
 * Keys come from the library's `teachingKeyEngine`, a labelled stand-in for Skype's key engine: the
 * bytes look as random as real ones, but they are not real Skype traffic.
 */
import {PAYLOAD_HEADER_LENGTH, Rc4, TCP_HEADER_LENGTH, UDP_TYPES, concatBytes, knownTcpInit, obfuscateTcpStream, obfuscateUdp, teachingKeyEngine} from '../protocol';
import type {SeededRandom} from './random';
import type {TrafficEndpoints, TrafficMessage} from './traffic';
import {fillRandom, voiceGap, voiceMessageSize} from './trafficSampling';
import type {WorkingPoint} from './trafficWorkingPoints';

/** Where the func byte sits in a UDP datagram (protocol.md §2.1: packet id u16, then func). */
const FUNC_OFFSET = 2;
/** The SkypeOut connection id: the first 4 bytes of every message, constant for the call (§3.2.3). */
export const SKYPEOUT_CONNECTION_ID_BYTES = 4;

/** The time of voice message `index`: the first at 0 ms, each next one a gap N(ΔT, 1 ms) after the one before. */
function nextVoiceTime(random: SeededRandom, point: WorkingPoint, index: number, previousMs: number): number {
  return index === 0 ? 0 : previousMs + voiceGap(random, point);
}

/**
 * An end-to-end voice flow over UDP. Each message is its own datagram with its own packet id, IV and
 * key, made by the library's `obfuscateUdp` (a type-2 frame: packet id, func, IV, CRC, RC4
 * ciphertext). The func byte then gets the type 0xD of voice data (§3.2.2), keeping its three random
 * bits 4–6: `func = 0x0d | random << 4`.
 *
 * The layout after func is our stand-in: protocol.md §2.8 leaves type 0xD "not analysed", and the
 * paper's Table 2 only needs bytes 1–2 random, byte 3 mixed and bytes 4+ random, which the type-2
 * layout gives. The plaintext stands for compressed voice blocks, so it is random too.
 */
export function skypeEndToEndUdpMessages(random: SeededRandom, count: number, point: WorkingPoint, endpoints: TrafficEndpoints): TrafficMessage[] {
  const messages: TrafficMessage[] = [];
  let timeMs = 0;
  for (let index = 0; index < count; index++) {
    timeMs = nextVoiceTime(random, point, index, timeMs);
    const size = voiceMessageSize(random, point, PAYLOAD_HEADER_LENGTH);
    const randomBits = random.integer(0, 7);
    const payload = obfuscateUdp(
      {
        packetId: random.integer(0, 0xffff),
        func: UDP_TYPES.payload | (randomBits << 4),
        iv: random.nextUint32(),
        plaintext: fillRandom(random, new Uint8Array(size - PAYLOAD_HEADER_LENGTH)),
        srcIp: endpoints.srcIp,
        dstIp: endpoints.dstIp,
      },
      teachingKeyEngine,
    );
    payload[FUNC_OFFSET] = UDP_TYPES.audio | (randomBits << 4);
    messages.push({timeMs, payload});
  }
  return messages;
}

/**
 * A SkypeOut voice flow over UDP to the gateway (§3.2.3): a connection id of 4 random bytes, the same
 * in every message, then bytes that look random, here one RC4 keystream of the library for the whole
 * flow. The paper notes that the id settles after the first few messages of a call; the flow starts
 * after that.
 */
export function skypeOutUdpMessages(random: SeededRandom, count: number, point: WorkingPoint): TrafficMessage[] {
  const connectionId = fillRandom(random, new Uint8Array(SKYPEOUT_CONNECTION_ID_BYTES));
  const keystream = new Rc4(teachingKeyEngine.expand(random.nextUint32()));
  const messages: TrafficMessage[] = [];
  let timeMs = 0;
  for (let index = 0; index < count; index++) {
    timeMs = nextVoiceTime(random, point, index, timeMs);
    const size = voiceMessageSize(random, point, SKYPEOUT_CONNECTION_ID_BYTES + 1);
    const payload = new Uint8Array(size);
    payload.set(connectionId);
    payload.set(keystream.keystream(size - SKYPEOUT_CONNECTION_ID_BYTES), SKYPEOUT_CONNECTION_ID_BYTES);
    messages.push({timeMs, payload});
  }
  return messages;
}

/**
 * A voice flow over TCP, as Skype carried calls when UDP was blocked: ONE obfuscated stream for the
 * whole flow, made by the library's `obfuscateTcpStream` (seed in clear, the initiator's init block,
 * then the data, each under the one keystream; protocol.md §4), cut into messages of voice sizes.
 * The first message carries the 14-byte stream header. The clear data stands for compressed voice.
 */
export function skypeTcpMessages(random: SeededRandom, count: number, point: WorkingPoint): TrafficMessage[] {
  const seed = random.nextUint32();
  if (count === 0) return [];
  const sizes: number[] = [];
  const times: number[] = [];
  const clearParts: Uint8Array[] = [];
  let timeMs = 0;
  for (let index = 0; index < count; index++) {
    timeMs = nextVoiceTime(random, point, index, timeMs);
    const size = voiceMessageSize(random, point, index === 0 ? TCP_HEADER_LENGTH : 1);
    times.push(timeMs);
    sizes.push(size);
    // Drawn message by message, so that a longer flow of the same seed starts with the same bytes.
    clearParts.push(fillRandom(random, new Uint8Array(index === 0 ? size - TCP_HEADER_LENGTH : size)));
  }
  const stream = obfuscateTcpStream(seed, knownTcpInit('initiator').bytes, concatBytes(...clearParts), teachingKeyEngine);
  let offset = 0;
  return sizes.map((size, index) => {
    const payload = stream.slice(offset, offset + size);
    offset += size;
    return {timeMs: times[index], payload};
  });
}
