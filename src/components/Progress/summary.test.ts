import {describe, expect, it} from 'vitest';
import type {LearningCatalogue} from '@site/plugins/learning-catalogue';
import type {Progress} from '@site/src/live/progress';
import {normaliseKey, summariseProgress} from './summary';

const catalogue: LearningCatalogue = {
  chapters: [
    {
      permalink: '/docs/obfuscation',
      title: 'Obfuscation of UDP datagrams',
      exercises: [
        {id: 'skype-crc32', title: "Implement Skype's CRC-32"},
        {id: 'udp-seed', title: 'Compute the RC4 seed of a datagram'},
      ],
      quizzes: [{id: 'obfuscation-quiz', title: 'Quiz: obfuscation of UDP datagrams', questions: 7}],
    },
    {permalink: '/docs/compression', title: 'Compression', exercises: [{id: 'symbol-cost', title: 'What a list symbol costs'}], quizzes: [{id: 'compression-quiz', title: 'Quiz: compression', questions: 7}]},
  ],
};

describe('summariseProgress(catalogue, progress)', () => {
  it('gives every catalogued item a status, and counts the totals', () => {
    const progress: Progress = {
      version: 2,
      exercises: {'/docs/obfuscation#skype-crc32': {status: 'passed', updatedAt: 1}, '/docs/compression#symbol-cost': {status: 'attempted', updatedAt: 2}},
      quizzes: {'/docs/compression#compression-quiz': {right: 5, total: 7, updatedAt: 3}},
    };
    const summary = summariseProgress(catalogue, progress);
    expect(summary.totals).toEqual({exercises: 3, exercisesPassed: 1, quizzes: 2, quizzesDone: 1});
    expect(summary.chapters.map((chapter) => chapter.items.map((item) => [item.href, item.kind === 'exercise' ? item.status : item.best?.right ?? null]))).toEqual([
      [
        ['/docs/obfuscation#skype-crc32', 'passed'],
        ['/docs/obfuscation#udp-seed', 'new'],
        ['/docs/obfuscation#obfuscation-quiz', null],
      ],
      [
        ['/docs/compression#symbol-cost', 'attempted'],
        ['/docs/compression#compression-quiz', 5],
      ],
    ]);
    expect(summary.unknown).toEqual([]);
  });

  it('lists stored entries the catalogue does not know, sorted by key, instead of dropping them', () => {
    const progress: Progress = {
      version: 2,
      exercises: {'/docs/removed#old-exercise': {status: 'passed', updatedAt: 1}},
      quizzes: {'/docs/compression#retired-quiz': {right: 1, total: 2, updatedAt: 2}},
    };
    expect(summariseProgress(catalogue, progress).unknown).toEqual([
      {kind: 'quiz', key: '/docs/compression#retired-quiz', entry: {right: 1, total: 2, updatedAt: 2}},
      {kind: 'exercise', key: '/docs/removed#old-exercise', entry: {status: 'passed', updatedAt: 1}},
    ]);
  });

  it('counts a visit with a trailing slash (/docs/x/) for the page /docs/x, keeping the better of two spellings', () => {
    const progress: Progress = {
      version: 2,
      exercises: {'/docs/obfuscation/#udp-seed': {status: 'passed', updatedAt: 1}, '/docs/obfuscation#udp-seed': {status: 'attempted', updatedAt: 2}},
      quizzes: {},
    };
    const summary = summariseProgress(catalogue, progress);
    expect(summary.chapters[0].items[1]).toMatchObject({id: 'udp-seed', status: 'passed'});
    expect(summary.unknown).toEqual([]);
  });

  it('an exercise and a quiz with the same id on one page stay apart', () => {
    const progress: Progress = {version: 2, exercises: {'/docs/compression#compression-quiz': {status: 'passed', updatedAt: 1}}, quizzes: {}};
    const summary = summariseProgress(catalogue, progress);
    expect(summary.totals.quizzesDone).toBe(0);
    expect(summary.unknown).toEqual([{kind: 'exercise', key: '/docs/compression#compression-quiz', entry: {status: 'passed', updatedAt: 1}}]);
  });
});

describe('normaliseKey(key)', () => {
  it('drops trailing slashes of the page path only', () => {
    expect(normaliseKey('/docs/x/#id')).toBe('/docs/x#id');
    expect(normaliseKey('/docs/x#id')).toBe('/docs/x#id');
    expect(normaliseKey('/#id')).toBe('/#id');
  });
});
