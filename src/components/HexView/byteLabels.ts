/**
 * The spoken name of each byte cell ("ciphertext byte 17: 0x3f, field crc, highlighted"). Its four
 * messages are translated once, with marker characters in place of their values; a cell then fills
 * the markers in with one string replace, where translating per cell cost up to three `translate`
 * calls for each of thousands of cells on every edit. Pure, so it is unit-tested without Docusaurus.
 */

/** Private-use characters stand in for the values: no translation or hex digit contains them. */
export const LABEL_MARKERS = {offset: '\uE000', value: '\uE001', row: '\uE002', field: '\uE003', cell: '\uE004'} as const;

const MARKER_PATTERN = /[\uE000-\uE004]/g;

/** The four messages as `translate` returns them, each value given as its marker from {@link LABEL_MARKERS}. */
export interface ByteLabelMessages {
  /** `notebook.hexView.byteLabel`: "byte {offset}: {value}". */
  byte: string;
  /** `notebook.hexView.rowByteLabel`: "{row} byte {offset}: {value}". */
  rowByte: string;
  /** `notebook.hexView.inField`: "{cell}, field {field}". */
  inField: string;
  /** `notebook.hexView.highlighted`: "{cell}, highlighted". */
  highlighted: string;
}

/** A cell's label in each of its four states, with the markers of the cell's own values still in. */
export interface ByteLabelTemplates {
  plain: string;
  inField: string;
  highlighted: string;
  inFieldHighlighted: string;
}

/** The facts a cell's label tells. */
export interface ByteFacts {
  /** The offset the reader sees (the view's start offset added). */
  offset: number;
  /** The byte as written in the label, such as "0x3f". */
  value: string;
  /** The row's name, or '' in a view of one unnamed row. */
  row: string;
  /** The label of the field that owns the byte, or '' when none does. */
  field: string;
  highlighted: boolean;
}

/** Replaces each marker that `values` names, in one pass: text put in is never searched for markers again. */
function fillMarkers(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(MARKER_PATTERN, (marker) => values[marker] ?? marker);
}

/**
 * Nests the messages into the four labels a cell can have: the byte alone, in a field, highlighted,
 * or both (the field inside the highlight, as the messages read when applied one after the other).
 *
 * @param messages the translated messages with markers
 * @param named whether the view's rows have names (a multi-row view)
 * @example byteLabelTemplates(messages, false).inField // "byte \uE000: \uE001, field \uE003"
 */
export function byteLabelTemplates(messages: ByteLabelMessages, named: boolean): ByteLabelTemplates {
  const plain = named ? messages.rowByte : messages.byte;
  const inField = fillMarkers(messages.inField, {[LABEL_MARKERS.cell]: plain});
  return {
    plain,
    inField,
    highlighted: fillMarkers(messages.highlighted, {[LABEL_MARKERS.cell]: plain}),
    inFieldHighlighted: fillMarkers(messages.highlighted, {[LABEL_MARKERS.cell]: inField}),
  };
}

/**
 * One cell's label, from the templates of its view.
 *
 * @example byteLabel(templates, {offset: 7, value: '0x3f', row: '', field: 'crc', highlighted: false}) // "byte 7: 0x3f, field crc"
 */
export function byteLabel(templates: ByteLabelTemplates, facts: ByteFacts): string {
  const inField = facts.field !== '';
  let template = inField ? templates.inField : templates.plain;
  if (facts.highlighted) template = inField ? templates.inFieldHighlighted : templates.highlighted;
  return fillMarkers(template, {
    [LABEL_MARKERS.offset]: String(facts.offset),
    [LABEL_MARKERS.value]: facts.value,
    [LABEL_MARKERS.row]: facts.row,
    [LABEL_MARKERS.field]: facts.field,
  });
}
