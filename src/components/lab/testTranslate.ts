/**
 * For unit tests only, outside Docusaurus: `translate` as the site gives it in English, the default
 */
export function translate({message}: {message: string}, values: Record<string, unknown> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}
