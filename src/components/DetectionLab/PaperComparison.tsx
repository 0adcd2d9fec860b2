/**
 * The paper's error rates beside ours: Tables 3 and 4 of Bonfiglio et al. 2007 (UDP flows of real
 * traffic captured in May 2006) and the same rates on this lab's generated UDP flows, each table
 * captioned with where its numbers come from.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import type {Confusion} from '@site/src/simulations/detection';
import {BONFIGLIO_2007_SOURCE, PAPER_TABLE_3, PAPER_TABLE_4, type PaperClassifier, type PaperUdpRow} from '@site/src/data/bonfiglio2007';
import {CLASSIFIER_OUTPUT_NAMES, percentText, ratePercent, type ClassifierName} from './detectionRun';
import styles from './styles.module.css';

/** The paper's classifier names for ours. */
const PAPER_NAMES: Readonly<Record<ClassifierName, Exclude<PaperClassifier, 'PBC'>>> = {bayes: 'NBC', chiSquare: 'CSC', both: 'NBC_and_CSC'};
const ORDER: readonly ClassifierName[] = ['bayes', 'chiSquare', 'both'];
const shownName = (classifier: Exclude<PaperClassifier, 'PBC'>) => (classifier === 'NBC_and_CSC' ? 'NBC∧CSC' : classifier);
const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)} %`);

function findRow(rows: readonly PaperUdpRow[], classifier: PaperClassifier, flowClass: 'E2E' | 'E2O'): PaperUdpRow | undefined {
  return rows.find((row) => row.classifier === classifier && row.flowClass === flowClass);
}

export default function PaperComparison({udpMatrices, udpFlows}: {udpMatrices: Readonly<Record<ClassifierName, Confusion>>; udpFlows: number}): ReactNode {
  const paperLink = (
    <Link to={BONFIGLIO_2007_SOURCE}>
      <Translate id="lab.detectionLab.paper.tables">Bonfiglio et al. 2007, Tables 3–4</Translate>
    </Link>
  );
  const falsePositivesHeading = (
    <abbr title={translate({id: 'lab.detectionLab.paper.falsePositives', message: 'false positives'})}>
      <Translate id="lab.detectionLab.paper.falsePositivesShort">FP</Translate>
    </abbr>
  );
  const falseNegativesHeading = (
    <abbr title={translate({id: 'lab.detectionLab.paper.falseNegatives', message: 'false negatives'})}>
      <Translate id="lab.detectionLab.paper.falseNegativesShort">FN</Translate>
    </abbr>
  );
  return (
    <div className={styles.comparison}>
      <div className={styles.scrollBox} tabIndex={0} role="region" aria-label={translate({id: 'lab.detectionLab.paper.region', message: 'The paper’s error rates (scrolls sideways on a narrow screen)'})}>
        <table className={styles.compareTable} data-table="paper">
          <caption className={styles.tableCaption}>
            <Translate id="lab.detectionLab.paper.caption" values={{paper: paperLink}}>
              {'The paper’s (real traffic, 2006): UDP flows of the CAMPUS and ISP traces ({paper})'}
            </Translate>
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                <Translate id="lab.detectionLab.paper.classifier">classifier</Translate>
              </th>
              <th scope="col" rowSpan={2}>
                <Translate id="lab.detectionLab.paper.class">class</Translate>
              </th>
              <th scope="colgroup" colSpan={2}>
                <Translate id="lab.detectionLab.paper.campus" description="The name of a data set in Bonfiglio et al. 2007">
                  CAMPUS
                </Translate>
              </th>
              <th scope="colgroup" colSpan={2}>
                <Translate id="lab.detectionLab.paper.isp" description="The name of a data set in Bonfiglio et al. 2007">
                  ISP
                </Translate>
              </th>
            </tr>
            <tr>
              <th scope="col">{falsePositivesHeading}</th>
              <th scope="col">{falseNegativesHeading}</th>
              <th scope="col">{falsePositivesHeading}</th>
              <th scope="col">{falseNegativesHeading}</th>
            </tr>
          </thead>
          <tbody>
            {ORDER.flatMap((classifier) =>
              (['E2E', 'E2O'] as const).map((flowClass) => {
                const campus = findRow(PAPER_TABLE_3.rows, PAPER_NAMES[classifier], flowClass);
                const isp = findRow(PAPER_TABLE_4.rows, PAPER_NAMES[classifier], flowClass);
                return (
                  <tr key={`${classifier}-${flowClass}`}>
                    <th scope="row">{shownName(PAPER_NAMES[classifier])}</th>
                    <td>{flowClass}</td>
                    <td className={styles.number}>{percent(campus?.falsePositivePercent ?? null)}</td>
                    <td className={styles.number}>{percent(campus?.falseNegativePercent ?? null)}</td>
                    <td className={styles.number}>{percent(isp?.falsePositivePercent ?? null)}</td>
                    <td className={styles.number}>{percent(isp?.falseNegativePercent ?? null)}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
      <div className={styles.scrollBox} tabIndex={0} role="region" aria-label={translate({id: 'lab.detectionLab.ours.region', message: 'Our error rates on generated traffic'})}>
        <table className={styles.compareTable} data-table="ours">
          <caption className={styles.tableCaption}>
            {translate({id: 'lab.detectionLab.ours.caption', message: 'Ours (generated traffic): the {count} UDP flows of this lab, E2E and E2O together'}, {count: udpFlows})}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="lab.detectionLab.paper.classifier">classifier</Translate>
              </th>
              <th scope="col">{falsePositivesHeading}</th>
              <th scope="col">{falseNegativesHeading}</th>
            </tr>
          </thead>
          <tbody>
            {ORDER.map((classifier) => {
              const falsePositive = percentText(ratePercent(udpMatrices[classifier], 'fp'));
              const falseNegative = percentText(ratePercent(udpMatrices[classifier], 'fn'));
              return (
                <tr key={classifier} data-classifier={classifier}>
                  <th scope="row">{shownName(PAPER_NAMES[classifier])}</th>
                  <td className={styles.number} data-output={`udp-fp-${CLASSIFIER_OUTPUT_NAMES[classifier]}`} data-value={falsePositive}>{`${falsePositive} %`}</td>
                  <td className={styles.number} data-output={`udp-fn-${CLASSIFIER_OUTPUT_NAMES[classifier]}`} data-value={falseNegative}>{`${falseNegative} %`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={styles.smallNote}>
        <Translate id="lab.detectionLab.paper.note">
          The two tables do not measure the same thing. The paper’s traces held every kind of traffic of a campus and an ISP, judged against its payload-based classifier; its high E2E false negatives are Skype flows carrying video, data or chat rather than voice. Our flows are generated, every Skype flow is voice, and the other kinds are the few this lab makes. Compare the pattern: each test alone errs, the two together rarely give a false positive.
        </Translate>
      </p>
    </div>
  );
}
