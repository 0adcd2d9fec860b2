/**
 * The key-derivation explorer: from two public addresses, a packet id, an IV and a plaintext to the
 * finished type-2 datagram, one annotated step at a time (spec §2.2-2.4, §3), with RC4's key schedule
 * played swap by swap. Everything shown is computed by the protocol library (`derivation.ts`,
 * `rc4Schedule.ts`); this file holds interface state only.
 */
import {useCallback, useDeferredValue, useId, useMemo, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import HexView from '@site/src/components/HexView';
import StepPlayer, {usePrefersReducedMotion} from '@site/src/components/StepPlayer';
import {ProtocolError, bytesToHex, hexToBytes, seedToHex} from '@site/src/protocol';
import type {UdpSample} from '@site/src/data/sampleTraffic';
import LabField from '../lab/LabField';
import ResultStatus from '../lab/ResultStatus';
import SamplePicker from '../lab/SamplePicker';
import ShareLinkButton from '../lab/ShareLinkButton';
import {problemMessage, protocolErrorMessage} from '../lab/messages';
import {useLastGood, type Attempt} from '../lab/useLastGood';
import {hex8} from '../lab/parseInput';
import {useUrlInputs} from '../lab/useUrlInputs';
import labStyles from '../lab/styles.module.css';
import CrcSections from './CrcSections';
import OutputSections from './OutputSections';
import StateGrid from './StateGrid';
import {DEFAULT_TEXTS, MAX_PLAINTEXT_LENGTH, SAMPLE_CHOICES, deriveKey, matchingSample, parseFields, type FieldName, type KeyDerivation as Derivation} from './derivation';
import {SCHEDULE_STEP_COUNT, recordKeySchedule} from './rc4Schedule';
import styles from './styles.module.css';

export interface KeyDerivationProps {
  /** The anchor of the widget, used by "Link to this example". Default: 'key-derivation'. */
  id?: string;
}

const defaults = {id: 'key-derivation'};

/** Prefix of the widget's inputs in the page address: `?kd.source-ip=…`. */
const URL_PREFIX = 'kd';

/** A byte as 0x and two hex digits: 0x75. */
/** A state position as the grid's headers read it: small ones in decimal, the rest in hex. */
const positionText = (position: number) => (position < 10 ? String(position) : hex8(position));

function fieldLabels(): Record<FieldName, string> {
  return {
    'source-ip': translate({id: 'lab.keyDerivation.field.sourceIp', message: 'Source public IP'}),
    'destination-ip': translate({id: 'lab.keyDerivation.field.destinationIp', message: 'Destination public IP'}),
    'packet-id': translate({id: 'lab.keyDerivation.field.packetId', message: 'Packet id'}),
    iv: translate({id: 'lab.keyDerivation.field.iv', message: 'IV'}),
    plaintext: translate({id: 'lab.keyDerivation.field.plaintext', message: 'Plaintext (hex)'}),
  };
}

/** The samples the explorer starts from: the type-2 datagrams of the sample traffic. */
const SAMPLES = SAMPLE_CHOICES.map((choice) => choice.sample);

/** The name of a sample in the picker: where it comes from, its length and its seed. */
function sampleName(sample: UdpSample): string {
  const [, kind, number] = /^(slide|frame)-(\d+)$/.exec(sample.id) ?? [];
  const values = {number, length: sample.bytes.length, seed: sample.expected.rc4Seed};
  return kind === 'frame'
    ? translate({id: 'lab.keyDerivation.sample.frame', message: 'SkypeIRC.cap frame {number}, {length} bytes, seed {seed}'}, values)
    : translate({id: 'lab.keyDerivation.sample.slide', message: '2006 slides, slide {number}, {length} bytes, seed {seed}'}, values);
}

export default function KeyDerivation({id = defaults.id}: KeyDerivationProps): ReactNode {
  const [texts, setText, setTexts] = useUrlInputs(URL_PREFIX, DEFAULT_TEXTS);
  const labels = fieldLabels();
  const titleId = useId();
  const reducedMotion = usePrefersReducedMotion();

  const parsed = useMemo(() => parseFields(texts), [texts]);
  const attempt = useMemo((): Attempt<Derivation> => {
    // Field problems have their own alerts beside the fields; this message is for the library's.
    if (!parsed.inputs) return {ok: false, message: ''};
    try {
      return {ok: true, value: deriveKey(parsed.inputs)};
    } catch (error) {
      const what = translate({id: 'lab.keyDerivation.buildError', message: 'Building the datagram'});
      return {ok: false, message: error instanceof ProtocolError ? protocolErrorMessage(what, error) : `${what}: ${String(error)}`};
    }
  }, [parsed]);
  const fallback = useMemo(() => deriveKey(parseFields(DEFAULT_TEXTS).inputs!), []);
  const {value: derivation, problem} = useLastGood(attempt, fallback);
  const showingLastGood = !attempt.ok;

  const selected = matchingSample(texts);
  // The steps up to the seeds follow each keystroke at once; the key, the schedule and the byte views
  // of a whole datagram follow in a deferred render, so that typing never waits for them.
  const deferred = useDeferredValue(derivation);
  const keyHex = bytesToHex(deferred.key);
  // Keyed on the key's hex: a new plaintext under the same seed leaves the schedule, grid and player alone.
  const key = useMemo(() => hexToBytes(keyHex), [keyHex]);
  const schedule = useMemo(() => recordKeySchedule(key), [key]);
  const [scheduleStep, setScheduleStep] = useState(0);
  // The one move that slides the swapped values: a single step forward under the same key.
  const [slide, setSlide] = useState<{step: number; keyHex: string} | null>(null);
  const swap = scheduleStep === 0 ? null : schedule.swaps[scheduleStep - 1];
  const animate = !reducedMotion && slide !== null && slide.step === scheduleStep && slide.keyHex === keyHex;

  const changeStep = useCallback(
    (next: number) => {
      setSlide(next === scheduleStep + 1 ? {step: next, keyHex} : null);
      setScheduleStep(next);
    },
    [scheduleStep, keyHex],
  );

  const describeStep = useCallback(
    (step: number) => {
      if (step === 0) return translate({id: 'lab.keyDerivation.schedule.start', message: 'Before any swap: S[n] = n for every n, and j = 0'});
      const {i, j, keyByte} = schedule.swaps[step - 1];
      return translate(
        {id: 'lab.keyDerivation.schedule.step', message: 'i = {i}, j = {j}, key byte {keyByte}: swap S[{iPosition}] and S[{jPosition}]'},
        {i: i < 10 ? String(i) : `${i} (${hex8(i)})`, j: hex8(j), keyByte: hex8(keyByte), iPosition: positionText(i), jPosition: positionText(j)},
      );
    },
    [schedule],
  );

  const keyIndex = swap ? swap.i % key.length : null;
  const keyHighlight = useMemo(() => (keyIndex === null ? null : {start: keyIndex, end: keyIndex + 1}), [keyIndex]);
  const seedHex = seedToHex(deferred.rc4Seed);

  // The derivation's ends in one sentence for screen readers: the seeds, which key, the datagram.
  const spokenSummary = translate(
    {
      id: 'lab.keyDerivation.status',
      message: 'CRC seed 0x{crcSeed}, RC4 seed 0x{rc4Seed}, {keySource}; the finished datagram has {length} bytes.',
    },
    {
      crcSeed: seedToHex(derivation.crcSeed),
      rc4Seed: seedToHex(derivation.rc4Seed),
      keySource:
        derivation.keySource === 'recorded'
          ? translate({id: 'lab.keyDerivation.status.recorded', message: 'recorded real key'})
          : translate({id: 'lab.keyDerivation.status.teaching', message: 'teaching stand-in key'}),
      length: derivation.datagram.length,
    },
  );

  const sampleShown = selected?.sample ?? null;
  // The same elements while the deferred values stand still: React then skips their subtrees.
  const outputSections = useMemo(() => <OutputSections derivation={deferred} sample={sampleShown} />, [deferred, sampleShown]);

  return (
    <section data-widget="key-derivation" id={id} aria-labelledby={titleId} className={clsx(labStyles.panel, styles.widget)}>
      <h3 id={titleId} className={labStyles.panelTitle}>
        <Translate id="lab.keyDerivation.title">Key derivation explorer: from addresses to a finished datagram</Translate>
      </h3>

      <section className={styles.step} aria-labelledby={`${titleId}-inputs`}>
        <h4 id={`${titleId}-inputs`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.inputs.title">1. What the sender knows</Translate>
        </h4>
        <SamplePicker
          label={translate({id: 'lab.keyDerivation.sample.label', message: 'Start from a sample'})}
          samples={SAMPLES}
          selected={selected?.sample.id ?? null}
          ownLabel={translate({id: 'lab.keyDerivation.sample.own', message: 'Your own inputs'})}
          optionLabel={sampleName}
          ownHint={<Translate id="lab.keyDerivation.sample.hint">Pick a recorded datagram to see the real key of its seed.</Translate>}
          onPick={(sample) => setTexts(SAMPLE_CHOICES.find((choice) => choice.sample === sample)!.texts)}
        />

        <div className={labStyles.fields}>
          <LabField
            name="source-ip"
            label={labels['source-ip']}
            value={texts['source-ip']}
            onChange={(value) => setText('source-ip', value)}
            problem={parsed.problems['source-ip'] ? problemMessage(labels['source-ip'], parsed.problems['source-ip']) : null}
            hint={<Translate id="lab.keyDerivation.field.sourceIpHint">As the sender believes it: 0.0.0.0 until it learns its own.</Translate>}
          />
          <LabField
            name="destination-ip"
            label={labels['destination-ip']}
            value={texts['destination-ip']}
            onChange={(value) => setText('destination-ip', value)}
            problem={parsed.problems['destination-ip'] ? problemMessage(labels['destination-ip'], parsed.problems['destination-ip']) : null}
            hint={<Translate id="lab.keyDerivation.field.destinationIpHint">The peer's public address, such as 24.98.66.80.</Translate>}
          />
          <LabField
            name="packet-id"
            label={labels['packet-id']}
            value={texts['packet-id']}
            onChange={(value) => setText('packet-id', value)}
            problem={parsed.problems['packet-id'] ? problemMessage(labels['packet-id'], parsed.problems['packet-id']) : null}
            hint={<Translate id="lab.keyDerivation.field.packetIdHint">16 bits, in decimal or in hex with 0x.</Translate>}
          />
          <LabField
            name="iv"
            label={labels.iv}
            value={texts.iv}
            onChange={(value) => setText('iv', value)}
            problem={parsed.problems.iv ? problemMessage(labels.iv, parsed.problems.iv) : null}
            hint={<Translate id="lab.keyDerivation.field.ivHint">32 bits, in decimal or in hex with 0x; sent in clear.</Translate>}
          />
          <LabField
            name="plaintext"
            label={labels.plaintext}
            value={texts.plaintext}
            onChange={(value) => setText('plaintext', value)}
            problem={parsed.problems.plaintext ? problemMessage(labels.plaintext, parsed.problems.plaintext) : null}
            hint={
              <Translate id="lab.keyDerivation.field.plaintextHint" values={{maximum: MAX_PLAINTEXT_LENGTH}}>
                {'The commands to send, 1 to {maximum} bytes: what fits one datagram after its 11-byte header.'}
              </Translate>
            }
            multiline
            wide
          />
        </div>
        <p role="alert" className={labStyles.alert}>
          {problem}
        </p>
        {showingLastGood && (
          <p className={labStyles.stale}>
            <Translate id="lab.keyDerivation.stale">The steps below still show the last inputs that worked. Correct the input marked above to update them.</Translate>
          </p>
        )}
        <ShareLinkButton prefix={URL_PREFIX} inputs={texts} anchor={id} />
        <ResultStatus summary={spokenSummary} />
      </section>

      <CrcSections derivation={derivation} />

      <section className={styles.step} aria-labelledby={`${titleId}-key`}>
        <h4 id={`${titleId}-key`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.key.title">5. The 80-byte RC4 key</Translate>
        </h4>
        <p>
          <Translate id="lab.keyDerivation.key.intro" values={{seed: <code>{seedHex}</code>}}>
            {"Skype's key engine fills 20 words of 4 bytes with the seed {seed}, scrambles them with its own secret function and writes them out little-endian."}
          </Translate>
        </p>
        <div data-output="key" data-value={keyHex} data-key-source={deferred.keySource}>
          {deferred.keySource === 'recorded' ? (
            <p className={clsx(styles.keySource, styles.keyRecorded)}>
              <span aria-hidden="true">✓ </span>
              <Translate id="lab.keyDerivation.key.recorded">Recorded real key (the real Skype engine's output, from the 2006 sample traffic)</Translate>
            </p>
          ) : (
            <p className={clsx(styles.keySource, styles.keyTeaching)}>
              <span aria-hidden="true">⚠ </span>
              <Translate
                id="lab.keyDerivation.key.teaching"
                values={{
                  legal: (
                    <Link to="/docs/legal-issues">
                      <Translate id="lab.keyDerivation.key.legalLink">see the legal chapter</Translate>
                    </Link>
                  ),
                }}>
                {"Teaching stand-in key: NOT Skype's. Skype's key engine is not part of this site ({legal})"}
              </Translate>
            </p>
          )}
          <HexView
            bytes={key}
            label={translate({id: 'lab.keyDerivation.key.label', message: 'RC4 key for seed {seed}, 80 bytes'}, {seed: seedHex})}
            highlight={keyHighlight}
          />
        </div>
      </section>

      <section className={styles.step} aria-labelledby={`${titleId}-schedule`}>
        <h4 id={`${titleId}-schedule`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.schedule.title">6. RC4's key schedule, swap by swap</Translate>
        </h4>
        <p>
          <Translate
            id="lab.keyDerivation.schedule.intro"
            values={{source: <Link to="/docs/references#rivest-rc4">{translate({id: 'lab.keyDerivation.schedule.source', message: 'textbook RC4'})}</Link>}}>
            {'From here on it is {source}. The state S holds every byte value once. For i = 0 to 255, j grows by S[i] and a key byte, then S[i] and S[j] swap places. The key byte in use is outlined in the key above.'}
          </Translate>
        </p>
        <StepPlayer
          label={translate({id: 'lab.keyDerivation.schedule.label', message: 'RC4 key schedule'})}
          stepCount={SCHEDULE_STEP_COUNT}
          step={scheduleStep}
          onStepChange={changeStep}
          describeStep={describeStep}
          initialSpeed={16}>
          <StateGrid
            state={schedule.states[Math.min(scheduleStep, SCHEDULE_STEP_COUNT - 1)]}
            swap={swap}
            animate={animate}
            step={scheduleStep}
            label={
              swap
                ? translate({id: 'lab.keyDerivation.grid.labelAfter', message: 'RC4 state S after swap {number} of 256'}, {number: scheduleStep})
                : translate({id: 'lab.keyDerivation.grid.labelBefore', message: 'RC4 state S before any swap'})
            }
          />
          <p className={styles.legend}>
            <span className={clsx(styles.legendSwatch, styles.cellI)} aria-hidden="true" />
            <Translate id="lab.keyDerivation.grid.legendI">solid outline, i: the position the loop is at</Translate>
            <span className={clsx(styles.legendSwatch, styles.cellJ)} aria-hidden="true" />
            <Translate id="lab.keyDerivation.grid.legendJ">dashed outline, j: where its value went</Translate>
          </p>
          <p className={styles.arithmetic}>
            {swap ? (
              <Translate
                id="lab.keyDerivation.schedule.arithmetic"
                values={{
                  previousJ: hex8(swap.previousJ),
                  valueAtI: hex8(swap.valueAtI),
                  keyIndex: String(keyIndex),
                  keyByte: hex8(swap.keyByte),
                  j: hex8(swap.j),
                }}>
                {'j = {previousJ} + S[i] {valueAtI} + key[{keyIndex}] {keyByte} = {j} (mod 256)'}
              </Translate>
            ) : (
              <Translate id="lab.keyDerivation.schedule.arithmeticStart">S = 00 01 02 … ff and j = 0; press Play or step forward.</Translate>
            )}
          </p>
        </StepPlayer>
      </section>

      {outputSections}
    </section>
  );
}
