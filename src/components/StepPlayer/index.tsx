import {memo, useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import {
  PAGE_STEPS,
  advancePlayback,
  clampStep,
  commandForKey,
  lastStepOf,
  playbackStart,
  scrollTopToReveal,
  speedChoices,
  stepAfter,
  stepsDue,
  usableSpeed,
  type KeyTarget,
  type StepCommand,
} from './playback';
import {usePrefersReducedMotion} from './usePrefersReducedMotion';
import styles from './styles.module.css';

export {usePrefersReducedMotion};

export interface StepPlayerProps {
  /** What is being played ("RC4 key schedule"); names the player region for screen readers. */
  label: string;
  /** How many steps there are; they are numbered 0..stepCount-1. */
  stepCount: number;
  /** The step shown now. The parent owns it and draws the picture for it. */
  step: number;
  /** Called with the step the reader (or playback) moves to. */
  onStepChange(step: number): void;
  /** One line saying what happens at a step, as in "i = 3, j = 117: swap S[3] and S[117]". */
  describeStep(step: number): string;
  /** The picture of the current step, drawn by the parent. */
  children?: ReactNode;
  /** Playback speed at first, in steps per second. Default 8. */
  initialSpeed?: number;
}

type IconName = 'first' | 'previous' | 'play' | 'pause' | 'next' | 'last';

/** Stroked 16×16 outlines, drawn in the text colour so they follow the theme. */
const ICON_PATHS: Record<IconName, string> = {
  first: 'M3 3v10M12 3 7 8l5 5',
  previous: 'M10 3 5 8l5 5',
  play: 'M4.5 2.5 13 8l-8.5 5.5z',
  pause: 'M5 3v10M11 3v10',
  next: 'M6 3l5 5-5 5',
  last: 'M13 3v10M4 3l5 5-5 5',
};

function Icon({name}: {name: IconName}): ReactNode {
  return (
    <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} className={name === 'play' ? styles.filled : undefined} />
    </svg>
  );
}

/** Text fields, sliders and selects keep every key; buttons and links keep Space. */
function keyTargetOf(target: EventTarget): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target.matches('input, select, textarea')) return 'entry';
  if (target.matches('button, a[href], summary, [role="button"]')) return 'button';
  return 'other';
}

/**
 * One entry of the reduced-motion list. Memoised, and clicks are handled once on the list, so a step
 * change re-renders two entries instead of every one of a thousand.
 */
const StepListItem = memo(function StepListItem({index, text, isCurrent}: {index: number; text: string; isCurrent: boolean}): ReactNode {
  return (
    <li>
      <button type="button" className={styles.stepItem} data-step-index={index} aria-current={isCurrent ? 'step' : undefined}>
        {text}
      </button>
    </li>
  );
});

/**
 * The site's one step-player: play, pause, step, scrub and change speed through an algorithm whose
 * picture the parent draws. Controlled: the parent owns the step, the player owns playback. With
 * reduced motion there is no playing; every step is listed instead and the reader moves through them.
 */
export default function StepPlayer({label, stepCount, step, onStepChange, describeStep, children, initialSpeed}: StepPlayerProps): ReactNode {
  const reducedMotion = usePrefersReducedMotion();
  const startSpeed = usableSpeed(initialSpeed);
  const speeds = useMemo(() => speedChoices(startSpeed), [startSpeed]);
  const [speed, setSpeed] = useState(startSpeed);
  const [playing, setPlaying] = useState(false);
  const stepList = useRef<HTMLOListElement>(null);
  const sliderId = useId();
  const speedId = useId();
  const keyHintId = useId();

  const hasSteps = stepCount >= 1;
  const lastStep = lastStepOf(stepCount);
  const current = clampStep(step, stepCount);
  const canPlay = !reducedMotion && stepCount > 1;
  // Reduced motion switched on mid-play, or the steps ran out: stop now rather than after a frame.
  if (playing && !canPlay) setPlaying(false);

  const description = hasSteps ? describeStep(current) : translate({id: 'notebook.stepPlayer.noSteps', message: 'There are no steps to show.'});
  const position = translate({id: 'notebook.stepPlayer.position', message: '{number} of {count}'}, {number: current + 1, count: Math.max(stepCount, 0)});
  // Announced only while paused: at 256 steps a second a screen reader would otherwise never catch up.
  const announcement =
    playing || !hasSteps
      ? ''
      : translate({id: 'notebook.stepPlayer.announcement', message: 'Step {number} of {count}: {description}'}, {number: current + 1, count: stepCount, description});

  const descriptions = useMemo(
    () => (reducedMotion ? Array.from({length: Math.max(stepCount, 0)}, (_, index) => describeStep(index)) : []),
    [reducedMotion, stepCount, describeStep],
  );

  function goTo(target: number) {
    setPlaying(false);
    const next = clampStep(target, stepCount);
    if (next !== step) onStepChange(next);
  }

  function onStepListClick(event: MouseEvent<HTMLOListElement>) {
    const entry = event.target instanceof Element ? event.target.closest('[data-step-index]') : null;
    if (entry) goTo(Number(entry.getAttribute('data-step-index')));
  }

  function togglePlay() {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (!canPlay) return;
    const start = playbackStart(current, stepCount);
    if (start !== step) onStepChange(start);
    setPlaying(true);
  }

  function run(command: StepCommand) {
    if (command === 'togglePlay') togglePlay();
    else goTo(stepAfter(command, current, stepCount));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented || !hasSteps) return;
    const command = commandForKey({
      key: event.key,
      withModifier: event.ctrlKey || event.altKey || event.metaKey,
      target: keyTargetOf(event.target),
      canPlay,
    });
    if (command === null) return;
    event.preventDefault();
    run(command);
  }

  // Reads the latest step and callback without restarting the frame loop on every step.
  const advance = useEffectEvent((steps: number) => {
    const move = advancePlayback(current, stepCount, steps);
    if (move.step !== step) onStepChange(move.step);
    if (move.finished) setPlaying(false);
  });

  useEffect(() => {
    if (!playing) return undefined;
    let frame = 0;
    let previousTime: number | null = null;
    let carriedMs = 0;
    const onFrame = (time: number) => {
      if (previousTime !== null) {
        const due = stepsDue(carriedMs, time - previousTime, speed);
        carriedMs = due.remainderMs;
        if (due.steps > 0) advance(due.steps);
      }
      previousTime = time;
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    const onVisibilityChange = () => {
      if (document.hidden) setPlaying(false);
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [playing, speed]);

  // Keep the current step visible inside the list's own box without scrolling the page.
  useEffect(() => {
    const list = stepList.current;
    const item = list?.children[current];
    if (!list || !(item instanceof HTMLElement)) return;
    list.scrollTop = scrollTopToReveal({top: item.offsetTop, height: item.offsetHeight}, {scrollTop: list.scrollTop, height: list.clientHeight});
  }, [current, reducedMotion]);

  const atStart = !hasSteps || current === 0;
  const atEnd = !hasSteps || current === lastStep;
  const navigationButton = (command: StepCommand, icon: IconName, buttonLabel: string, unavailable: boolean) => (
    <button
      type="button"
      className={styles.button}
      aria-label={buttonLabel}
      title={buttonLabel}
      aria-disabled={unavailable}
      onClick={() => {
        if (!unavailable) run(command);
      }}>
      <Icon name={icon} />
    </button>
  );
  const playLabel = playing
    ? translate({id: 'notebook.stepPlayer.pause', message: 'Pause'})
    : atEnd
      ? translate({id: 'notebook.stepPlayer.replay', message: 'Play again from the first step'})
      : translate({id: 'notebook.stepPlayer.play', message: 'Play'});

  return (
    <div
      className={styles.player}
      data-widget="step-player"
      data-step={current}
      role="group"
      aria-label={label}
      aria-roledescription={translate({id: 'notebook.stepPlayer.roleDescription', message: 'step player'})}
      aria-describedby={keyHintId}
      tabIndex={0}
      onKeyDown={onKeyDown}>
      <div className={styles.picture}>{children}</div>
      <p className={styles.description}>{description}</p>

      <div className={styles.controls}>
        <div className={styles.buttons}>
          {navigationButton('first', 'first', translate({id: 'notebook.stepPlayer.first', message: 'First step'}), atStart)}
          {navigationButton('previous', 'previous', translate({id: 'notebook.stepPlayer.previous', message: 'Previous step'}), atStart)}
          {!reducedMotion && (
            <button
              type="button"
              className={clsx(styles.button, styles.playButton)}
              aria-label={playLabel}
              title={playLabel}
              aria-disabled={!canPlay}
              onClick={togglePlay}>
              <Icon name={playing ? 'pause' : 'play'} />
            </button>
          )}
          {navigationButton('next', 'next', translate({id: 'notebook.stepPlayer.next', message: 'Next step'}), atEnd)}
          {navigationButton('last', 'last', translate({id: 'notebook.stepPlayer.last', message: 'Last step'}), atEnd)}
        </div>

        <div className={styles.scrub}>
          <label htmlFor={sliderId}>
            <Translate id="notebook.stepPlayer.scrub">Step</Translate>
          </label>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={lastStep}
            step={1}
            value={current}
            disabled={!hasSteps}
            aria-valuetext={position}
            onChange={(event) => goTo(Number(event.currentTarget.value))}
          />
          <span className={styles.position} aria-hidden="true">
            {position}
          </span>
        </div>

        {!reducedMotion && (
          <div className={styles.speed}>
            <label htmlFor={speedId}>
              <Translate id="notebook.stepPlayer.speed">Steps per second</Translate>
            </label>
            <select id={speedId} value={speed} onChange={(event) => setSpeed(Number(event.currentTarget.value))}>
              {speeds.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <p id={keyHintId} className={styles.keyHint}>
        {reducedMotion
          ? translate(
              {id: 'notebook.stepPlayer.keysReduced', message: 'Keys: ← and → step, Home and End go to the first and last step, Page Up and Page Down move {page} steps.'},
              {page: PAGE_STEPS},
            )
          : translate(
              {
                id: 'notebook.stepPlayer.keys',
                message: 'Keys: Space plays or pauses, ← and → step, Home and End go to the first and last step, Page Up and Page Down move {page} steps.',
              },
              {page: PAGE_STEPS},
            )}
      </p>

      {reducedMotion && hasSteps && (
        <ol
          ref={stepList}
          className={styles.stepList}
          onClick={onStepListClick}
          aria-label={translate({id: 'notebook.stepPlayer.allSteps', message: 'All steps of {label}'}, {label})}>
          {descriptions.map((text, index) => (
            <StepListItem key={index} index={index} text={text} isCurrent={index === current} />
          ))}
        </ol>
      )}

      <div role="status" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
