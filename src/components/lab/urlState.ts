/**
 * A widget's inputs in the page address, so that a teacher can link to an exact example:
 * `?<widget>.<input>=<value>` in the query string (the hash stays free for anchors and live-code
 * share links). Pure functions; `useUrlInputs` is the hook around them.
 */

/**
 * The inputs of one widget found in a query string; names not in `names` are ignored.
 *
 * @example readUrlInputs('?kd.src=0.0.0.0&other=1', 'kd', ['src', 'dst']) // {src: '0.0.0.0'}
 */
export function readUrlInputs<Name extends string>(search: string, prefix: string, names: readonly Name[]): Partial<Record<Name, string>> {
  const parameters = new URLSearchParams(search);
  const found: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = parameters.get(`${prefix}.${name}`);
    if (value !== null) found[name] = value;
  }
  return found;
}

/**
 * The address `href` with this widget's inputs in its query (replacing earlier ones of the same
 * widget, keeping everything else) and `#anchor` as its hash.
 *
 * @example urlWithInputs('https://x.org/docs/a?kd.src=1.2.3.4#top', 'kd', {src: '0.0.0.0'}, 'key-derivation')
 * // 'https://x.org/docs/a?kd.src=0.0.0.0#key-derivation'
 */
export function urlWithInputs(href: string, prefix: string, inputs: Record<string, string>, anchor: string): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith(`${prefix}.`)) url.searchParams.delete(key);
  for (const [name, value] of Object.entries(inputs)) url.searchParams.set(`${prefix}.${name}`, value);
  url.hash = anchor;
  return url.toString();
}
