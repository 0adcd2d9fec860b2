/**
 * The detection lab's first view: the 16 χ² statistics of one flow as bars against the threshold,
 * their values in a table, and the paper's two closed forms for this flow length beside the values
 * measured on the flow's deterministic and one-fixed-bit groups.
 */
import type {ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import Chart from '@site/src/components/Chart';
import Output from '@site/src/components/lab/Output';
import {SelectField, type ChoiceGroup} from '@site/src/components/lab/ChoiceField';
import labStyles from '@site/src/components/lab/styles.module.css';
import {CHI_SQUARE_MIN_MESSAGES, deterministicGroupChiSquare, oneFixedBitGroupChiSquare, type FlowVerdicts} from '@site/src/simulations/detection';
import {groupBarsSpec} from './detectionCharts';
import {closedFormGroups, groupValues, type FlowEntry} from './detectionRun';
import {chiVerdictLabel, decimal, kindLabel} from './detectionWords';
import styles from './styles.module.css';

export interface GroupViewProps {
  entry: FlowEntry;
  /** The flow's verdicts at the current thresholds. */
  verdicts: FlowVerdicts;
  messageCount: number;
  chiThreshold: number;
  flowChoices: readonly ChoiceGroup[];
  onFlowChange(id: string): void;
}

/** Group numbers as a reader writes them: "6", "1–8". */
function groupList(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const contiguous = numbers.every((value, index) => index === 0 || value === numbers[index - 1] + 1);
  return contiguous && numbers.length > 2 ? `${numbers[0]}–${numbers[numbers.length - 1]}` : numbers.join(', ');
}

/** Measured statistics as the output's data-value holds them (two decimals, space-separated), or 'none'. */
const measuredValue = (values: readonly number[]) => (values.length === 0 ? 'none' : values.map((value) => value.toFixed(2)).join(' '));

function Measured({name, groups, values}: {name: string; groups: readonly number[]; values: readonly number[]}): ReactNode {
  if (values.length === 0) {
    return (
      <>
        <Output name={name} value="none">
          —
        </Output>{' '}
        <span className={styles.noGroup}>{translate({id: 'lab.detectionLab.closed.noGroup', message: 'no such group in this kind of flow'})}</span>
      </>
    );
  }
  return (
    <Output name={name} value={measuredValue(values)}>
      {translate({id: 'lab.detectionLab.closed.measured', message: 'group {groups}: {values}'}, {groups: groupList(groups), values: values.map(decimal).join(', ')})}
    </Output>
  );
}

export default function GroupView({entry, verdicts, messageCount, chiThreshold, flowChoices, onFlowChange}: GroupViewProps): ReactNode {
  const groups = verdicts.groups;
  const closedDeterministic = deterministicGroupChiSquare(messageCount);
  const closedOneFixedBit = oneFixedBitGroupChiSquare(messageCount);
  // The closed form is n plus the mean of 2·χ²(7), 14: read it off the model rather than retype it.
  const offset = closedOneFixedBit - messageCount;
  const structure = closedFormGroups(entry.kind);
  const spec = groupBarsSpec(groups, chiThreshold, {deterministic: closedDeterministic, oneFixedBit: closedOneFixedBit}, {
    funcByte: translate({id: 'lab.detectionLab.bars.funcByte', message: 'groups 5–6: the func byte'}),
    otherGroups: translate({id: 'lab.detectionLab.bars.otherGroups', message: 'other groups'}),
    funcMark: translate({id: 'lab.detectionLab.bars.funcMark', message: 'func'}),
    threshold: translate({id: 'lab.detectionLab.bars.threshold', message: 'threshold {value}'}, {value: chiThreshold}),
    deterministic: translate({id: 'lab.detectionLab.bars.deterministic', message: '15·n = {value}'}, {value: decimal(closedDeterministic)}),
    oneFixedBit: translate({id: 'lab.detectionLab.bars.oneFixedBit', message: 'n + {offset} = {value}'}, {offset, value: decimal(closedOneFixedBit)}),
    xAxis: translate({id: 'lab.detectionLab.bars.xAxis', message: 'group (4 bits each, bytes 1–8)'}),
    yAxis: translate({id: 'lab.detectionLab.bars.yAxis', message: 'χ² (log scale)'}),
  });
  const mixedPassesAbove = chiThreshold - offset;
  const atPaperMinimum = oneFixedBitGroupChiSquare(CHI_SQUARE_MIN_MESSAGES);

  return (
    <div className={styles.view}>
      <div className={labStyles.fields}>
        <SelectField name="flow" label={translate({id: 'lab.detectionLab.field.flow', message: 'Flow shown in the bars'})} value={entry.id} groups={flowChoices} onChange={onFlowChange} />
      </div>
      <p className={styles.flowLine}>
        <Translate
          id="lab.detectionLab.bars.flowLine"
          values={{
            id: entry.id,
            kind: kindLabel(entry.kind),
            count: messageCount,
            verdict: (
              <Output name="flow-verdict" value={verdicts.chiSquare} prose>
                {chiVerdictLabel(verdicts.chiSquare)}
              </Output>
            ),
          }}>
          {'{id}: {kind}, {count} messages. χ² verdict: {verdict}.'}
        </Translate>
      </p>
      <Chart
        spec={spec}
        label={translate(
          {id: 'lab.detectionLab.bars.label', message: 'Bars of the 16 χ² statistics of flow {id} on a log scale, with the threshold at {threshold}; the values are in the table below.'},
          {id: entry.id, threshold: chiThreshold},
        )}
      />
      <div className={styles.scrollBox} tabIndex={0} role="region" aria-label={translate({id: 'lab.detectionLab.groups.region', message: 'The 16 statistics (scrolls sideways on a narrow screen)'})}>
        <table className={styles.groupsTable} data-output="groups" data-value={groups.map((value) => value.toFixed(2)).join(' ')}>
          <caption className={styles.tableCaption}>{translate({id: 'lab.detectionLab.groups.caption', message: 'χ² of each group of flow {id}'}, {id: entry.id})}</caption>
          <tbody>
            <tr>
              <th scope="row">{translate({id: 'lab.detectionLab.groups.group', message: 'group'})}</th>
              {groups.map((_, index) => (
                <td key={index}>{index + 1}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">
                <Translate id="lab.detectionLab.group.chiSquare" description="The symbol of the chi-square statistic">χ²</Translate>
              </th>
              {groups.map((value, index) => (
                <td key={index} className={value > chiThreshold ? styles.aboveThreshold : undefined}>
                  {decimal(value)}
                  {value > chiThreshold && <span className={styles.aboveMark}>{translate({id: 'lab.detectionLab.groups.above', message: ' ▲'})}</span>}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className={styles.smallNote}>
        <Translate id="lab.detectionLab.groups.note" values={{threshold: chiThreshold}}>
          {'▲ marks a statistic above the threshold ({threshold}): not random.'}
        </Translate>
      </p>

      <h5 className={styles.subTitle}>
        <Translate id="lab.detectionLab.closed.title">Theory beside experiment: the closed forms</Translate>
      </h5>
      <dl className={labStyles.summary}>
        <div>
          <dt>
            <Translate id="lab.detectionLab.closed.deterministic" values={{n: messageCount}}>
              {'Deterministic group, 15·n (n = {n})'}
            </Translate>
          </dt>
          <dd>
            <Output name="closed-deterministic" value={closedDeterministic.toFixed(2)}>
              {decimal(closedDeterministic)}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.detectionLab.closed.measuredDeterministic">Measured on this flow</Translate>
          </dt>
          <dd>
            <Measured name="measured-deterministic" groups={structure.deterministic} values={groupValues(groups, structure.deterministic)} />
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.detectionLab.closed.mixed" values={{n: messageCount, offset}}>
              {'One fixed bit, about n + {offset} (n = {n})'}
            </Translate>
          </dt>
          <dd>
            <Output name="closed-mixed" value={closedOneFixedBit.toFixed(2)}>
              {decimal(closedOneFixedBit)}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.detectionLab.closed.measuredMixed">Measured on this flow</Translate>
          </dt>
          <dd>
            <Measured name="measured-mixed" groups={structure.oneFixedBit} values={groupValues(groups, structure.oneFixedBit)} />
          </dd>
        </div>
      </dl>
      <p className={styles.explain}>
        <Translate
          id="lab.detectionLab.closed.explain"
          values={{offset, threshold: chiThreshold, passes: mixedPassesAbove, minimum: CHI_SQUARE_MIN_MESSAGES, atMinimum: decimal(atPaperMinimum)}}>
          {
            'A deterministic group gives exactly 15·n. A group with one fixed bit, such as the high half of the func byte (group 5 of a Skype E2E message), gives 2·χ²(7) + n, about n + {offset} on average: it is not random, yet it passes the Mixed threshold of {threshold} only when n > {passes}. A flow of {minimum} messages, the shortest the paper classifies, averages {atMinimum}: it usually fails the E2E rule. Drag the flow length below and above that point and watch group 5.'
          }
        </Translate>
      </p>
    </div>
  );
}
