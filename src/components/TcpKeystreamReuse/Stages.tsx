/**
 * The five stages of the keystream-reuse attack on a TCP stream, drawn from one reading (see
 * reuse.ts): the stream's first bytes, the known init block, the recovered keystream, the recovered
 * data beside the true data, and why it works. Byte views of stages not yet revealed are not drawn.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import HexView from '@site/src/components/HexView';
import {COMPRESSED_LIST_MARKER, RAW_LIST_MARKER, TCP_CONTROL_TYPES, TCP_HEADER_LENGTH, TCP_INIT_LENGTH, bytesToHex, seedToHex} from '@site/src/protocol';
import Output from '@site/src/components/lab/Output';
import StagePlayer, {type StageDefinition} from '@site/src/components/lab/StagePlayer';
import {flagsName} from '@site/src/components/lab/commandText';
import {hex32} from '@site/src/components/lab/parseInput';
import labStyles from '@site/src/components/lab/styles.module.css';
import stageStyles from '@site/src/components/lab/stages.module.css';
import {compareRecovered, recoveredValue, type FrameField, type KeystreamRecovery, type TcpRole, type TrueData} from './reuse';
import styles from './styles.module.css';

/** Everything the stages show about one stream. */
export interface TcpReading {
  stream: Uint8Array;
  role: TcpRole;
  recovery: KeystreamRecovery;
  truth: TrueData;
  firstFrame: FrameField[];
}

const INIT_START = TCP_HEADER_LENGTH - TCP_INIT_LENGTH;

/** Bytes as spaced hex, '??' for an unknown one: the visible form of `recoveredValue`. */
export const spacedKnown = (bytes: readonly (number | null)[]) => bytes.map((byte) => (byte === null ? '??' : byte.toString(16).padStart(2, '0'))).join(' ');

export function roleName(role: TcpRole): string {
  return role === 'initiator'
    ? translate({id: 'lab.tcpKeystreamReuse.role.initiator', message: 'initiator'})
    : translate({id: 'lab.tcpKeystreamReuse.role.responder', message: 'responder'});
}

function StreamStage({reading, revealed}: {reading: TcpReading; revealed: boolean}): ReactNode {
  const {stream, recovery} = reading;
  return (
    <>
      <p>
        <Translate id="lab.tcpKeystreamReuse.stream.text" values={{seedLength: INIT_START, initLength: TCP_INIT_LENGTH, lastInit: TCP_INIT_LENGTH - 1}}>
          {'Each direction of a connection starts with its seed in clear ({seedLength} bytes), then the {initLength}-byte init block encrypted with keystream bytes 0 to {lastInit}, then the data, encrypted with the keystream started again from byte 0.'}
        </Translate>
      </p>
      {revealed && (
        <HexView
          bytes={stream}
          annotations={[
            {start: 0, end: INIT_START, label: translate({id: 'lab.tcpKeystreamReuse.field.seed', message: 'seed, in clear'})},
            {start: INIT_START, end: TCP_HEADER_LENGTH, label: translate({id: 'lab.tcpKeystreamReuse.field.init', message: 'encrypted init block (keystream 0–{lastInit})'}, {lastInit: TCP_INIT_LENGTH - 1})},
            {start: TCP_HEADER_LENGTH, end: stream.length, label: translate({id: 'lab.tcpKeystreamReuse.field.data', message: 'encrypted data (keystream from 0 again)'})},
          ]}
          label={translate({id: 'lab.tcpKeystreamReuse.stream.view', message: 'The stream, {count} bytes'}, {count: stream.length})}
        />
      )}
      <p>
        <Translate
          id="lab.tcpKeystreamReuse.stream.seed"
          values={{seed: <Output name="seed" value={seedToHex(recovery.seed)}>{hex32(recovery.seed)}</Output>, count: recovery.encryptedData.length}}>
          {'Seed: {seed}. Data after the init block: {count} bytes.'}
        </Translate>
      </p>
    </>
  );
}

function KnownStage({reading}: {reading: TcpReading}): ReactNode {
  const {knownInit} = reading.recovery;
  const shown = Array.from(knownInit.bytes, (byte, index) => (knownInit.known[index] ? byte : null));
  const unknownCount = knownInit.known.filter((known) => !known).length;
  return (
    <>
      <p>
        {reading.role === 'initiator' ? (
          <Translate id="lab.tcpKeystreamReuse.known.initiator" values={{count: TCP_INIT_LENGTH}}>
            {'The side that opens a connection always sends the same init block, so all {count} bytes are known in advance.'}
          </Translate>
        ) : (
          <Translate id="lab.tcpKeystreamReuse.known.responder" values={{unknown: unknownCount, known: TCP_INIT_LENGTH - unknownCount}}>
            {'The side that answers sends its own 16-bit value first, then fixed bytes: {unknown} bytes are unknown (marked ??), {known} are known.'}
          </Translate>
        )}
      </p>
      <p>
        <Translate
          id="lab.tcpKeystreamReuse.known.value"
          values={{role: roleName(reading.role), value: <Output name="known-init" value={recoveredValue(shown)}>{spacedKnown(shown)}</Output>}}>
          {'Known init block ({role}): {value}'}
        </Translate>
      </p>
      <p className={labStyles.note}>
        <Translate id="lab.tcpKeystreamReuse.known.guess">
          The eavesdropper sees who opened the connection, so the role is no real guess; pick the other role above to see what a wrong guess does.
        </Translate>
      </p>
    </>
  );
}

/** The positions from the first known init byte on (the unknown bytes of a responder come first). */
function firstKnownIndex(recovery: KeystreamRecovery): number {
  const first = recovery.knownInit.known.indexOf(true);
  return first < 0 ? TCP_INIT_LENGTH : first;
}

function KeystreamStage({reading, revealed}: {reading: TcpReading; revealed: boolean}): ReactNode {
  const {recovery} = reading;
  const first = firstKnownIndex(recovery);
  const keystream = Uint8Array.from(recovery.keystream.slice(first), (byte) => byte ?? 0);
  return (
    <>
      <p>
        <Translate id="lab.tcpKeystreamReuse.keystream.text">
          Encrypted byte XOR known byte = keystream byte. No key and no key engine are involved.
        </Translate>
      </p>
      {revealed && (
        <HexView
          rows={[
            {name: translate({id: 'lab.tcpKeystreamReuse.row.encryptedInit', message: 'encrypted init'}), bytes: recovery.encryptedInit.slice(first)},
            {name: translate({id: 'lab.tcpKeystreamReuse.row.knownInit', message: 'known init'}), bytes: recovery.knownInit.bytes.slice(first)},
            {name: translate({id: 'lab.tcpKeystreamReuse.row.keystream', message: 'keystream'}), bytes: keystream},
          ]}
          startOffset={first}
          label={translate({id: 'lab.tcpKeystreamReuse.keystream.view', message: 'Init block, known bytes only, counted from its first byte'})}
        />
      )}
      <p>
        <Translate
          id="lab.tcpKeystreamReuse.keystream.result"
          values={{last: TCP_INIT_LENGTH - 1, value: <Output name="recovered-keystream" value={recoveredValue(recovery.keystream)}>{spacedKnown(recovery.keystream)}</Output>}}>
          {'Keystream bytes 0–{last}: {value}'}
        </Translate>
      </p>
    </>
  );
}

function controlTypeName(type: number): string {
  if (type === TCP_CONTROL_TYPES.ack) return translate({id: 'lab.tcpKeystreamReuse.control.ack', message: 'an acknowledgement'});
  if (type === TCP_CONTROL_TYPES.padding) return translate({id: 'lab.tcpKeystreamReuse.control.padding', message: 'random padding'});
  return translate({id: 'lab.tcpKeystreamReuse.control.unknown', message: 'a type not seen in 2006 traffic'});
}

function frameFieldText(field: FrameField): string {
  const command = (field.command ?? 0) + 1;
  switch (field.field) {
    case 'length': {
      const body = Math.floor(field.value / 2);
      return field.value % 2 === 0
        ? translate({id: 'lab.tcpKeystreamReuse.frame.lengthEven', message: 'frame length varint {value}: even, so a packet frame with a {body}-byte body'}, {value: field.value, body})
        : translate({id: 'lab.tcpKeystreamReuse.frame.lengthOdd', message: 'frame length varint {value}: odd, so a control frame with a {body}-byte body'}, {value: field.value, body});
    }
    case 'packetId':
      return translate({id: 'lab.tcpKeystreamReuse.frame.packetId', message: 'packet id 0x{value}'}, {value: field.value.toString(16).padStart(4, '0')});
    case 'controlType':
      return translate({id: 'lab.tcpKeystreamReuse.frame.controlType', message: 'control type {value}: {name}'}, {value: field.value, name: controlTypeName(field.value)});
    case 'controlBody':
      return field.value === TCP_CONTROL_TYPES.padding
        ? translate({id: 'lab.tcpKeystreamReuse.frame.padding', message: 'padding: random bytes that carry nothing'})
        : field.value === TCP_CONTROL_TYPES.ack
          ? translate({id: 'lab.tcpKeystreamReuse.frame.ackBody', message: 'the packet id being acknowledged'})
          : translate({id: 'lab.tcpKeystreamReuse.frame.controlBody', message: 'the body of the control frame'});
    case 'cmdlen':
      return translate({id: 'lab.tcpKeystreamReuse.frame.cmdlen', message: 'command {command}: cmdlen {value}'}, {command, value: field.value});
    case 'cmdword':
      return translate(
        {id: 'lab.tcpKeystreamReuse.frame.cmdword', message: 'command {command}: cmdword {value} = cmd {cmd} × 8 + flags {flags} ({flagsName})'},
        {command, value: field.value, cmd: Math.floor(field.value / 8), flags: field.value % 8, flagsName: flagsName(field.value % 8)},
      );
    case 'reqid':
      return translate({id: 'lab.tcpKeystreamReuse.frame.reqid', message: 'command {command}: reqid 0x{value}'}, {command, value: field.value.toString(16).padStart(4, '0')});
    case 'params':
      return field.value === COMPRESSED_LIST_MARKER
        ? translate({id: 'lab.tcpKeystreamReuse.frame.paramsCompressed', message: 'command {command}: params, a compressed object list (0x42)'}, {command})
        : field.value === RAW_LIST_MARKER
          ? translate({id: 'lab.tcpKeystreamReuse.frame.paramsRaw', message: 'command {command}: params, a raw object list (0x41)'}, {command})
          : translate({id: 'lab.tcpKeystreamReuse.frame.params', message: 'command {command}: params'}, {command});
  }
}

/** How much of a field the attack recovered: every byte, some, or none. */
function fieldRecovery(field: FrameField, recovered: readonly (number | null)[]): 'whole' | 'part' | 'none' {
  let found = 0;
  for (let offset = field.start; offset < field.end; offset++) if (offset < recovered.length && recovered[offset] !== null) found++;
  return found === field.end - field.start ? 'whole' : found > 0 ? 'part' : 'none';
}

function recoveryName(state: 'whole' | 'part' | 'none'): string {
  if (state === 'whole') return translate({id: 'lab.tcpKeystreamReuse.frame.whole', message: '✓ recovered'});
  if (state === 'part') return translate({id: 'lab.tcpKeystreamReuse.frame.part', message: '◐ partly recovered'});
  return translate({id: 'lab.tcpKeystreamReuse.frame.none', message: '✗ not recovered'});
}

function keySourceText(truth: TrueData, seed: number): ReactNode {
  const seedText = <code>{seedToHex(seed)}</code>;
  if (truth.source === 'recorded')
    return (
      <Translate id="lab.tcpKeystreamReuse.truth.recorded" values={{seed: seedText}}>
        {'True data: decrypted with the recorded real key of seed {seed}, for comparison only.'}
      </Translate>
    );
  if (truth.source === 'teaching')
    return (
      <Translate id="lab.tcpKeystreamReuse.truth.teaching" values={{seed: seedText}}>
        {'True data: this stream was made with the teaching stand-in engine (not Skype’s) under seed {seed}, so its data is known.'}
      </Translate>
    );
  return (
    <Translate id="lab.tcpKeystreamReuse.truth.none" values={{seed: seedText, legal: <Link to="/docs/legal-issues">{translate({id: 'lab.tcpKeystreamReuse.legalLink', message: 'Legal issues'})}</Link>}}>
      {'True data: unknown. The site has no key for seed {seed} (Skype’s key engine is not on this site: {legal}), but the attack did not need one.'}
    </Translate>
  );
}

function DataStage({reading, revealed}: {reading: TcpReading; revealed: boolean}): ReactNode {
  const {recovery, truth, firstFrame} = reading;
  const {recovered} = recovery;
  if (recovered.length === 0) {
    return (
      <>
        <p className={labStyles.note}>
          <Translate id="lab.tcpKeystreamReuse.data.empty" values={{count: TCP_INIT_LENGTH}}>
            {'No data follows the init block here, so there is nothing to decrypt; the keystream bytes above would decrypt the first {count} data bytes as soon as they arrive.'}
          </Translate>
        </p>
        <Output name="recovered-data" value="">
          {translate({id: 'lab.tcpKeystreamReuse.data.none', message: '(no data)'})}
        </Output>
      </>
    );
  }
  const first = Math.min(firstKnownIndex(recovery), recovered.length);
  const compared = recovered.length;
  const trueBytes = truth.data?.slice(0, compared) ?? null;
  const matches = compareRecovered(recovered, trueBytes);
  const matchedCount = matches.filter((match) => match === true).length;
  const rows = [
    {name: translate({id: 'lab.tcpKeystreamReuse.row.encryptedData', message: 'encrypted data'}), bytes: recovery.encryptedData.slice(first, compared)},
    {name: translate({id: 'lab.tcpKeystreamReuse.row.keystream', message: 'keystream'}), bytes: Uint8Array.from(recovery.keystream.slice(first, compared), (byte) => byte ?? 0)},
    {name: translate({id: 'lab.tcpKeystreamReuse.row.recovered', message: 'recovered'}), bytes: Uint8Array.from(recovered.slice(first), (byte) => byte ?? 0)},
    ...(trueBytes ? [{name: translate({id: 'lab.tcpKeystreamReuse.row.true', message: 'true data'}), bytes: trueBytes.slice(first)}] : []),
  ];
  return (
    <>
      <p>
        <Translate id="lab.tcpKeystreamReuse.data.text">
          The keystream restarted at byte 0 for the data, so the same bytes decrypt the first data bytes: encrypted byte XOR keystream byte = clear byte.
        </Translate>
      </p>
      {revealed && first < compared && (
        <HexView
          rows={rows}
          startOffset={first}
          annotations={firstFrame
            .filter((field) => field.start < compared)
            .map((field) => ({start: field.start - first, end: field.end - first, label: frameFieldText(field)}))}
          label={translate({id: 'lab.tcpKeystreamReuse.data.view', message: 'Start of the data, recovered bytes, counted from the first data byte'})}
        />
      )}
      <dl className={stageStyles.values}>
        <dt>{translate({id: 'lab.tcpKeystreamReuse.data.recovered', message: 'Recovered'})}</dt>
        <dd>
          <Output name="recovered-data" value={recoveredValue(recovered)}>
            {spacedKnown(recovered)}
          </Output>
        </dd>
        <dt>{translate({id: 'lab.tcpKeystreamReuse.data.true', message: 'True data'})}</dt>
        <dd>
          <Output name="true-data" value={trueBytes ? bytesToHex(trueBytes) : ''}>
            {trueBytes ? spacedKnown(Array.from(trueBytes)) : translate({id: 'lab.tcpKeystreamReuse.data.unknown', message: 'unknown'})}
          </Output>
        </dd>
      </dl>
      <p className={labStyles.note}>
        <Output name="key-source" value={truth.source} prose>
          {keySourceText(truth, recovery.seed)}
        </Output>
      </p>
      {trueBytes && (
        <>
          <div className={stageStyles.scrollBox} tabIndex={0} role="region" aria-label={translate({id: 'lab.tcpKeystreamReuse.compare.label', message: 'Recovered and true bytes compared'})}>
            <table className={styles.compare}>
              <thead>
                <tr>
                  <th scope="col">{translate({id: 'lab.tcpKeystreamReuse.compare.byte', message: 'Data byte'})}</th>
                  {recovered.map((_, index) => (
                    <th scope="col" key={index}>
                      {index}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{translate({id: 'lab.tcpKeystreamReuse.row.recovered', message: 'recovered'})}</th>
                  {recovered.map((byte, index) => (
                    <td key={index}>{byte === null ? '??' : byte.toString(16).padStart(2, '0')}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{translate({id: 'lab.tcpKeystreamReuse.row.true', message: 'true data'})}</th>
                  {Array.from(trueBytes, (byte, index) => (
                    <td key={index}>{byte.toString(16).padStart(2, '0')}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{translate({id: 'lab.tcpKeystreamReuse.compare.match', message: 'match'})}</th>
                  {matches.map((match, index) => (
                    <td key={index} className={clsx(match === true && styles.same, match === false && styles.differs)}>
                      {match === null
                        ? translate({id: 'lab.tcpKeystreamReuse.compare.unknown', message: '–'})
                        : match
                          ? translate({id: 'lab.tcpKeystreamReuse.compare.same', message: '✓'})
                          : translate({id: 'lab.tcpKeystreamReuse.compare.differs', message: '✗'})}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <p>
            <Translate
              id="lab.tcpKeystreamReuse.compare.summary"
              values={{matched: <Output name="matched" value={String(matchedCount)} />, count: compared}}>
              {'{matched} of {count} bytes match (✓ same, ✗ different, – not recovered).'}
            </Translate>{' '}
            {matches.some((match) => match === false) && (
              <Translate id="lab.tcpKeystreamReuse.compare.wrongRole">A byte that differs means a wrong guess: the known init block assumed was not the one sent.</Translate>
            )}
          </p>
        </>
      )}
      {firstFrame.length > 0 && (
        <>
          <p>
            <Translate id="lab.tcpKeystreamReuse.frame.intro">What these bytes give away about the first frame (read from the true data):</Translate>
          </p>
          <ul className={styles.frameFields}>
            {firstFrame.map((field) => (
              <li key={`${field.field}-${field.start}`}>
                <span className={styles.frameState}>{recoveryName(fieldRecovery(field, recovered))}</span>{' '}
                {field.end - field.start === 1
                  ? translate({id: 'lab.tcpKeystreamReuse.frame.byte', message: 'data byte {first}: {text}'}, {first: field.start, text: frameFieldText(field)})
                  : translate(
                      {id: 'lab.tcpKeystreamReuse.frame.bytes', message: 'data bytes {first}–{last}: {text}'},
                      {first: field.start, last: field.end - 1, text: frameFieldText(field)},
                    )}
              </li>
            ))}
          </ul>
        </>
      )}
      {truth.frames && 'problem' in truth.frames && (
        <p className={labStyles.note}>
          {translate({id: 'lab.tcpKeystreamReuse.frame.problem', message: 'The data does not read as frames: {message}.'}, {message: truth.frames.problem.message})}
        </p>
      )}
    </>
  );
}

function WhyStage(): ReactNode {
  return (
    <>
      <p>
        <Translate id="lab.tcpKeystreamReuse.why.pad" values={{count: TCP_INIT_LENGTH}}>
          {'RC4 is a stream cipher: it encrypts by XOR with a keystream, and that is safe only if no keystream byte is ever used twice. Here the first {count} are used twice: for the init block and for the first data bytes. With the same keystream K, C1 = P1 XOR K and C2 = P2 XOR K, so C1 XOR C2 = P1 XOR P2: the key cancels out. This is a two-time pad, and knowing P1 (the init block) gives P2.'}
        </Translate>
      </p>
      <p>
        <Translate
          id="lab.tcpKeystreamReuse.why.sources"
          values={{
            silverNeedle: <Link to="/docs/references#biondi2006">{translate({id: 'lab.tcpKeystreamReuse.why.silverNeedle', message: 'Silver Needle in the Skype, slide 48'})}</Link>,
            vanilla: <Link to="/docs/references#desclaux2006">{translate({id: 'lab.tcpKeystreamReuse.why.vanilla', message: 'Vanilla Skype, part 2 slide 21'})}</Link>,
            rc4: <Link to="/docs/references#rivest-rc4"><Translate id="lab.tcpReuse.rc4">RC4</Translate></Link>,
            known: TCP_INIT_LENGTH,
            header: TCP_HEADER_LENGTH,
          }}>
          {'The 2006 reverse engineers described both the restart ({silverNeedle}) and the weakness: the same RC4 stream twice, with {known} of the first {header} bytes known ({vanilla}). See also {rc4}.'}
        </Translate>
      </p>
      <p>
        <Translate id="lab.tcpKeystreamReuse.why.limit" values={{count: TCP_INIT_LENGTH}}>
          {'{count} bytes are not the whole stream: from data byte {count} on, the keystream bytes are used only once. But they are enough to read the first frame’s length, its packet id and the start of its first command.'}
        </Translate>
      </p>
    </>
  );
}

/** The player's line for the keystream and data stages: how many of their bytes were recovered. */
function describeRecovered(title: string, bytes: readonly (number | null)[]): string {
  const known = bytes.filter((byte) => byte !== null).length;
  return translate({id: 'lab.tcpKeystreamReuse.describe.bytes', message: '{title}: {known} of {count} bytes'}, {title, known, count: bytes.length});
}

/** The five stages in the step player: those after the current step stay hidden until the reader gets there. */
export default function Stages({reading}: {reading: TcpReading}): ReactNode {
  const stages: StageDefinition[] = [
    {
      name: 'stream',
      title: translate({id: 'lab.tcpKeystreamReuse.stage.stream', message: 'Look at the start of the stream'}),
      describe: (title) => translate({id: 'lab.tcpKeystreamReuse.describe.stream', message: '{title}: seed {seed}'}, {title, seed: seedToHex(reading.recovery.seed)}),
      render: (revealed) => <StreamStage reading={reading} revealed={revealed} />,
    },
    {
      name: 'known',
      title: translate({id: 'lab.tcpKeystreamReuse.stage.known', message: 'Write down the known init block'}),
      render: () => <KnownStage reading={reading} />,
    },
    {
      name: 'keystream',
      title: translate({id: 'lab.tcpKeystreamReuse.stage.keystream', message: 'Recover keystream bytes'}),
      describe: (title) => describeRecovered(title, reading.recovery.keystream),
      render: (revealed) => <KeystreamStage reading={reading} revealed={revealed} />,
    },
    {
      name: 'data',
      title: translate({id: 'lab.tcpKeystreamReuse.stage.data', message: 'Decrypt the start of the data'}),
      describe: (title) => describeRecovered(title, reading.recovery.recovered),
      render: (revealed) => <DataStage reading={reading} revealed={revealed} />,
    },
    {
      name: 'why',
      title: translate({id: 'lab.tcpKeystreamReuse.stage.why', message: 'Why it works'}),
      render: () => <WhyStage />,
    },
  ];
  return <StagePlayer label={translate({id: 'lab.tcpKeystreamReuse.player', message: 'The attack on one TCP stream'})} stages={stages} />;
}
