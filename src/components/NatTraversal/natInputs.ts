/**
 * The NAT lab's inputs as the address bar holds them (`?nat.caller=…&nat.step=…`), read into what
 * the model takes. Pure: never throws; a bad value becomes a problem the widget words in its alert.
 */
import {parseUnsignedInput, type InputProblem, type ParseResult} from '@site/src/components/lab/parseInput';
import {NAT_CALL_POLICIES, isNatEndpointKind, type NatCallOptions, type NatCallPolicy} from '@site/src/simulations/nat';

/** The prefix of the widget's inputs in the page address. */
export const NAT_URL_PREFIX = 'nat';

export type NatInputName = 'caller' | 'callee' | 'policy' | 'seed' | 'step';

/**
 * The first example: Baset & Schulzrinne's second setup (a caller behind a port-restricted NAT, a
 * public callee) under the 2004 policy, at its first step.
 */
export const NAT_DEFAULT_INPUTS: Readonly<Record<NatInputName, string>> = {caller: 'port-restricted-cone', callee: 'public', policy: 'skype-2004', seed: '1', step: '0'};

/** A problem with one input: a choice that is not on the list, or a number problem. */
export type NatInputProblem = {kind: 'choice'; text: string} | InputProblem;

export interface ParsedNatInputs {
  /** What to simulate, when every input is good. */
  call: Required<Pick<NatCallOptions, 'caller' | 'callee' | 'policy' | 'seed'>> | null;
  problems: Partial<Record<'caller' | 'callee' | 'policy' | 'seed', NatInputProblem>>;
}

/**
 * Reads the four inputs that choose the call.
 * @example parseNatInputs({caller: 'symmetric', callee: 'public', policy: 'hole-punching', seed: '0x10'}).call?.seed // 16
 */
export function parseNatInputs(inputs: Pick<Record<NatInputName, string>, 'caller' | 'callee' | 'policy' | 'seed'>): ParsedNatInputs {
  const problems: ParsedNatInputs['problems'] = {};
  const {caller, callee, policy} = inputs;
  if (!isNatEndpointKind(caller)) problems.caller = {kind: 'choice', text: caller};
  if (!isNatEndpointKind(callee)) problems.callee = {kind: 'choice', text: callee};
  if (!NAT_CALL_POLICIES.includes(policy as NatCallPolicy)) problems.policy = {kind: 'choice', text: policy};
  const seed = parseUnsignedInput(inputs.seed, 32);
  if (!seed.ok) problems.seed = seed.problem;
  if (!seed.ok || !isNatEndpointKind(caller) || !isNatEndpointKind(callee) || problems.policy) return {call: null, problems};
  return {call: {caller, callee, policy: policy as NatCallPolicy, seed: seed.value}, problems};
}

/**
 * Reads the step of a link: a whole number, clamped to the steps there are (a link made for a
 * longer trace still opens, at its last step).
 * @example parseNatStep('500', 78) // {ok: true, value: 77}
 */
export function parseNatStep(text: string, stepCount: number): ParseResult<number> {
  const parsed = parseUnsignedInput(text, 32);
  if (!parsed.ok) return parsed;
  return {ok: true, value: Math.min(parsed.value, Math.max(0, stepCount - 1))};
}
