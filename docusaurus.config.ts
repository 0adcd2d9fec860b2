import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import {darkCodeTheme, lightCodeTheme} from './plugins/prismThemes';
import keepPropIndentation from './plugins/keepPropIndentation';

// Runs in Node.js at build time only.

/** The label of docs/teachers/_category_.json, which names the folder the chapters' sidebar leaves out. */
const TEACHERS_GUIDE_LABEL = "Teacher's guide";

const config: Config = {
  title: 'The Skype Protocol Notebook',
  tagline: 'How the pre-2014 Skype protocol worked, byte by byte, with code you can run',
  favicon: 'img/favicon.svg',

  future: {
    v4: true, // Rspack bundler, SWC and lightningcss (see ../shared/guides/toolchain.md)
  },

  // Where the site is deployed; only used for absolute URLs in the sitemap and social tags.
  url: process.env.SITE_URL ?? 'http://localhost:3000',
  baseUrl: '/',

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    mermaid: true,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath, keepPropIndentation],
          rehypePlugins: [rehypeKatex],
          showLastUpdateTime: false,
          // The teacher's guide has a sidebar of its own, so the chapters' sidebar leaves its folder out.
          async sidebarItemsGenerator({defaultSidebarItemsGenerator, ...generatorArguments}) {
            const items = await defaultSidebarItemsGenerator(generatorArguments);
            if (generatorArguments.item.dirName !== '.') return items;
            return items.filter((item) => !(item.type === 'category' && item.label === TEACHERS_GUIDE_LABEL));
          },
        },
        blog: false,
        theme: {
          customCss: ['./src/css/custom.css', './src/css/print.css'],
        },
      } satisfies Preset.Options,
    ],
  ],

  // Opens collapsed parts and prints dark pages light (src/clientModules/print.ts).
  clientModules: ['./src/clientModules/print.ts'],

  plugins: [
    './plugins/bundling.ts',
    './plugins/learning-catalogue.ts',
    [
      '@docusaurus/plugin-pwa',
      {
        // After one visit everything is cached, whatever the browser: classrooms lose the network.
        offlineModeActivationStrategies: ['always'],
        // Workbox leaves out files over 2 MB by default, which would drop Monaco and TypeScript (about 4 and 7 MB).
        injectManifestConfig: {maximumFileSizeToCacheInBytes: 16 * 1024 * 1024},
        pwaHead: [
          {tagName: 'link', rel: 'manifest', href: '/manifest.json'},
          {tagName: 'meta', name: 'theme-color', content: '#0b6aa2'},
        ],
      },
    ],
  ],

  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
      },
    ],
  ],

  themeConfig: {
    colorMode: {
      respectPrefersColorScheme: true,
    },
    navbar: {
      title: 'Skype Protocol Notebook',
      logo: {
        alt: 'Notebook logo',
        src: 'img/logo.svg',
      },
      items: [
        {type: 'docSidebar', sidebarId: 'notebook', position: 'left', label: 'Chapters'},
        {to: '/docs/references', label: 'References', position: 'left'},
        {type: 'docSidebar', sidebarId: 'teachers', position: 'left', label: TEACHERS_GUIDE_LABEL},
        {to: '/progress', label: 'Your progress', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Start',
          items: [
            {label: 'Introduction', to: '/docs/introduction'},
            {label: 'The obfuscation layer', to: '/docs/obfuscation'},
          ],
        },
        {
          title: 'Sources',
          items: [
            {label: 'References', to: '/docs/references'},
            {label: 'History and deprecation', to: '/docs/history-and-deprecation'},
          ],
        },
      ],
      copyright:
        'A teaching notebook. Facts and sample bytes come from the public papers, slides and capture listed on the references page. Skype is a trademark of Microsoft; this site is not affiliated with it.',
    },
    prism: {
      theme: lightCodeTheme,
      darkTheme: darkCodeTheme,
    },
    mermaid: {
      theme: {light: 'neutral', dark: 'dark'},
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
