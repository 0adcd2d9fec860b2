/**
 * The outcome of every pair of endpoint kinds under one policy, as the model found it by running
 * each call: rows are callers, columns callees, each cell a button that opens its pair. Cells
 * Baset & Schulzrinne measured carry a ✓ (and say so to screen readers), not only a colour.
 * Memoised: stepping through the animation never redraws it.
 */
import {memo, useId, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {NAT_ENDPOINT_KINDS, NAT_MEDIA_PATHS, type NatCallPolicy, type NatEndpointKind, type NatMediaPath, type NatOutcomeMatrix} from '@site/src/simulations/nat';
import {kindLabel, pathLabel, pathShortLabel} from './natWords';
import styles from './styles.module.css';

export interface OutcomeMatrixProps {
  matrix: NatOutcomeMatrix;
  policy: NatCallPolicy;
  caller: NatEndpointKind | null;
  callee: NatEndpointKind | null;
  onPick(caller: NatEndpointKind, callee: NatEndpointKind): void;
}

const PATH_CLASS: Record<NatMediaPath, string> = {
  'direct-udp': styles.cellDirect,
  'hole-punched-udp': styles.cellPunched,
  'direct-tcp': styles.cellTcp,
  'reversed-tcp': styles.cellTcp,
  'relayed-udp': styles.cellRelayed,
  'relayed-tcp': styles.cellRelayed,
};

function OutcomeMatrix({matrix, policy, caller, callee, onPick}: OutcomeMatrixProps): ReactNode {
  const captionId = useId();
  return (
    <div className={styles.matrix}>
      <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className={styles.matrixTable} aria-describedby={`${captionId}-legend`}>
          <caption id={captionId}>
            {policy === 'skype-2004'
              ? translate({id: 'lab.natTraversal.matrix.caption2004', message: 'Media path for every pair, Skype 0.97 (rows: caller; columns: callee)'})
              : translate({id: 'lab.natTraversal.matrix.captionPunching', message: 'Media path for every pair, hole punching (rows: caller; columns: callee)'})}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{translate({id: 'lab.natTraversal.matrix.corner', message: 'Caller, then callee'})}</span>
              </th>
              {NAT_ENDPOINT_KINDS.map((kind) => (
                <th key={kind} scope="col" title={kindLabel(kind)}>
                  {kindLabel(kind, true)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NAT_ENDPOINT_KINDS.map((rowKind) => (
              <tr key={rowKind}>
                <th scope="row" title={kindLabel(rowKind)}>
                  {kindLabel(rowKind, true)}
                </th>
                {NAT_ENDPOINT_KINDS.map((columnKind) => {
                  const outcome = matrix[rowKind][columnKind];
                  const selected = rowKind === caller && columnKind === callee;
                  // Said after the visible short text, so that the button's name starts with what it shows.
                  const context = translate(
                    {id: 'lab.natTraversal.matrix.cellContext', message: '{caller} calls {callee}: {path}{measured}'},
                    {
                      caller: kindLabel(rowKind),
                      callee: kindLabel(columnKind),
                      path: pathLabel(outcome.mediaPath),
                      measured: outcome.measured ? translate({id: 'lab.natTraversal.matrix.cellMeasured', message: ', measured'}) : '',
                    },
                  );
                  return (
                    <td key={columnKind}>
                      <button
                        type="button"
                        className={clsx(styles.cell, PATH_CLASS[outcome.mediaPath], selected && styles.cellSelected)}
                        data-cell={`${rowKind}/${columnKind}`}
                        data-value={outcome.mediaPath}
                        aria-pressed={selected}
                        title={context}
                        onClick={() => onPick(rowKind, columnKind)}>
                        {pathShortLabel(outcome.mediaPath)}
                        {outcome.measured && <span aria-hidden="true"> ✓</span>}
                        <span className="visually-hidden">{` (${context})`}</span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id={`${captionId}-legend`} className={styles.legend}>
        <ul className={styles.legendList}>
          {NAT_MEDIA_PATHS.map((path) => (
            <li key={path}>
              <span className={clsx(styles.legendSwatch, PATH_CLASS[path])}>{pathShortLabel(path)}</span> {pathLabel(path)}
            </li>
          ))}
        </ul>
        {policy === 'skype-2004' ? (
          <p>
            <Translate
              id="lab.natTraversal.matrix.legend2004"
              values={{source: <Link to="/docs/references#baset2004"><Translate id="lab.natTraversal.matrix.basetSource">{'Baset & Schulzrinne 2004, §3–§4.5'}</Translate></Link>}}>
              {'✓ marks the three setups that were measured ({source}). Every other cell applies the rule the paper states for them, and is an extrapolation.'}
            </Translate>
          </p>
        ) : (
          <p>
            <Translate id="lab.natTraversal.matrix.legendPunching" values={{source: <Link to="/docs/references#rfc5128"><Translate id="lab.natTraversal.matrix.rfc5128">RFC 5128</Translate></Link>}}>
              {'The general technique ({source}), tried in order: direct UDP, hole punching, direct TCP, TCP back from the callee, relay. Nothing here was measured on Skype.'}
            </Translate>
          </p>
        )}
      </div>
    </div>
  );
}

export default memo(OutcomeMatrix);
