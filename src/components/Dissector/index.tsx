/**
 * The dissector: a UDP datagram (pasted or picked from the sample traffic) and the sender's view of
 * both public addresses in; the full dissection out, like Wireshark's packet details and bytes
 * panes, linked both ways: a tree node highlights its bytes, and a field in a byte view selects its
 * node. The model comes from dissect.ts, which asks the protocol library for everything.
 */
import {useCallback, useDeferredValue, useId, useMemo, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import LabCheckbox from '@site/src/components/lab/LabCheckbox';
import LabField from '@site/src/components/lab/LabField';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import SamplePicker from '@site/src/components/lab/SamplePicker';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {problemMessage, protocolErrorMessage} from '@site/src/components/lab/messages';
import {hex16, parseHexInput, parseIpv4Input, spacedHex} from '@site/src/components/lab/parseInput';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {UDP_SAMPLES, type UdpSample} from '@site/src/data/sampleTraffic';
import {MAX_UDP_PAYLOAD_LENGTH, UDP_TYPES, seedToHex, udpPacketType} from '@site/src/protocol';
import DissectionPanes from './DissectionPanes';
import {dissectDatagram, type Dissection} from './dissect';
import {UnavailableKeyNote, typeName} from './nodeText';
import {revealed} from './treeNavigation';
import styles from './styles.module.css';

/** The prefix of this widget's inputs in the page address (`?dx.datagram=…`). */
const URL_PREFIX = 'dx';
const TEACHING_ON = 'on';

const sampleInputs = (sample: UdpSample) => ({
  sample: sample.id,
  datagram: spacedHex(sample.bytes),
  'source-ip': sample.srcIp,
  'destination-ip': sample.dstIp,
});

const defaults = {...sampleInputs(UDP_SAMPLES[0]), 'teaching-engine': ''};
type InputName = keyof typeof defaults;

let firstDissection: Dissection | null = null;
/** The dissection of the first sample: what the widget shows before any input has worked. */
function initialDissection(): Dissection {
  if (firstDissection === null) {
    const sample = UDP_SAMPLES[0];
    const result = dissectDatagram({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: false});
    if (!result.ok) throw result.error;
    firstDissection = result.dissection;
  }
  return firstDissection;
}

/** A sample's origin without its wire addresses, and its length: "SkypeIRC.cap frame 306: 658 bytes". */
function sampleLabel(sample: UdpSample): string {
  const values = {where: sample.origin.replace(/\s*\(.*$/, ''), length: sample.bytes.length};
  return udpPacketType(sample.bytes[2]) === UDP_TYPES.resend
    ? translate({id: 'lab.dissector.sample.resendOption', message: '{where}: {length} bytes, a resend'}, values)
    : translate({id: 'lab.dissector.sample.option', message: '{where}: {length} bytes'}, values);
}

export interface DissectorProps {
  /** The anchor of the widget, for links to it. Default: 'dissector'. */
  id?: string;
}

export default function Dissector({id = 'dissector'}: DissectorProps): ReactNode {
  const [inputs, setInput, setMany] = useUrlInputs<InputName>(URL_PREFIX, defaults);
  const headingId = useId();

  const labels = {
    datagram: translate({id: 'lab.dissector.field.datagram', message: 'Datagram (UDP payload, hex)'}),
    sourceIp: translate({id: 'lab.dissector.field.sourceIp', message: 'Source public IP (as the sender believed it)'}),
    destinationIp: translate({id: 'lab.dissector.field.destinationIp', message: 'Destination public IP (as the sender believed it)'}),
  };

  const teachingEngine = inputs['teaching-engine'] === TEACHING_ON;
  const hex = useMemo(() => parseHexInput(inputs.datagram, {maximum: MAX_UDP_PAYLOAD_LENGTH}), [inputs.datagram]);
  const source = useMemo(() => parseIpv4Input(inputs['source-ip']), [inputs['source-ip']]);
  const destination = useMemo(() => parseIpv4Input(inputs['destination-ip']), [inputs['destination-ip']]);
  const result = useMemo(
    () => (hex.ok && source.ok && destination.ok ? dissectDatagram({bytes: hex.value, srcIp: source.value, dstIp: destination.value, teachingEngine}) : null),
    [hex, source, destination, teachingEngine],
  );

  const datagramProblem = !hex.ok
    ? problemMessage(labels.datagram, hex.problem)
    : result !== null && !result.ok
      ? protocolErrorMessage(labels.datagram, result.error)
      : null;
  const sourceProblem = source.ok ? null : problemMessage(labels.sourceIp, source.problem);
  const destinationProblem = destination.ok ? null : problemMessage(labels.destinationIp, destination.problem);
  const attempt: Attempt<Dissection> =
    result !== null && result.ok ? {ok: true, value: result.dissection} : {ok: false, message: datagramProblem ?? sourceProblem ?? destinationProblem ?? ''};
  const {value: dissection} = useLastGood(attempt, initialDissection());

  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());

  const toggle = useCallback((path: string) => {
    setToggled((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  }, []);

  // The panes follow the input in a background render that typing can interrupt: the summary above
  // them answers within the frame of the keystroke, the heavy byte views just after.
  const shown = useDeferredValue(dissection);
  const reveal = useCallback(
    (path: string) => {
      setSelected(path);
      setToggled((current) => revealed(path, current, shown.nodeByPath, shown.parentByPath));
    },
    [shown],
  );

  function editInput(name: 'datagram' | 'source-ip' | 'destination-ip', value: string) {
    // Once edited, the bytes or addresses are the learner's own, no longer the sample's.
    setMany({[name]: value, sample: ''});
  }

  const {datagram} = dissection;
  const commandsText = dissection.commands
    ?.map((command) =>
      command.reqid === undefined
        ? translate({id: 'lab.dissector.summary.command', message: 'cmd {cmd} (flags {flags})'}, command)
        : translate({id: 'lab.dissector.summary.commandReqid', message: 'cmd {cmd} (flags {flags}, reqid 0x{reqid})'}, {cmd: command.cmd, flags: command.flags, reqid: command.reqid}),
    )
    .join('; ');

  // The summary list above the panes, in one sentence for screen readers.
  const spokenSummary = [
    translate(
      {id: 'lab.dissector.status.datagram', message: '{type}, packet id {packetId}.'},
      {type: typeName(datagram.kind, udpPacketType(datagram.func)), packetId: hex16(datagram.packetId)},
    ),
    dissection.seed !== null && translate({id: 'lab.dissector.status.seed', message: 'RC4 seed 0x{seed}.'}, {seed: seedToHex(dissection.seed)}),
    dissection.keySource === 'unavailable' && translate({id: 'lab.dissector.status.noKey', message: 'No key for this seed.'}),
    dissection.decryption !== null &&
      (dissection.decryption.crcOk
        ? translate({id: 'lab.dissector.status.crcOk', message: 'The CRC matches.'})
        : translate({id: 'lab.dissector.status.crcMismatch', message: 'The CRC does not match.'})),
    dissection.commands !== null &&
      translate({id: 'lab.dissector.status.commands', message: 'Commands: {commands}.'}, {commands: commandsText || translate({id: 'lab.dissector.summary.noCommands', message: 'none'})}),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section data-widget="dissector" id={id} aria-labelledby={headingId} className={labStyles.panel}>
      <h3 id={headingId} className={labStyles.panelTitle}>
        <Translate id="lab.dissector.title">Datagram dissector</Translate>
      </h3>
      <p className={styles.intro}>
        <Translate id="lab.dissector.intro">
          Paste a datagram or pick one from the sample traffic, give the public addresses as its sender believed them, and read it field by field. Select a line of the tree to highlight its bytes; point at a field in the bytes to find its line.
        </Translate>
      </p>

      <div className={labStyles.fields}>
        <SamplePicker
          label={translate({id: 'lab.dissector.field.sample', message: 'Sample traffic'})}
          samples={UDP_SAMPLES}
          selected={inputs.sample}
          ownLabel={translate({id: 'lab.dissector.sample.own', message: 'Your own datagram'})}
          optionLabel={sampleLabel}
          ownHint={<Translate id="lab.dissector.sample.ownHint">The bytes and addresses below are yours; pick a sample to start again from real traffic.</Translate>}
          onPick={(sample) => setMany(sampleInputs(sample))}
        />
        <LabField
          name="datagram"
          label={labels.datagram}
          value={inputs.datagram}
          onChange={(value) => editInput('datagram', value)}
          problem={datagramProblem}
          multiline
          wide
          hint={translate(
            {id: 'lab.dissector.field.datagramHint', message: 'From the packet id on, up to {maximum} bytes; spaces, colons and 0x are fine.'},
            {maximum: MAX_UDP_PAYLOAD_LENGTH.toLocaleString('en')},
          )}
        />
        <LabField
          name="source-ip"
          label={labels.sourceIp}
          value={inputs['source-ip']}
          onChange={(value) => editInput('source-ip', value)}
          problem={sourceProblem}
          hint={translate({id: 'lab.dissector.field.sourceIpHint', message: '0.0.0.0 when the sender did not know its own public address yet'})}
        />
        <LabField
          name="destination-ip"
          label={labels.destinationIp}
          value={inputs['destination-ip']}
          onChange={(value) => editInput('destination-ip', value)}
          problem={destinationProblem}
        />
        <LabCheckbox
          name="teaching-engine"
          label={<Translate id="lab.dissector.field.teachingEngine">Use the teaching engine for datagrams built on this site</Translate>}
          checked={teachingEngine}
          onChange={(checked) => setInput('teaching-engine', checked ? TEACHING_ON : '')}
          hint={
            <Translate id="lab.dissector.field.teachingEngineHint">
              It gives the key when no real key is recorded for the seed, or when the recorded key fails the CRC check. It is a labelled stand-in, not Skype’s key engine, and never decrypts real traffic.
            </Translate>
          }
        />
      </div>

      <dl className={labStyles.summary}>
        <div>
          <dt>
            <Translate id="lab.dissector.summary.type">Type</Translate>
          </dt>
          <dd data-output="type" data-value={datagram.kind}>
            {typeName(datagram.kind, udpPacketType(datagram.func))}
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.dissector.summary.packetId">Packet id</Translate>
          </dt>
          <dd data-output="packet-id" data-value={datagram.packetId.toString(16).padStart(4, '0')}>
            {hex16(datagram.packetId)}
          </dd>
        </div>
        {datagram.kind === 'nack' && (
          <>
            <div>
              <dt>
                <Translate id="lab.dissector.summary.nackIp">IP</Translate>
              </dt>
              <dd data-output="nack-ip" data-value={datagram.ip}>
                {datagram.ip}
              </dd>
            </div>
            <div>
              <dt>
                <Translate id="lab.dissector.summary.challenge">Challenge</Translate>
              </dt>
              <dd data-output="challenge" data-value={seedToHex(datagram.challenge)}>
                0x{seedToHex(datagram.challenge)}
              </dd>
            </div>
          </>
        )}
        {dissection.seed !== null && (
          <div>
            <dt>
              <Translate id="lab.dissector.summary.rc4Seed">RC4 seed</Translate>
            </dt>
            <dd data-output="rc4-seed" data-value={seedToHex(dissection.seed)}>
              0x{seedToHex(dissection.seed)}
            </dd>
          </div>
        )}
        {dissection.keySource !== null && (
          <div>
            <dt>
              <Translate id="lab.dissector.summary.key">Key</Translate>
            </dt>
            <dd data-output="key-source" data-value={dissection.keySource}>
              {dissection.keySource === 'recorded'
                ? translate({id: 'lab.dissector.summary.keyRecorded', message: 'recorded (real)'})
                : dissection.keySource === 'teaching'
                  ? translate({id: 'lab.dissector.summary.keyTeaching', message: 'teaching stand-in'})
                  : translate({id: 'lab.dissector.summary.keyUnavailable', message: 'not available'})}
            </dd>
          </div>
        )}
        {dissection.decryption !== null && (
          <div>
            <dt>
              <Translate id="lab.dissector.summary.crcCheck">CRC check</Translate>
            </dt>
            <dd data-output="crc-check" data-value={dissection.decryption.crcOk ? 'ok' : 'mismatch'}>
              {dissection.decryption.crcOk
                ? translate({id: 'lab.dissector.summary.crcOk', message: '✓ ok'})
                : translate({id: 'lab.dissector.summary.crcMismatch', message: '✗ mismatch'})}
            </dd>
          </div>
        )}
        {dissection.commands !== null && (
          <div className={labStyles.summaryWide}>
            <dt>
              <Translate id="lab.dissector.summary.commands">Commands</Translate>
            </dt>
            <dd data-output="commands" data-value={JSON.stringify(dissection.commands)}>
              {commandsText || translate({id: 'lab.dissector.summary.noCommands', message: 'none'})}
            </dd>
          </div>
        )}
      </dl>
      <ResultStatus summary={spokenSummary} />

      {dissection.keySource === 'unavailable' && dissection.seed !== null && (
        <p className={styles.notice} data-output="key-unavailable">
          <UnavailableKeyNote seed={seedToHex(dissection.seed)} />
        </p>
      )}

      <DissectionPanes
        dissection={shown}
        selected={selected}
        hovered={hovered}
        toggled={toggled}
        onSelect={setSelected}
        onToggle={toggle}
        onHover={setHovered}
        onReveal={reveal}
      />

      <ShareLinkButton prefix={URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}
