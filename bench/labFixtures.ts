/**
 * Inputs of the lab-widget benchmark, made with the protocol library: a 1,500-byte payload
 * datagram (above the 1,355 bytes obfuscateUdp allows, as the goal asks for 1,500), built
 * from commands and object lists so that every part of the dissection has work to do.
 */
import {
  Rc4,
  bytesToHex,
  concatBytes,
  encodeCommands,
  encodeObjectList,
  encodeTcpFrames,
  knownTcpInit,
  skypeCrc32,
  teachingKeyEngine,
  udpCrcSeed,
  type ObjectItem,
} from '../src/protocol/index';

export const DATAGRAM_LENGTH = 1500;
export const ADDRESSES = {srcIp: '86.128.245.115', dstIp: '83.147.171.206', otherSrcIp: '86.128.245.116'};
const PACKET_ID = 0x160d;
// Not frame 295's IV: with it the seed would be one of the recorded ones.
const IV = 0x30f3876b;

/** Commands whose object lists hold numbers, strings, an address, a nested list and a blob, padded to `length` bytes. */
function plaintextOf(length: number): Uint8Array {
  const text = new TextEncoder();
  const objects = (blobLength: number): ObjectItem[] => [
    {type: 0, id: 0, value: 1481},
    {type: 2, id: 1, value: {ip: '83.147.171.206', port: 6293}},
    {type: 3, id: 2, value: text.encode('echo123')},
    {type: 4, id: 3, value: new Uint8Array(blobLength).map((_, index) => (index * 37) & 0xff)},
    {type: 5, id: 4, value: [{type: 0, id: 5, value: 12}, {type: 6, id: 6, value: [1, 2, 3]}]},
  ];
  const commandsOf = (blobLength: number) =>
    encodeCommands([
      {cmd: 27, flags: 2, reqid: 0x160c, params: encodeObjectList(objects(16), 'raw')},
      {cmd: 44, flags: 2, reqid: 0x160d, params: encodeObjectList(objects(blobLength), 'compressed')},
    ]);
  // Grow the blob until the commands fill the datagram exactly (the length varints make it nonlinear).
  let blobLength = length - commandsOf(0).length;
  while (commandsOf(blobLength).length > length) blobLength--;
  const commands = commandsOf(blobLength);
  return concatBytes(commands, new Uint8Array(length - commands.length));
}

/** The datagram: the 11-byte type-2 header, then the plaintext under the teaching engine's key. */
export function benchDatagram(): {hex: string; plaintextLength: number} {
  const plaintext = plaintextOf(DATAGRAM_LENGTH - 11);
  const seed = (udpCrcSeed(ADDRESSES.srcIp, ADDRESSES.dstIp, PACKET_ID) ^ IV) >>> 0;
  const header = new Uint8Array(11);
  const view = new DataView(header.buffer);
  view.setUint16(0, PACKET_ID);
  header[2] = 0x02;
  view.setUint32(3, IV);
  view.setUint32(7, skypeCrc32(plaintext));
  return {hex: bytesToHex(concatBytes(header, new Rc4(teachingKeyEngine.expand(seed)).crypt(plaintext))), plaintextLength: plaintext.length};
}

/** Clear TCP data of `length` bytes: one packet frame, then padding frames. */
export function benchTcpData(length: number): string {
  const first = encodeTcpFrames([{kind: 'packet', packetId: 0x1613, commands: [{cmd: 29, flags: 2, reqid: 0x1612, params: encodeObjectList([{type: 0, id: 0, value: 1}], 'compressed')}]}]);
  const padding = encodeTcpFrames([{kind: 'control', type: 3, body: new Uint8Array(length - first.length - 3)}]);
  return bytesToHex(concatBytes(first, padding).subarray(0, length));
}

/** A plaintext of the largest size the key-derivation explorer takes (a 1,355-byte datagram). */
export const benchPlaintext = (length: number) => bytesToHex(plaintextOf(length));

export const initiatorInit = () => bytesToHex(knownTcpInit('initiator').bytes);
