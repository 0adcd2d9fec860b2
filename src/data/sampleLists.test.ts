import {describe, expect, it} from 'vitest';
import {bytesToHex} from '@site/src/protocol';
import sampleTraffic from './sample-traffic.json';
import {SAMPLE_LISTS} from './sampleLists';


/** Every command's params as sample-traffic.json records them, payload datagrams and resend alike. */
const recordedParams = [...sampleTraffic.udp_payload_packets.packets, ...sampleTraffic.udp_resend.packets].flatMap((packet) =>
  packet.expected.commands.map((command) => command.params_hex),
);

describe('SAMPLE_LISTS', () => {
  it('holds each distinct list of the sample traffic once, and the two raw lists of protocol.md §7.1', () => {
    const distinct = new Set(recordedParams);
    expect(recordedParams).toHaveLength(16);
    expect(distinct.size).toBe(11);
    expect(SAMPLE_LISTS).toHaveLength(distinct.size + 2);
    const hex = SAMPLE_LISTS.map((list) => bytesToHex(list.bytes));
    expect(new Set(hex).size).toBe(SAMPLE_LISTS.length);
    for (const params of distinct) expect(hex).toContain(params);
    expect(hex).toContain('41020000c901000564');
    expect(hex).toContain('4101002e00');
    expect(new Set(SAMPLE_LISTS.map((list) => list.id)).size).toBe(SAMPLE_LISTS.length);
  });

  it('names each list after the first datagram and command that carry it, slides first', () => {
    expect(SAMPLE_LISTS.map((list) => list.id)).toEqual([
      'slide-41-cmd-27',
      'slide-61-cmd-6',
      'frame-219-cmd-29-reply',
      'frame-295-cmd-44',
      'frame-306-cmd-45-reply',
      'frame-333-cmd-36-reply',
      'frame-372-cmd-14',
      'frame-379-cmd-15-reply',
      'frame-418-cmd-6',
      'frame-545-cmd-12-notification',
      'frame-1992-cmd-18',
      'frame-2006-cmd-15-reply',
      'capture-cmd-5200-reply',
    ]);
  });

  it('gives the bytes, format, source and label of the probe, the cmd 14 request and the cmd 45 reply', () => {
    const byId = new Map(SAMPLE_LISTS.map((list) => [list.id, list]));
    // protocol.md §5: the probe's params are the empty compressed list 42 15.
    expect(byId.get('slide-41-cmd-27')).toMatchObject({format: 'compressed', source: 'slides', label: 'Slide 41: cmd 27 request (compressed, 0 objects)'});
    expect(bytesToHex(byId.get('slide-41-cmd-27')!.bytes)).toBe('4215');
    // docs/08-object-lists.mdx: frame 372's cmd 14 request, 15 bytes.
    expect(bytesToHex(byId.get('frame-372-cmd-14')!.bytes)).toBe('42f62304c64de06328cf8868469923');
    const reply = byId.get('frame-306-cmd-45-reply')!;
    const recorded = sampleTraffic.udp_payload_packets.packets.find((packet) => packet.origin.includes('frame 306'))!.expected.commands[0];
    expect(bytesToHex(reply.bytes)).toBe(recorded.params_hex);
    expect(reply).toMatchObject({format: 'compressed', source: 'capture', label: `Frame 306: cmd 45 reply (compressed, ${recorded.params_top_level_objects} objects)`});
    expect(byId.get('slide-61-cmd-6')).toMatchObject({format: 'raw', source: 'slides', label: 'Slide 61: cmd 6 request (raw, 2 objects)'});
    expect(byId.get('frame-545-cmd-12-notification')!.label).toBe('Frame 545: cmd 12 notification (compressed, 1 object)');
  });
});
