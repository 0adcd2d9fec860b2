/**
 * The detection lab's error view: a confusion matrix per classifier with its FP% and FN% (the paper's
 * definitions, §5), and the two sensitivity charts, FP% and FN% as each threshold sweeps its slider's
 * range, like the paper's Figs. 7–8 (qualitatively: on generated traffic).
 */
import type {ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import Chart from '@site/src/components/Chart';
import Output from '@site/src/components/lab/Output';
import type {Confusion} from '@site/src/simulations/detection';
import {sweepSpec, type SweepLabels} from './detectionCharts';
import {DETECTION_RANGES} from './detectionInputs';
import {CLASSIFIER_NAMES, CLASSIFIER_OUTPUT_NAMES, percentText, ratePercent, type ClassifierName, type SweepPoint} from './detectionRun';
import {classifierLabel, signedNumber} from './detectionWords';
import styles from './styles.module.css';

function Matrix({classifier, matrix}: {classifier: ClassifierName; matrix: Confusion}): ReactNode {
  const short = CLASSIFIER_OUTPUT_NAMES[classifier];
  const falsePositive = percentText(ratePercent(matrix, 'fp'));
  const falseNegative = percentText(ratePercent(matrix, 'fn'));
  return (
    <div className={styles.matrix} data-classifier={classifier}>
      <table>
        <caption className={styles.tableCaption}>{classifierLabel(classifier)}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              <Translate id="lab.detectionLab.matrix.flagged">says Skype</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.matrix.notFlagged">says not Skype</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <Translate id="lab.detectionLab.matrix.skype">is Skype</Translate>
            </th>
            <td>{translate({id: 'lab.detectionLab.matrix.truePositive', message: '{count} right'}, {count: matrix.truePositive})}</td>
            <td className={matrix.falseNegative > 0 ? styles.wrongCell : undefined}>
              {translate({id: 'lab.detectionLab.matrix.falseNegative', message: '{count} FN'}, {count: matrix.falseNegative})}
            </td>
          </tr>
          <tr>
            <th scope="row">
              <Translate id="lab.detectionLab.matrix.notSkype">is not Skype</Translate>
            </th>
            <td className={matrix.falsePositive > 0 ? styles.wrongCell : undefined}>
              {translate({id: 'lab.detectionLab.matrix.falsePositive', message: '{count} FP'}, {count: matrix.falsePositive})}
            </td>
            <td>{translate({id: 'lab.detectionLab.matrix.trueNegative', message: '{count} right'}, {count: matrix.trueNegative})}</td>
          </tr>
        </tbody>
      </table>
      <p className={styles.rates}>
        <Translate
          id="lab.detectionLab.matrix.rates"
          values={{
            fp: (
              <Output name={`fp-${short}`} value={falsePositive}>
                {`${falsePositive} %`}
              </Output>
            ),
            fn: (
              <Output name={`fn-${short}`} value={falseNegative}>
                {`${falseNegative} %`}
              </Output>
            ),
          }}>
          {'FP {fp} · FN {fn}'}
        </Translate>
      </p>
    </div>
  );
}

export interface ConfusionViewProps {
  matrices: Readonly<Record<ClassifierName, Confusion>>;
  chiSweep: readonly SweepPoint[];
  beliefSweep: readonly SweepPoint[];
  chiThreshold: number;
  beliefThreshold: number;
}

export default function ConfusionView({matrices, chiSweep, beliefSweep, chiThreshold, beliefThreshold}: ConfusionViewProps): ReactNode {
  const classifiers = {chiSquare: classifierLabel('chiSquare'), bayes: classifierLabel('bayes'), both: classifierLabel('both')};
  const percentAxis = translate({id: 'lab.detectionLab.sweep.yAxis', message: 'error rate (%)'});
  const chiLabels: SweepLabels = {
    classifiers,
    xAxis: translate({id: 'lab.detectionLab.sweep.chiAxis', message: 'χ² thresholds (all three)'}),
    yAxis: percentAxis,
    current: translate({id: 'lab.detectionLab.sweep.current', message: 'now {value}'}, {value: chiThreshold}),
  };
  const beliefLabels: SweepLabels = {
    classifiers,
    xAxis: translate({id: 'lab.detectionLab.sweep.beliefAxis', message: 'belief threshold B_min'}),
    yAxis: percentAxis,
    current: translate({id: 'lab.detectionLab.sweep.current', message: 'now {value}'}, {value: signedNumber(beliefThreshold)}),
  };
  const chiRange = DETECTION_RANGES['chi-threshold'];
  const beliefRange = DETECTION_RANGES['belief-threshold'];
  return (
    <div className={styles.view}>
      <div className={styles.matrices}>
        {CLASSIFIER_NAMES.map((classifier) => (
          <Matrix key={classifier} classifier={classifier} matrix={matrices[classifier]} />
        ))}
      </div>
      <p className={styles.smallNote}>
        <Translate id="lab.detectionLab.matrix.definitions">
          FP % = false positives / flows that are not Skype; FN % = false negatives / Skype flows (the paper’s definitions). Here “Skype” means Skype voice for UDP flows and any Skype flow over TCP.
        </Translate>
      </p>
      <div className={styles.sweeps}>
        <Chart
          spec={{
            ...sweepSpec(chiSweep, chiThreshold, [chiRange.minimum, chiRange.maximum], chiLabels),
            title: translate({id: 'lab.detectionLab.sweep.chiTitle', message: 'As the χ² thresholds move (FP solid, FN dashed)'}),
          }}
          label={translate(
            {id: 'lab.detectionLab.sweep.chiLabel', message: 'False-positive and false-negative rates of the χ² test and of both tests together, for χ² thresholds from {minimum} to {maximum}; the current threshold is {value}.'},
            {minimum: chiRange.minimum, maximum: chiRange.maximum, value: chiThreshold},
          )}
        />
        <Chart
          spec={{
            ...sweepSpec(beliefSweep, beliefThreshold, [beliefRange.minimum, beliefRange.maximum], beliefLabels),
            title: translate({id: 'lab.detectionLab.sweep.beliefTitle', message: 'As the belief threshold moves (FP solid, FN dashed)'}),
          }}
          label={translate(
            {id: 'lab.detectionLab.sweep.beliefLabel', message: 'False-positive and false-negative rates of naive Bayes and of both tests together, for belief thresholds from {minimum} to {maximum}; the current threshold is {value}.'},
            {minimum: signedNumber(beliefRange.minimum), maximum: signedNumber(beliefRange.maximum), value: signedNumber(beliefThreshold)},
          )}
        />
      </div>
    </div>
  );
}
