/**
 * Lab "keystream reuse on TCP" (`data-widget="tcp-keystream-reuse"`): the 10 known bytes of a
 * stream's init block give 10 keystream bytes, and because the keystream restarts they decrypt the
 * first 10 data bytes (protocol.md §4.1-4.2). On the sample streams, on a pasted stream, or on a
 * stream the learner builds. Interface state only: the attack is in reuse.ts, on the library.
 */
import {useId, useMemo, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import LabField from '@site/src/components/lab/LabField';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import {RadioField} from '@site/src/components/lab/ChoiceField';
import SamplePicker from '@site/src/components/lab/SamplePicker';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {problemMessage, protocolErrorMessage} from '@site/src/components/lab/messages';
import {hex16, hex32, parseHexInput, parseUnsignedInput, spacedHex} from '@site/src/components/lab/parseInput';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {TCP_SAMPLES, type TcpSample} from '@site/src/data/sampleTraffic';
import {ProtocolError} from '@site/src/protocol';
import {buildDefaults, buildStream, defaultRole, firstFrameFields, recoverKeystream, trueDataOfBuilt, trueDataOfStream, type TcpRole, type TrueData} from './reuse';
import Stages, {roleName, spacedKnown, type TcpReading} from './Stages';

export interface TcpKeystreamReuseProps {
  /** The anchor of the widget, for links to it. Default 'tcp-keystream-reuse'. */
  id?: string;
  /** The sample stream shown first, by its id in TCP_SAMPLES. Default: the capture's initiator stream, the first with data after the init block. */
  sample?: string;
}

type InputName = 'mode' | 'sample' | 'stream' | 'seed' | 'role' | 'responder-value' | 'data';
type Mode = 'sample' | 'build';

const BUILD_DEFAULTS = buildDefaults();
const FIRST_SAMPLE_WITH_DATA = TCP_SAMPLES.find((sample) => sample.source === 'capture' && defaultRole(sample) === 'initiator') ?? TCP_SAMPLES[0];

const defaults = {id: 'tcp-keystream-reuse', sample: FIRST_SAMPLE_WITH_DATA.id};

function inputsOfSample(sample: TcpSample): Partial<Record<InputName, string>> {
  return {sample: sample.id, stream: spacedHex(sample.bytes), role: defaultRole(sample)};
}

/** One reading of the stream for the stages, or what is wrong with the inputs, field by field. */
interface Outcome {
  reading: TcpReading | null;
  problems: Partial<Record<InputName, string>>;
  /** For a built stream: whose key built it. */
  builtWith: TrueData['source'] | null;
}

/** The labels of the text fields, also the names that start their alerts. */
function fieldLabels() {
  return {
    stream: translate({id: 'lab.tcpKeystreamReuse.stream', message: 'Stream (one direction, hex)'}),
    seed: translate({id: 'lab.tcpKeystreamReuse.seed', message: 'Seed (32 bits)'}),
    responderValue: translate({id: 'lab.tcpKeystreamReuse.responderValue', message: 'Responder’s 16-bit value'}),
    data: translate({id: 'lab.tcpKeystreamReuse.data', message: 'Clear data after the init block (hex)'}),
  };
}

function readTcpInputs(inputs: Record<InputName, string>): Outcome {
  const labels = fieldLabels();
  const role: TcpRole = inputs.role === 'responder' ? 'responder' : 'initiator';
  const problems: Outcome['problems'] = {};
  let stream: Uint8Array | null = null;
  let truth: TrueData | null = null;
  let builtWith: Outcome['builtWith'] = null;
  if (inputs.mode === 'build') {
    const seed = parseUnsignedInput(inputs.seed, 32);
    const responderValue = role === 'responder' ? parseUnsignedInput(inputs['responder-value'], 16) : ({ok: true, value: 0} as const);
    const data = parseHexInput(inputs.data);
    if (!seed.ok) problems.seed = problemMessage(labels.seed, seed.problem);
    if (!responderValue.ok) problems['responder-value'] = problemMessage(labels.responderValue, responderValue.problem);
    if (!data.ok) problems.data = problemMessage(labels.data, data.problem);
    if (!seed.ok || !responderValue.ok || !data.ok) return {reading: null, problems, builtWith};
    const built = buildStream(seed.value, role, responderValue.value, data.value);
    stream = built.stream;
    truth = trueDataOfBuilt(built, data.value);
    builtWith = built.source;
  } else {
    const parsed = parseHexInput(inputs.stream);
    if (!parsed.ok) return {reading: null, problems: {stream: problemMessage(labels.stream, parsed.problem)}, builtWith};
    stream = parsed.value;
  }
  try {
    const recovery = recoverKeystream(stream, role);
    truth ??= trueDataOfStream(stream);
    const frames = truth.frames && !('problem' in truth.frames) ? truth.frames : null;
    const firstFrame = truth.data && frames ? firstFrameFields(truth.data, frames) : [];
    return {reading: {stream, role, recovery, truth, firstFrame}, problems, builtWith};
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return {reading: null, problems: {stream: protocolErrorMessage(labels.stream, error)}, builtWith};
  }
}

/** Who sent a sample stream: the role the lab guesses first, and why. */
function SampleNotes({sample}: {sample: TcpSample}): ReactNode {
  return (
    <p className={labStyles.notes}>
      {defaultRole(sample) === 'initiator' ? (
        <Translate id="lab.tcpKeystreamReuse.sample.initiator">The client behind NAT (a private address) sent this stream, and it opened the connection: an initiator.</Translate>
      ) : (
        <Translate id="lab.tcpKeystreamReuse.sample.responder">The client behind NAT (a private address) received this stream: the other side answered the connection, a responder.</Translate>
      )}
    </p>
  );
}

/** The attack's outcome in a sentence, for screen readers: which stream, and what it gave away. */
function resultSummary(reading: TcpReading, mode: Mode): string {
  const {recovery} = reading;
  return translate(
    {
      id: 'lab.tcpKeystreamReuse.status',
      message: '{stream}, seed {seed}, sent by the {role}: {known} of {count} keystream bytes recovered, and with them the first data bytes {data}.',
    },
    {
      stream:
        mode === 'build'
          ? translate({id: 'lab.tcpKeystreamReuse.status.built', message: 'The stream you built'})
          : translate({id: 'lab.tcpKeystreamReuse.status.captured', message: 'The stream'}),
      seed: hex32(recovery.seed),
      role: roleName(reading.role),
      known: recovery.keystream.filter((byte) => byte !== null).length,
      count: recovery.keystream.length,
      data: spacedKnown(recovery.recovered) || '—',
    },
  );
}

/**
 * The TCP keystream-reuse lab. Inputs live in the address as `?tr.<name>=…` for share links.
 */
export default function TcpKeystreamReuse({id = defaults.id, sample: initialSample = defaults.sample}: TcpKeystreamReuseProps): ReactNode {
  const titleId = useId();
  const roleSelectId = useId();
  const startSample = TCP_SAMPLES.find((sample) => sample.id === initialSample) ?? FIRST_SAMPLE_WITH_DATA;
  const [inputs, setInput, setMany] = useUrlInputs<InputName>('tr', {
    mode: 'sample',
    sample: startSample.id,
    stream: spacedHex(startSample.bytes),
    seed: hex32(BUILD_DEFAULTS.seed),
    role: defaultRole(startSample),
    'responder-value': hex16(BUILD_DEFAULTS.responderValue),
    data: spacedHex(BUILD_DEFAULTS.data),
  });
  const mode: Mode = inputs.mode === 'build' ? 'build' : 'sample';
  const role: TcpRole = inputs.role === 'responder' ? 'responder' : 'initiator';

  const labels = fieldLabels();
  const outcome = useMemo(() => readTcpInputs(inputs), [inputs]);
  const firstProblem = Object.values(outcome.problems).find(Boolean) ?? null;
  const attempt: Attempt<TcpReading> = outcome.reading ? {ok: true, value: outcome.reading} : {ok: false, message: firstProblem ?? ''};
  const {value: reading} = useLastGood<TcpReading | null>(attempt, null);

  const selectedSample = TCP_SAMPLES.find((sample) => sample.id === inputs.sample) ?? null;

  return (
    <section data-widget="tcp-keystream-reuse" id={id} aria-labelledby={titleId} className={labStyles.panel}>
      <h3 id={titleId} className={labStyles.panelTitle}>
        <Translate id="lab.tcpKeystreamReuse.title">Keystream reuse on TCP</Translate>
      </h3>
      <p>
        <Translate id="lab.tcpKeystreamReuse.intro">
          A TCP stream encrypts its init block and then its data with the same start of keystream. The init block is known in advance, so an eavesdropper gets those keystream
          bytes for free, and with them the first data bytes.
        </Translate>
      </p>

      <RadioField
        name="mode"
        legend={translate({id: 'lab.tcpKeystreamReuse.mode', message: 'Stream'})}
        value={mode}
        choices={[
          {value: 'sample', label: translate({id: 'lab.tcpKeystreamReuse.mode.sample', message: 'A captured stream'})},
          {value: 'build', label: translate({id: 'lab.tcpKeystreamReuse.mode.build', message: 'Build your own'})},
        ]}
        onChange={(value) => setInput('mode', value)}
      />

      <div className={labStyles.fields}>
        {mode === 'sample' && (
          <>
            <SamplePicker
              label={translate({id: 'lab.tcpKeystreamReuse.sample', message: 'Sample stream'})}
              samples={TCP_SAMPLES}
              selected={inputs.sample}
              ownLabel={translate({id: 'lab.tcpKeystreamReuse.sample.own', message: 'My own stream'})}
              onPick={(sample) => setMany(inputsOfSample(sample))}
            />
            <LabField
              name="stream"
              label={labels.stream}
              value={inputs.stream}
              onChange={(value) => setMany({stream: value, sample: ''})}
              problem={outcome.problems.stream ?? null}
              hint={translate({id: 'lab.tcpKeystreamReuse.streamHint', message: 'From the seed on: 4 bytes of seed, 10 of init block, then data.'})}
              multiline
              wide
            />
          </>
        )}
        {mode === 'build' && (
          <>
            <LabField
              name="seed"
              label={labels.seed}
              value={inputs.seed}
              onChange={(value) => setInput('seed', value)}
              problem={outcome.problems.seed ?? null}
              hint={translate({id: 'lab.tcpKeystreamReuse.seedHint', message: 'Decimal, or hex with 0x.'})}
            />
            <LabField
              name="data"
              label={labels.data}
              value={inputs.data}
              onChange={(value) => setInput('data', value)}
              problem={outcome.problems.data ?? null}
              hint={translate({id: 'lab.tcpKeystreamReuse.dataHint', message: 'Frames as a client sends them; the default is the first frame of the captured initiator stream.'})}
              multiline
              wide
            />
          </>
        )}
        <div className={labStyles.field} data-field="role">
          <label htmlFor={roleSelectId} className={labStyles.label}>
            {mode === 'sample' ? (
              <Translate id="lab.tcpKeystreamReuse.roleGuess">Sender’s role (your guess)</Translate>
            ) : (
              <Translate id="lab.tcpKeystreamReuse.role">Sender’s role</Translate>
            )}
          </label>
          <select id={roleSelectId} name="role" className={labStyles.input} value={role} onChange={(event) => setInput('role', event.currentTarget.value)}>
            <option value="initiator">{translate({id: 'lab.tcpKeystreamReuse.role.initiatorOption', message: 'Initiator (opened the connection)'})}</option>
            <option value="responder">{translate({id: 'lab.tcpKeystreamReuse.role.responderOption', message: 'Responder (answered it)'})}</option>
          </select>
        </div>
        {mode === 'build' && role === 'responder' && (
          <LabField
            name="responder-value"
            label={labels.responderValue}
            value={inputs['responder-value']}
            onChange={(value) => setInput('responder-value', value)}
            problem={outcome.problems['responder-value'] ?? null}
            hint={translate({id: 'lab.tcpKeystreamReuse.responderValueHint', message: 'The first two bytes of a responder’s init block; the default is the capture responder’s.'})}
          />
        )}
      </div>

      {mode === 'sample' && selectedSample && <SampleNotes sample={selectedSample} />}
      {mode === 'build' && outcome.builtWith && (
        <p className={labStyles.note} data-output="build-engine" data-value={outcome.builtWith}>
          {outcome.builtWith === 'recorded' ? (
            <Translate id="lab.tcpKeystreamReuse.build.recorded">Built with the real key of this seed, recorded from the sample traffic.</Translate>
          ) : (
            <Translate id="lab.tcpKeystreamReuse.build.teaching">
              Built with the teaching stand-in engine (not Skype’s): the site has no real key for this seed. It makes no difference to the attack, which uses no key.
            </Translate>
          )}
        </p>
      )}
      {firstProblem && reading && (
        <p className={labStyles.note}>
          <Translate id="lab.tcpKeystreamReuse.lastGood">The steps below still show the last stream that could be read.</Translate>
        </p>
      )}
      <ShareLinkButton prefix="tr" inputs={inputs} anchor={id} />
      <ResultStatus summary={reading ? resultSummary(reading, mode) : ''} />

      {reading ? (
        <Stages reading={reading} />
      ) : (
        <p className={labStyles.note}>
          <Translate id="lab.tcpKeystreamReuse.nothingYet">Nothing to attack yet: correct the fields above.</Translate>
        </p>
      )}
    </section>
  );
}
