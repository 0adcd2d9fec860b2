import {describe, expect, it} from 'vitest';
import {ProtocolError, bytesToHex, deobfuscateUdp, encodeCommands, encodeObjectList, hexToBytes, obfuscateUdp, rc4Keystream, seedToHex, teachingKeyEngine} from '@site/src/protocol';
import {UDP_SAMPLES, recordedKeys} from '@site/src/data/sampleTraffic';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {attackUdpDatagram, commandsValue, readObjectList, type UdpAttack} from './attack';

/** The recorded facts of each sample, straight from the data file. */
const recorded = [...sampleTraffic.udp_payload_packets.packets, ...sampleTraffic.udp_resend.packets];

function attackOf(sample: (typeof UDP_SAMPLES)[number], useTeachingEngine = false): UdpAttack {
  const result = attackUdpDatagram(sample.bytes, {srcIp: sample.srcIp, dstIp: sample.dstIp}, useTeachingEngine);
  if (result.kind !== 'attack') throw new Error(`${sample.id} is not attackable`);
  return result;
}

const slide41 = UDP_SAMPLES.find((sample) => sample.id === 'slide-41')!;
const resend = UDP_SAMPLES.find((sample) => sample.id.startsWith('resend-'))!;

describe('attackUdpDatagram on the sample traffic', () => {
  it.each(UDP_SAMPLES.map((sample, index) => [sample.id, sample, recorded[index]] as const))(
    '%s: the staged values agree with deobfuscateUdp and the data file',
    (_, sample, facts) => {
      const attack = attackOf(sample);
      const whole = deobfuscateUdp(sample.bytes, {srcIp: sample.srcIp, dstIp: sample.dstIp}, recordedKeys);
      expect(attack.seed).toBe(whole.seed);
      expect(seedToHex(attack.seed)).toBe(facts.expected.rc4_seed);
      if ('crc_seed' in facts.expected) expect(seedToHex(attack.crcSeed!)).toBe(facts.expected.crc_seed);
      expect(attack.keySource).toBe('recorded');
      expect(bytesToHex(attack.decryption!.plaintext)).toBe(facts.expected.plaintext);
      expect(attack.decryption!.crcOk).toBe(true);
      expect(attack.decryption!.plaintextCrc).toBe(parseInt(facts.header.crc, 16));
      // The keystream row is what turns the ciphertext into the plaintext.
      const {keystream, plaintext} = attack.decryption!;
      const ciphertext = attack.datagram.ciphertext;
      expect(Array.from(ciphertext, (byte, index) => byte ^ keystream[index])).toEqual(Array.from(plaintext));
    },
  );

  it.each(UDP_SAMPLES.map((sample, index) => [sample.id, sample, recorded[index]] as const))('%s: commands and object counts match the data file', (_, sample, facts) => {
    const decryption = attackOf(sample).decryption!;
    if (decryption.commands.kind !== 'commands') throw decryption.commands.error;
    const expected = facts.expected.commands.map((command) => ('reqid' in command ? {cmd: command.cmd, flags: command.flags, reqid: command.reqid} : {cmd: command.cmd, flags: command.flags}));
    expect(JSON.parse(commandsValue(decryption.commands.readings))).toEqual(expected);
    decryption.commands.readings.forEach((reading, index) => {
      expect(reading.span.cmdlen).toBe(facts.expected.commands[index].cmdlen);
      expect(reading.span.cmdword).toBe(facts.expected.commands[index].cmdword);
    });
    decryption.commands.lists.forEach((list, index) => {
      expect(list.kind).toBe('list');
      if (list.kind === 'list') {
        expect(list.items).toHaveLength(facts.expected.commands[index].params_top_level_objects);
        expect(list.length).toBe(facts.expected.commands[index].params_consumed);
      }
    });
  });

  it('builds the CRC input of Silver Needle slide 41 from 0.0.0.0, 24.98.66.80 and packet id 7f4e (spec §2.2)', () => {
    const attack = attackOf(slide41);
    expect(bytesToHex(attack.crcInput!)).toBe('00000000504262184e7f0000');
    expect(seedToHex(attack.crcSeed!)).toBe('3352dc77');
    expect(seedToHex(attack.seed)).toBe('22d81c40');
  });

  it('gives the 80-byte recorded key and its keystream', () => {
    const attack = attackOf(slide41);
    const key = hexToBytes(sampleTraffic.key_table.keys['22d81c40' as keyof typeof sampleTraffic.key_table.keys]);
    expect(Array.from(attack.key!)).toEqual(Array.from(key));
    expect(bytesToHex(attack.decryption!.keystream)).toBe(bytesToHex(rc4Keystream(key, 7)));
  });

  it('takes a resend seed from packet id XOR challenge, without addresses (spec §2.6)', () => {
    const attack = attackOf(resend);
    expect(attack.datagram.kind).toBe('resend');
    expect(attack.crcInput).toBeNull();
    expect(seedToHex(attack.seed)).toBe(sampleTraffic.udp_resend.packets[0].expected.rc4_seed);
    const elsewhere = attackUdpDatagram(resend.bytes, {srcIp: '1.2.3.4', dstIp: '5.6.7.8'}, false) as UdpAttack;
    expect(elsewhere.seed).toBe(attack.seed);
  });
});

describe('the header of the attack', () => {
  it('lays out a payload as packet id, func, IV, CRC, ciphertext (spec §2.2)', () => {
    expect(attackOf(slide41).header).toEqual([
      {field: 'packetId', start: 0, end: 2},
      {field: 'func', start: 2, end: 3},
      {field: 'iv', start: 3, end: 7},
      {field: 'crc', start: 7, end: 11},
      {field: 'ciphertext', start: 11, end: 18},
    ]);
  });

  it('lays out a resend as packet id, func, count, challenge, destination IP, CRC, ciphertext (spec §2.6)', () => {
    expect(attackOf(resend).header.map(({field, start, end}) => `${field} ${start}-${end}`)).toEqual([
      'packetId 0-2',
      'func 2-3',
      'count 3-4',
      'challenge 4-8',
      'destinationIp 8-12',
      'crc 12-16',
      'ciphertext 16-23',
    ]);
  });
});

describe('wrong inputs and other keys', () => {
  it('finds no recorded key when the private address replaces the public one', () => {
    const frame219 = UDP_SAMPLES.find((sample) => sample.id === 'frame-219')!;
    const attack = attackUdpDatagram(frame219.bytes, {srcIp: frame219.srcIp, dstIp: '192.168.1.2'}, false) as UdpAttack;
    expect(attack.keySource).toBe('unavailable');
    expect(attack.decryption).toBeNull();
    expect(seedToHex(attack.seed)).not.toBe(frame219.expected.rc4Seed);
  });

  it('decrypts noise with the teaching engine on real traffic, and the CRC says so', () => {
    const attack = attackUdpDatagram(slide41.bytes, {srcIp: '0.0.0.0', dstIp: '24.98.66.81'}, true) as UdpAttack;
    expect(attack.keySource).toBe('teaching');
    expect(attack.decryption!.crcOk).toBe(false);
  });

  it('decrypts a datagram built on this site with the teaching engine', () => {
    const params = encodeObjectList([{type: 0, id: 46, value: 7}], 'raw');
    const plaintext = encodeCommands([{cmd: 27, flags: 2, reqid: 0x1234, params}]);
    const bytes = obfuscateUdp({packetId: 0x1235, iv: 0xcafe0001, plaintext, srcIp: '10.0.0.1', dstIp: '10.0.0.2'}, teachingKeyEngine);
    const attack = attackUdpDatagram(bytes, {srcIp: '10.0.0.1', dstIp: '10.0.0.2'}, true) as UdpAttack;
    expect(attack.keySource).toBe('teaching');
    expect(attack.decryption!.crcOk).toBe(true);
    const commands = attack.decryption!.commands;
    if (commands.kind !== 'commands') throw commands.error;
    expect(commandsValue(commands.readings)).toBe('[{"cmd":27,"flags":2,"reqid":"1234"}]');
    expect(commands.lists[0]).toEqual({kind: 'list', format: 'raw', items: [{type: 0, id: 46, value: 7}], length: params.length});
  });

  it('marks the fields of the probe 04 da01 7f4d 42 15 (spec §5)', () => {
    const commands = attackOf(slide41).decryption!.commands;
    if (commands.kind !== 'commands') throw commands.error;
    // cmdlen 04, cmdword da 01 (27 · 8 + 2 = 218 takes two varint bytes), reqid 7f4d, params 42 15.
    expect(commands.readings[0].fields.map(({field, start, end}) => `${field} ${start}-${end}`)).toEqual(['cmdlen 0-1', 'cmdword 1-3', 'reqid 3-5', 'params 5-7']);
  });

  it('calls a NAck unsupported instead of attacking it, with the fields that say so', () => {
    const nack = hexToBytes(sampleTraffic.udp_nack.packets[0].udp_payload);
    const outcome = attackUdpDatagram(nack, {srcIp: '0.0.0.0', dstIp: '0.0.0.0'}, false);
    expect(outcome.kind).toBe('unsupported');
    if (outcome.kind === 'unsupported') expect(outcome.header.find(({field}) => field === 'func')).toEqual({field: 'func', start: 2, end: 3});
  });

  it('rejects a truncated header with the offset of the missing field', () => {
    const cut = slide41.bytes.slice(0, 9);
    expect(() => attackUdpDatagram(cut, {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}, false)).toThrow(ProtocolError);
    try {
      attackUdpDatagram(cut, {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}, false);
    } catch (error) {
      expect((error as ProtocolError).offset).toBe(7);
    }
  });

  it('reports params that are not an object list, and a list that does not decode', () => {
    expect(readObjectList(new Uint8Array())).toEqual({kind: 'notList', firstByte: null});
    expect(readObjectList(Uint8Array.of(0x07))).toEqual({kind: 'notList', firstByte: 7});
    expect(readObjectList(Uint8Array.of(0x41, 0x02, 0x00)).kind).toBe('problem');
  });

  it('prefers the recorded key to the teaching engine', () => {
    const teaching = attackUdpDatagram(slide41.bytes, {srcIp: slide41.srcIp, dstIp: slide41.dstIp}, true) as UdpAttack;
    expect(teaching.keySource).toBe('recorded');
  });
});
