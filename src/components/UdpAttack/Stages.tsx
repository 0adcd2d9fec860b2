/**
 * The eight stages of the UDP attack, drawn from one `UdpAttack` (see attack.ts): header, CRC
 * input, seed, key, decryption, CRC check, commands, object lists. Each stage shows its result in
 * an element with `data-output`; the byte views of stages not yet revealed are not drawn at all,
 * so that a long datagram costs only the views the reader has reached.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import HexView from '@site/src/components/HexView';
import {KEY_LENGTH, UDP_TYPES, bytesToHex, seedToHex, udpPacketType} from '@site/src/protocol';
import LabCheckbox from '@site/src/components/lab/LabCheckbox';
import Output from '@site/src/components/lab/Output';
import StagePlayer, {stageNumber, type StageDefinition} from '@site/src/components/lab/StagePlayer';
import {flagsName} from '@site/src/components/lab/commandText';
import {hex8, hex16, hex32, spacedHex} from '@site/src/components/lab/parseInput';
import labStyles from '@site/src/components/lab/styles.module.css';
import stageStyles from '@site/src/components/lab/stages.module.css';
import {commandsValue, type CommandField, type CommandReading, type HeaderField, type UdpAttack, type UdpDecryption} from './attack';
import ObjectTree from './ObjectTree';
import styles from './styles.module.css';

const hexOf32 = (value: number) => seedToHex(value >>> 0);
const hexOf16 = (value: number) => value.toString(16).padStart(4, '0');

function headerLabel(field: HeaderField, attack: UdpAttack): string {
  switch (field) {
    case 'packetId':
      return translate({id: 'lab.udpAttack.field.packetId', message: 'packet id'});
    case 'func':
      return translate({id: 'lab.udpAttack.field.func', message: 'func (type {type})'}, {type: udpPacketType(attack.datagram.func)});
    case 'iv':
      return translate({id: 'lab.udpAttack.field.iv', message: 'IV'});
    case 'crc':
      return translate({id: 'lab.udpAttack.field.crc', message: 'CRC of the plaintext'});
    case 'count':
      return translate({id: 'lab.udpAttack.field.count', message: 'count'});
    case 'challenge':
      return translate({id: 'lab.udpAttack.field.challenge', message: 'challenge'});
    case 'destinationIp':
      return translate({id: 'lab.udpAttack.field.destinationIp', message: 'destination IP'});
    case 'ciphertext':
      return translate({id: 'lab.udpAttack.field.ciphertext', message: 'ciphertext'});
  }
}

function commandFieldLabel(field: CommandField, reading: CommandReading, number: number): string {
  const {span} = reading;
  switch (field) {
    case 'cmdlen':
      return translate({id: 'lab.udpAttack.field.cmdlen', message: 'command {number}: cmdlen {cmdlen}'}, {number, cmdlen: span.cmdlen});
    case 'cmdword':
      return translate(
        {id: 'lab.udpAttack.field.cmdword', message: 'command {number}: cmdword {cmdword} (cmd {cmd}, {flags})'},
        {number, cmdword: span.cmdword, cmd: span.command.cmd, flags: flagsName(span.command.flags)},
      );
    case 'reqid':
      return translate({id: 'lab.udpAttack.field.reqid', message: 'command {number}: reqid'}, {number});
    case 'params':
      return translate({id: 'lab.udpAttack.field.params', message: 'command {number}: params'}, {number});
  }
}

function HeaderStage({attack, revealed}: {attack: UdpAttack; revealed: boolean}): ReactNode {
  const {datagram} = attack;
  return (
    <>
      <p>
        <Translate id="lab.udpAttack.header.text" values={{payload: UDP_TYPES.payload, resend: UDP_TYPES.resend}}>
          {'The first bytes travel in clear. Their layout depends on the type in the low bits of func: type {payload} carries an IV and the CRC, a type {resend} resend a count, a challenge, the destination IP and the CRC.'}
        </Translate>
      </p>
      {revealed && (
        <HexView
          bytes={attack.bytes}
          annotations={attack.header.map(({field, start, end}) => ({start, end, label: headerLabel(field, attack)}))}
          label={translate({id: 'lab.udpAttack.header.view', message: 'The datagram, {count} bytes'}, {count: attack.bytes.length})}
        />
      )}
      <dl className={stageStyles.values}>
        <dt>{headerLabel('packetId', attack)}</dt>
        <dd>
          <Output name="packet-id" value={hexOf16(datagram.packetId)}>
            {hex16(datagram.packetId)}
          </Output>
        </dd>
        <dt>{translate({id: 'lab.udpAttack.field.funcName', message: 'func'})}</dt>
        <dd>
          {datagram.kind === 'payload'
            ? translate({id: 'lab.udpAttack.header.payloadType', message: '{func}: type {type}, an obfuscated payload'}, {func: hex8(datagram.func), type: udpPacketType(datagram.func)})
            : translate({id: 'lab.udpAttack.header.resendType', message: '{func}: type {type}, a resend'}, {func: hex8(datagram.func), type: udpPacketType(datagram.func)})}
        </dd>
        {datagram.kind === 'payload' ? (
          <>
            <dt>{headerLabel('iv', attack)}</dt>
            <dd>
              <Output name="iv" value={hexOf32(datagram.iv)}>
                {hex32(datagram.iv)}
              </Output>
            </dd>
          </>
        ) : (
          <>
            <dt>{headerLabel('count', attack)}</dt>
            <dd>{datagram.count}</dd>
            <dt>{headerLabel('challenge', attack)}</dt>
            <dd>
              <Output name="challenge" value={hexOf32(datagram.challenge)}>
                {hex32(datagram.challenge)}
              </Output>
            </dd>
            <dt>{headerLabel('destinationIp', attack)}</dt>
            <dd>{datagram.destIp}</dd>
          </>
        )}
        <dt>{headerLabel('crc', attack)}</dt>
        <dd>
          <code>{hex32(datagram.crc)}</code>
        </dd>
      </dl>
    </>
  );
}

function CrcInputStage({attack, revealed}: {attack: UdpAttack; revealed: boolean}): ReactNode {
  if (attack.crcInput === null) {
    return (
      <p>
        <Translate id="lab.udpAttack.crcInput.resend" values={{spec: <code>§2.6</code>}}>
          {'A resend needs no CRC input: its seed is the packet id XOR the challenge, and the addresses are not used at all (spec {spec}).'}
        </Translate>
      </p>
    );
  }
  const {srcIp, dstIp} = attack.addresses;
  return (
    <>
      <p>
        <Translate id="lab.udpAttack.crcInput.text" values={{count: attack.crcInput.length}}>
          {'The sender runs its CRC over {count} bytes: the source IP, the destination IP and the packet id, each as a 32-bit number written little-endian. The IP bytes therefore appear reversed, and the packet id is padded with two zero bytes.'}
        </Translate>
      </p>
      {revealed && (
        <HexView
          bytes={attack.crcInput}
          annotations={[
            {start: 0, end: 4, label: translate({id: 'lab.udpAttack.crcInput.source', message: 'source IP {ip}, reversed'}, {ip: srcIp})},
            {start: 4, end: 8, label: translate({id: 'lab.udpAttack.crcInput.destination', message: 'destination IP {ip}, reversed'}, {ip: dstIp})},
            {start: 8, end: 12, label: translate({id: 'lab.udpAttack.crcInput.packetId', message: 'packet id, little-endian'})},
          ]}
          label={translate({id: 'lab.udpAttack.crcInput.view', message: 'CRC input, {count} bytes'}, {count: attack.crcInput.length})}
        />
      )}
      <p>
        <Translate id="lab.udpAttack.crcInput.result" values={{value: <Output name="crc-input" value={bytesToHex(attack.crcInput)}>{spacedHex(attack.crcInput)}</Output>}}>
          {'CRC input: {value}'}
        </Translate>
      </p>
    </>
  );
}

function SeedStage({attack}: {attack: UdpAttack}): ReactNode {
  const {datagram} = attack;
  const rows =
    datagram.kind === 'payload'
      ? [
          {name: translate({id: 'lab.udpAttack.seed.crcSeed', message: 'CRC seed = CRC(CRC input)'}), value: hexOf32(attack.crcSeed ?? 0), output: 'crc-seed'},
          {name: translate({id: 'lab.udpAttack.seed.iv', message: 'XOR IV'}), value: hexOf32(datagram.iv)},
        ]
      : [
          {name: translate({id: 'lab.udpAttack.seed.packetId', message: 'packet id, as 32 bits'}), value: hexOf32(datagram.packetId)},
          {name: translate({id: 'lab.udpAttack.seed.challenge', message: 'XOR challenge'}), value: hexOf32(datagram.challenge)},
        ];
  return (
    <>
      <table className={styles.xor}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{row.output ? <Output name={row.output} value={row.value} /> : <code>{row.value}</code>}</td>
            </tr>
          ))}
          <tr className={styles.xorResult}>
            <th scope="row">{translate({id: 'lab.udpAttack.seed.result', message: '= RC4 seed'})}</th>
            <td>
              <Output name="rc4-seed" value={hexOf32(attack.seed)} />
            </td>
          </tr>
        </tbody>
      </table>
      <p className={styles.stress}>
        {datagram.kind === 'payload' ? (
          <Translate id="lab.udpAttack.seed.noSecret">
            Nothing secret was needed so far: the packet id and the IV are in the header, and the two addresses are what every router on the way sees (past a NAT, the client’s
            public address).
          </Translate>
        ) : (
          <Translate id="lab.udpAttack.seed.noSecretResend">Nothing secret was needed so far: the packet id and the challenge are both in the clear header.</Translate>
        )}
      </p>
    </>
  );
}

function KeyStage({
  attack,
  revealed,
  useTeachingEngine,
  onTeachingEngineChange,
}: {
  attack: UdpAttack;
  revealed: boolean;
  useTeachingEngine: boolean;
  onTeachingEngineChange(use: boolean): void;
}): ReactNode {
  const seed = hexOf32(attack.seed);
  return (
    <>
      <p>
        <Output name="key-source" value={attack.keySource}>
          {attack.keySource === 'recorded'
            ? translate({id: 'lab.udpAttack.key.recordedLabel', message: 'Recorded key'})
            : attack.keySource === 'teaching'
              ? translate({id: 'lab.udpAttack.key.teachingLabel', message: 'Teaching stand-in engine (not Skype’s)'})
              : translate({id: 'lab.udpAttack.key.noneLabel', message: 'No key'})}
        </Output>
      </p>
      {attack.keySource === 'recorded' ? (
        <p>
          <Translate id="lab.udpAttack.key.recorded" values={{seed: <code>{seed}</code>, length: KEY_LENGTH}}>
            {'Skype turns the 32-bit seed into a {length}-byte RC4 key with its obfuscated key engine. The site does not run that engine, but it ships the keys the real engine gave for the seeds of its sample traffic, and {seed} is one of them.'}
          </Translate>
        </p>
      ) : (
        <>
          <p>
            <Translate
              id="lab.udpAttack.key.unavailable"
              values={{seed: <code>{seed}</code>, legal: <Link to="/docs/legal-issues">{translate({id: 'lab.udpAttack.key.legalLink', message: 'Legal issues'})}</Link>}}>
              {'The real key of seed {seed} is not available on this site. Skype’s key engine is known only as code reverse-engineered from the client, under terms that forbid reusing it, so the site ships just the keys of its sample seeds ({legal}). For a sample datagram, a missing key means the seed is wrong: check the addresses.'}
            </Translate>
          </p>
          <LabCheckbox
            name="teaching-engine"
            label={<Translate id="lab.udpAttack.key.useTeaching">Use the teaching stand-in engine (only decrypts datagrams built on this site)</Translate>}
            checked={useTeachingEngine}
            onChange={onTeachingEngineChange}
          />
        </>
      )}
      {revealed && attack.key && (
        <HexView
          bytes={attack.key}
          label={
            attack.keySource === 'recorded'
              ? translate({id: 'lab.udpAttack.key.recordedView', message: 'Recorded RC4 key of seed {seed}, {length} bytes'}, {seed, length: attack.key.length})
              : translate({id: 'lab.udpAttack.key.teachingView', message: 'Teaching stand-in key of seed {seed}, {length} bytes'}, {seed, length: attack.key.length})
          }
        />
      )}
    </>
  );
}

/** What a stage shows when no key decrypted the datagram; `step` is the key's stage. */
function NeedsKey({step}: {step: number}): ReactNode {
  return (
    <p className={labStyles.note}>
      <Translate id="lab.udpAttack.needsKey" values={{step}}>
        {'This step needs a key: see step {step}.'}
      </Translate>
    </p>
  );
}

function DecryptStage({attack, decryption, revealed}: {attack: UdpAttack; decryption: UdpDecryption; revealed: boolean}): ReactNode {
  return (
    <>
      <p>
        <Translate id="lab.udpAttack.decrypt.text" values={{length: KEY_LENGTH}}>
          {'RC4 keyed with the {length}-byte key gives the keystream; the ciphertext XOR the keystream is the plaintext. Encrypting and decrypting are the same XOR.'}
        </Translate>
      </p>
      {revealed && (
        <HexView
          rows={[
            {name: translate({id: 'lab.udpAttack.row.ciphertext', message: 'ciphertext'}), bytes: attack.datagram.ciphertext},
            {name: translate({id: 'lab.udpAttack.row.keystream', message: 'keystream'}), bytes: decryption.keystream},
            {name: translate({id: 'lab.udpAttack.row.plaintext', message: 'plaintext'}), bytes: decryption.plaintext},
          ]}
          label={translate({id: 'lab.udpAttack.decrypt.view', message: 'Decryption, {count} bytes'}, {count: decryption.plaintext.length})}
        />
      )}
      <p>
        <Translate
          id="lab.udpAttack.decrypt.result"
          values={{value: <Output name="plaintext" value={bytesToHex(decryption.plaintext)}>{spacedHex(decryption.plaintext)}</Output>}}>
          {'Plaintext: {value}'}
        </Translate>
      </p>
    </>
  );
}

function CrcCheckStage({attack, decryption}: {attack: UdpAttack; decryption: UdpDecryption}): ReactNode {
  return (
    <>
      <dl className={stageStyles.values}>
        <dt>{translate({id: 'lab.udpAttack.crcCheck.computed', message: 'CRC of the plaintext'})}</dt>
        <dd>
          <code>{hex32(decryption.plaintextCrc)}</code>
        </dd>
        <dt>{translate({id: 'lab.udpAttack.crcCheck.header', message: 'CRC in the header'})}</dt>
        <dd>
          <code>{hex32(attack.datagram.crc)}</code>
        </dd>
      </dl>
      <p className={clsx(labStyles.verdict, decryption.crcOk ? labStyles.good : labStyles.bad)}>
        <Output name="crc-check" value={decryption.crcOk ? 'ok' : 'mismatch'}>
          {decryption.crcOk
            ? translate({id: 'lab.udpAttack.crcCheck.ok', message: '✓ They match.'})
            : translate({id: 'lab.udpAttack.crcCheck.mismatch', message: '✗ They differ.'})}
        </Output>{' '}
        {decryption.crcOk ? (
          <Translate id="lab.udpAttack.crcCheck.okText">The addresses and the key were right: this is what the sender encrypted.</Translate>
        ) : attack.keySource === 'teaching' ? (
          <Translate id="lab.udpAttack.crcCheck.teachingText">
            The teaching stand-in is not Skype’s engine, so a real datagram decrypts to noise. It decrypts only datagrams built on this site with the same stand-in, and with the
            addresses used to build them.
          </Translate>
        ) : (
          <Translate id="lab.udpAttack.crcCheck.mismatchText">
            The plaintext is not what the sender encrypted. Either the seed is wrong (addresses other than the public ones the sender believed in) or the key is not the seed’s
            real key.
          </Translate>
        )}
      </p>
    </>
  );
}

function CommandsStage({decryption, revealed}: {decryption: UdpDecryption; revealed: boolean}): ReactNode {
  const {commands} = decryption;
  if (commands.kind === 'problem') {
    return (
      <p className={labStyles.note}>
        {translate({id: 'lab.udpAttack.commands.problem', message: 'The plaintext does not read as commands: {message}.'}, {message: commands.error.message})}{' '}
        {!decryption.crcOk && translate({id: 'lab.udpAttack.commands.noise', message: 'With a CRC mismatch this is expected: the bytes are noise.'})}
      </p>
    );
  }
  const annotations = commands.readings.flatMap((reading, index) =>
    reading.fields.map(({field, start, end}) => ({start, end, label: commandFieldLabel(field, reading, index + 1)})),
  );
  return (
    <>
      <p>
        <Translate id="lab.udpAttack.commands.text">
          The plaintext is one or more commands: cmdlen (a varint counting the reqid and params), cmdword (cmd × 8 + flags), a 2-byte reqid for requests and replies, then the
          params.
        </Translate>
      </p>
      {revealed && (
        <HexView
          bytes={decryption.plaintext}
          annotations={annotations}
          label={translate({id: 'lab.udpAttack.commands.view', message: 'Plaintext commands, {count} bytes'}, {count: decryption.plaintext.length})}
        />
      )}
      <div className={stageStyles.scrollBox} tabIndex={0} role="region" aria-label={translate({id: 'lab.udpAttack.commands.tableLabel', message: 'Commands'})}>
        <table className={labStyles.table}>
          <thead>
            <tr>
              <th scope="col">{translate({id: 'lab.udpAttack.commands.number', message: 'Command'})}</th>
              <th scope="col">{translate({id: 'lab.udpAttack.commands.cmdlen', message: 'cmdlen'})}</th>
              <th scope="col">{translate({id: 'lab.udpAttack.commands.cmdword', message: 'cmdword'})}</th>
              <th scope="col">{translate({id: 'lab.udpAttack.commands.cmd', message: 'cmd'})}</th>
              <th scope="col">{translate({id: 'lab.udpAttack.commands.flags', message: 'flags'})}</th>
              <th scope="col">{translate({id: 'lab.udpAttack.commands.reqid', message: 'reqid'})}</th>
              <th scope="col">{translate({id: 'lab.udpAttack.commands.params', message: 'params'})}</th>
            </tr>
          </thead>
          <tbody>
            {commands.readings.map(({span}, index) => (
              <tr key={span.start}>
                <td>{index + 1}</td>
                <td>{span.cmdlen}</td>
                <td>{span.cmdword}</td>
                <td>{span.command.cmd}</td>
                <td>
                  {span.command.flags} ({flagsName(span.command.flags)})
                </td>
                <td>{span.command.reqid === undefined ? '—' : hex16(span.command.reqid)}</td>
                <td>{translate({id: 'lab.udpAttack.commands.paramsBytes', message: '{count} bytes'}, {count: span.command.params.length})}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Translate
          id="lab.udpAttack.commands.result"
          values={{value: <Output name="commands" value={commandsValue(commands.readings)}>{commands.readings
                .map(({span}) => translate({id: 'lab.udpAttack.commands.summary', message: 'cmd {cmd} ({flags})'}, {cmd: span.command.cmd, flags: flagsName(span.command.flags)}))
                .join(', ')}</Output>}}>
          {'Commands: {value}'}
        </Translate>
      </p>
    </>
  );
}

function ObjectsStage({decryption, commandsStep}: {decryption: UdpDecryption; commandsStep: number}): ReactNode {
  const {commands} = decryption;
  if (commands.kind === 'problem') return <NeedsCommands step={commandsStep} />;
  const first = commands.lists[0];
  const count = first?.kind === 'list' ? String(first.items.length) : 'none';
  return (
    <>
      <p>
        <Translate id="lab.udpAttack.objects.text">
          Params are an object list: 0x41 starts a raw list, 0x42 a compressed one. Each object has a type, an id that says which parameter it is, and a value.
        </Translate>
      </p>
      <p>
        <Translate id="lab.udpAttack.objects.result" values={{value: <Output name="objects" value={count} />}}>
          {'Objects in the first command’s list: {value}'}
        </Translate>
      </p>
      {commands.readings.map(({span}, index) => {
        const list = commands.lists[index];
        const heading = translate(
          {id: 'lab.udpAttack.objects.command', message: 'Command {number}: cmd {cmd}, {flags}'},
          {number: index + 1, cmd: span.command.cmd, flags: flagsName(span.command.flags)},
        );
        return (
          <div key={span.start} className={styles.objectList}>
            <p className={styles.objectListHead}>
              <strong>{heading}</strong>{' '}
              {list.kind === 'list'
                ? translate(
                    {id: 'lab.udpAttack.objects.list', message: '{format} list (0x{marker}), {count} objects, {length} of {total} params bytes'},
                    {
                      format:
                        list.format === 'raw'
                          ? translate({id: 'lab.udpAttack.objects.raw', message: 'raw'})
                          : translate({id: 'lab.udpAttack.objects.compressed', message: 'compressed'}),
                      marker: span.command.params[0].toString(16),
                      count: list.items.length,
                      length: list.length,
                      total: span.command.params.length,
                    },
                  )
                : list.kind === 'notList'
                  ? list.firstByte === null
                    ? translate({id: 'lab.udpAttack.objects.noParams', message: 'no params'})
                    : translate({id: 'lab.udpAttack.objects.notList', message: 'params start with {byte}, not an object list'}, {byte: hex8(list.firstByte)})
                  : translate({id: 'lab.udpAttack.objects.problem', message: 'the list does not decode: {message}'}, {message: list.error.message})}
            </p>
            {list.kind === 'list' && list.items.length > 0 && <ObjectTree items={list.items} />}
          </div>
        );
      })}
    </>
  );
}

/** What the object stage shows when the plaintext did not read as commands; `step` is the commands' stage. */
function NeedsCommands({step}: {step: number}): ReactNode {
  return (
    <p className={labStyles.note}>
      <Translate id="lab.udpAttack.needsCommands" values={{step}}>
        {'This step needs commands: see step {step}.'}
      </Translate>
    </p>
  );
}

export interface StagesProps {
  attack: UdpAttack;
  useTeachingEngine: boolean;
  onTeachingEngineChange(use: boolean): void;
}

/** The eight stages in the step player: those after the current step stay hidden until the reader gets there. */
export default function Stages({attack, useTeachingEngine, onTeachingEngineChange}: StagesProps): ReactNode {
  const {decryption} = attack;
  const afterKey = (render: (decryption: UdpDecryption) => ReactNode) => (decryption ? render(decryption) : <NeedsKey step={stageNumber(stages, 'key')} />);
  const stages: StageDefinition[] = [
    {
      name: 'header',
      title: translate({id: 'lab.udpAttack.stage.header', message: 'Read the header'}),
      render: (revealed) => <HeaderStage attack={attack} revealed={revealed} />,
    },
    {
      name: 'crcInput',
      title: translate({id: 'lab.udpAttack.stage.crcInput', message: 'Build the CRC input'}),
      render: (revealed) => <CrcInputStage attack={attack} revealed={revealed} />,
    },
    {
      name: 'seed',
      title: translate({id: 'lab.udpAttack.stage.seed', message: 'Compute the RC4 seed'}),
      describe: (title) => translate({id: 'lab.udpAttack.describe.seed', message: '{title}: {seed}'}, {title, seed: seedToHex(attack.seed)}),
      render: () => <SeedStage attack={attack} />,
    },
    {
      name: 'key',
      title: translate({id: 'lab.udpAttack.stage.key', message: 'Expand the seed into a key'}),
      describe: (title) =>
        translate(
          {id: 'lab.udpAttack.describe.key', message: '{title}: {source}'},
          {
            title,
            source:
              attack.keySource === 'recorded'
                ? translate({id: 'lab.udpAttack.describe.recorded', message: 'the recorded key'})
                : attack.keySource === 'teaching'
                  ? translate({id: 'lab.udpAttack.describe.teaching', message: 'the teaching stand-in'})
                  : translate({id: 'lab.udpAttack.describe.none', message: 'no key on this site'}),
          },
        ),
      render: (revealed) => <KeyStage attack={attack} revealed={revealed} useTeachingEngine={useTeachingEngine} onTeachingEngineChange={onTeachingEngineChange} />,
    },
    {
      name: 'decrypt',
      title: translate({id: 'lab.udpAttack.stage.decrypt', message: 'Decrypt'}),
      render: (revealed) => afterKey((decrypted) => <DecryptStage attack={attack} decryption={decrypted} revealed={revealed} />),
    },
    {
      name: 'crcCheck',
      title: translate({id: 'lab.udpAttack.stage.crcCheck', message: 'Check the CRC'}),
      describe: (title) =>
        decryption
          ? translate(
              {id: 'lab.udpAttack.describe.crcCheck', message: '{title}: {verdict}'},
              {
                title,
                verdict: decryption.crcOk
                  ? translate({id: 'lab.udpAttack.describe.crcOk', message: 'it matches'})
                  : translate({id: 'lab.udpAttack.describe.crcMismatch', message: 'it does not match'}),
              },
            )
          : title,
      render: () => afterKey((decrypted) => <CrcCheckStage attack={attack} decryption={decrypted} />),
    },
    {
      name: 'commands',
      title: translate({id: 'lab.udpAttack.stage.commands', message: 'Read the commands'}),
      render: (revealed) => afterKey((decrypted) => <CommandsStage decryption={decrypted} revealed={revealed} />),
    },
    {
      name: 'objects',
      title: translate({id: 'lab.udpAttack.stage.objects', message: 'Decode the object lists'}),
      render: () => afterKey((decrypted) => <ObjectsStage decryption={decrypted} commandsStep={stageNumber(stages, 'commands')} />),
    },
  ];
  return <StagePlayer label={translate({id: 'lab.udpAttack.player', message: 'The attack on one datagram'})} stages={stages} />;
}
