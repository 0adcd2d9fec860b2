/**
 * Lab "the supernode overlay" (`data-widget="supernode-overlay"`): a scaled-down 2006 overlay of
 * supernodes, ordinary clients and the login server, seen through five views — login with its
 * fallbacks, the host cache, slots and blocks, a user search, and the 2012 move to Microsoft-hosted
 * supernodes. Interface state only: the model is src/simulations/overlay*.ts, the facts
 * src/data/networkFacts.ts. One step-player at a time, the active view's; its step is in the address.
 */
import {useId, useMemo, useRef, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {SelectField} from '@site/src/components/lab/ChoiceField';
import LabField from '@site/src/components/lab/LabField';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {problemMessage} from '@site/src/components/lab/messages';
import {parseUnsignedInput} from '@site/src/components/lab/parseInput';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {LOGIN_SERVER_IP, SLOT_FACTS} from '@site/src/data/networkFacts';
import {LOGIN_CONDITIONS, buildOverlay, type OverlayEra} from '@site/src/simulations/overlay';
import EraView from './EraView';
import HostCacheView from './HostCacheView';
import LoginView from './LoginView';
import SearchView from './SearchView';
import SlotsView from './SlotsView';
import {OVERLAY_DEFAULT_INPUTS, OVERLAY_URL_PREFIX, readCondition, readEra, readStep, readView, type OverlayInputName} from './state';
import {OVERLAY_VIEWS, conditionLabel, viewLabel, type OverlayView} from './text';
import styles from './styles.module.css';

export interface OverlayProps {
  /** The anchor of the widget, for links to it. Default 'supernode-overlay'. */
  id?: string;
}

const defaults = {id: 'supernode-overlay'};
const DEFAULT_SEED = Number(OVERLAY_DEFAULT_INPUTS.seed);

/** The view tabs: arrow keys, Home and End move between them and show the tab they reach. */
function ViewTabs({view, onChange, baseId}: {view: OverlayView; onChange(view: OverlayView): void; baseId: string}): ReactNode {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = OVERLAY_VIEWS.indexOf(view);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % OVERLAY_VIEWS.length,
      ArrowLeft: (index - 1 + OVERLAY_VIEWS.length) % OVERLAY_VIEWS.length,
      Home: 0,
      End: OVERLAY_VIEWS.length - 1,
    };
    const next = moves[event.key] ?? null;
    if (next === null) return;
    event.preventDefault();
    onChange(OVERLAY_VIEWS[next]);
    tabs.current[next]?.focus();
  }
  return (
    <div role="tablist" aria-label={translate({id: 'lab.overlay.tabs', message: 'Views of the overlay'})} className={styles.tabs} onKeyDown={onKeyDown}>
      {OVERLAY_VIEWS.map((candidate, index) => (
        <button
          key={candidate}
          ref={(element) => {
            tabs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`${baseId}-tab-${candidate}`}
          aria-selected={candidate === view}
          aria-controls={`${baseId}-panel`}
          tabIndex={candidate === view ? 0 : -1}
          data-view={candidate}
          className={clsx(styles.tab, candidate === view && styles.tabSelected)}
          onClick={() => onChange(candidate)}>
          {viewLabel(candidate)}
        </button>
      ))}
    </div>
  );
}

export default function Overlay({id = defaults.id}: OverlayProps): ReactNode {
  const headingId = useId();
  const baseId = `overlay-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [inputs, setInput, setMany] = useUrlInputs<OverlayInputName>(OVERLAY_URL_PREFIX, OVERLAY_DEFAULT_INPUTS);
  const view = readView(inputs.view);
  const condition = readCondition(inputs.condition);
  const era = readEra(inputs.era);
  const step = readStep(inputs.step);

  const seedLabel = translate({id: 'lab.overlay.field.seed', message: 'Seed'});
  const seedAttempt = useMemo((): Attempt<number> => {
    const parsed = parseUnsignedInput(inputs.seed, 32);
    return parsed.ok ? parsed : {ok: false, message: problemMessage(seedLabel, parsed.problem)};
  }, [inputs.seed, seedLabel]);
  const {value: seed, problem: seedProblem} = useLastGood(seedAttempt, DEFAULT_SEED);
  const overlay = useMemo(() => buildOverlay({seed}), [seed]);

  const changeStep = (next: number) => setInput('step', String(next));
  let panel: ReactNode;
  switch (view) {
    case 'login':
      panel = <LoginView condition={condition} seed={seed} step={step} onStepChange={changeStep} />;
      break;
    case 'cache':
      panel = <HostCacheView overlay={overlay} seed={seed} step={step} onStepChange={changeStep} />;
      break;
    case 'slots':
      panel = <SlotsView overlay={overlay} />;
      break;
    case 'search':
      panel = <SearchView overlay={overlay} condition={condition} seed={seed} step={step} onStepChange={changeStep} />;
      break;
    case 'era':
      panel = <EraView overlay={overlay} era={era} onEraChange={(value: OverlayEra) => setInput('era', value)} />;
      break;
  }

  return (
    <section data-widget="supernode-overlay" id={id} aria-labelledby={headingId} className={clsx(labStyles.panel, styles.widget)}>
      <h3 id={headingId} className={labStyles.panelTitle}>
        <Translate id="lab.overlay.title">The supernode overlay</Translate>
      </h3>
      <p>
        <Translate
          id="lab.overlay.intro"
          values={{
            slots: overlay.slots.length,
            blocks: overlay.blocks.length,
            supernodes: overlay.supernodes.length,
            clients: overlay.clients.length,
            server: <code>{LOGIN_SERVER_IP.value}</code>,
            realSlots: SLOT_FACTS.slots.value.toLocaleString('en'),
            realSupernodes: SLOT_FACTS.supernodes.value.toLocaleString('en'),
            source: <Link to={SLOT_FACTS.slots.source}>{translate({id: 'lab.overlay.introSource', message: 'Biondi & Desclaux 2006, slide 84'})}</Link>,
          }}>
          {'A scaled-down model: {slots} slots in {blocks} blocks holding {supernodes} supernodes, {clients} ordinary clients and the login server {server}. The real network had about {realSlots} slots and {realSupernodes} supernodes in 2006 ({source}). The same seed gives the same network, so a link reproduces it.'}
        </Translate>
      </p>
      <div className={labStyles.fields}>
        <SelectField
          name="condition"
          label={translate({id: 'lab.overlay.field.condition', message: 'Network of the client'})}
          value={condition}
          groups={[{label: '', choices: LOGIN_CONDITIONS.map((value) => ({value, label: conditionLabel(value)}))}]}
          onChange={(value) => setMany({condition: value, step: '0'})}
          hint={translate({id: 'lab.overlay.field.conditionHint', message: 'Used by the login and the search.'})}
        />
        <LabField
          name="seed"
          label={seedLabel}
          value={inputs.seed}
          onChange={(value) => setInput('seed', value)}
          problem={seedProblem}
          hint={translate({id: 'lab.overlay.field.seedHint', message: 'A whole number from 0 to 4294967295: it places the supernodes and picks the entries, the nodes and the user.'})}
        />
      </div>
      {seedProblem && (
        <p className={labStyles.note}>
          <Translate id="lab.overlay.lastGood" values={{seed}}>
            {'The views below still show seed {seed}, the last one that worked.'}
          </Translate>
        </p>
      )}

      <ViewTabs view={view} baseId={baseId} onChange={(next) => setMany({view: next, step: '0'})} />
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${view}`} className={styles.tabPanel} data-view={view}>
        {panel}
      </div>
      <ShareLinkButton prefix={OVERLAY_URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}
