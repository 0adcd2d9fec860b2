/**
 * Print mode: what src/css/print.css cannot do on its own, done when printing starts and undone when it
 * ends. Closed <details> open, because a handout hides nothing behind a click; a page in dark mode
 * switches to the light theme, for dark text on white paper; code blocks short enough to fit on a page
 * are marked to be kept whole. Printing announces itself by `beforeprint` and by the print media query
 * (a PDF export may send only the second); both usually come, so the work is done once.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

/** Code blocks up to this many lines are not split across pages; longer ones break where they must. */
const SHORT_CODE_LINES = 25;

/** Marks a code block to keep whole (`break-inside: avoid` in print.css). */
const KEEP_ATTRIBUTE = 'data-print-keep';
/** On <html> while a dark page prints in the light theme: code drawn in dark colours is darkened. */
const FROM_DARK_ATTRIBUTE = 'data-print-from-dark';
/** On a diagram drawn in the dark theme, inverted for paper. On the drawing itself: a redraw drops it. */
const INVERT_ATTRIBUTE = 'data-print-invert';

function lineCount(block: Element): number {
  const lines = block.querySelectorAll('.token-line').length;
  return lines > 0 ? lines : (block.textContent ?? '').split('\n').length;
}

/** Prepares `document` for print; returns what puts it back. */
function prepareForPrint(document: Document): () => void {
  const undo: (() => void)[] = [];

  for (const details of document.querySelectorAll('details:not([open])')) {
    (details as HTMLDetailsElement).open = true;
    undo.push(() => {
      (details as HTMLDetailsElement).open = false;
    });
  }

  const root = document.documentElement;
  if (root.getAttribute('data-theme') === 'dark') {
    for (const drawing of document.querySelectorAll('.docusaurus-mermaid-container svg')) {
      drawing.setAttribute(INVERT_ATTRIBUTE, '');
      undo.push(() => drawing.removeAttribute(INVERT_ATTRIBUTE));
    }
    // Only the attribute the stylesheets read: the theme the reader chose is neither stored nor changed.
    root.setAttribute('data-theme', 'light');
    root.setAttribute(FROM_DARK_ATTRIBUTE, '');
    undo.push(() => {
      root.setAttribute('data-theme', 'dark');
      root.removeAttribute(FROM_DARK_ATTRIBUTE);
    });
  }

  for (const block of document.querySelectorAll('.theme-code-block, [data-print-code]')) {
    if (lineCount(block) > SHORT_CODE_LINES) continue;
    block.setAttribute(KEEP_ATTRIBUTE, '');
    undo.push(() => block.removeAttribute(KEEP_ATTRIBUTE));
  }

  return () => {
    for (const step of undo.reverse()) step();
  };
}

let restore: (() => void) | null = null;

function startPrinting(): void {
  restore ??= prepareForPrint(document);
}

function stopPrinting(): void {
  restore?.();
  restore = null;
}

if (ExecutionEnvironment.canUseDOM) {
  window.addEventListener('beforeprint', startPrinting);
  window.addEventListener('afterprint', stopPrinting);
  window.matchMedia('print').addEventListener('change', (event) => (event.matches ? startPrinting() : stopPrinting()));
}
