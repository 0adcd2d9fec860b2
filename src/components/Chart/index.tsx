import {useEffect, useRef, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import type {Markish} from '@observablehq/plot';
import type {PlotSpec} from '@site/src/live/types';
import styles from './styles.module.css';

export interface ChartProps {
  spec: PlotSpec;
  /** What the chart shows, read by screen readers in place of the drawing. */
  label: string;
}

/** Plot marks drawn from data and options. A spec is plain data, so marks that need functions are left out. */
const MARKS_WITH_DATA = new Set([
  'area', 'areaX', 'areaY', 'arrow', 'barX', 'barY', 'boxX', 'boxY', 'cell', 'cellX', 'cellY', 'circle',
  'differenceY', 'dot', 'dotX', 'dotY', 'hexagon', 'line', 'lineX', 'lineY', 'linearRegressionX',
  'linearRegressionY', 'link', 'rect', 'rectX', 'rectY', 'ruleX', 'ruleY', 'text', 'textX', 'textY',
  'tickX', 'tickY', 'tip', 'vector', 'vectorX', 'vectorY', 'waffleX', 'waffleY', 'axisX', 'axisY',
  'gridX', 'gridY',
]);
/** Marks that take options only. */
const MARKS_WITHOUT_DATA = new Set(['frame']);

const MINIMUM_WIDTH = 280;

type MarkFunction = (...parameters: unknown[]) => Markish;

/**
 * The site's one chart: an Observable Plot figure drawn from a plain-data spec. Plot is imported only
 * when a chart mounts, so pages without charts never load it. Axes and text use the page's text colour,
 * so the chart follows the light and dark modes.
 */
export default function Chart({spec, label}: ChartProps): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  // Specs written inline in MDX are new objects on every render; redraw only when the content changes.
  const specKey = JSON.stringify(spec);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    let cancelled = false;
    let figure: Element | null = null;
    setDrawn(false);

    const unknown = spec.marks.map((entry) => entry.mark).filter((name) => !MARKS_WITH_DATA.has(name) && !MARKS_WITHOUT_DATA.has(name));
    if (unknown.length > 0) {
      setProblem(
        translate(
          {id: 'notebook.chart.unknownMark', message: 'This chart cannot be drawn: unknown mark {marks}. Known marks: {known}.'},
          {marks: unknown.map((name) => `“${name}”`).join(', '), known: [...MARKS_WITH_DATA, ...MARKS_WITHOUT_DATA].join(', ')},
        ),
      );
      return undefined;
    }

    import('@observablehq/plot')
      .then((Plot) => {
        if (cancelled) return;
        const markFunctions = Plot as unknown as Record<string, MarkFunction>;
        // Marks carry aria-label groups that axe flags inside an image; the figure's own label speaks for them.
        const marks = spec.marks.map(({mark, data, options}) => {
          const markOptions = {...options, ariaHidden: 'true'};
          return MARKS_WITHOUT_DATA.has(mark) ? markFunctions[mark](markOptions) : markFunctions[mark](data ?? [], markOptions);
        });
        figure = Plot.plot({
          ariaLabel: label,
          width: spec.width ?? Math.max(MINIMUM_WIDTH, element.clientWidth),
          height: spec.height,
          x: spec.x,
          y: spec.y,
          color: spec.color,
          marks,
          style: {background: 'transparent', color: 'currentColor'},
        });
        element.replaceChildren(figure);
        setProblem(null);
        setDrawn(true);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setProblem(
          translate(
            {id: 'notebook.chart.failed', message: 'This chart cannot be drawn: {reason}'},
            {reason: error instanceof Error ? error.message : String(error)},
          ),
        );
      });

    return () => {
      cancelled = true;
      figure?.remove();
    };
    // specKey stands for spec's content (see above).
  }, [specKey, label]);

  return (
    <figure className={styles.chart} data-widget="chart">
      {spec.title && <figcaption className={styles.caption}>{spec.title}</figcaption>}
      {problem ? (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      ) : (
        <div className={styles.frame} style={{minHeight: spec.height ?? 200}} aria-busy={!drawn}>
          <div ref={container} className={styles.drawing} />
          {!drawn && (
            <p className={styles.loading}>
              <Translate id="notebook.chart.loading">Drawing the chart…</Translate>
            </p>
          )}
        </div>
      )}
    </figure>
  );
}
