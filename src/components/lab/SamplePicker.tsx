import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {SAMPLE_CITATIONS, type SampleSource} from '@site/src/data/sampleTraffic';
import styles from './styles.module.css';

/** What the picker needs of a sample (UdpSample and TcpSample both have it). */
export interface PickableSample {
  id: string;
  origin: string;
  source: SampleSource;
}

export interface SamplePickerProps<Sample extends PickableSample> {
  /** The visible label of the select. */
  label: string;
  /** The samples to offer, in order; the picker groups them by source, slides first. */
  samples: readonly Sample[];
  /** The id of the sample the inputs hold now, or null when they are the learner's own. */
  selected: string | null;
  /** The text of the option that stands for the learner's own input ("My own datagram"). */
  ownLabel: string;
  /** Called with the sample the learner picks. */
  onPick(sample: Sample): void;
  /** The text of a sample's option. Default: its origin. */
  optionLabel?(sample: Sample): string;
  /** A line under the select while the inputs are the learner's own. Default: none. */
  ownHint?: ReactNode;
  /** The field's name: `data-field` of the wrapper and `name` of the select. Default: 'sample'. */
  name?: string;
}

/** The sample traffic's two sources, in the order the picker lists them. */
const SOURCES: readonly SampleSource[] = ['slides', 'capture'];

function sourceName(source: SampleSource): string {
  return source === 'slides'
    ? translate({id: 'lab.sample.slides', message: 'From the 2006 slides'})
    : translate({id: 'lab.sample.capture', message: 'From the SkypeIRC.cap capture'});
}

function Citation({source}: {source: SampleSource}): ReactNode {
  return (
    <Link to={SAMPLE_CITATIONS[source]}>
      {source === 'slides'
        ? translate({id: 'lab.sample.citeSlides', message: 'the 2006 slides'})
        : translate({id: 'lab.sample.citeCapture', message: 'the SkypeIRC.cap capture'})}
    </Link>
  );
}

/**
 * The sample picker of the lab widgets (`data-field` and `name` "sample" unless named otherwise,
 * option values the sample ids): the samples grouped by source, an option that stands for the learner's own input, and
 * under the select where the picked sample comes from, with its citation. The own option cannot be
 * picked: inputs become the learner's own by editing them.
 */
export default function SamplePicker<Sample extends PickableSample>({
  label,
  samples,
  selected,
  ownLabel,
  onPick,
  optionLabel = (sample) => sample.origin,
  ownHint,
  name = 'sample',
}: SamplePickerProps<Sample>): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const picked = samples.find((sample) => sample.id === selected) ?? null;
  const hint = picked ? (
    <Translate id="lab.sample.origin" values={{origin: picked.origin, citation: <Citation source={picked.source} />}}>
      {'Origin: {origin}, from {citation}.'}
    </Translate>
  ) : (
    ownHint
  );
  return (
    <div className={clsx(styles.field, styles.wide)} data-field={name}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={clsx(styles.input, styles.select)}
        value={picked?.id ?? ''}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => {
          const sample = samples.find((candidate) => candidate.id === event.currentTarget.value);
          if (sample) onPick(sample);
        }}>
        <option value="" disabled>
          {ownLabel}
        </option>
        {SOURCES.map((source) => {
          const group = samples.filter((sample) => sample.source === source);
          return (
            group.length > 0 && (
              <optgroup key={source} label={sourceName(source)}>
                {group.map((sample) => (
                  <option key={sample.id} value={sample.id}>
                    {optionLabel(sample)}
                  </option>
                ))}
              </optgroup>
            )
          );
        })}
      </select>
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}
