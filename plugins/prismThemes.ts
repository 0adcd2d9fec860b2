import {themes, type PrismTheme} from 'prism-react-renderer';

// Prism's stock GitHub theme colours several tokens below WCAG AA contrast (4.5:1) on its own
// background, and vsDark two rare ones; these keep the themes and darken or lighten only those tokens.
const lightColours: Record<string, string> = {
  comment: '#5e6a75',
  string: '#c2185b',
  number: '#0b7470',
  keyword: '#0a6f8e',
  function: '#b31d28',
};
const darkColours: Record<string, string> = {prolog: '#8a8aff', constant: '#8c8fc4'};

function withColours(theme: PrismTheme, colours: Record<string, string>): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((entry) => {
      const replacement = entry.types.map((type) => colours[type]).find(Boolean);
      return replacement ? {...entry, style: {...entry.style, color: replacement}} : entry;
    }),
  };
}

export const lightCodeTheme = withColours(themes.github, lightColours);
export const darkCodeTheme = withColours(themes.vsDark, darkColours);
