/**
 * Lab "the datagram pipeline" (`data-widget="packet-pipeline"`), both ways (protocol.md §2, §5, §7):
 * forward, an object list becomes a command, its compressed (or raw) parameters, the obfuscated
 * datagram or its fragments, and a pcap file; back, datagrams become plaintexts, one message, its
 * commands and the object list again. Interface state only: the pipeline itself is pipeline.ts.
 */
import {useId, useMemo, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import LabField from '@site/src/components/lab/LabField';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {flagsName} from '@site/src/components/lab/commandText';
import {problemMessage, protocolErrorMessage} from '@site/src/components/lab/messages';
import {hex16, hex32, parseHexInput, parseIpv4Input, parseUnsignedInput, spacedHex, type ParseResult} from '@site/src/components/lab/parseInput';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {UDP_SAMPLES, recordedKeys} from '@site/src/data/sampleTraffic';
import SamplePicker from '@site/src/components/lab/SamplePicker';
import {SAMPLE_LISTS} from '@site/src/data/sampleLists';
import {
  COMMAND_FLAGS,
  MAX_COMMAND_NUMBER,
  MAX_FRAGMENTS,
  MAX_FRAGMENT_PLAINTEXT,
  MAX_UDP_PAYLOAD_LENGTH,
  bytesToHex,
  commandHasReqid,
  deobfuscateUdp,
  nextIv,
  parseCommands,
  type ObjectListFormat,
} from '@site/src/protocol';
import {RadioField, SelectField} from '@site/src/components/lab/ChoiceField';
import {BackViews} from './BackViews';
import {CommandBytesView, DatagramsView, ListView, ObfuscationView, PcapDownload} from './ForwardViews';
import {MAX_PAD_LENGTH, PAD_OBJECT_ID, buildForward, buildMessage, readBack, type BackFailure, type BackReading, type ForwardFailure, type ForwardPipeline} from './pipeline';
import styles from './styles.module.css';

export interface PacketPipelineProps {
  /** The anchor of the widget, for links to it. Default 'packet-pipeline'. */
  id?: string;
}

/** The prefix of this widget's inputs in the page address (`?pp.list=…`). */
const URL_PREFIX = 'pp';

type InputName =
  | 'direction'
  | 'example'
  | 'list'
  | 'pad'
  | 'command'
  | 'flags'
  | 'reqid'
  | 'format'
  | 'packet-id'
  | 'iv'
  | 'source-ip'
  | 'destination-ip'
  | 'in-reply-to'
  | 'source-port'
  | 'destination-port'
  | 'datagrams';

type FlagsName = keyof typeof COMMAND_FLAGS;
const FLAG_NAMES = Object.keys(COMMAND_FLAGS) as FlagsName[];

/**
 * The first inputs: the probe of Silver Needle slide 41, read from the sample traffic with its
 * recorded key, so that the pipeline starts by rebuilding a real datagram byte for byte.
 */
function slide41Inputs(): Record<InputName, string> {
  const sample = UDP_SAMPLES.find((candidate) => candidate.id === 'slide-41') ?? UDP_SAMPLES[0];
  const {datagram, plaintext} = deobfuscateUdp(sample.bytes, {srcIp: sample.srcIp, dstIp: sample.dstIp}, recordedKeys);
  const [command] = parseCommands(plaintext);
  const packetId = datagram.packetId;
  const iv = datagram.kind === 'payload' ? datagram.iv : 0;
  const list = SAMPLE_LISTS.find((candidate) => bytesToHex(candidate.bytes) === bytesToHex(command.params));
  return {
    direction: 'forward',
    example: list?.id ?? '',
    list: spacedHex(command.params),
    pad: '0',
    command: String(command.cmd),
    flags: FLAG_NAMES.find((name) => COMMAND_FLAGS[name] === command.flags) ?? 'request',
    reqid: hex16(command.reqid ?? 0),
    format: command.params[0] === 0x41 ? 'raw' : 'compressed',
    'packet-id': hex16(packetId),
    iv: hex32(iv),
    'source-ip': sample.srcIp,
    'destination-ip': sample.dstIp,
    // Our choice: the packet id of the request the fragments answer.
    'in-reply-to': hex16((packetId - 1) & 0xffff),
    // Our choice: two ports of the kind Skype drew at random; any from 1 to 65535 will do.
    'source-port': '33033',
    'destination-port': '34044',
    datagrams: '',
  };
}

const defaults = slide41Inputs();

/** The largest list the field takes: past what 128 fragments carry, so that the library says why it does not fit. */
const MAX_LIST_LENGTH = 2 * MAX_FRAGMENTS * MAX_FRAGMENT_PLAINTEXT;

type Problem = string | null;

/** A number field with its own upper bound (the command number, the padding), below the bits it is parsed in. */
function boundedNumber(text: string, bits: 16 | 32, maximum: number, minimum = 0): ParseResult<number> {
  const parsed = parseUnsignedInput(text, bits);
  if (!parsed.ok) return parsed;
  if (parsed.value > maximum) return {ok: false, problem: {kind: 'range', text: text.trim(), maximum}};
  if (parsed.value < minimum) return {ok: false, problem: {kind: 'number', text: text.trim()}};
  return parsed;
}

/** The alert of a port field: 1 to 65535 (0 is no port). */
function portProblem(label: string, text: string, parsed: ParseResult<number>): Problem {
  if (parsed.ok) return null;
  if (parsed.problem.kind === 'number' && text.trim() !== '' && /^(0x)?0+$/.test(text.trim())) {
    return translate({id: 'lab.packetPipeline.portZero', message: '{field}: 0 is not a port; UDP ports run from 1 to 65535.'}, {field: label});
  }
  return problemMessage(label, parsed.problem);
}

/** One line of pasted datagrams: its number, counted from 1, and what it holds. */
interface DatagramLine {
  line: number;
  parsed: ParseResult<Uint8Array>;
}

function parseDatagramLines(text: string): DatagramLine[] {
  return text
    .split('\n')
    .map((line, index) => ({line: index + 1, text: line}))
    .filter(({text: line}) => line.trim() !== '')
    .map(({line, text: lineText}) => ({line, parsed: parseHexInput(lineText, {maximum: MAX_UDP_PAYLOAD_LENGTH})}));
}

/** What the direction shown has built or read, in a sentence for screen readers. */
function spokenSummary(direction: 'forward' | 'back', pipeline: ForwardPipeline | null, reading: BackReading | null): string {
  if (direction === 'forward') {
    if (!pipeline) return '';
    return translate(
      {id: 'lab.packetPipeline.status.forward', message: 'Forward: command {cmd}, a plaintext of {length} bytes; the datagrams have {sizes} bytes.'},
      {
        cmd: pipeline.commands.map((command) => command.cmd).join(', '),
        length: pipeline.plaintext.length,
        sizes: pipeline.datagrams.map(({bytes}) => bytes.length).join(', '),
      },
    );
  }
  if (!reading) return '';
  const commands =
    reading.commands.kind === 'commands'
      ? translate({id: 'lab.packetPipeline.status.commands', message: 'commands {commands}'}, {commands: reading.commands.commands.map((command) => command.cmd).join(', ')})
      : translate({id: 'lab.packetPipeline.status.noCommands', message: 'the message does not read as commands'});
  return translate(
    {id: 'lab.packetPipeline.status.back', message: 'Back: datagrams read: {count}; {crc}; {commands}.'},
    {
      count: reading.datagrams.length,
      crc: reading.crcOk
        ? translate({id: 'lab.packetPipeline.status.crcOk', message: 'every CRC matches'})
        : translate({id: 'lab.packetPipeline.status.crcBad', message: 'a CRC does not match'}),
      commands,
    },
  );
}

export default function PacketPipeline({id = 'packet-pipeline'}: PacketPipelineProps): ReactNode {
  const headingId = useId();
  const [inputs, setInput, setMany] = useUrlInputs<InputName>(URL_PREFIX, defaults);
  const direction = inputs.direction === 'back' ? 'back' : 'forward';

  const labels = {
    list: translate({id: 'lab.packetPipeline.field.list', message: 'Object list (hex)'}),
    pad: translate({id: 'lab.packetPipeline.field.pad', message: 'Pad with a blob of N bytes'}),
    command: translate({id: 'lab.packetPipeline.field.command', message: 'Command number'}),
    reqid: translate({id: 'lab.packetPipeline.field.reqid', message: 'Request id (reqid)'}),
    packetId: translate({id: 'lab.packetPipeline.field.packetId', message: 'Packet id'}),
    iv: translate({id: 'lab.packetPipeline.field.iv', message: 'IV'}),
    sourceIp: translate({id: 'lab.packetPipeline.field.sourceIp', message: 'Source public IP (as the sender believes it)'}),
    destinationIp: translate({id: 'lab.packetPipeline.field.destinationIp', message: 'Destination public IP (as the sender believes it)'}),
    inReplyTo: translate({id: 'lab.packetPipeline.field.inReplyTo', message: 'in_reply_to (fragments only)'}),
    sourcePort: translate({id: 'lab.packetPipeline.field.sourcePort', message: 'Source UDP port'}),
    destinationPort: translate({id: 'lab.packetPipeline.field.destinationPort', message: 'Destination UDP port'}),
    datagrams: translate({id: 'lab.packetPipeline.field.datagrams', message: 'Datagrams (hex, one per line)'}),
  };

  // Each input is parsed on its own, so that an edit re-parses only what changed.
  const list = useMemo(() => parseHexInput(inputs.list, {maximum: MAX_LIST_LENGTH}), [inputs.list]);
  const pad = useMemo(() => boundedNumber(inputs.pad, 32, MAX_PAD_LENGTH), [inputs.pad]);
  const command = useMemo(() => boundedNumber(inputs.command, 32, MAX_COMMAND_NUMBER), [inputs.command]);
  const flagsChoice: FlagsName = FLAG_NAMES.includes(inputs.flags as FlagsName) ? (inputs.flags as FlagsName) : 'request';
  const flags = COMMAND_FLAGS[flagsChoice];
  const withReqid = commandHasReqid(flags);
  const reqid = useMemo(() => parseUnsignedInput(inputs.reqid, 16), [inputs.reqid]);
  const format: ObjectListFormat = inputs.format === 'raw' ? 'raw' : 'compressed';
  const packetId = useMemo(() => parseUnsignedInput(inputs['packet-id'], 16), [inputs['packet-id']]);
  const iv = useMemo(() => parseUnsignedInput(inputs.iv, 32), [inputs.iv]);
  const sourceIp = useMemo(() => parseIpv4Input(inputs['source-ip']), [inputs['source-ip']]);
  const destinationIp = useMemo(() => parseIpv4Input(inputs['destination-ip']), [inputs['destination-ip']]);
  const inReplyTo = useMemo(() => parseUnsignedInput(inputs['in-reply-to'], 16), [inputs['in-reply-to']]);
  const sourcePort = useMemo(() => boundedNumber(inputs['source-port'], 16, 0xffff, 1), [inputs['source-port']]);
  const destinationPort = useMemo(() => boundedNumber(inputs['destination-port'], 16, 0xffff, 1), [inputs['destination-port']]);
  const datagramLines = useMemo(() => parseDatagramLines(inputs.datagrams), [inputs.datagrams]);

  const reqidValue = withReqid && reqid.ok ? reqid.value : undefined;
  // The list and command stages are kept while only the datagram fields change, so their views do not redraw.
  const message = useMemo(() => {
    if (!list.ok || !pad.ok || !command.ok || (withReqid && reqidValue === undefined)) return null;
    const commandFields = withReqid ? {cmd: command.value, flags, reqid: reqidValue} : {cmd: command.value, flags};
    return {settings: {list: list.value, format, padLength: pad.value, command: commandFields}, outcome: buildMessage({list: list.value, format, padLength: pad.value, command: commandFields})};
  }, [list, pad, command, flags, withReqid, reqidValue, format]);
  const forward = useMemo(() => {
    if (message === null || !packetId.ok || !iv.ok || !sourceIp.ok || !destinationIp.ok || !inReplyTo.ok) return null;
    return buildForward(
      {...message.settings, packetId: packetId.value, iv: iv.value, inReplyTo: inReplyTo.value, addresses: {srcIp: sourceIp.value, dstIp: destinationIp.value}},
      message.outcome,
    );
  }, [message, packetId, iv, sourceIp, destinationIp, inReplyTo]);

  const back = useMemo(() => {
    if (direction !== 'back' || !sourceIp.ok || !destinationIp.ok || datagramLines.length === 0 || datagramLines.some(({parsed}) => !parsed.ok)) return null;
    return readBack(
      datagramLines.map(({parsed}) => (parsed as {ok: true; value: Uint8Array}).value),
      {srcIp: sourceIp.value, dstIp: destinationIp.value},
    );
  }, [direction, datagramLines, sourceIp, destinationIp]);

  const failure: ForwardFailure | null = forward !== null && !forward.ok ? forward : null;
  const problems = {
    list: !list.ok
      ? problemMessage(labels.list, list.problem)
      : failure?.stage === 'list'
        ? failure.kind === 'trailing'
          ? translate(
              {id: 'lab.packetPipeline.trailing', message: '{field}: the list ends after byte {end}, but {extra} more bytes follow it. Give one list, from its 0x41 or 0x42 marker to its end.'},
              {field: labels.list, end: failure.listLength, extra: failure.total - failure.listLength},
            )
          : protocolErrorMessage(labels.list, failure.error)
        : failure?.stage === 'datagram'
          ? protocolErrorMessage(labels.list, failure.error)
          : null,
    pad: pad.ok ? null : problemMessage(labels.pad, pad.problem),
    command: !command.ok ? problemMessage(labels.command, command.problem) : failure?.stage === 'command' ? protocolErrorMessage(labels.command, failure.error) : null,
    reqid: withReqid && !reqid.ok ? problemMessage(labels.reqid, reqid.problem) : null,
    packetId: packetId.ok ? null : problemMessage(labels.packetId, packetId.problem),
    iv: iv.ok ? null : problemMessage(labels.iv, iv.problem),
    sourceIp: sourceIp.ok ? null : problemMessage(labels.sourceIp, sourceIp.problem),
    destinationIp: destinationIp.ok ? null : problemMessage(labels.destinationIp, destinationIp.problem),
    inReplyTo: inReplyTo.ok ? null : problemMessage(labels.inReplyTo, inReplyTo.problem),
    sourcePort: portProblem(labels.sourcePort, inputs['source-port'], sourcePort),
    destinationPort: portProblem(labels.destinationPort, inputs['destination-port'], destinationPort),
    datagrams: datagramsProblem(labels.datagrams, datagramLines, back),
  };
  const formatProblem =
    failure?.stage === 'format' ? protocolErrorMessage(translate({id: 'lab.packetPipeline.formatWhat', message: 'Re-encoding the list'}), failure.error) : null;
  const forwardProblem = [problems.list, problems.pad, problems.command, problems.reqid, problems.packetId, problems.iv, problems.sourceIp, problems.destinationIp, problems.inReplyTo, formatProblem].find(
    (problem) => problem !== null,
  );
  const forwardAttempt: Attempt<ForwardPipeline | null> = forward?.ok ? {ok: true, value: forward.pipeline} : {ok: false, message: forwardProblem ?? ''};
  const {value: pipeline} = useLastGood(forwardAttempt, null);
  const backAttempt: Attempt<BackReading | null> = back?.ok ? {ok: true, value: back.reading} : {ok: false, message: problems.datagrams ?? ''};
  const {value: reading} = useLastGood(backAttempt, null);

  const forwardDatagramLines = useMemo(() => (pipeline ? pipeline.datagrams.map(({bytes}) => bytesToHex(bytes)).join('\n') : ''), [pipeline]);
  function chooseDirection(value: string) {
    // The back direction starts from the datagrams just built, unless the learner has pasted others.
    if (value === 'back' && inputs.datagrams.trim() === '') setMany({direction: 'back', datagrams: forwardDatagramLines});
    else setInput('direction', value);
  }

  const example = SAMPLE_LISTS.find((sample) => sample.id === inputs.example) ?? null;
  const exampleEdited = useMemo(() => example !== null && (!list.ok || bytesToHex(list.value) !== bytesToHex(example.bytes)), [example, list]);
  const portsOk = sourcePort.ok && destinationPort.ok;

  return (
    <section data-widget="packet-pipeline" id={id} aria-labelledby={headingId} className={labStyles.panel}>
      <h3 id={headingId} className={labStyles.panelTitle}>
        <Translate id="lab.packetPipeline.title">The datagram pipeline</Translate>
      </h3>
      <p>
        <Translate id="lab.packetPipeline.intro">
          Forward, build a datagram the way a 2006 client did: an object list becomes the parameters of a command, the command bytes are encrypted under a seed made from the
          addresses, the packet id and the IV, and a plaintext too long for one datagram is split into fragments. Back, take datagrams apart again.
        </Translate>
      </p>
      <div className={labStyles.fields}>
        <RadioField
          name="direction"
          legend={translate({id: 'lab.packetPipeline.field.direction', message: 'Direction'})}
          value={direction}
          choices={[
            {value: 'forward', label: translate({id: 'lab.packetPipeline.direction.forward', message: 'Forward: list → datagrams'})},
            {value: 'back', label: translate({id: 'lab.packetPipeline.direction.back', message: 'Back: datagrams → list'})},
          ]}
          onChange={chooseDirection}
        />
      </div>
      <ResultStatus summary={spokenSummary(direction, pipeline, reading)} />

      {direction === 'forward' && forwardProblem !== undefined && pipeline && (
        <p className={labStyles.note}>
          <Translate id="lab.packetPipeline.lastGood">The stages below still show the last datagrams that could be built: correct the field whose message says what is wrong.</Translate>
        </p>
      )}
      {direction === 'forward' ? (
        <ol className={styles.stages}>
          <li className={styles.stage} data-stage="list">
            <h4 className={styles.stageTitle}>
              <Translate id="lab.packetPipeline.stage.list">The object list</Translate>
            </h4>
            <div className={labStyles.fields}>
              <SamplePicker
                name="example"
                label={translate({id: 'lab.packetPipeline.field.example', message: 'Example list'})}
                samples={SAMPLE_LISTS}
                selected={example?.id ?? null}
                ownLabel={translate({id: 'lab.packetPipeline.example.own', message: 'My own list'})}
                optionLabel={(sample) => sample.label}
                onPick={(sample) => setMany({example: sample.id, list: spacedHex(sample.bytes), format: sample.format})}
              />
              <LabField
                name="list"
                label={labels.list}
                value={inputs.list}
                onChange={(value) => setInput('list', value)}
                problem={problems.list}
                hint={translate({id: 'lab.packetPipeline.hint.list', message: 'One list, from its 0x41 (raw) or 0x42 (compressed) marker to its end.'})}
                multiline
                wide
              />
              <LabField
                name="pad"
                label={labels.pad}
                value={inputs.pad}
                onChange={(value) => setInput('pad', value)}
                problem={problems.pad}
                hint={translate(
                  {id: 'lab.packetPipeline.hint.pad', message: '0 to {maximum}: appends a type-4 blob of that many zero bytes (object id {id}, our choice). Try 2000 to see fragments.'},
                  {maximum: MAX_PAD_LENGTH, id: PAD_OBJECT_ID},
                )}
              />
            </div>
            {exampleEdited && (
              <p className={labStyles.note}>
                <Translate id="lab.packetPipeline.example.edited">You have changed the example’s bytes: the stages below are for your version.</Translate>
              </p>
            )}
            {pipeline && <ListView pipeline={pipeline} />}
          </li>

          <li className={styles.stage} data-stage="command">
            <h4 className={styles.stageTitle}>
              <Translate id="lab.packetPipeline.stage.command">The command</Translate>
            </h4>
            <div className={labStyles.fields}>
              <LabField
                name="command"
                label={labels.command}
                value={inputs.command}
                onChange={(value) => setInput('command', value)}
                problem={problems.command}
                hint={translate({id: 'lab.packetPipeline.hint.command', message: '0 to {maximum}, in decimal or with 0x. 27 is the probe.'}, {maximum: MAX_COMMAND_NUMBER})}
              />
              <SelectField
                name="flags"
                label={translate({id: 'lab.packetPipeline.field.flags', message: 'Flags'})}
                value={flagsChoice}
                groups={[
                  {
                    label: '',
                    choices: FLAG_NAMES.map((name) => ({
                      value: name,
                      label: translate({id: 'lab.packetPipeline.flags.option', message: '{flags}: {name}'}, {flags: COMMAND_FLAGS[name], name: flagsName(COMMAND_FLAGS[name])}),
                    })),
                  },
                ]}
                onChange={(value) => setInput('flags', value)}
              />
              {withReqid && (
                <LabField
                  name="reqid"
                  label={labels.reqid}
                  value={inputs.reqid}
                  onChange={(value) => setInput('reqid', value)}
                  problem={problems.reqid}
                  hint={translate({id: 'lab.packetPipeline.hint.reqid', message: '16 bits. Requests and replies carry one; for a single request it is the packet id minus one.'})}
                />
              )}
            </div>
          </li>

          <li className={styles.stage} data-stage="parameters">
            <h4 className={styles.stageTitle}>
              <Translate id="lab.packetPipeline.stage.parameters">Parameters and command bytes</Translate>
            </h4>
            <div className={labStyles.fields}>
              <RadioField
                name="format"
                legend={translate({id: 'lab.packetPipeline.field.format', message: 'Encode the parameters as'})}
                value={format}
                choices={[
                  {value: 'compressed', label: translate({id: 'lab.packetPipeline.format.compressed', message: '0x42 compressed'})},
                  {value: 'raw', label: translate({id: 'lab.packetPipeline.format.raw', message: '0x41 raw'})},
                ]}
                onChange={(value) => setInput('format', value)}
              />
            </div>
            {formatProblem && (
              <p role="alert" className={labStyles.alert}>
                {formatProblem}
              </p>
            )}
            {pipeline && <CommandBytesView pipeline={pipeline} />}
          </li>

          <li className={styles.stage} data-stage="obfuscation">
            <h4 className={styles.stageTitle}>
              <Translate id="lab.packetPipeline.stage.obfuscation">Obfuscation</Translate>
            </h4>
            <div className={labStyles.fields}>
              <LabField name="packet-id" label={labels.packetId} value={inputs['packet-id']} onChange={(value) => setInput('packet-id', value)} problem={problems.packetId} />
              <div className={styles.withButton}>
                <LabField
                  name="iv"
                  label={labels.iv}
                  value={inputs.iv}
                  onChange={(value) => setInput('iv', value)}
                  problem={problems.iv}
                  hint={translate({id: 'lab.packetPipeline.hint.iv', message: '32 bits. Clients drew each IV from the last: iv · 69069 + 17009.'})}
                />
                <button type="button" className="button button--sm button--secondary" data-action="next-iv" disabled={!iv.ok} onClick={() => iv.ok && setInput('iv', hex32(nextIv(iv.value)))}>
                  <Translate id="lab.packetPipeline.nextIv">Next IV</Translate>
                </button>
              </div>
              <LabField name="source-ip" label={labels.sourceIp} value={inputs['source-ip']} onChange={(value) => setInput('source-ip', value)} problem={problems.sourceIp} />
              <LabField
                name="destination-ip"
                label={labels.destinationIp}
                value={inputs['destination-ip']}
                onChange={(value) => setInput('destination-ip', value)}
                problem={problems.destinationIp}
              />
            </div>
            {pipeline && <ObfuscationView pipeline={pipeline} />}
          </li>

          <li className={styles.stage} data-stage="datagrams">
            <h4 className={styles.stageTitle}>
              <Translate id="lab.packetPipeline.stage.datagrams">Datagrams</Translate>
            </h4>
            <div className={labStyles.fields}>
              <LabField
                name="in-reply-to"
                label={labels.inReplyTo}
                value={inputs['in-reply-to']}
                onChange={(value) => setInput('in-reply-to', value)}
                problem={problems.inReplyTo}
                hint={translate({id: 'lab.packetPipeline.hint.inReplyTo', message: 'The packet id of the datagram that carried the request; written in every fragment.'})}
              />
            </div>
            {pipeline && <DatagramsView pipeline={pipeline} />}
          </li>

          <li className={styles.stage} data-stage="pcap">
            <h4 className={styles.stageTitle}>
              <Translate id="lab.packetPipeline.stage.pcap">A capture file</Translate>
            </h4>
            <div className={labStyles.fields}>
              <LabField name="source-port" label={labels.sourcePort} value={inputs['source-port']} onChange={(value) => setInput('source-port', value)} problem={problems.sourcePort} />
              <LabField
                name="destination-port"
                label={labels.destinationPort}
                value={inputs['destination-port']}
                onChange={(value) => setInput('destination-port', value)}
                problem={problems.destinationPort}
              />
            </div>
            {pipeline && (
              <PcapDownload
                pipeline={pipeline}
                ready={forwardProblem === undefined && portsOk}
                srcIp={sourceIp.ok ? sourceIp.value : ''}
                dstIp={destinationIp.ok ? destinationIp.value : ''}
                srcPort={sourcePort.ok ? sourcePort.value : 0}
                dstPort={destinationPort.ok ? destinationPort.value : 0}
              />
            )}
          </li>
        </ol>
      ) : (
        <>
          <div className={labStyles.fields}>
            <LabField
              name="datagrams"
              label={labels.datagrams}
              value={inputs.datagrams}
              onChange={(value) => setInput('datagrams', value)}
              problem={problems.datagrams}
              hint={translate({id: 'lab.packetPipeline.hint.datagrams', message: 'UDP payloads from the packet id on: one payload datagram, or the fragments of one message in any order.'})}
              multiline
              wide
            />
            <LabField name="source-ip" label={labels.sourceIp} value={inputs['source-ip']} onChange={(value) => setInput('source-ip', value)} problem={problems.sourceIp} />
            <LabField
              name="destination-ip"
              label={labels.destinationIp}
              value={inputs['destination-ip']}
              onChange={(value) => setInput('destination-ip', value)}
              problem={problems.destinationIp}
            />
          </div>
          <p>
            <button type="button" className="button button--sm button--secondary" data-action="use-forward" disabled={forwardDatagramLines === ''} onClick={() => setInput('datagrams', forwardDatagramLines)}>
              <Translate id="lab.packetPipeline.useForward">Use the datagrams built in the forward direction</Translate>
            </button>
          </p>
          {reading ? (
            <BackViews reading={reading} />
          ) : (
            <p className={labStyles.note}>
              <Translate id="lab.packetPipeline.back.nothing">Nothing to read yet: paste datagrams above, one per line.</Translate>
            </p>
          )}
        </>
      )}
      <ShareLinkButton prefix={URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}

/** The alert of the datagrams field: a line that is not hex, or a set of datagrams that does not read as one message. */
function datagramsProblem(label: string, lines: readonly DatagramLine[], back: ReturnType<typeof readBack> | null): Problem {
  for (const {line, parsed} of lines) {
    if (!parsed.ok) return problemMessage(translate({id: 'lab.packetPipeline.line', message: '{field}, line {line}'}, {field: label, line}), parsed.problem);
  }
  if (back === null || back.ok) return null;
  return backFailureMessage(label, lines, back);
}

function backFailureMessage(label: string, lines: readonly DatagramLine[], failure: BackFailure): string {
  switch (failure.kind) {
    case 'datagram':
      return protocolErrorMessage(translate({id: 'lab.packetPipeline.line', message: '{field}, line {line}'}, {field: label, line: lines[failure.index].line}), failure.error);
    case 'mixed':
      return translate(
        {id: 'lab.packetPipeline.back.mixed', message: '{field}: line {line} mixes a fragment with a datagram of another type. Give one payload datagram, or the fragments of one message.'},
        {field: label, line: lines[failure.index].line},
      );
    case 'severalPayloads':
      return translate(
        {id: 'lab.packetPipeline.back.severalPayloads', message: '{field}: {count} datagrams that are not fragments. Give one payload datagram, or the fragments of one message.'},
        {field: label, count: failure.count},
      );
    case 'reassembly':
      return protocolErrorMessage(translate({id: 'lab.packetPipeline.back.reassembly', message: '{field}: the fragments do not make one message'}, {field: label}), failure.error);
  }
}
