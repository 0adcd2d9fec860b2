/**
 * Which key the lab widgets decrypt with (protocol.md §3): the real key engine's output where the
 * site recorded it for a sample seed, otherwise the labelled teaching stand-in when the widget allows
 * it, otherwise none. Skype's key engine itself is not on this site; see docs/legal-issues.
 */
import {translate} from '@docusaurus/Translate';
import {ProtocolError, seedToHex, teachingKeyEngine, type KeyEngine, type RecordedKeyEngine} from '@site/src/protocol';
import {recordedKeys} from '@site/src/data/sampleTraffic';

/** Where a key comes from: the recorded real keys, the teaching stand-in (not Skype's), or nowhere. */
export type KeySource = 'recorded' | 'teaching' | 'unavailable';

/** A key that can be given, and the engine that gives it. */
export type AvailableKey = {source: 'recorded' | 'teaching'; engine: KeyEngine};

/** The key choice for one seed: an engine, or none when the key is unavailable. */
export type KeyChoice = AvailableKey | {source: 'unavailable'; engine: null};

/**
 * The key for `seed`: the recorded real key when `recorded` has it; otherwise the teaching stand-in
 * if `allowTeaching`; otherwise unavailable.
 *
 * @param seed the 32-bit RC4 seed
 * @param allowTeaching whether the teaching stand-in may give keys the site has not recorded
 * @param recorded the recorded real keys; default: those of the site's sample traffic
 * @example chooseKey(0x22d81c40, false).source // 'recorded' (Silver Needle slide 41)
 * @example chooseKey(0x12345678, false).source // 'unavailable'
 */
export function chooseKey(seed: number, allowTeaching: true, recorded?: RecordedKeyEngine): AvailableKey;
export function chooseKey(seed: number, allowTeaching: boolean, recorded?: RecordedKeyEngine): KeyChoice;
export function chooseKey(seed: number, allowTeaching: boolean, recorded: RecordedKeyEngine = recordedKeys): KeyChoice {
  if (recorded.has(seed)) return {source: 'recorded', engine: recorded};
  if (allowTeaching) return {source: 'teaching', engine: teachingKeyEngine};
  return {source: 'unavailable', engine: null};
}

export interface ChoosingKeyEngineOptions {
  /** The recorded real keys. Default: those of the site's sample traffic. */
  recorded?: RecordedKeyEngine;
  /** Told of every seed the library asks a key for, with the choice made for it. Default: nobody. */
  onChoice?(seed: number, choice: KeyChoice): void;
}

/**
 * A key engine for the library's functions (`obfuscateUdp`, `deobfuscateUdp`, …) that expands each
 * seed with the key {@link chooseKey} picks for it. The library computes the seed by its own rule, so
 * `onChoice` is how a widget learns the seed, even when no key can be given.
 *
 * @throws ProtocolError from `expand`, for a seed whose key is unavailable
 * @example deobfuscateUdp(bytes, addresses, choosingKeyEngine(true)) // recorded key, else the teaching stand-in
 */
export function choosingKeyEngine(allowTeaching: boolean, {recorded = recordedKeys, onChoice}: ChoosingKeyEngineOptions = {}): KeyEngine {
  return {
    name: allowTeaching
      ? translate({id: 'lab.keyChoice.engine.withTeaching', message: "recorded real keys, else the teaching stand-in (not Skype's key engine)"})
      : translate({id: 'lab.keyChoice.engine.recordedOnly', message: 'recorded real keys only'}),
    expand(seed: number): Uint8Array {
      const choice = chooseKey(seed, allowTeaching, recorded);
      onChoice?.(seed, choice);
      if (choice.engine === null) {
        throw new ProtocolError(
          translate(
            {id: 'lab.keyChoice.noKey', message: 'no key for seed {seed}: the site records only the real keys of its sample traffic'},
            {seed: seedToHex(seed)},
          ),
        );
      }
      return choice.engine.expand(seed);
    },
  };
}
