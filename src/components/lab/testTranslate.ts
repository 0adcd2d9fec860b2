/**
 * For unit tests only, outside Docusaurus: `translate` as the site gives it in English, the default
 * message with its values filled in. Use: `vi.mock('@docusaurus/Translate', () => import('./testTranslate'))`.
 */
export function translate({message}: {message: string}, values: Record<string, unknown> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}
