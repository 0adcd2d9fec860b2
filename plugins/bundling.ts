import type {LoadContext, Plugin} from '@docusaurus/types';

type CacheGroup = {test?: RegExp; name?: string; chunks?: string; minChunks?: number; priority?: number};

const NOTEBOOK_CELLS = /[\\/]src[\\/](?:live|components)[\\/]/;
type LoaderEntry = {loader?: string; options?: Record<string, unknown>};
type Rule = {test?: unknown; use?: LoaderEntry[]; oneOf?: Rule[]; rules?: Rule[]};

/**
 * Modules allowed in the eager "common" chunk: the project's own files and the framework's, but not
 * the notebook's cells (src/live, src/components), which only pages with cells should load.
 */
const SHARED_EAGERLY =
  /^(?![^?]*[\\/](?:node_modules|src[\\/]live|src[\\/]components)[\\/])|[\\/]node_modules[\\/](?:@docusaurus|@mdx-js|react|react-dom|scheduler|clsx|prism-react-renderer|@easyops-cn|react-router|react-router-dom)[\\/]/;

/** Modules allowed in the one global stylesheet: everything but Monaco's CSS, which ships with the editor chunk. */
const GLOBAL_STYLES = /^(?!.*[\\/]node_modules[\\/]monaco-editor[\\/])/;

/** Loader rules that handle font files, wherever they sit in the rule tree. */
function fontRules(rules: Rule[]): Rule[] {
  return rules.flatMap((rule) => [
    ...(rule.test instanceof RegExp && rule.test.test('font.woff2') ? [rule] : []),
    ...fontRules(rule.oneOf ?? []),
    ...fontRules(rule.rules ?? []),
  ]);
}

/**
 * Bundling choices that keep every page light:
 * - fonts (KaTeX's) are emitted as files that the browser fetches only when a glyph needs them,
 *   instead of being inlined into the one global stylesheet that every page downloads;
 * - Docusaurus gathers every module that half the pages share into one eagerly loaded "common"
 *   chunk. Heavy libraries that pages import lazily (Mermaid, later the editor and charts) would
 *   land there and load on every page, so the chunk takes only our own code and the framework;
 * - Docusaurus also merges all CSS into one stylesheet that every page loads; Monaco's ~170 KB of CSS
 *   is kept out of it and loads with the editor;
 * - the server build never renders the editor (it sits inside BrowserOnly), so it does not bundle it.
 */
export default function bundlingPlugin(_context: LoadContext): Plugin {
  return {
    name: 'notebook-bundling',
    configureWebpack(config, isServer) {
      const cacheGroups = (config.optimization?.splitChunks || undefined)?.cacheGroups as Record<string, CacheGroup> | undefined;
      if (!isServer && cacheGroups?.common) cacheGroups.common.test = SHARED_EAGERLY;
      // The cells' own code, shared by every page that has cells, in one chunk of its own.
      if (!isServer && cacheGroups) cacheGroups.notebookCells = {test: NOTEBOOK_CELLS, name: 'notebook-cells', chunks: 'async', minChunks: 2, priority: 30};
      if (!isServer && cacheGroups?.styles) cacheGroups.styles.test = GLOBAL_STYLES;
      for (const rule of fontRules((config.module?.rules ?? []) as Rule[])) {
        for (const entry of rule.use ?? []) {
          if (entry.loader?.includes('url-loader') && entry.options) entry.options.limit = false;
        }
      }
      return isServer ? {resolve: {alias: {'monaco-editor': false, '@monaco-editor/react': false}}} : {};
    },
  };
}
