/**
 * The range-coder visualizer: an object list (a sample or pasted hex, 0x41 or 0x42) compressed by the
 * library's 0x42 encoder, symbol by symbol (spec §7.3): which model coded each symbol and why, how
 * the coder's interval narrows, and what each symbol costs; then the totals against the raw list and
 * DEFLATE, and the decoder recovering the same symbols. Interface state only: the steps come from the
 * library's observer (record.ts).
 */
import {startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import Chart from '@site/src/components/Chart';
import HexView from '@site/src/components/HexView';
import StepPlayer, {usePrefersReducedMotion} from '@site/src/components/StepPlayer';
import LabField from '@site/src/components/lab/LabField';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import {RadioField} from '@site/src/components/lab/ChoiceField';
import SamplePicker from '@site/src/components/lab/SamplePicker';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {problemMessage, protocolErrorMessage} from '@site/src/components/lab/messages';
import {parseHexInput, spacedHex} from '@site/src/components/lab/parseInput';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {SAMPLE_LISTS, type SampleList} from '@site/src/data/sampleLists';
import {ProtocolError} from '@site/src/protocol';
import {intervalSpec} from './chart';
import {bitsText, explainStep, hexWord, modelSource, tableOf} from './explain';
import {modelBits, readList, recordDecoding, recordEncoding, sameSymbols, spentBits, type EncoderRun, type ReadList, type StepLog} from './record';
import {useDeflateSize} from './useDeflateSize';
import styles from './styles.module.css';

export interface RangeCoderVisualizerProps {
  /** The anchor of the widget, for links to it. Default: 'range-coder'. */
  id?: string;
}

/** The prefix of this widget's inputs in the page address (`?rc.hex=…`). */
const URL_PREFIX = 'rc';
/** The largest list the widget takes: four times the 64 KiB it must open without freezing. */
const MAX_LIST_BYTES = 256 * 1024;
/** Steps listed at once when the step-player lists them (reduced motion): a bounded page. */
const REDUCED_MOTION_PAGE = 100;

type Direction = 'encode' | 'decode';

/** The list shown first: frame 372's cmd 14 request, whose user name "vmlemon" the chapter prices by hand. */
const FIRST_SAMPLE = SAMPLE_LISTS.find((sample) => sample.id === 'frame-372-cmd-14') ?? SAMPLE_LISTS[0];

const sampleInputs = (sample: SampleList) => ({example: sample.id, hex: spacedHex(sample.bytes)});
const defaults = {...sampleInputs(FIRST_SAMPLE), direction: 'encode'};
type InputName = keyof typeof defaults;

let firstList: ReadList | null = null;
/** The first sample, read: what the widget shows before any input has worked. */
function initialList(): ReadList {
  if (firstList === null) {
    const list = readList(FIRST_SAMPLE.bytes);
    if (!('items' in list)) {
      throw new ProtocolError(translate({id: 'lab.rangeCoder.sampleTrailing', message: 'sample {sample} has bytes after its list'}, {sample: FIRST_SAMPLE.id}));
    }
    firstList = list;
  }
  return firstList;
}

/** The learner's hex through the library: the list, or a message that says what is wrong and where. */
function attemptList(text: string, fieldLabel: string): Attempt<ReadList> {
  const parsed = parseHexInput(text, {maximum: MAX_LIST_BYTES});
  if (!parsed.ok) return {ok: false, message: problemMessage(fieldLabel, parsed.problem)};
  try {
    const list = readList(parsed.value);
    if ('items' in list) return {ok: true, value: list};
    return {
      ok: false,
      message: translate(
        {id: 'lab.rangeCoder.trailing', message: '{field}: the list ends after byte {end}, but {extra} more bytes follow it. Paste exactly one list.'},
        {field: fieldLabel, end: list.listLength, extra: list.byteCount - list.listLength},
      ),
    };
  } catch (error) {
    if (error instanceof ProtocolError) return {ok: false, message: protocolErrorMessage(fieldLabel, error)};
    return {ok: false, message: `${fieldLabel}: ${String(error)}`};
  }
}

let firstRun: EncoderRun | null = null;
function initialRun(): EncoderRun {
  firstRun ??= recordEncoding(initialList().items, initialList().raw.length);
  return firstRun;
}

/** The list through the 0x42 encoder. A raw list can hold what 0x42 cannot carry: that is an alert too. */
function attemptEncoding(list: ReadList, fieldLabel: string): Attempt<EncoderRun> {
  try {
    return {ok: true, value: recordEncoding(list.items, list.raw.length)};
  } catch (error) {
    return {ok: false, message: error instanceof ProtocolError ? protocolErrorMessage(fieldLabel, error) : `${fieldLabel}: ${String(error)}`};
  }
}

function Total({name, value, label, children}: {name: string; value: string; label: ReactNode; children: ReactNode}): ReactNode {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-output={name} data-value={value}>
        {children}
      </dd>
    </div>
  );
}

export default function RangeCoderVisualizer({id = 'range-coder'}: RangeCoderVisualizerProps): ReactNode {
  const [inputs, setInput, setMany] = useUrlInputs<InputName>(URL_PREFIX, defaults);
  const headingId = useId();
  const reducedMotion = usePrefersReducedMotion();
  const hexLabel = translate({id: 'lab.rangeCoder.field.hex', message: 'Object list (hex)'});
  const direction: Direction = inputs.direction === 'decode' ? 'decode' : 'encode';

  // Reading a long list and recording every symbol take a while: they run in background renders
  // after the keystroke's own, which already has the browser lay out the pasted text.
  const shownHex = useDeferredValue(inputs.hex);
  const attempt = useMemo(() => attemptList(shownHex, hexLabel), [shownHex, hexLabel]);
  const {value: list, problem} = useLastGood(attempt, initialList());
  // Recording is the longer part, so it gets a background render of its own after the reading one.
  const [recordedList, setRecordedList] = useState(list);
  useEffect(() => startTransition(() => setRecordedList(list)), [list]);
  const encoding = useMemo(() => attemptEncoding(recordedList, hexLabel), [recordedList, hexLabel]);
  const {value: run, problem: encodingProblem} = useLastGood(encoding, initialRun());
  // The decoder runs only when the reader asks for it.
  const decodeSteps = useMemo(() => (direction === 'decode' ? recordDecoding(run.compressed, run.steps.length) : null), [direction, run]);
  const symbolsMatch = useMemo(() => (decodeSteps === null ? null : sameSymbols(run.steps, decodeSteps)), [run, decodeSteps]);
  const steps: StepLog = decodeSteps ?? run.steps;
  const deflateSize = useDeflateSize(recordedList.raw);

  // The step belongs to the run it was chosen in; a new list starts again from its first symbol.
  const [position, setPosition] = useState<{run: EncoderRun; step: number}>({run, step: 0});
  const current = position.run === run ? Math.min(position.step, steps.length - 1) : 0;
  const goTo = useCallback((step: number) => setPosition({run, step}), [run]);

  // With reduced motion the step-player lists its steps: give it one bounded page of them at a time.
  const pageStart = reducedMotion ? current - (current % REDUCED_MOTION_PAGE) : 0;
  const pageLength = reducedMotion ? Math.min(REDUCED_MOTION_PAGE, steps.length - pageStart) : steps.length;

  const describe = useCallback(
    (index: number) => {
      const step = steps.at(index);
      const explanation = explainStep(step, index > 0 ? steps.at(index - 1) : null);
      return translate(
        {id: 'lab.rangeCoder.stepLine', message: '{explanation}. Slice {low}–{high} of {total}: {bits} bits.'},
        {explanation, low: step.frequencyLow, high: step.frequencyHigh, total: step.frequencyTotal, bits: bitsText(modelBits(step))},
      );
    },
    [steps],
  );
  const describePageStep = useCallback((index: number) => describe(pageStart + index), [describe, pageStart]);

  const step = steps.at(current);
  const previous = current > 0 ? steps.at(current - 1) : null;
  const source = modelSource(step);
  const chartLabels = {
    before: translate({id: 'lab.rangeCoder.chart.before', message: 'before'}),
    after: translate({id: 'lab.rangeCoder.chart.after', message: 'after'}),
    axis: translate({id: 'lab.rangeCoder.chart.axis', message: 'place in the range: 0 = low, 1 = low + range'}),
  };
  const spec = intervalSpec(step, tableOf(step.model), chartLabels);
  const probability = (step.frequencyHigh - step.frequencyLow) / step.frequencyTotal;
  const lastByte = step.byteCount - 1;
  const byteHighlight = useMemo(() => ({start: lastByte, end: lastByte + 1}), [lastByte]);

  const symbolCount = run.steps.length;
  const entropyBits = run.steps.modelBitsTotal;
  const cheapSymbols = run.steps.cheapSymbols;
  const compressedSize = run.compressed.length;

  return (
    <section data-widget="range-coder" id={id} aria-labelledby={headingId} className={labStyles.panel}>
      <h3 id={headingId} className={labStyles.panelTitle}>
        <Translate id="lab.rangeCoder.title">The range coder, symbol by symbol</Translate>
      </h3>
      <p className={styles.intro}>
        <Translate id="lab.rangeCoder.intro">
          Pick a real object list or paste one, raw (41) or compressed (42). The widget compresses its objects with the 0x42 coder and stops at every symbol: which model coded it and why, how the interval shrinks, and what it costs.
        </Translate>
      </p>

      <div className={labStyles.fields}>
        <SamplePicker
          name="example"
          label={translate({id: 'lab.rangeCoder.field.example', message: 'Example list'})}
          samples={SAMPLE_LISTS}
          selected={inputs.example}
          ownLabel={translate({id: 'lab.rangeCoder.example.own', message: 'Your own list'})}
          optionLabel={(sample) => sample.label}
          ownHint={<Translate id="lab.rangeCoder.example.ownHint">The list below is yours; pick an example to start again from real traffic.</Translate>}
          onPick={(sample) => setMany(sampleInputs(sample))}
        />
        <LabField
          name="hex"
          label={hexLabel}
          value={inputs.hex}
          onChange={(value) => setMany({hex: value, example: ''})}
          problem={problem}
          multiline
          wide
          hint={translate(
            {id: 'lab.rangeCoder.field.hexHint', message: 'One whole list from its marker byte: 41 (raw) or 42 (compressed), up to {maximum} bytes.'},
            {maximum: MAX_LIST_BYTES.toLocaleString('en')},
          )}
        />
        <RadioField
          name="direction"
          legend={translate({id: 'lab.rangeCoder.field.direction', message: 'Step through'})}
          value={direction}
          choices={[
            {value: 'encode', label: translate({id: 'lab.rangeCoder.direction.encode', message: 'the encoder'})},
            {value: 'decode', label: translate({id: 'lab.rangeCoder.direction.decode', message: 'the decoder'})},
          ]}
          onChange={(value) => setInput('direction', value)}
        />
      </div>
      <p role="alert" className={labStyles.alert}>
        {encodingProblem}
      </p>
      {(problem !== null || encodingProblem !== null) && (
        <p className={labStyles.note}>
          <Translate id="lab.rangeCoder.stale">Everything below still shows the last list that worked.</Translate>
        </p>
      )}

      <ResultStatus
        summary={translate(
          {id: 'lab.rangeCoder.status', message: '{symbols} symbols: {compressed} bytes compressed, {raw} bytes raw; the models promise {bits} bits.'},
          {symbols: symbolCount, compressed: compressedSize, raw: recordedList.raw.length, bits: entropyBits.toFixed(1)},
        )}
      />
      <dl className={labStyles.summary}>
        <Total name="compressed-size" value={String(compressedSize)} label={<Translate id="lab.rangeCoder.total.compressed">Compressed (0x42)</Translate>}>
          {translate({id: 'lab.rangeCoder.bytes', message: '{count} bytes'}, {count: compressedSize})}
        </Total>
        <Total name="raw-size" value={String(recordedList.raw.length)} label={<Translate id="lab.rangeCoder.total.raw">Raw (0x41)</Translate>}>
          {translate({id: 'lab.rangeCoder.bytes', message: '{count} bytes'}, {count: recordedList.raw.length})}
        </Total>
        <Total
          name="deflate-size"
          value={typeof deflateSize === 'number' ? String(deflateSize) : deflateSize}
          label={<Translate id="lab.rangeCoder.total.deflate">Raw list through DEFLATE</Translate>}>
          {typeof deflateSize === 'number'
            ? translate({id: 'lab.rangeCoder.bytes', message: '{count} bytes'}, {count: deflateSize})
            : deflateSize === 'pending'
              ? '…'
              : translate({id: 'lab.rangeCoder.total.deflateUnavailable', message: 'not available in this browser'})}
        </Total>
        <Total name="entropy-bits" value={entropyBits.toFixed(2)} label={<Translate id="lab.rangeCoder.total.entropy">What the models promise</Translate>}>
          {translate({id: 'lab.rangeCoder.total.entropyValue', message: '{bits} bits ({bytes} bytes)'}, {bits: entropyBits.toFixed(1), bytes: (entropyBits / 8).toFixed(1)})}
        </Total>
        <Total name="symbol-count" value={String(symbolCount)} label={<Translate id="lab.rangeCoder.total.symbols">Symbols coded</Translate>}>
          {symbolCount.toLocaleString('en')}
        </Total>
        {symbolsMatch !== null && (
          <Total name="symbols-match" value={String(symbolsMatch)} label={<Translate id="lab.rangeCoder.total.match">Decoder recovers every symbol</Translate>}>
            {symbolsMatch ? translate({id: 'lab.rangeCoder.total.matchYes', message: '✓ yes, the same symbols in the same order'}) : translate({id: 'lab.rangeCoder.total.matchNo', message: '✗ no'})}
          </Total>
        )}
      </dl>
      <p className={styles.reals}>
        {translate(
          {
            id: 'lab.rangeCoder.reals.models',
            message: '“Reals instead of bits”, as the 2006 slides put it: the models price these {symbols} symbols at {bits} bits in all, {average} bits a symbol on average.',
          },
          {symbols: symbolCount.toLocaleString('en'), bits: entropyBits.toFixed(1), average: (entropyBits / symbolCount).toFixed(2)},
        )}{' '}
        {cheapSymbols > 0 &&
          translate({id: 'lab.rangeCoder.reals.cheap', message: '{cheap} of them cost less than one bit each.'}, {cheap: cheapSymbols.toLocaleString('en')})}{' '}
        <Translate id="lab.rangeCoder.reals.coder">
          The range coder adds these fractional costs up and rounds only once, when it finishes the list. A Huffman code must spend a whole number of bits, at least one, on every symbol.
        </Translate>
      </p>

      <StepPlayer
        label={
          direction === 'encode'
            ? translate({id: 'lab.rangeCoder.player.encode', message: 'The encoder, symbol by symbol'})
            : translate({id: 'lab.rangeCoder.player.decode', message: 'The decoder, symbol by symbol'})
        }
        stepCount={pageLength}
        step={current - pageStart}
        onStepChange={(index) => goTo(pageStart + index)}
        describeStep={describePageStep}
        initialSpeed={4}>
        <div className={styles.stepView}>
          <p className={styles.stepHeading}>
            <Translate
              id="lab.rangeCoder.step.heading"
              values={{
                number: <Output name="step" value={String(current)}>
                    {current + 1}
                  </Output>,
                count: steps.length.toLocaleString('en'),
                context: step.context,
                model: <Output name="step-model" value={step.model} />,
              }}>
              {'Symbol {number} of {count}: {context}, coded with {model}'}
            </Translate>
          </p>
          <p className={styles.explanation}>
            {explainStep(step, previous)}{' '}
            <span className={styles.source}>
              <Translate id="lab.rangeCoder.step.source" values={{section: source.section, link: <Link to={source.anchor}>{source.title}</Link>}}>
                {'(spec {section}; see {link})'}
              </Translate>
            </span>
          </p>
          <Chart
            spec={spec}
            label={translate(
              {id: 'lab.rangeCoder.chart.label', message: 'The range before this symbol, and the slice {low} to {high} of {total} that it keeps.'},
              {low: step.frequencyLow, high: step.frequencyHigh, total: step.frequencyTotal},
            )}
          />
          <table className={styles.state}>
            <thead>
              <tr>
                <th scope="col">
                  <Translate id="lab.rangeCoder.state.name">state</Translate>
                </th>
                <th scope="col">
                  <Translate id="lab.rangeCoder.state.before">before</Translate>
                </th>
                <th scope="col">
                  <Translate id="lab.rangeCoder.state.after">after</Translate>
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  <Translate id="lab.rangeCoder.register.low" description="The name of a range-coder register in the code">low</Translate>
                </th>
                <td>{hexWord(step.lowBefore)}</td>
                <td>{hexWord(step.lowAfter)}</td>
              </tr>
              <tr>
                <th scope="row">
                  <Translate id="lab.rangeCoder.register.range" description="The name of a range-coder register in the code">range</Translate>
                </th>
                <td>{hexWord(step.rangeBefore)}</td>
                <td>{hexWord(step.rangeAfter)}</td>
              </tr>
              {step.codeBefore !== null && step.codeAfter !== null && (
                <tr>
                  <th scope="row">
                  <Translate id="lab.rangeCoder.register.code" description="The name of a range-coder register in the code">code</Translate>
                </th>
                  <td>{hexWord(step.codeBefore)}</td>
                  <td>{hexWord(step.codeAfter)}</td>
                </tr>
              )}
            </tbody>
          </table>
          <p className={styles.cost}>
            <Translate
              id="lab.rangeCoder.step.cost"
              values={{
                low: step.frequencyLow,
                high: step.frequencyHigh,
                total: step.frequencyTotal,
                probability: probability.toPrecision(4),
                modelBits: bitsText(modelBits(step)),
                spentBits: bitsText(spentBits(step)),
              }}>
              {'Slice [{low}, {high}) of {total}, so p = {probability}: the model prices the symbol at −log2 p = {modelBits} bits. The coder spends log2(range before / range after) = {spentBits} bits (integer rounding makes the two differ a little).'}
            </Translate>
          </p>
          <HexView
            bytes={run.compressed}
            highlight={byteHighlight}
            label={
              direction === 'encode'
                ? translate({id: 'lab.rangeCoder.bytes.encode', message: 'The compressed list, {count} bytes; outlined: the last byte written so far ({written} of them)'}, {count: compressedSize, written: step.byteCount})
                : translate({id: 'lab.rangeCoder.bytes.decode', message: 'The compressed list, {count} bytes; outlined: the last byte read so far ({read} of them)'}, {count: compressedSize, read: step.byteCount})
            }
          />
        </div>
      </StepPlayer>

      {reducedMotion && steps.length > REDUCED_MOTION_PAGE && (
        <div className={styles.pages}>
          <button type="button" className="button button--sm button--secondary" disabled={pageStart === 0} onClick={() => goTo(pageStart - REDUCED_MOTION_PAGE)}>
            <Translate id="lab.rangeCoder.page.previous" values={{page: REDUCED_MOTION_PAGE}}>
              {'Previous {page} symbols'}
            </Translate>
          </button>
          <span>
            {translate({id: 'lab.rangeCoder.page.position', message: 'Symbols {first}–{last} of {count}'}, {first: pageStart + 1, last: pageStart + pageLength, count: steps.length})}
          </span>
          <button
            type="button"
            className="button button--sm button--secondary"
            disabled={pageStart + pageLength >= steps.length}
            onClick={() => goTo(pageStart + REDUCED_MOTION_PAGE)}>
            <Translate id="lab.rangeCoder.page.next" values={{page: REDUCED_MOTION_PAGE}}>
              {'Next {page} symbols'}
            </Translate>
          </button>
        </div>
      )}

      <ShareLinkButton prefix={URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}
