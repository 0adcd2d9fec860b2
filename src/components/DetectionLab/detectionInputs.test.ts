import {describe, expect, it} from 'vitest';
import {DETECTION_DEFAULT_INPUTS, DETECTION_RANGES, DETECTION_URL_PREFIX, chooseFlow, parseDetectionInputs, parseRangeInput} from './detectionInputs';

describe('the detection lab’s address inputs', () => {
  it('pins the defaults: seed 2007, 20 flows of each kind, 300 messages, the paper’s thresholds 150 and −5 (§4.1, §4.2), the first flow', () => {
    expect(DETECTION_URL_PREFIX).toBe('detect');
    expect(DETECTION_DEFAULT_INPUTS).toEqual({seed: '2007', length: '300', flows: '20', 'chi-threshold': '150', 'belief-threshold': '-5', flow: ''});
    expect(parseDetectionInputs(DETECTION_DEFAULT_INPUTS)).toEqual({
      seed: {ok: true, value: 2007},
      length: {ok: true, value: 300},
      flows: {ok: true, value: 20},
      chiThreshold: {ok: true, value: 150},
      beliefThreshold: {ok: true, value: -5},
    });
  });

  it('pins the slider ranges of the brief: length 30–600, flows 5–100, χ² 10–400, belief −15 to 0 in steps of 0.5', () => {
    expect(DETECTION_RANGES).toEqual({
      length: {minimum: 30, maximum: 600, step: 10},
      flows: {minimum: 5, maximum: 100, step: 1},
      'chi-threshold': {minimum: 10, maximum: 400, step: 10},
      'belief-threshold': {minimum: -15, maximum: 0, step: 0.5},
    });
  });
});

describe('parseRangeInput', () => {
  const chi = DETECTION_RANGES['chi-threshold'];
  const belief = DETECTION_RANGES['belief-threshold'];

  it('reads decimals and a minus typed as "-" or "−", and snaps a value between steps to the nearest step', () => {
    expect(parseRangeInput('-4.5', belief)).toEqual({ok: true, value: -4.5});
    expect(parseRangeInput('−4.5', belief)).toEqual({ok: true, value: -4.5});
    expect(parseRangeInput(' 120 ', chi)).toEqual({ok: true, value: 120});
    expect(parseRangeInput('155', chi)).toEqual({ok: true, value: 160});
    expect(parseRangeInput('-4.7', belief)).toEqual({ok: true, value: -4.5});
    expect(parseRangeInput('400', chi)).toEqual({ok: true, value: 400});
    expect(parseRangeInput('10', chi)).toEqual({ok: true, value: 10});
  });

  it('refuses what is empty, not a number, or outside the range, naming the text and the range', () => {
    expect(parseRangeInput('', chi)).toEqual({ok: false, problem: {kind: 'empty'}});
    expect(parseRangeInput('abc', chi)).toEqual({ok: false, problem: {kind: 'between', text: 'abc', range: chi}});
    expect(parseRangeInput('401', chi)).toEqual({ok: false, problem: {kind: 'between', text: '401', range: chi}});
    expect(parseRangeInput('9', chi)).toEqual({ok: false, problem: {kind: 'between', text: '9', range: chi}});
    expect(parseRangeInput('0.5', belief)).toMatchObject({ok: false, problem: {kind: 'between'}});
    expect(parseRangeInput('1e2', chi)).toMatchObject({ok: false, problem: {kind: 'between'}});
    expect(parseRangeInput('Infinity', chi)).toMatchObject({ok: false, problem: {kind: 'between'}});
  });
});

describe('parseDetectionInputs', () => {
  it('takes a seed in decimal or hex up to 2^32 − 1 and refuses anything else', () => {
    expect(parseDetectionInputs({...DETECTION_DEFAULT_INPUTS, seed: '0xffffffff'}).seed).toEqual({ok: true, value: 4294967295});
    expect(parseDetectionInputs({...DETECTION_DEFAULT_INPUTS, seed: 'abc'}).seed).toMatchObject({ok: false, problem: {kind: 'number', text: 'abc'}});
    expect(parseDetectionInputs({...DETECTION_DEFAULT_INPUTS, seed: '4294967296'}).seed).toMatchObject({ok: false, problem: {kind: 'range'}});
  });

  it('takes 5 to 100 flows of each kind, in whole numbers only', () => {
    const flows = (text: string) => parseDetectionInputs({...DETECTION_DEFAULT_INPUTS, flows: text}).flows;
    expect(flows('5')).toEqual({ok: true, value: 5});
    expect(flows('100')).toEqual({ok: true, value: 100});
    expect(flows('4')).toMatchObject({ok: false, problem: {kind: 'between', text: '4'}});
    expect(flows('101')).toMatchObject({ok: false, problem: {kind: 'between', text: '101'}});
    expect(flows('12.5')).toMatchObject({ok: false, problem: {kind: 'between', text: '12.5'}});
    expect(flows('')).toEqual({ok: false, problem: {kind: 'empty'}});
  });

  it('reads each threshold on its own, so that one bad value leaves the others usable', () => {
    const parsed = parseDetectionInputs({...DETECTION_DEFAULT_INPUTS, 'chi-threshold': 'lots', 'belief-threshold': '-3'});
    expect(parsed.chiThreshold).toMatchObject({ok: false, problem: {kind: 'between', text: 'lots'}});
    expect(parsed.beliefThreshold).toEqual({ok: true, value: -3});
  });
});

describe('chooseFlow', () => {
  const ids = ['skype-e2e-udp-0', 'skype-e2e-udp-1', 'rtp-0'];

  it('takes the flow asked for when it was generated', () => {
    expect(chooseFlow('rtp-0', ids, null)).toEqual({id: 'rtp-0', unknown: false});
  });

  it('shows the first flow when none is asked for, without a problem', () => {
    expect(chooseFlow('', ids, null)).toEqual({id: 'skype-e2e-udp-0', unknown: false});
  });

  it('keeps the last good flow, or else the first, when a link names a flow that was not generated', () => {
    expect(chooseFlow('rtp-7', ids, 'skype-e2e-udp-1')).toEqual({id: 'skype-e2e-udp-1', unknown: true});
    expect(chooseFlow('rtp-7', ids, 'dns-3')).toEqual({id: 'skype-e2e-udp-0', unknown: true});
  });
});
