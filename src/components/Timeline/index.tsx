/**
 * <Timeline> (`data-widget="timeline"`): the 40 dated events of src/data/timeline.ts on an Observable
 * Plot time axis (through the site's one Chart), with a list of the same events for keyboards and
 * screen readers. Filter by category (ours), zoom into a span of years, select an event (click its
 * mark or its list entry) to read it with its sources and a link to the chapter that explains it.
 * Interface state only; the state lives in the address (`?timeline.categories=…&timeline.event=…`).
 */
import {useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Chart from '@site/src/components/Chart';
import {SelectField} from '@site/src/components/lab/ChoiceField';
import LabCheckbox from '@site/src/components/lab/LabCheckbox';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {useLastGood} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import {urlWithInputs} from '@site/src/components/lab/urlState';
import labStyles from '@site/src/components/lab/styles.module.css';
import {TIMELINE_CATEGORIES, TIMELINE_EVENTS, type TimelineCategory, type TimelineEvent} from '@site/src/data/timeline';
import {
  CATEGORY_MARKS,
  TIMELINE_URL_PREFIX,
  defaultTimelineInputs,
  formatEventDate,
  listMove,
  markTitle,
  readTimelineState,
  timelineSpec,
  visibleEvents,
  yearRange,
  type TimelineInputName,
  type TimelineProblem,
} from './timelineView';
import styles from './styles.module.css';

export interface TimelineProps {
  /** The anchor of the widget, for links and "Link to this example". Default 'timeline'. */
  id?: string;
}

const defaults = {id: 'timeline'};

const DEFAULT_INPUTS = defaultTimelineInputs(TIMELINE_EVENTS);
const YEARS = yearRange(TIMELINE_EVENTS);
const YEAR_CHOICES = Array.from({length: YEARS.last - YEARS.first + 1}, (_, offset) => String(YEARS.first + offset)).map((year) => ({value: year, label: year}));

function categoryLabel(category: TimelineCategory): string {
  switch (category) {
    case 'company':
      return translate({id: 'lab.timeline.category.company', message: 'company'});
    case 'technology':
      return translate({id: 'lab.timeline.category.technology', message: 'technology'});
    case 'reverse-engineering':
      return translate({id: 'lab.timeline.category.reverseEngineering', message: 'reverse engineering'});
    case 'security-and-surveillance':
      return translate({id: 'lab.timeline.category.securityAndSurveillance', message: 'security and surveillance'});
    case 'law':
      return translate({id: 'lab.timeline.category.law', message: 'law'});
  }
}

function problemText(problem: TimelineProblem): string {
  switch (problem.kind) {
    case 'unknown-category':
      return translate(
        {id: 'lab.timeline.problem.category', message: "Categories: '{text}' is not one of {known}; it is left out."},
        {text: problem.text, known: TIMELINE_CATEGORIES.join(', ')},
      );
    case 'not-a-year':
      return translate(
        {id: 'lab.timeline.problem.year', message: "{input}: '{text}' is not a year from {first} to {last}; the chart keeps its last zoom."},
        {input: problem.input === 'from' ? translate({id: 'lab.timeline.field.from', message: 'From'}) : translate({id: 'lab.timeline.field.to', message: 'To'}), text: problem.text, first: problem.first, last: problem.last},
      );
    case 'after-to':
      return translate(
        {id: 'lab.timeline.problem.order', message: 'From: {from} is after To ({to}); the chart keeps its last zoom.'},
        {from: problem.from, to: problem.to},
      );
    case 'unknown-event':
      return translate({id: 'lab.timeline.problem.event', message: "Event: no event has the id '{text}'; nothing is selected."}, {text: problem.text});
  }
}

/** A category's symbol in its colour, as in the chart: the legend beside each filter. */
function CategorySymbol({category}: {category: TimelineCategory}): ReactNode {
  const {colour, symbol} = CATEGORY_MARKS[category];
  const shapes: Record<typeof symbol, ReactNode> = {
    circle: <circle cx="8" cy="8" r="5.5" />,
    square: <rect x="3" y="3" width="10" height="10" />,
    diamond: <polygon points="8,1.5 14.5,8 8,14.5 1.5,8" />,
    triangle: <polygon points="8,2 14.5,14 1.5,14" />,
    star: <polygon points="8,1 9.9,6 15,6.2 11,9.4 12.4,14.5 8,11.6 3.6,14.5 5,9.4 1,6.2 6.1,6" />,
  };
  return (
    <svg className={styles.symbol} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill={colour}>
      {shapes[symbol]}
    </svg>
  );
}

/** One event's sources: each address a link under its label, with the references-page entry last. */
function SourceLinks({event}: {event: TimelineEvent}): ReactNode {
  return (
    <ul className={styles.sources}>
      {event.sources.map((source, index) => (
        <li key={index}>
          {source.url ? <a href={source.url}>{source.label}</a> : source.label}
          {source.detail && ` ${source.detail}`}
        </li>
      ))}
      <li>
        <Translate id="lab.timeline.reference" values={{link: <Link to={event.reference.url}>{event.reference.label}</Link>}}>
          {'On our references page: {link}'}
        </Translate>
      </li>
    </ul>
  );
}

export default function Timeline({id = defaults.id}: TimelineProps): ReactNode {
  const titleId = useId();
  const detailsTitleId = useId();
  const {i18n} = useDocusaurusContext();
  // The chapters write dates day-month-year; English pages use the British order to match.
  const locale = i18n.currentLocale.startsWith('en') ? 'en-GB' : i18n.currentLocale;
  const [inputs, , setMany] = useUrlInputs<TimelineInputName>(TIMELINE_URL_PREFIX, DEFAULT_INPUTS);
  const state = useMemo(() => readTimelineState(inputs, TIMELINE_EVENTS), [inputs]);
  const zoom = useLastGood(state.zoom ? {ok: true, value: state.zoom} : {ok: false, message: ''}, {from: YEARS.first, to: YEARS.last}).value;
  const shown = useMemo(() => visibleEvents(TIMELINE_EVENTS, state.categories, zoom), [state.categories, zoom]);
  const selected = TIMELINE_EVENTS.find((event) => event.id === state.eventId) ?? null;
  const selectedShownIndex = shown.findIndex((event) => event.id === state.eventId);

  const categoryLabels = useMemo(() => Object.fromEntries(TIMELINE_CATEGORIES.map((category) => [category, categoryLabel(category)])) as Record<TimelineCategory, string>, []);
  const spec = useMemo(() => timelineSpec({events: shown, zoom, selectedId: state.eventId, categoryLabels, locale}), [shown, zoom, state.eventId, categoryLabels, locale]);
  const idByTitle = useMemo(() => new Map(shown.map((event) => [markTitle(event, locale), event.id])), [shown, locale]);

  // The selection and filters go into the address as the reader changes them (not on the first render).
  const changed = useRef(false);
  useEffect(() => {
    if (!changed.current) return;
    window.history.replaceState(window.history.state, '', urlWithInputs(window.location.href, TIMELINE_URL_PREFIX, inputs, window.location.hash.slice(1)));
  }, [inputs]);
  const update = (values: Partial<Record<TimelineInputName, string>>) => {
    changed.current = true;
    setMany(values);
  };

  // Roving focus in the list: one entry is in the tab order, the arrows move between entries.
  const [focusIndex, setFocusIndex] = useState(0);
  const rovingIndex = selectedShownIndex >= 0 ? selectedShownIndex : Math.min(focusIndex, Math.max(shown.length - 1, 0));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  function onListKeyDown(keyEvent: KeyboardEvent<HTMLOListElement>) {
    const current = buttons.current.findIndex((button) => button === document.activeElement);
    const next = listMove(keyEvent.key, current >= 0 ? current : rovingIndex, shown.length);
    if (next === null) return;
    keyEvent.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }
  function select(event: TimelineEvent, index: number) {
    setFocusIndex(index);
    update({event: event.id});
  }

  // A click on a mark: its <title> (date and sentence) names the event.
  function onChartClick(mouseEvent: MouseEvent<HTMLDivElement>) {
    const target = mouseEvent.target as Element;
    const title = target.closest('svg *')?.querySelector(':scope > title')?.textContent;
    const eventId = title ? idByTitle.get(title) : undefined;
    if (eventId) update({event: eventId});
  }

  function toggleCategory(category: TimelineCategory, on: boolean) {
    const next = TIMELINE_CATEGORIES.filter((name) => (name === category ? on : state.categories.has(name)));
    update({categories: next.join(',')});
  }

  const chartLabel = translate(
    {id: 'lab.timeline.chart.label', message: 'Time axis from {from} to {to} with {count} events, one row per category; the list below holds the same events.'},
    {from: zoom.from, to: zoom.to, count: shown.length},
  );

  return (
    <section data-widget="timeline" id={id} aria-labelledby={titleId} className={clsx(labStyles.panel, styles.timeline)}>
      <h3 id={titleId} className={labStyles.panelTitle}>
        <Translate id="lab.timeline.title">Timeline: 40 events from 1992 to 2025</Translate>
      </h3>

      <fieldset className={styles.filters}>
        <legend className={labStyles.label}>
          <Translate id="lab.timeline.categories">Categories (ours, not the sources’): also the chart’s legend</Translate>
        </legend>
        <div className={styles.checkboxes}>
          {TIMELINE_CATEGORIES.map((category) => (
            <LabCheckbox
              key={category}
              name={`category-${category}`}
              label={
                <span className={styles.categoryName}>
                  <CategorySymbol category={category} />
                  {categoryLabels[category]}
                </span>
              }
              checked={state.categories.has(category)}
              onChange={(on) => toggleCategory(category, on)}
            />
          ))}
        </div>
        <p className={labStyles.hint}>
          <span className={styles.spanKey} aria-hidden="true" />{' '}
          <Translate id="lab.timeline.spanKey">A symbol is an event with a known day. A bar is an event whose sources give only the month: it covers the whole month.</Translate>
        </p>
      </fieldset>

      <div className={labStyles.fields}>
        <SelectField name="from" label={translate({id: 'lab.timeline.field.from', message: 'From'})} value={inputs.from} groups={[{label: '', choices: YEAR_CHOICES}]} noneLabel="—" onChange={(value) => update({from: value})} />
        <SelectField name="to" label={translate({id: 'lab.timeline.field.to', message: 'To'})} value={inputs.to} groups={[{label: '', choices: YEAR_CHOICES}]} noneLabel="—" onChange={(value) => update({to: value})} />
        <div className={styles.reset}>
          <button type="button" className="button button--sm button--secondary" data-action="reset-zoom" onClick={() => update({from: DEFAULT_INPUTS.from, to: DEFAULT_INPUTS.to})}>
            <Translate id="lab.timeline.reset">Show all years</Translate>
          </button>
        </div>
      </div>
      <p role="alert" className={labStyles.alert}>
        {state.problems.map(problemText).join(' ')}
      </p>

      <ResultStatus
        summary={translate(
          {id: 'lab.timeline.status', message: '{count} of {total} events shown, {from} to {to}.'},
          {count: shown.length, total: TIMELINE_EVENTS.length, from: zoom.from, to: zoom.to},
        )}
      />
      <p className={styles.status}>
        <Output name="shown-count" value={String(shown.length)} prose>
          {translate({id: 'lab.timeline.shown', message: '{count} of {total} events shown'}, {count: shown.length, total: TIMELINE_EVENTS.length})}
        </Output>
        {' · '}
        {translate({id: 'lab.timeline.span', message: '{from} to {to}'}, {from: zoom.from, to: zoom.to})}
      </p>

      {/* The list is the keyboard's way to select; a click on a mark is a shortcut for pointers. */}
      <div className={styles.chartArea} onClick={onChartClick} data-chart="timeline" data-keyboard-equivalent='[data-list="timeline"]'>
        <Chart spec={spec} label={chartLabel} />
      </div>

      <section className={styles.details} aria-labelledby={detailsTitleId} aria-live="polite" data-panel="details">
        <h4 id={detailsTitleId} className={styles.detailsTitle}>
          <Translate id="lab.timeline.details.title">Selected event</Translate>{' '}
          <Output name="selected-event" value={selected?.id ?? ''} prose>
            {selected ? formatEventDate(selected, locale) : translate({id: 'lab.timeline.details.none', message: 'none yet'})}
          </Output>
        </h4>
        {selected ? (
          <>
            <p className={styles.sentence}>{selected.sentence}</p>
            <p className={styles.meta}>
              <CategorySymbol category={selected.category} />{' '}
              {translate(
                {id: 'lab.timeline.details.category', message: 'Our category: {category} ({reason}).'},
                {category: categoryLabels[selected.category], reason: selected.categoryReason},
              )}{' '}
              {selected.precision !== 'day' && translate({id: 'lab.timeline.details.monthOnly', message: 'The sources give only the month, not the day.'})}
              {selectedShownIndex < 0 && ` ${translate({id: 'lab.timeline.details.hidden', message: 'The filters or the zoom hide it from the chart and the list.'})}`}
            </p>
            <SourceLinks event={selected} />
            <p>
              <Link to={selected.chapter} data-action="read-more">
                <Translate id="lab.timeline.details.readMore">Read more in the chapter that explains it</Translate>
              </Link>
            </p>
          </>
        ) : (
          <p className={labStyles.hint}>
            <Translate id="lab.timeline.details.hint">Choose an event in the list below, or click a mark in the chart.</Translate>
          </p>
        )}
      </section>

      <h4 className={styles.listTitle}>
        <Translate id="lab.timeline.list.title">The events shown, in date order</Translate>
      </h4>
      <p className={labStyles.hint}>
        <Translate id="lab.timeline.list.hint">In the list, the up and down arrow keys move between events, Home and End go to the first and the last; Enter or Space selects.</Translate>
      </p>
      <ol className={styles.list} onKeyDown={onListKeyDown} data-list="timeline">
        {shown.map((event, index) => (
          <li key={event.id} className={styles.item}>
            <button
              type="button"
              ref={(element) => {
                buttons.current[index] = element;
              }}
              className={clsx(styles.eventButton, event.id === state.eventId && styles.current)}
              data-event={event.id}
              aria-current={event.id === state.eventId ? 'true' : undefined}
              tabIndex={index === rovingIndex ? 0 : -1}
              onClick={() => select(event, index)}>
              <CategorySymbol category={event.category} />
              <span className={styles.date}>{formatEventDate(event, locale)}</span>
              <span className={styles.visuallyHidden}>{`, ${categoryLabels[event.category]}: `}</span>
              <span className={styles.eventSentence}>{event.sentence}</span>
            </button>
            <SourceLinks event={event} />
          </li>
        ))}
      </ol>
      {shown.length === 0 && (
        <p className={labStyles.note}>
          <Translate id="lab.timeline.list.empty">No event passes these filters. Tick a category or widen the years.</Translate>
        </p>
      )}
      <ShareLinkButton prefix={TIMELINE_URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}
