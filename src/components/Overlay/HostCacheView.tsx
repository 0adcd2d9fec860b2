/**
 * The overlay widget's host-cache view: a fresh installation's cache filling up, stage by stage,
 * from empty to the seven bootstrap supernodes to 200 entries learnt from supernodes' replies, and
 * not one more (Baset & Schulzrinne §2.2, §4.2.3).
 */
import {memo, useCallback, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import StepPlayer from '@site/src/components/StepPlayer';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import labStyles from '@site/src/components/lab/styles.module.css';
import {BOOTSTRAP_SUPERNODES, HOST_CACHE_LATER, HOST_CACHE_MAX_ENTRIES, SUPERNODES_PER_REPLY_SEEN} from '@site/src/data/networkFacts';
import {HOST_CACHE_CAPACITY, HOST_CACHE_REPLY_SIZE, simulateHostCacheFill, type HostCacheEntry, type Overlay} from '@site/src/simulations/overlay';
import {describeHostCacheStage} from './text';
import styles from './styles.module.css';

/** One cache entry. Memoised: entries carry over from stage to stage, so a step redraws only the new ones. */
const Entry = memo(function Entry({entry, number, isNew}: {entry: HostCacheEntry; number: number; isNew: boolean}): ReactNode {
  const bootstrap = entry.origin === 'bootstrap';
  return (
    <li className={clsx(styles.entry, bootstrap && styles.entryBootstrap, isNew && styles.entryNew)} data-entry={`${entry.ip}:${entry.port}`} data-origin={entry.origin}>
      <span className={styles.entryNumber}>{number}</span>
      <code>
        {entry.ip}:{entry.port}
      </code>
      {bootstrap && <span className={styles.tag}>{translate({id: 'lab.overlay.cache.bootstrapTag', message: '★ bootstrap'})}</span>}
      {isNew && !bootstrap && <span className={styles.tag}>{translate({id: 'lab.overlay.cache.newTag', message: '+ new'})}</span>}
    </li>
  );
});

export interface HostCacheViewProps {
  overlay: Overlay;
  seed: number;
  step: number;
  onStepChange(step: number): void;
}

export default function HostCacheView({overlay, seed, step, onStepChange}: HostCacheViewProps): ReactNode {
  const stages = useMemo(() => simulateHostCacheFill({overlay, seed}), [overlay, seed]);
  const current = Math.min(Math.max(step, 0), stages.length - 1);
  const stage = stages[current];
  const previousSize = current === 0 ? 0 : stages[current - 1].entries.length;
  const describeStep = useCallback((index: number) => describeHostCacheStage(stages[index], HOST_CACHE_CAPACITY), [stages]);
  const size = stage.entries.length;
  const bootstrapCount = stage.entries.filter((entry) => entry.origin === 'bootstrap').length;
  // Said when the seed changes the filling; the player says each step.
  const finalSize = stages[stages.length - 1].entries.length;
  const spokenSummary = translate(
    {id: 'lab.overlay.cache.status', message: 'Seed {seed}: the cache fills in {count} steps to {size} entries.'},
    {seed, count: stages.length, size: finalSize},
  );

  return (
    <>
      <p>
        <Translate
          id="lab.overlay.cache.intro"
          values={{
            capacity: HOST_CACHE_MAX_ENTRIES.value,
            count: BOOTSTRAP_SUPERNODES.value.length,
            minimum: HOST_CACHE_REPLY_SIZE.minimum,
            maximum: HOST_CACHE_REPLY_SIZE.maximum,
            source: <Link to={HOST_CACHE_MAX_ENTRIES.source}>{translate({id: 'lab.overlay.cache.source', message: 'Baset & Schulzrinne §2.2, §4.2.3'})}</Link>,
          }}>
          {'A fresh installation’s cache: empty, then the {count} bootstrap supernodes of the first login, then supernodes named in replies, until it holds {capacity} ({source}). In the model each reply names {minimum} to {maximum} supernodes.'}
        </Translate>
      </p>
      <ResultStatus summary={spokenSummary} />
      <StepPlayer
        label={translate({id: 'lab.overlay.cache.player', message: 'The host cache filling up'})}
        stepCount={stages.length}
        step={current}
        onStepChange={onStepChange}
        describeStep={describeStep}
        initialSpeed={4}>
        <div className={styles.meter} aria-hidden="true">
          <div className={styles.meterFill} style={{width: `${(100 * size) / HOST_CACHE_CAPACITY}%`}} />
        </div>
        <p className={styles.meterText}>
          <Translate id="lab.overlay.cache.size" values={{size: <Output name="host-cache-size" value={String(size)} />, capacity: HOST_CACHE_CAPACITY, bootstrap: bootstrapCount}}>
            {'{size} of {capacity} entries, {bootstrap} of them bootstrap supernodes'}
          </Translate>
        </p>
        <ol className={styles.entries} aria-label={translate({id: 'lab.overlay.cache.listLabel', message: 'Host cache entries'})} tabIndex={0}>
          {stage.entries.map((entry, index) => (
            <Entry key={`${entry.ip}:${entry.port}`} entry={entry} number={index + 1} isNew={index >= previousSize} />
          ))}
        </ol>
      </StepPlayer>
      <p className={styles.explain}>
        <Translate
          id="lab.overlay.cache.replies"
          values={{
            five: SUPERNODES_PER_REPLY_SEEN.refusalFrame219.value,
            ten: SUPERNODES_PER_REPLY_SEEN.listFrame306.value,
            capture: <Link to={SUPERNODES_PER_REPLY_SEEN.refusalFrame219.source}><Translate id="lab.overlay.capture">SkypeIRC.cap</Translate></Link>,
          }}>
          {'The reply sizes are our choice, between the {five} supernodes of a refusal and the {ten} of a command-45 list in the 2006 capture ({capture}). The model stops adding at the limit; real caches also replaced entries.'}
        </Translate>{' '}
        <Translate
          id="lab.overlay.cache.churn"
          values={{percent: HOST_CACHE_LATER.changedPerHourPercent.value, source: <Link to={HOST_CACHE_LATER.changedPerHourPercent.source}>{translate({id: 'lab.overlay.cache.churnSource', message: 'Bremler-Barr et al.'})}</Link>}}>
          {'In Skype 2.x about {percent} % of the entries changed every hour ({source}).'}
        </Translate>
      </p>
      <p className={clsx(labStyles.note, styles.explain)}>
        <Translate id="lab.overlay.cache.addresses">
          The bootstrap supernodes are the real addresses of 2004; the others are illustrative, from the documentation ranges 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24.
        </Translate>
      </p>
    </>
  );
}
