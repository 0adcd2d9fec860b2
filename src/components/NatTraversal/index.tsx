/**
 * Lab "NAT traversal" (`data-widget="nat-traversal"`): choose what stands in front of the caller and
 * the callee, and a client policy, then step through every packet of the call's set-up, each NAT's
 * table filling and expiring, and the media path it ends with; beside it, the outcome for every
 * pair. Interface state only: the model is src/simulations/nat.ts, which computes the whole trace
 * once per input, so that drawing a step only picks it.
 */
import {useCallback, useId, useMemo, useRef, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import StepPlayer, {usePrefersReducedMotion} from '@site/src/components/StepPlayer';
import LabField from '@site/src/components/lab/LabField';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import Output from '@site/src/components/lab/Output';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {RadioField, SelectField} from '@site/src/components/lab/ChoiceField';
import {problemMessage} from '@site/src/components/lab/messages';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {NAT_CALL_POLICIES, NAT_ENDPOINT_KINDS, natOutcomeMatrix, natSeconds, simulateNatCall, type NatCallTrace, type NatEndpointKind, type NatOutcomeMatrix} from '@site/src/simulations/nat';
import NatPicture from './NatPicture';
import NatTables from './NatTables';
import OutcomeMatrix from './OutcomeMatrix';
import {layoutNodes} from './natLayout';
import {NAT_DEFAULT_INPUTS, NAT_URL_PREFIX, parseNatInputs, parseNatStep, type NatInputName, type NatInputProblem} from './natInputs';
import {evidenceLabel, evidenceValue, kindLabel, pathLabel, phaseLabel, policyLabel, signallingLabel, stepSentence} from './natWords';
import styles from './styles.module.css';

export interface NatTraversalProps {
  /** The anchor of the widget, for "Link to this example". Default 'nat-traversal'. */
  id?: string;
}

const defaults = {id: 'nat-traversal'};

function inputProblemMessage(field: string, problem: NatInputProblem): string {
  if (problem.kind === 'choice') {
    return translate({id: 'lab.natTraversal.input.choice', message: '{field}: {text} is not one of the choices.'}, {field, text: JSON.stringify(problem.text)});
  }
  return problemMessage(field, problem);
}

export default function NatTraversal({id = defaults.id}: NatTraversalProps): ReactNode {
  const [inputs, setInput, setInputs] = useUrlInputs<NatInputName>(NAT_URL_PREFIX, NAT_DEFAULT_INPUTS);
  const titleId = useId();
  const reducedMotion = usePrefersReducedMotion();
  const playerBox = useRef<HTMLDivElement>(null);
  const labels = {
    caller: translate({id: 'lab.natTraversal.field.caller', message: 'Caller'}),
    callee: translate({id: 'lab.natTraversal.field.callee', message: 'Callee'}),
    policy: translate({id: 'lab.natTraversal.field.policy', message: 'Client policy'}),
    seed: translate({id: 'lab.natTraversal.field.seed', message: 'Seed'}),
    step: translate({id: 'lab.natTraversal.field.step', message: 'Step in the link'}),
  };

  const {caller, callee, policy, seed} = inputs;
  const parsed = useMemo(() => parseNatInputs({caller, callee, policy, seed}), [caller, callee, policy, seed]);
  const call = parsed.call;

  const traceAttempt = useMemo((): Attempt<NatCallTrace> => (call ? {ok: true, value: simulateNatCall(call)} : {ok: false, message: ''}), [call]);
  // What a first render with bad inputs shows: the default example (computed only in that case).
  const traceFallback = useMemo(() => (traceAttempt.ok ? traceAttempt.value : simulateNatCall(parseNatInputs(NAT_DEFAULT_INPUTS).call!)), []);
  const {value: trace} = useLastGood(traceAttempt, traceFallback);

  const matrixPolicy = call?.policy;
  const matrixSeed = call?.seed;
  const matrixAttempt = useMemo(
    (): Attempt<NatOutcomeMatrix> => (matrixPolicy !== undefined && matrixSeed !== undefined ? {ok: true, value: natOutcomeMatrix(matrixPolicy, matrixSeed)} : {ok: false, message: ''}),
    [matrixPolicy, matrixSeed],
  );
  const matrixFallback = useMemo(() => (matrixAttempt.ok ? matrixAttempt.value : natOutcomeMatrix(trace.policy, trace.seed)), []);
  const {value: matrix} = useLastGood(matrixAttempt, matrixFallback);

  const stepCount = trace.steps.length;
  const stepParse = parseNatStep(inputs.step, stepCount);
  const lastGoodStep = useRef(0);
  if (stepParse.ok) lastGoodStep.current = stepParse.value;
  const current = Math.min(stepParse.ok ? stepParse.value : lastGoodStep.current, stepCount - 1);
  const step = trace.steps[current];

  const places = useMemo(() => layoutNodes(trace.nodes), [trace]);
  const describeStep = useCallback((index: number) => stepSentence(trace.steps[index]), [trace]);
  const onStepChange = useCallback((next: number) => setInput('step', String(next)), [setInput]);
  const onPick = useCallback(
    (pickedCaller: NatEndpointKind, pickedCallee: NatEndpointKind) => {
      setInputs({caller: pickedCaller, callee: pickedCallee, step: '0'});
      playerBox.current?.querySelector<HTMLElement>('[data-widget="step-player"]')?.focus();
    },
    [setInputs],
  );

  const choiceProblems = (['caller', 'callee', 'policy'] as const).flatMap((name) => {
    const problem = parsed.problems[name];
    return problem ? [inputProblemMessage(labels[name], problem)] : [];
  });
  const stepProblem = stepParse.ok ? null : problemMessage(labels.step, stepParse.problem);
  const showingLastGood = !traceAttempt.ok;
  const kindChoices = [{label: '', choices: NAT_ENDPOINT_KINDS.map((kind) => ({value: kind, label: kindLabel(kind)}))}];
  const description = stepSentence(step);
  // The summary list below, in one sentence for screen readers.
  const spokenSummary = translate(
    {id: 'lab.natTraversal.status', message: '{caller} calls {callee}; {policy}. Media path: {path}. Signalling: {signalling}.'},
    {
      caller: kindLabel(trace.caller),
      callee: kindLabel(trace.callee),
      policy: policyLabel(trace.policy),
      path: `${pathLabel(trace.outcome.mediaPath)}${trace.outcome.relay ? translate({id: 'lab.natTraversal.output.relay', message: ' (relay {relay})'}, {relay: trace.outcome.relay}) : ''}`,
      signalling: signallingLabel(trace.outcome.signallingPath),
    },
  );

  return (
    <section data-widget="nat-traversal" id={id} aria-labelledby={titleId} className={labStyles.panel}>
      <h3 id={titleId} className={labStyles.panelTitle}>
        <Translate id="lab.natTraversal.title">NAT traversal: how a call finds its way</Translate>
      </h3>
      <p className={styles.intro}>
        <Translate id="lab.natTraversal.intro">
          Choose what stands in front of each party and how the client behaves. Every packet then goes through the NAT and firewall models; the outcome is whatever gets through, never looked up in a table.
        </Translate>
      </p>

      <div className={labStyles.fields}>
        <SelectField name="caller" label={labels.caller} value={caller} groups={kindChoices} noneLabel={translate({id: 'lab.natTraversal.field.none', message: 'Choose a kind'})} onChange={(value) => setInputs({caller: value, step: '0'})} />
        <SelectField name="callee" label={labels.callee} value={callee} groups={kindChoices} noneLabel={translate({id: 'lab.natTraversal.field.none', message: 'Choose a kind'})} onChange={(value) => setInputs({callee: value, step: '0'})} />
        <LabField
          name="seed"
          label={labels.seed}
          value={seed}
          onChange={(value) => setInput('seed', value)}
          problem={parsed.problems.seed ? inputProblemMessage(labels.seed, parsed.problems.seed) : null}
          hint={<Translate id="lab.natTraversal.field.seedHint">A whole number from 0 to 4294967295. It picks the ports; the outcome does not depend on it.</Translate>}
        />
      </div>
      <RadioField
        name="policy"
        legend={labels.policy}
        value={policy}
        choices={NAT_CALL_POLICIES.map((choice) => ({value: choice, label: policyLabel(choice)}))}
        onChange={(value) => setInputs({policy: value, step: '0'})}
      />
      <p role="alert" className={labStyles.alert}>
        {[...choiceProblems, stepProblem].filter(Boolean).join(' ')}
      </p>
      {showingLastGood && (
        <p className={labStyles.stale}>
          <Translate id="lab.natTraversal.stale">The picture still shows the last example that worked. Correct the input marked above to update it.</Translate>
        </p>
      )}
      <ShareLinkButton prefix={NAT_URL_PREFIX} inputs={inputs} anchor={id} />

      <dl className={labStyles.summary}>
        <div>
          <dt>
            <Translate id="lab.natTraversal.output.pair">Call</Translate>
          </dt>
          <dd className={styles.prose}>
            {translate({id: 'lab.natTraversal.output.pairValue', message: '{caller} calls {callee}; {policy}'}, {caller: kindLabel(trace.caller), callee: kindLabel(trace.callee), policy: policyLabel(trace.policy)})}
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.natTraversal.output.outcome">Media path</Translate>
          </dt>
          <dd className={styles.prose}>
            <Output name="outcome" value={trace.outcome.mediaPath} prose>
              {pathLabel(trace.outcome.mediaPath)}
              {trace.outcome.relay && translate({id: 'lab.natTraversal.output.relay', message: ' (relay {relay})'}, {relay: trace.outcome.relay})}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.natTraversal.output.signalling">Signalling</Translate>
          </dt>
          <dd className={styles.prose}>
            <Output name="signalling" value={trace.outcome.signallingPath} prose>
              {signallingLabel(trace.outcome.signallingPath)}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.natTraversal.output.measured">Evidence</Translate>
          </dt>
          <dd className={styles.prose}>
            <Output name="measured" value={evidenceValue(trace.outcome)} prose>
              {evidenceLabel(trace.outcome)}
            </Output>
          </dd>
        </div>
      </dl>
      <ResultStatus summary={spokenSummary} />

      <div ref={playerBox} className={styles.player}>
        <StepPlayer
          label={translate({id: 'lab.natTraversal.player', message: 'Call set-up, packet by packet'})}
          stepCount={stepCount}
          step={current}
          onStepChange={onStepChange}
          describeStep={describeStep}
          initialSpeed={4}>
          <p className={styles.stepLine}>
            <Output name="step" value={String(current)} prose>
              {translate({id: 'lab.natTraversal.output.step', message: 't = {time} s, {phase}'}, {time: natSeconds(step.time), phase: phaseLabel(step.phase)})}
            </Output>
          </p>
          <span hidden data-output="step-description" data-value={description}>
            {description}
          </span>
          <div className={styles.pictureBox} tabIndex={0} role="region" aria-label={translate({id: 'lab.natTraversal.pictureLabel', message: 'Picture of the network (it scrolls sideways on a narrow screen; the words of each step follow it)'})}>
            <NatPicture trace={trace} places={places} step={step} index={current} animate={!reducedMotion} />
          </div>
          <NatTables trace={trace} step={step} />
        </StepPlayer>
      </div>

      <h4 className={styles.matrixTitle}>
        <Translate id="lab.natTraversal.matrix.title">Every pair</Translate>
      </h4>
      <p className={styles.intro}>
        <Translate id="lab.natTraversal.matrix.intro">Each cell is the model's result for that pair under the policy chosen above. Press a cell to watch its call from the first step.</Translate>
      </p>
      <OutcomeMatrix matrix={matrix} policy={trace.policy} caller={trace.caller} callee={trace.callee} onPick={onPick} />

      <p className={styles.note}>
        <Translate
          id="lab.natTraversal.addresses"
          values={{
            rfc4787: <Link to="/docs/references#rfc4787"><Translate id="lab.natTraversal.rfc4787">RFC 4787</Translate></Link>,
          }}>
          {'The addresses are illustrative: private ones inside the NATs, and public ones from the ranges set aside for documentation. The NAT behaviours and the 120 s UDP timer follow {rfc4787}; the ports come from the seed.'}
        </Translate>
      </p>
    </section>
  );
}
