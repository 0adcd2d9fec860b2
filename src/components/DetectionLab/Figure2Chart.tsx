/**
 * Fig. 2 of Bonfiglio et al. 2007 redrawn: a Skype voice call whose bandwidth limit is stepped down,
 * with its throughput, message size and framing time ΔT. The values were read off the paper's figure
 * and are approximate (src/data/bonfiglio2007.ts); the charts say so, and a table gives the same
 * values in words for readers who do not see the charts.
 */
import {useId, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import Chart from '@site/src/components/Chart';
import {BONFIGLIO_2007_SOURCE, FIGURE_2, type FigureBand} from '@site/src/data/bonfiglio2007';
import {figure2Specs} from './figure2Specs';
import styles from './styles.module.css';

const range = (band: FigureBand) => (band.low === band.high ? `≈ ${band.low}` : `≈ ${band.low}–${band.high}`);
const stretch = (band: FigureBand) => `${band.fromSeconds}–${band.toSeconds} s`;

export default function Figure2Chart(): ReactNode {
  const captionId = useId();
  const specs = figure2Specs(FIGURE_2, {
    time: translate({id: 'lab.detectionLab.figure2.time', message: 'time in the call (s)'}),
    throughputAxis: translate({id: 'lab.detectionLab.figure2.throughputAxis', message: 'kbit/s'}),
    sizeAxis: translate({id: 'lab.detectionLab.figure2.sizeAxis', message: 'message size (bytes)'}),
    framingAxis: translate({id: 'lab.detectionLab.figure2.framingAxis', message: 'ΔT (ms)'}),
    limit: translate({id: 'lab.detectionLab.figure2.limitLabel', message: 'limit (dashed)'}),
    measured: translate({id: 'lab.detectionLab.figure2.measuredLabel', message: 'measured throughput'}),
  });
  const steps = FIGURE_2.bandwidthLimit.map((step) => `${step.kbps}`).join(' → ');
  return (
    <div className={styles.figure2} role="group" aria-labelledby={captionId} data-figure="bonfiglio2007-figure2">
      <p id={captionId} className={styles.figure2Caption}>
        <Translate id="lab.detectionLab.figure2.caption" values={{paper: <Link to={BONFIGLIO_2007_SOURCE}><Translate id="lab.detectionLab.figure2.paper">Bonfiglio et al. 2007, Fig. 2</Translate></Link>}}>
          {'A Skype voice call under a stepped bandwidth limit ({paper}). Values read from the paper’s figure, approximate; the gaps are transitions we did not read.'}
        </Translate>
      </p>
      <Chart
        spec={{...specs.throughput, title: translate({id: 'lab.detectionLab.figure2.throughputTitle', message: 'Throughput (solid, shaded where it spreads) and the limit (dashed)'})}}
        label={translate(
          {id: 'lab.detectionLab.figure2.throughputChart', message: 'The bandwidth limit steps down {steps} kbit/s; the call’s throughput, in kbit/s: {levels}.'},
          {steps, levels: FIGURE_2.throughputKbps.map((band) => `${range(band)} (${stretch(band)})`).join(', ')},
        )}
      />
      <Chart
        spec={{...specs.messageSize, title: translate({id: 'lab.detectionLab.figure2.sizeTitle', message: 'Message size'})}}
        label={translate(
          {id: 'lab.detectionLab.figure2.sizeChart', message: 'Message sizes fall as the limit tightens, in bytes: {levels}.'},
          {levels: FIGURE_2.messageSizeBytes.map((band) => `${range(band)} (${stretch(band)})`).join(', ')},
        )}
      />
      <Chart
        spec={{...specs.framing, title: translate({id: 'lab.detectionLab.figure2.framingTitle', message: 'Framing time ΔT'})}}
        label={translate(
          {id: 'lab.detectionLab.figure2.framingChart', message: 'The framing time ΔT, in ms: {levels}.'},
          {levels: FIGURE_2.framingMs.map((band) => `${range(band)} (${stretch(band)})`).join(', ')},
        )}
      />
      <details className={styles.figure2Values}>
        <summary>
          <Translate id="lab.detectionLab.figure2.valuesSummary">The values as a table</Translate>
        </summary>
        <div className={styles.scrollBox}>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <Translate id="lab.detectionLab.figure2.quantity">quantity</Translate>
                </th>
                <th scope="col">
                  <Translate id="lab.detectionLab.figure2.when">when</Translate>
                </th>
                <th scope="col">
                  <Translate id="lab.detectionLab.figure2.value">value (approximate)</Translate>
                </th>
              </tr>
            </thead>
            <tbody>
              {FIGURE_2.bandwidthLimit.map((step, index) => (
                <tr key={`limit-${step.fromSeconds}`}>
                  <th scope="row">{translate({id: 'lab.detectionLab.figure2.limitRow', message: 'bandwidth limit'})}</th>
                  <td>{`${step.fromSeconds}–${FIGURE_2.bandwidthLimit[index + 1]?.fromSeconds ?? FIGURE_2.durationSeconds} s`}</td>
                  <td>{`${step.kbps} kbit/s`}</td>
                </tr>
              ))}
              {FIGURE_2.throughputKbps.map((band) => (
                <tr key={`throughput-${band.fromSeconds}`}>
                  <th scope="row">{translate({id: 'lab.detectionLab.figure2.throughputRow', message: 'measured throughput'})}</th>
                  <td>{stretch(band)}</td>
                  <td>{`${range(band)} kbit/s`}</td>
                </tr>
              ))}
              {FIGURE_2.messageSizeBytes.map((band) => (
                <tr key={`size-${band.fromSeconds}`}>
                  <th scope="row">{translate({id: 'lab.detectionLab.figure2.sizeRow', message: 'message size'})}</th>
                  <td>{stretch(band)}</td>
                  <td>{`${range(band)} B`}</td>
                </tr>
              ))}
              {FIGURE_2.framingMs.map((band) => (
                <tr key={`framing-${band.fromSeconds}-${band.low}`}>
                  <th scope="row">
                    <Translate id="lab.detectionLab.figure2.framing" description="Delta T, the time between packets">ΔT</Translate>
                  </th>
                  <td>{stretch(band)}</td>
                  <td>{`${range(band)} ms`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
