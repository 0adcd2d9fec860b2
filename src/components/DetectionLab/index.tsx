/**
 * Lab "protocol detection" (`data-widget="detection-lab"`): generated Skype and non-Skype flows judged
 * by the two classifiers of Bonfiglio et al. 2007, the chi-square test and naive Bayes. Choose the
 * traffic (seed, flow length, flows per kind) and move the thresholds; see one flow's 16 χ² statistics
 * beside the closed forms, every flow's verdicts, the confusion matrices with their FP and FN rates as
 * the thresholds sweep, and the paper's own tables beside ours. Interface state only: the traffic and
 * the statistics come from src/simulations/traffic.ts and detection.ts, computed once per traffic
 * (a deferred render); the sliders only call `decide` and `confusion` (see detectionRun.ts).
 */
import {useId, useMemo, useRef, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import LabField from '@site/src/components/lab/LabField';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {BONFIGLIO_2007_SOURCE} from '@site/src/data/bonfiglio2007';
import {CHI_SQUARE_MIN_MESSAGES, PAPER_BELIEF_THRESHOLD, PAPER_CHI_SQUARE_THRESHOLDS} from '@site/src/simulations/detection';
import {TRAFFIC_KINDS} from '@site/src/simulations/traffic';
import ConfusionView from './ConfusionView';
import FlowTable from './FlowTable';
import GroupView from './GroupView';
import PaperComparison from './PaperComparison';
import RangeField from './RangeField';
import {DETECTION_DEFAULT_INPUTS, DETECTION_RANGES, DETECTION_URL_PREFIX, chooseFlow, parseDetectionInputs, type DetectionInputName, type DetectionParse} from './detectionInputs';
import {confusions, percentText, rangeValues, ratePercent, redecide, sweepBelief, sweepChiSquare, type ClassifiedTraffic} from './detectionRun';
import {useClassifiedTraffic} from './useClassifiedTraffic';
import {detectionProblemMessage, kindLabel, signedNumber, unknownFlowMessage} from './detectionWords';
import styles from './styles.module.css';

export interface DetectionLabProps {
  /** The anchor of the widget, for "Link to this example". Default 'detection-lab'. */
  id?: string;
}

const defaults = {id: 'detection-lab'};

/** The default inputs, read once: what a first render shows when its inputs are already bad (a hand-edited link). */
const DEFAULT_VALUES = parseDetectionInputs(DETECTION_DEFAULT_INPUTS);
const defaultOf = (parse: DetectionParse): number => (parse.ok ? parse.value : Number.NaN);

/** What the views show before the worker's first answer: no flows. */
const NO_TRAFFIC: ClassifiedTraffic = {seed: 0, flowsPerKind: 0, messageCount: 0, entries: []};

export default function DetectionLab({id = defaults.id}: DetectionLabProps): ReactNode {
  const titleId = useId();
  const [inputs, setInput] = useUrlInputs<DetectionInputName>(DETECTION_URL_PREFIX, DETECTION_DEFAULT_INPUTS);
  const labels = {
    seed: translate({id: 'lab.detectionLab.field.seed', message: 'Seed'}),
    flows: translate({id: 'lab.detectionLab.field.flows', message: 'Flows of each kind'}),
    length: translate({id: 'lab.detectionLab.field.length', message: 'Messages per flow'}),
    chi: translate({id: 'lab.detectionLab.field.chiThreshold', message: 'χ² thresholds (Det, Rnd, Mixed)'}),
    belief: translate({id: 'lab.detectionLab.field.beliefThreshold', message: 'Belief threshold B_min'}),
    flow: translate({id: 'lab.detectionLab.field.flow', message: 'Flow shown in the bars'}),
  };
  const parsed = useMemo(() => parseDetectionInputs(inputs), [inputs]);
  const asAttempt = (field: string, parse: DetectionParse): Attempt<number> => (parse.ok ? parse : {ok: false, message: detectionProblemMessage(field, parse.problem)});

  const seed = useLastGood(asAttempt(labels.seed, parsed.seed), defaultOf(DEFAULT_VALUES.seed));
  const flowsPerKind = useLastGood(asAttempt(labels.flows, parsed.flows), defaultOf(DEFAULT_VALUES.flows));
  const messageCount = useLastGood(asAttempt(labels.length, parsed.length), defaultOf(DEFAULT_VALUES.length));
  const chiThreshold = useLastGood(asAttempt(labels.chi, parsed.chiThreshold), defaultOf(DEFAULT_VALUES.chiThreshold));
  const beliefThreshold = useLastGood(asAttempt(labels.belief, parsed.beliefThreshold), defaultOf(DEFAULT_VALUES.beliefThreshold));

  // Generating and classifying is the one costly step: a worker does it, and only when the traffic
  // itself changes; the thresholds below only re-decide from the statistics it returns.
  const answer = useClassifiedTraffic({seed: seed.value, flowsPerKind: flowsPerKind.value, messageCount: messageCount.value});
  const traffic = answer.traffic ?? NO_TRAFFIC;

  const verdicts = useMemo(() => redecide(traffic.entries, chiThreshold.value, beliefThreshold.value), [traffic, chiThreshold.value, beliefThreshold.value]);
  const matrices = useMemo(() => confusions(verdicts), [verdicts]);
  const udpMatrices = useMemo(() => confusions(verdicts.filter((_, index) => traffic.entries[index].transport === 'udp')), [verdicts, traffic]);
  const udpFlows = useMemo(() => traffic.entries.filter((entry) => entry.transport === 'udp').length, [traffic]);
  const chiSweep = useMemo(() => sweepChiSquare(traffic.entries, rangeValues(DETECTION_RANGES['chi-threshold']), beliefThreshold.value), [traffic, beliefThreshold.value]);
  const beliefSweep = useMemo(() => sweepBelief(traffic.entries, rangeValues(DETECTION_RANGES['belief-threshold']), chiThreshold.value), [traffic, chiThreshold.value]);

  // What the thresholds do to the verdicts, said when they change: the error rates of the three matrices.
  const spokenRates = answer.traffic
    ? translate(
        {
          id: 'lab.detectionLab.status.rates',
          message: 'At these thresholds: χ² test, {chiFp}% false positives and {chiFn}% false negatives; naive Bayes, {bayesFp}% and {bayesFn}%; both together, {bothFp}% and {bothFn}%.',
        },
        {
          chiFp: percentText(ratePercent(matrices.chiSquare, 'fp')),
          chiFn: percentText(ratePercent(matrices.chiSquare, 'fn')),
          bayesFp: percentText(ratePercent(matrices.bayes, 'fp')),
          bayesFn: percentText(ratePercent(matrices.bayes, 'fn')),
          bothFp: percentText(ratePercent(matrices.both, 'fp')),
          bothFn: percentText(ratePercent(matrices.both, 'fn')),
        },
      )
    : '';

  const flowIds = useMemo(() => traffic.entries.map((entry) => entry.id), [traffic]);
  const lastGoodFlow = useRef<string | null>(null);
  // Before the first traffic arrives no flow is known, and none is wrong yet.
  const chosen = answer.traffic ? chooseFlow(inputs.flow, flowIds, lastGoodFlow.current) : {id: '', unknown: false};
  if (!chosen.unknown) lastGoodFlow.current = chosen.id;
  const chosenIndex = flowIds.indexOf(chosen.id);
  const flowChoices = useMemo(
    () =>
      TRAFFIC_KINDS.map((kind) => ({label: kindLabel(kind), choices: traffic.entries.filter((entry) => entry.kind === kind).map((entry) => ({value: entry.id, label: entry.id}))})).filter(
        (group) => group.choices.length > 0,
      ),
    [traffic],
  );

  const sliderProblems = [chiThreshold.problem, beliefThreshold.problem, messageCount.problem, chosen.unknown ? unknownFlowMessage(labels.flow, inputs.flow, chosen.id) : null].filter(Boolean);
  const trafficIsStale = seed.problem !== null || flowsPerKind.problem !== null || messageCount.problem !== null;
  const lengthRange = DETECTION_RANGES.length;
  const chiRange = DETECTION_RANGES['chi-threshold'];
  const beliefRange = DETECTION_RANGES['belief-threshold'];

  return (
    <section data-widget="detection-lab" id={id} aria-labelledby={titleId} className={labStyles.panel}>
      <h3 id={titleId} className={labStyles.panelTitle}>
        <Translate id="lab.detectionLab.title">Detection lab: the paper’s two tests on generated traffic</Translate>
      </h3>
      <p className={styles.intro}>
        <Translate id="lab.detectionLab.intro" values={{kinds: TRAFFIC_KINDS.length}}>
          {'The lab generates flows of {kinds} kinds, Skype and not Skype, and judges each one with the chi-square test and naive Bayes. Move the thresholds and watch the verdicts, the confusion matrices and the error rates change; change the flow length and watch the closed forms.'}
        </Translate>
      </p>

      <div className={labStyles.fields}>
        <LabField
          name="seed"
          label={labels.seed}
          value={inputs.seed}
          onChange={(value) => setInput('seed', value)}
          problem={seed.problem}
          hint={<Translate id="lab.detectionLab.field.seedHint">A whole number from 0 to 4294967295: the same seed always generates the same flows.</Translate>}
        />
        <LabField
          name="flows"
          label={labels.flows}
          value={inputs.flows}
          onChange={(value) => setInput('flows', value)}
          problem={flowsPerKind.problem}
          hint={translate(
            {id: 'lab.detectionLab.field.flowsHint', message: 'From {minimum} to {maximum}; there are {kinds} kinds, so {total} flows now.'},
            {minimum: DETECTION_RANGES.flows.minimum, maximum: DETECTION_RANGES.flows.maximum, kinds: TRAFFIC_KINDS.length, total: flowsPerKind.value * TRAFFIC_KINDS.length},
          )}
        />
        <RangeField
          name="length"
          label={labels.length}
          range={lengthRange}
          value={messageCount.value}
          text={String(messageCount.value)}
          valueText={translate({id: 'lab.detectionLab.field.lengthValue', message: '{value} messages per flow'}, {value: messageCount.value})}
          onChange={(value) => setInput('length', value)}
          hint={translate(
            {id: 'lab.detectionLab.field.lengthHint', message: 'From {minimum} to {maximum}. The paper classifies flows of at least {paperMinimum} messages.'},
            {minimum: lengthRange.minimum, maximum: lengthRange.maximum, paperMinimum: CHI_SQUARE_MIN_MESSAGES},
          )}
        />
      </div>
      <div className={labStyles.fields}>
        <RangeField
          name="chi-threshold"
          label={labels.chi}
          range={chiRange}
          value={chiThreshold.value}
          text={String(chiThreshold.value)}
          valueText={translate({id: 'lab.detectionLab.field.chiValue', message: '{value}, for all three χ² thresholds'}, {value: chiThreshold.value})}
          onChange={(value) => setInput('chi-threshold', value)}
          hint={
            <Translate id="lab.detectionLab.field.chiHint" values={{paper: <Link to={BONFIGLIO_2007_SOURCE}><Translate id="lab.detectionLab.paperName">Bonfiglio et al. 2007</Translate></Link>, value: PAPER_CHI_SQUARE_THRESHOLDS.random}}>
              {'One slider moves the three thresholds together, as the sensitivity study of {paper} (§5.2, Fig. 8) does. The paper uses {value}.'}
            </Translate>
          }
        />
        <RangeField
          name="belief-threshold"
          label={labels.belief}
          range={beliefRange}
          value={beliefThreshold.value}
          text={signedNumber(beliefThreshold.value)}
          valueText={translate({id: 'lab.detectionLab.field.beliefValue', message: '{value}: a flow is Skype voice if its belief is above it'}, {value: signedNumber(beliefThreshold.value)})}
          onChange={(value) => setInput('belief-threshold', value)}
          hint={
            <Translate id="lab.detectionLab.field.beliefHint" values={{value: signedNumber(PAPER_BELIEF_THRESHOLD)}}>
              {'A flow is Skype voice if its belief is above this. The paper uses {value} (§4.2, Fig. 7).'}
            </Translate>
          }
        />
      </div>
      <p role="alert" className={labStyles.alert}>
        {sliderProblems.join(' ')}
      </p>
      {trafficIsStale && (
        <p className={labStyles.stale}>
          <Translate id="lab.detectionLab.stale">The lab still shows the last traffic that worked. Correct the input marked above to generate new flows.</Translate>
        </p>
      )}
      {answer.error && (
        <p role="alert" className={labStyles.alert}>
          {translate({id: 'lab.detectionLab.workerFailed', message: 'The flows could not be generated: {message}. The lab still shows the last traffic that worked.'}, {message: answer.error})}
        </p>
      )}
      <p role="status" className={styles.status} aria-live="polite">
        {answer.pending
          ? translate({id: 'lab.detectionLab.generating', message: 'Generating and classifying the new flows…'})
          : translate(
              {id: 'lab.detectionLab.generated', message: '{count} flows of {length} messages (seed {seed}), each judged by both classifiers.'},
              {count: traffic.entries.length, length: traffic.messageCount, seed: traffic.seed},
            )}
      </p>
      <ResultStatus summary={spokenRates} />
      <ShareLinkButton prefix={DETECTION_URL_PREFIX} inputs={inputs} anchor={id} />

      {answer.traffic && (
        <>
        <h4 className={styles.viewTitle}>
          <Translate id="lab.detectionLab.view.groups">1. The χ² statistics of one flow</Translate>
        </h4>
        {chosenIndex >= 0 && (
          <GroupView
            entry={traffic.entries[chosenIndex]}
            verdicts={verdicts[chosenIndex]}
            messageCount={traffic.messageCount}
            chiThreshold={chiThreshold.value}
            flowChoices={flowChoices}
            onFlowChange={(value) => setInput('flow', value)}
          />
        )}

        <h4 className={styles.viewTitle}>
          <Translate id="lab.detectionLab.view.flows">2. Every flow and its verdicts</Translate>
        </h4>
        <FlowTable entries={traffic.entries} verdicts={verdicts} />

        <h4 className={styles.viewTitle}>
          <Translate id="lab.detectionLab.view.errors">3. Confusion matrices and error rates</Translate>
        </h4>
        <ConfusionView matrices={matrices} chiSweep={chiSweep} beliefSweep={beliefSweep} chiThreshold={chiThreshold.value} beliefThreshold={beliefThreshold.value} />

        <h4 className={styles.viewTitle}>
          <Translate id="lab.detectionLab.view.paper">4. The paper’s results beside ours</Translate>
        </h4>
        <PaperComparison udpMatrices={udpMatrices} udpFlows={udpFlows} />
        </>
      )}

      <p className={styles.smallNote}>
        <Translate id="lab.detectionLab.standIn">
          How the flows are made: each Skype E2E message is a real type-2 frame built by the site’s library (packet id, func byte, IV, CRC, RC4) with the teaching key engine, a stand-in for Skype’s own, whose func byte is then given the type 0xD with its three random bits. That layout is ours: the real layout of type-0xD datagrams is unknown, and the paper’s Table 2 needs only bytes 1–2 random, byte 3 mixed and bytes 4 on random. SkypeOut flows start with a constant 4-byte connection ID; Skype over TCP is one enciphered stream; voice flows follow the paper’s working points (codec rate, ΔT, redundancy).
        </Translate>
      </p>
    </section>
  );
}
