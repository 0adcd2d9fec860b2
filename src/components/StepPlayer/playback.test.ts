import {describe, it, expect} from 'vitest';
import {
  DEFAULT_SPEED,
  MAX_FRAME_GAP_MS,
  PAGE_STEPS,
  SPEEDS,
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
  type KeyPress,
} from './playback';

// RC4's key schedule swaps once for each of S's 256 entries (spec §3.1, step 4): the player's first customer.
const RC4_SCHEDULE_STEPS = 256;

const press = (key: string, overrides: Partial<KeyPress> = {}): KeyPress => ({key, withModifier: false, target: 'other', canPlay: true, ...overrides});

describe('playback defaults', () => {
  it('pins every default the brief asks for', () => {
    expect(PAGE_STEPS).toBe(16);
    expect(DEFAULT_SPEED).toBe(8);
    expect(SPEEDS).toEqual([1, 4, 8, 16, 64, 256]);
    expect(MAX_FRAME_GAP_MS).toBe(250);
  });
});

describe('commandForKey(press)', () => {
  it('maps the player keys on the player region', () => {
    expect(commandForKey(press(' '))).toBe('togglePlay');
    expect(commandForKey(press('ArrowLeft'))).toBe('previous');
    expect(commandForKey(press('ArrowRight'))).toBe('next');
    expect(commandForKey(press('Home'))).toBe('first');
    expect(commandForKey(press('End'))).toBe('last');
    expect(commandForKey(press('PageUp'))).toBe('pageBack');
    expect(commandForKey(press('PageDown'))).toBe('pageForward');
  });

  it('leaves other keys alone, so the page keeps them', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', 'Tab', 'Escape', 'a', 'Spacebar']) {
      expect(commandForKey(press(key))).toBeNull();
    }
  });

  it('never takes keys from text fields, sliders and selects', () => {
    for (const key of [' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']) {
      expect(commandForKey(press(key, {target: 'entry'}))).toBeNull();
    }
  });

  it('lets a focused button keep Space but steps with the arrows', () => {
    expect(commandForKey(press(' ', {target: 'button'}))).toBeNull();
    expect(commandForKey(press('ArrowRight', {target: 'button'}))).toBe('next');
  });

  it('ignores keys held with Ctrl, Alt or Meta (browser shortcuts)', () => {
    expect(commandForKey(press('ArrowLeft', {withModifier: true}))).toBeNull();
    expect(commandForKey(press('Home', {withModifier: true}))).toBeNull();
  });

  it('does not play with reduced motion, but still steps', () => {
    expect(commandForKey(press(' ', {canPlay: false}))).toBeNull();
    expect(commandForKey(press('ArrowRight', {canPlay: false}))).toBe('next');
  });
});

describe('clampStep(step, stepCount)', () => {
  it('keeps steps inside 0..stepCount-1', () => {
    expect(clampStep(-5, RC4_SCHEDULE_STEPS)).toBe(0);
    expect(clampStep(300, RC4_SCHEDULE_STEPS)).toBe(255);
    expect(clampStep(17, RC4_SCHEDULE_STEPS)).toBe(17);
  });

  it('rounds fractions down and turns NaN into the first step', () => {
    expect(clampStep(3.9, RC4_SCHEDULE_STEPS)).toBe(3);
    expect(clampStep(Number.NaN, RC4_SCHEDULE_STEPS)).toBe(0);
  });

  it('gives 0 when there are no steps', () => {
    expect(clampStep(4, 0)).toBe(0);
    expect(lastStepOf(0)).toBe(0);
    expect(lastStepOf(RC4_SCHEDULE_STEPS)).toBe(255);
  });
});

describe('stepAfter(command, step, stepCount)', () => {
  it('moves one step, and not past either end', () => {
    expect(stepAfter('next', 10, RC4_SCHEDULE_STEPS)).toBe(11);
    expect(stepAfter('previous', 10, RC4_SCHEDULE_STEPS)).toBe(9);
    expect(stepAfter('previous', 0, RC4_SCHEDULE_STEPS)).toBe(0);
    expect(stepAfter('next', 255, RC4_SCHEDULE_STEPS)).toBe(255);
  });

  it('jumps to the first and last step', () => {
    expect(stepAfter('first', 100, RC4_SCHEDULE_STEPS)).toBe(0);
    expect(stepAfter('last', 100, RC4_SCHEDULE_STEPS)).toBe(255);
  });

  it('pages by 16 steps, stopping at the ends', () => {
    expect(stepAfter('pageForward', 0, RC4_SCHEDULE_STEPS)).toBe(16);
    expect(stepAfter('pageBack', 40, RC4_SCHEDULE_STEPS)).toBe(24);
    expect(stepAfter('pageForward', 250, RC4_SCHEDULE_STEPS)).toBe(255);
    expect(stepAfter('pageBack', 5, RC4_SCHEDULE_STEPS)).toBe(0);
  });

  it('starts from a valid step when the parent passes one out of range', () => {
    expect(stepAfter('previous', 400, RC4_SCHEDULE_STEPS)).toBe(254);
  });

  it('does not move on togglePlay', () => {
    expect(stepAfter('togglePlay', 42, RC4_SCHEDULE_STEPS)).toBe(42);
  });
});

describe('playbackStart(step, stepCount)', () => {
  it('plays on from the current step', () => {
    expect(playbackStart(0, RC4_SCHEDULE_STEPS)).toBe(0);
    expect(playbackStart(120, RC4_SCHEDULE_STEPS)).toBe(120);
  });

  it('restarts from step 0 when play is pressed at the last step', () => {
    expect(playbackStart(255, RC4_SCHEDULE_STEPS)).toBe(0);
  });
});

describe('stepsDue(carriedMs, frameGapMs, stepsPerSecond)', () => {
  it('advances speed × seconds steps', () => {
    expect(stepsDue(0, 250, 16)).toEqual({steps: 4, remainderMs: 0});
    expect(stepsDue(0, 125, 256)).toEqual({steps: 32, remainderMs: 0});
  });

  it('carries the time left over, so 1 step per second advances after a second of short frames', () => {
    let carriedMs = 0;
    let steps = 0;
    for (let frame = 0; frame < 58; frame += 1) {
      const due = stepsDue(carriedMs, 17, 1);
      carriedMs = due.remainderMs;
      steps += due.steps;
    }
    // 58 frames of 17 ms are 986 ms: not yet a step; the 59th reaches 1003 ms.
    expect(steps).toBe(0);
    expect(stepsDue(carriedMs, 17, 1)).toEqual({steps: 1, remainderMs: 3});
  });

  it('caps a long frame gap at 250 ms, so a stalled page does not skip ahead', () => {
    expect(stepsDue(0, 5000, 16).steps).toBe(4);
  });

  it('ignores a negative gap (clock adjustments)', () => {
    expect(stepsDue(0, -40, 64)).toEqual({steps: 0, remainderMs: 0});
  });
});

describe('advancePlayback(step, stepCount, steps)', () => {
  it('moves forward by the steps due', () => {
    expect(advancePlayback(10, RC4_SCHEDULE_STEPS, 4)).toEqual({step: 14, finished: false});
  });

  it('stops at the last step and says playback is finished', () => {
    expect(advancePlayback(254, RC4_SCHEDULE_STEPS, 5)).toEqual({step: 255, finished: true});
    expect(advancePlayback(254, RC4_SCHEDULE_STEPS, 1)).toEqual({step: 255, finished: true});
  });

  it('plays the whole RC4 key schedule in one second at 256 steps per second', () => {
    let step = 0;
    let carriedMs = 0;
    let elapsedMs = 0;
    let finished = false;
    while (!finished) {
      const due = stepsDue(carriedMs, 1000 / 60, 256);
      carriedMs = due.remainderMs;
      elapsedMs += 1000 / 60;
      ({step, finished} = advancePlayback(step, RC4_SCHEDULE_STEPS, due.steps));
    }
    expect(step).toBe(255);
    // 255 moves at 256 per second: just under a second of 60 Hz frames.
    expect(elapsedMs).toBeGreaterThan(990);
    expect(elapsedMs).toBeLessThan(1010);
  });
});

describe('speedChoices(initialSpeed) and usableSpeed(initialSpeed)', () => {
  it('offers the standard speeds when the initial one is among them', () => {
    expect(speedChoices(8)).toEqual([1, 4, 8, 16, 64, 256]);
  });

  it('adds an unusual initial speed in order', () => {
    expect(speedChoices(2)).toEqual([1, 2, 4, 8, 16, 64, 256]);
  });

  it('falls back to 8 steps per second for a missing or unusable speed', () => {
    expect(usableSpeed(undefined)).toBe(8);
    expect(usableSpeed(0)).toBe(8);
    expect(usableSpeed(-4)).toBe(8);
    expect(usableSpeed(Number.POSITIVE_INFINITY)).toBe(8);
    expect(usableSpeed(64)).toBe(64);
  });
});

describe('scrollTopToReveal(item, view)', () => {
  const view = {scrollTop: 100, height: 200};

  it('leaves the box alone when the item is already visible', () => {
    expect(scrollTopToReveal({top: 150, height: 30}, view)).toBe(100);
  });

  it('scrolls up just enough for an item above the box', () => {
    expect(scrollTopToReveal({top: 40, height: 30}, view)).toBe(40);
  });

  it('scrolls down just enough for an item below the box', () => {
    expect(scrollTopToReveal({top: 300, height: 30}, view)).toBe(130);
  });

  it('shows the top of an item taller than the box', () => {
    expect(scrollTopToReveal({top: 400, height: 500}, view)).toBe(400);
  });
});
