/**
 * The architecture-eras widget's inputs in the page address (`?eras.mode=compare&eras.before=msnp24`)
 * read back into the data's types. A value that names no state is reported, with the state shown
 * instead, so that a mistyped link says what went wrong rather than silently showing something else.
 */
import {translate} from '@docusaurus/Translate';
import {ARCHITECTURE_ERAS, type ArchitectureEraId} from '@site/src/data/architectureEras';

/** Prefix of the widget's inputs in the page address. */
export const ERAS_URL_PREFIX = 'eras';

export type ErasInputName = 'mode' | 'era' | 'before' | 'after';

export const ERA_MODES = ['single', 'compare'] as const;
export type EraMode = (typeof ERA_MODES)[number];

/** What the widget shows first: the peer-to-peer network; compared, the 2012 change. */
export const ERAS_DEFAULT_INPUTS: Record<ErasInputName, string> = {mode: 'single', era: 'peer-to-peer', before: 'peer-to-peer', after: 'hosted-supernodes'};

/** An input read: its value, and a problem in words when the text named none of the allowed values. */
export interface ReadInput<Value> {
  value: Value;
  problem: string | null;
}

function readChoice<Value extends string>(allowed: readonly Value[], text: string, fallback: Value, label: string): ReadInput<Value> {
  if ((allowed as readonly string[]).includes(text)) return {value: text as Value, problem: null};
  return {
    value: fallback,
    problem: translate(
      {id: 'lab.eras.problem.choice', message: '{label}: “{text}” is not one of {allowed}; showing “{fallback}”.'},
      {label, text, allowed: allowed.join(', '), fallback},
    ),
  };
}

/**
 * A state named in the address, or the default state with a problem.
 * @example readEra('msnp24', 'peer-to-peer', 'Era').value // 'msnp24'
 */
export const readEra = (text: string, fallback: ArchitectureEraId, label: string): ReadInput<ArchitectureEraId> => readChoice(ARCHITECTURE_ERAS, text, fallback, label);

/** The mode named in the address ('single' or 'compare'), or 'single' with a problem. */
export const readMode = (text: string, label: string): ReadInput<EraMode> => readChoice(ERA_MODES, text, 'single', label);

