/**
 * What the forward direction shows at each stage, drawn from one ForwardPipeline: the list, the
 * parameters and command bytes, the seed, the datagrams, and the pcap download. Each view is
 * memoised on the pipeline, so that editing a field that does not change it (a port) redraws nothing.
 */
import {memo, useId, useMemo, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import HexView from '@site/src/components/HexView';
import Output from '@site/src/components/lab/Output';
import {hex16, hex32, spacedHex} from '@site/src/components/lab/parseInput';
import labStyles from '@site/src/components/lab/styles.module.css';
import stageStyles from '@site/src/components/lab/stages.module.css';
import ObjectTree from '@site/src/components/UdpAttack/ObjectTree';
import {MAX_DATAGRAM_LENGTH, MAX_FRAGMENT_PLAINTEXT, ProtocolError, bytesToHex, seedToHex, toPcap} from '@site/src/protocol';
import {FRAGMENT_HEADER_LENGTH, PAYLOAD_HEADER_LENGTH} from '@site/src/protocol';
import type {KeySource} from '@site/src/components/lab/keyChoice';
import {downloadFile} from '@site/src/components/lab/downloadFile';
import {commandAnnotations, datagramAnnotations, listAnnotations} from './annotations';
import {datagramsValue, type DatagramReading, type ForwardPipeline} from './pipeline';
import styles from './styles.module.css';

/** The name of the pcap file the download saves. */
export const PCAP_FILE_NAME = 'skype-pipeline.pcap';

export function formatName(format: 'raw' | 'compressed'): string {
  return format === 'raw' ? translate({id: 'lab.packetPipeline.format.rawName', message: 'raw (0x41)'}) : translate({id: 'lab.packetPipeline.format.compressedName', message: 'compressed (0x42)'});
}

/** Where a datagram's key came from, in words; the teaching stand-in is always named as not Skype's. */
export function KeySourceText({source}: {source: Exclude<KeySource, 'unavailable'>}): ReactNode {
  return source === 'recorded' ? (
    <Translate id="lab.packetPipeline.key.recorded">the real key, recorded for this sample seed</Translate>
  ) : (
    <Translate id="lab.packetPipeline.key.teaching" values={{legal: <Link to="/docs/legal-issues">{translate({id: 'lab.packetPipeline.key.legal', message: 'why'})}</Link>}}>
      {'the teaching stand-in, NOT Skype’s key engine ({legal}): real clients would not read it'}
    </Translate>
  );
}

/** Whether two pipelines share their list and command stages (kept while only the datagram fields change). */
const sameMessage = (previous: {pipeline: ForwardPipeline}, next: {pipeline: ForwardPipeline}) =>
  previous.pipeline.list === next.pipeline.list && previous.pipeline.items === next.pipeline.items && previous.pipeline.plaintext === next.pipeline.plaintext;

export const ListView = memo(function ListView({pipeline}: {pipeline: ForwardPipeline}): ReactNode {
  const {list, listFormat, listSpans, items} = pipeline;
  const annotations = useMemo(() => listAnnotations(listFormat, list.length, listSpans), [listFormat, list, listSpans]);
  return (
    <>
      <p>
        {translate(
          {id: 'lab.packetPipeline.list.summary', message: 'A {format} list of {count} top-level objects, {length} bytes.'},
          {format: formatName(listFormat), count: listSpans.length, length: list.length},
        )}
      </p>
      <HexView bytes={list} annotations={annotations} label={translate({id: 'lab.packetPipeline.list.view', message: 'The object list, {count} bytes'}, {count: list.length})} />
      {items.length > 0 && (
        <details className={styles.details}>
          <summary>{translate({id: 'lab.packetPipeline.list.tree', message: 'The objects that go into the command ({count}, padding included)'}, {count: items.length})}</summary>
          <ObjectTree items={items} />
        </details>
      )}
    </>
  );
}, sameMessage);

export const CommandBytesView = memo(function CommandBytesView({pipeline}: {pipeline: ForwardPipeline}): ReactNode {
  const {params, paramSpans, plaintext, commandFields} = pipeline;
  const format = params[0] === 0x41 ? 'raw' : 'compressed';
  const paramAnnotations = useMemo(() => listAnnotations(format, params.length, paramSpans), [format, params, paramSpans]);
  const command = useMemo(() => commandAnnotations(commandFields, pipeline.commands), [commandFields, pipeline.commands]);
  return (
    <>
      <p>
        <Translate id="lab.packetPipeline.parameters.text" values={{format: formatName(format), length: params.length}}>
          {'The objects, encoded {format}: {length} bytes. A compressed list sorts the objects by id and range-codes them; values of types 1, 2 and 4 go to a raw tail.'}
        </Translate>
      </p>
      <HexView bytes={params} annotations={paramAnnotations} label={translate({id: 'lab.packetPipeline.parameters.view', message: 'The parameters, {count} bytes'}, {count: params.length})} />
      <p className={styles.hiddenValue}>
        <Output name="encoded-list" value={bytesToHex(params)}>
          {translate({id: 'lab.packetPipeline.parameters.bytes', message: '{count} bytes'}, {count: params.length})}
        </Output>
      </p>
      <p>
        <Translate id="lab.packetPipeline.command.text">
          The command wraps them: cmdlen (a varint counting the reqid and the params), cmdword (cmd × 8 + flags), the 2-byte reqid of requests and replies, then the params.
        </Translate>
      </p>
      <HexView bytes={plaintext} annotations={command} label={translate({id: 'lab.packetPipeline.command.view', message: 'The command bytes (the plaintext), {count} bytes'}, {count: plaintext.length})} />
      <p>
        <Translate
          id="lab.packetPipeline.command.result"
          values={{
            value: (
              <Output name="plaintext" value={bytesToHex(plaintext)}>
                {plaintext.length <= 64 ? spacedHex(plaintext) : translate({id: 'lab.packetPipeline.command.long', message: '{count} bytes (see above)'}, {count: plaintext.length})}
              </Output>
            ),
          }}>
          {'Plaintext: {value}'}
        </Translate>
      </p>
    </>
  );
}, sameMessage);

export const ObfuscationView = memo(function ObfuscationView({pipeline}: {pipeline: ForwardPipeline}): ReactNode {
  const [first] = pipeline.datagrams;
  const iv = first.datagram.kind === 'resend' ? 0 : first.datagram.iv;
  return (
    <>
      <p>
        <Translate id="lab.packetPipeline.obfuscation.text">
          The seed is made from public values only: Skype’s CRC-32 of the source IP, the destination IP and the packet id (each 32 bits, little-endian), XOR the IV. RC4 keyed from
          the seed encrypts the plaintext; the header carries the CRC of the plaintext so that the receiver can check its decryption.
        </Translate>
      </p>
      <HexView
        bytes={pipeline.crcInput}
        annotations={[
          {start: 0, end: 4, label: translate({id: 'lab.packetPipeline.crcInput.source', message: 'source IP, little-endian'})},
          {start: 4, end: 8, label: translate({id: 'lab.packetPipeline.crcInput.destination', message: 'destination IP, little-endian'})},
          {start: 8, end: 12, label: translate({id: 'lab.packetPipeline.crcInput.packetId', message: 'packet id, little-endian'})},
        ]}
        label={translate({id: 'lab.packetPipeline.crcInput.view', message: 'CRC input of the first datagram, {count} bytes'}, {count: pipeline.crcInput.length})}
      />
      <dl className={stageStyles.values}>
        <dt>{translate({id: 'lab.packetPipeline.obfuscation.crcSeed', message: 'CRC seed = CRC(CRC input)'})}</dt>
        <dd>
          <code>{hex32(pipeline.crcSeed)}</code>
        </dd>
        <dt>{translate({id: 'lab.packetPipeline.obfuscation.iv', message: 'XOR IV'})}</dt>
        <dd>
          <code>{hex32(iv)}</code>
        </dd>
        <dt>{translate({id: 'lab.packetPipeline.obfuscation.seed', message: '= RC4 seed'})}</dt>
        <dd>
          <Output name="seed" value={seedToHex(first.seed)}>
            {hex32(first.seed)}
          </Output>
        </dd>
        <dt>{translate({id: 'lab.packetPipeline.obfuscation.key', message: 'Key'})}</dt>
        <dd data-output="key-source" data-value={first.keySource}>
          <KeySourceText source={first.keySource} />
        </dd>
        <dt>{translate({id: 'lab.packetPipeline.obfuscation.crc', message: 'CRC of the plaintext'})}</dt>
        <dd>
          <code>{hex32(pipeline.plaintextCrc)}</code>
        </dd>
      </dl>
      {pipeline.fragmented && (
        <p>
          <Translate id="lab.packetPipeline.obfuscation.fragments">
            These values are those of the first fragment. Each fragment is encrypted on its own, under its own packet id (one more for each fragment, our choice) and the next IV
            on the chain, so each has its own seed: see the table below.
          </Translate>
        </p>
      )}
    </>
  );
});

function datagramKind(reading: DatagramReading): string {
  const {datagram} = reading;
  return datagram.kind === 'fragment'
    ? datagram.last
      ? translate({id: 'lab.packetPipeline.datagram.lastFragment', message: 'fragment {index} (last)'}, {index: datagram.index})
      : translate({id: 'lab.packetPipeline.datagram.fragment', message: 'fragment {index}'}, {index: datagram.index})
    : datagram.kind === 'resend'
      ? translate({id: 'lab.packetPipeline.datagram.resend', message: 'resend'})
      : translate({id: 'lab.packetPipeline.datagram.payload', message: 'payload (type 2)'});
}

/** The datagrams as a table, and one of them at a time in a byte view, with its decrypted plaintext when `showPlaintext`. */
export function DatagramTable({datagrams, label, showPlaintext = false}: {datagrams: readonly DatagramReading[]; label: string; showPlaintext?: boolean}): ReactNode {
  const [chosen, setChosen] = useState(0);
  const selectId = useId();
  const index = Math.min(chosen, datagrams.length - 1);
  const shown = datagrams[index];
  const annotations = useMemo(() => datagramAnnotations(shown.datagram, shown.layout), [shown]);
  return (
    <>
      <div className={stageStyles.scrollBox} tabIndex={0} role="region" aria-label={label}>
        <table className={labStyles.table}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{translate({id: 'lab.packetPipeline.table.kind', message: 'Type'})}</th>
              <th scope="col">{translate({id: 'lab.packetPipeline.table.packetId', message: 'Packet id'})}</th>
              <th scope="col">{translate({id: 'lab.packetPipeline.table.iv', message: 'IV'})}</th>
              <th scope="col">{translate({id: 'lab.packetPipeline.table.seed', message: 'RC4 seed'})}</th>
              <th scope="col">{translate({id: 'lab.packetPipeline.table.length', message: 'Bytes'})}</th>
              <th scope="col">{translate({id: 'lab.packetPipeline.table.crc', message: 'CRC check'})}</th>
            </tr>
          </thead>
          <tbody>
            {datagrams.map((reading, row) => (
              <tr key={row}>
                <td>{row + 1}</td>
                <td>{datagramKind(reading)}</td>
                <td>
                  <code>{hex16(reading.datagram.packetId)}</code>
                </td>
                <td>
                  <code>{reading.datagram.kind === 'resend' ? '—' : hex32(reading.datagram.iv)}</code>
                </td>
                <td>
                  <code>{hex32(reading.seed)}</code>
                  {reading.keySource === 'teaching' ? ' *' : ''}
                </td>
                <td>{reading.bytes.length}</td>
                <td>{reading.crcOk ? translate({id: 'lab.packetPipeline.table.crcOk', message: '✓ ok'}) : translate({id: 'lab.packetPipeline.table.crcMismatch', message: '✗ mismatch'})}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {datagrams.some((reading) => reading.keySource === 'teaching') && (
        <p className={styles.small}>
          * <KeySourceText source="teaching" />
        </p>
      )}
      {datagrams.length > 1 && (
        <p className={labStyles.field}>
          <label htmlFor={selectId} className={labStyles.label}>
            {translate({id: 'lab.packetPipeline.datagram.choose', message: 'Datagram to show'})}
          </label>
          <select id={selectId} className={labStyles.input} value={index} onChange={(event) => setChosen(Number(event.currentTarget.value))}>
            {datagrams.map((reading, row) => (
              <option key={row} value={row}>
                {translate({id: 'lab.packetPipeline.datagram.option', message: '{number}: {kind}, {length} bytes'}, {number: row + 1, kind: datagramKind(reading), length: reading.bytes.length})}
              </option>
            ))}
          </select>
        </p>
      )}
      <HexView
        bytes={shown.bytes}
        annotations={annotations}
        label={translate({id: 'lab.packetPipeline.datagram.view', message: 'Datagram {number} of {count}: {kind}, {length} bytes'}, {number: index + 1, count: datagrams.length, kind: datagramKind(shown), length: shown.bytes.length})}
      />
      {showPlaintext && (
        <HexView
          bytes={shown.plaintext}
          label={translate({id: 'lab.packetPipeline.datagram.plaintextView', message: 'Datagram {number}, decrypted: {length} bytes of plaintext'}, {number: index + 1, length: shown.plaintext.length})}
        />
      )}
    </>
  );
}

export const DatagramsView = memo(function DatagramsView({pipeline}: {pipeline: ForwardPipeline}): ReactNode {
  const {datagrams, fragmented, plaintext} = pipeline;
  const total = datagrams.reduce((sum, {bytes}) => sum + bytes.length, 0);
  return (
    <>
      <p>
        {fragmented
          ? translate(
              {id: 'lab.packetPipeline.datagrams.fragmented', message: 'The plaintext, {length} bytes, is too long for one datagram of at most {maximum} bytes: it travels as {count} type-0xF fragments. Each carries up to {part} plaintext bytes after its {header}-byte header, in index order, the last with 0x80 set.'},
              {length: plaintext.length, count: datagrams.length, maximum: MAX_DATAGRAM_LENGTH, part: MAX_FRAGMENT_PLAINTEXT, header: FRAGMENT_HEADER_LENGTH},
            )
          : translate(
              {id: 'lab.packetPipeline.datagrams.single', message: 'The plaintext, {length} bytes, fits one type-2 datagram of at most {maximum} bytes: {header} bytes of header, then the ciphertext.'},
              {length: plaintext.length, maximum: MAX_DATAGRAM_LENGTH, header: PAYLOAD_HEADER_LENGTH},
            )}
      </p>
      <p>
        <Translate
          id="lab.packetPipeline.datagrams.result"
          values={{
            count: <Output name="datagram-count" value={String(datagrams.length)} />,
            bytes: total,
          }}>
          {'Datagrams: {count}, {bytes} bytes in all.'}
        </Translate>{' '}
        <Output name="datagrams" value={datagramsValue(datagrams)}>
          {datagrams.length === 1 && total <= 64 ? spacedHex(datagrams[0].bytes) : ''}
        </Output>
      </p>
      <DatagramTable datagrams={datagrams} label={translate({id: 'lab.packetPipeline.datagrams.table', message: 'The datagrams'})} />
    </>
  );
});

export interface PcapDownloadProps {
  pipeline: ForwardPipeline;
  /** False while a field is wrong: the shown datagrams are then the last good ones, not the fields'. */
  ready: boolean;
  srcIp: string;
  dstIp: string;
  srcPort: number;
  dstPort: number;
}

/** Saves the datagrams as a pcap file that Wireshark opens (the library's toPcap). */
export function PcapDownload({pipeline, ready, srcIp, dstIp, srcPort, dstPort}: PcapDownloadProps): ReactNode {
  const [problem, setProblem] = useState<string | null>(null);
  function download() {
    let file: Uint8Array;
    try {
      file = toPcap(pipeline.datagrams.map(({bytes}) => ({srcIp, srcPort, dstIp, dstPort, payload: bytes})));
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      setProblem(translate({id: 'lab.packetPipeline.pcap.problem', message: 'The capture file could not be written: {message}.'}, {message: error.message}));
      return;
    }
    setProblem(null);
    downloadFile(file as Uint8Array<ArrayBuffer>, PCAP_FILE_NAME, 'application/vnd.tcpdump.pcap');
  }
  return (
    <>
      <p>
        <Translate id="lab.packetPipeline.pcap.text" values={{file: <code>{PCAP_FILE_NAME}</code>, wireshark: <Link to="/docs/references#wireshark"><Translate id="lab.packetPipeline.pcap.wireshark">Wireshark</Translate></Link>}}>
          {'Save the datagrams as {file}, a classic pcap file: each in an Ethernet, IPv4 and UDP frame between the two addresses and ports above, one second apart. Open it in {wireshark}.'}
        </Translate>{' '}
        {srcIp === '0.0.0.0' && (
          <Translate id="lab.packetPipeline.pcap.zero">
            The source address is 0.0.0.0, as in the seed of a client that did not know its public address yet; a real datagram left from its private address.
          </Translate>
        )}
      </p>
      <button type="button" className="button button--primary button--sm" data-action="download-pcap" disabled={!ready} onClick={download}>
        <Translate id="lab.packetPipeline.pcap.button">Download .pcap</Translate>
      </button>
      {!ready && (
        <span className={styles.small}>
          {' '}
          <Translate id="lab.packetPipeline.pcap.notReady">Correct the fields marked above first.</Translate>
        </span>
      )}
      <p role="alert" className={labStyles.alert}>
        {problem}
      </p>
    </>
  );
}
