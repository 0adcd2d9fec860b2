/**
 * The step-player's rules as pure functions: which key does what, where each command lands, how far
 * playback moves in a frame, and which speeds the reader can choose. No React and no DOM here, so the
 * rules are unit-tested on their own (`playback.test.ts`) and the component only wires them up.
 */

/** Steps that Page Up / Page Down jump. */
export const PAGE_STEPS = 16;

/** Speeds offered in steps per second: from one step at a time up to RC4's 256 swaps in one second. */
export const SPEEDS: readonly number[] = [1, 4, 8, 16, 64, 256];

/** Speed used when the caller asks for none, or for one that is not a positive number. */
export const DEFAULT_SPEED = 8;

/**
 * The longest frame gap that playback honours. A frame that comes later than this (a busy main
 * thread, a laptop waking up) moves only this far, so the picture never jumps ahead by surprise.
 */
export const MAX_FRAME_GAP_MS = 250;

/** What the reader can ask the player to do. */
export type StepCommand = 'first' | 'previous' | 'next' | 'last' | 'pageBack' | 'pageForward' | 'togglePlay';

/**
 * The focused element a key press comes from:
 * `entry` is a text field, range slider or select, which keeps every key for itself;
 * `button` keeps Space and Enter (they press it) but lets the player have the other keys;
 * `other` is the player region itself or the picture.
 */
export type KeyTarget = 'entry' | 'button' | 'other';

export interface KeyPress {
  key: string;
  /** Ctrl, Alt or Meta held: the key belongs to the browser or the system, not to the player. */
  withModifier: boolean;
  target: KeyTarget;
  /** False in reduced-motion mode, where there is no play button and Space does nothing. */
  canPlay: boolean;
}

const NAVIGATION_KEYS: Record<string, StepCommand> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  Home: 'first',
  End: 'last',
  PageUp: 'pageBack',
  PageDown: 'pageForward',
};

/**
 * The command for a key press on the player, or null when the player leaves the key alone (and so
 * must not call preventDefault on it).
 * @param press the key, where it was pressed, and whether playing is possible
 * @returns the command, or null
 * @example commandForKey({key: 'PageDown', withModifier: false, target: 'other', canPlay: true}) // 'pageForward'
 */
export function commandForKey(press: KeyPress): StepCommand | null {
  if (press.withModifier || press.target === 'entry') return null;
  if (press.key === ' ') return press.canPlay && press.target === 'other' ? 'togglePlay' : null;
  return NAVIGATION_KEYS[press.key] ?? null;
}

/**
 * The last valid step index, 0 when there are no steps at all.
 * @param stepCount how many steps there are
 * @returns stepCount - 1, never below 0
 */
export function lastStepOf(stepCount: number): number {
  return Math.max(0, Math.floor(stepCount) - 1);
}

/**
 * A step index forced into 0..stepCount-1 and rounded down to a whole step; NaN becomes 0.
 * @param step the index asked for
 * @param stepCount how many steps there are
 * @returns the nearest valid index
 * @example clampStep(300, 256) // 255
 */
export function clampStep(step: number, stepCount: number): number {
  if (Number.isNaN(step)) return 0;
  return Math.min(lastStepOf(stepCount), Math.max(0, Math.floor(step)));
}

/**
 * Where a navigation command lands, clamped to the steps there are. `togglePlay` does not move.
 * @param command what the reader asked for
 * @param step the current step
 * @param stepCount how many steps there are
 * @returns the new step index
 * @example stepAfter('pageForward', 250, 256) // 255
 */
export function stepAfter(command: StepCommand, step: number, stepCount: number): number {
  const current = clampStep(step, stepCount);
  switch (command) {
    case 'first':
      return 0;
    case 'last':
      return lastStepOf(stepCount);
    case 'previous':
      return clampStep(current - 1, stepCount);
    case 'next':
      return clampStep(current + 1, stepCount);
    case 'pageBack':
      return clampStep(current - PAGE_STEPS, stepCount);
    case 'pageForward':
      return clampStep(current + PAGE_STEPS, stepCount);
    case 'togglePlay':
      return current;
  }
}

/**
 * The step playback starts from: the current one, or the first when the reader is already at the
 * end (pressing play there means "play it again").
 * @param step the current step
 * @param stepCount how many steps there are
 * @returns the step to play from
 */
export function playbackStart(step: number, stepCount: number): number {
  const current = clampStep(step, stepCount);
  return current === lastStepOf(stepCount) ? 0 : current;
}

/**
 * Whole steps due after a frame at a speed, with the time left over carried to the next frame so
 * that slow speeds still advance (at 1 step per second, sixty 16.7 ms frames make one step). Only
 * the new frame's gap is capped at MAX_FRAME_GAP_MS; the carried time is kept whole.
 * @param carriedMs time left over from earlier frames
 * @param frameGapMs time since the previous frame
 * @param stepsPerSecond the playback speed
 * @returns steps to advance now, and the milliseconds to carry forward
 * @example stepsDue(0, 250, 16) // {steps: 4, remainderMs: 0}
 */
export function stepsDue(carriedMs: number, frameGapMs: number, stepsPerSecond: number): {steps: number; remainderMs: number} {
  const elapsed = carriedMs + Math.min(Math.max(0, frameGapMs), MAX_FRAME_GAP_MS);
  const msPerStep = 1000 / stepsPerSecond;
  const steps = Math.floor(elapsed / msPerStep);
  return {steps, remainderMs: elapsed - steps * msPerStep};
}

/**
 * Playback's move for one frame: forward by the steps due, stopping at the last step.
 * @param step the current step
 * @param stepCount how many steps there are
 * @param steps how many steps are due
 * @returns the new step, and whether playback has reached the end and must stop
 * @example advancePlayback(254, 256, 5) // {step: 255, finished: true}
 */
export function advancePlayback(step: number, stepCount: number, steps: number): {step: number; finished: boolean} {
  const next = clampStep(clampStep(step, stepCount) + steps, stepCount);
  return {step: next, finished: next === lastStepOf(stepCount)};
}

/**
 * The speeds to offer: the standard ones, plus the caller's initial speed if it is not among them.
 * @param initialSpeed the speed the player starts at
 * @returns speeds in steps per second, ascending
 */
export function speedChoices(initialSpeed: number): number[] {
  return SPEEDS.includes(initialSpeed) ? [...SPEEDS] : [...SPEEDS, initialSpeed].sort((a, b) => a - b);
}

/**
 * The caller's initial speed if it is usable, the default otherwise.
 * @param initialSpeed steps per second asked for, possibly undefined
 * @returns a positive, finite speed
 */
export function usableSpeed(initialSpeed: number | undefined): number {
  return initialSpeed !== undefined && Number.isFinite(initialSpeed) && initialSpeed > 0 ? initialSpeed : DEFAULT_SPEED;
}

/**
 * The scroll position that brings an item fully into its scroll box while moving the box as little
 * as possible (so the page around it never jumps, unlike `scrollIntoView`).
 * @param item the item's top and height, measured from the top of the box's content
 * @param view the box's current scrollTop and visible height
 * @returns the new scrollTop (unchanged when the item is already visible)
 * @example scrollTopToReveal({top: 300, height: 30}, {scrollTop: 0, height: 200}) // 130
 */
export function scrollTopToReveal(item: {top: number; height: number}, view: {scrollTop: number; height: number}): number {
  if (item.top < view.scrollTop) return item.top;
  const itemBottom = item.top + item.height;
  if (itemBottom > view.scrollTop + view.height) return Math.min(item.top, itemBottom - view.height);
  return view.scrollTop;
}
