/**
 * The overlay widget's slots view: the model's supernodes as dots, 9 or 10 to a slot, 8 slots to a
 * block (Silver Needle slides 83–84), drawn once per seed. Each slot's dots are one SVG path, so the
 * whole grid is about a hundred elements however many supernodes it shows.
 */
import {memo, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import Output from '@site/src/components/lab/Output';
import labStyles from '@site/src/components/lab/styles.module.css';
import {SLOT_FACTS} from '@site/src/data/networkFacts';
import type {Overlay} from '@site/src/simulations/overlay';
import styles from './styles.module.css';

const BLOCK_COLUMNS = 2;
const BLOCK_WIDTH = 176;
const ROW_HEIGHT = 11;
const DOT_SPACING = 11;
const DOT_RADIUS = 4;
const LABEL_WIDTH = 40;
const BLOCK_TITLE_HEIGHT = 16;
const BLOCK_GAP = 8;

/** The dots of one slot as one path: a full circle per supernode, drawn with two arcs. */
function dotsPath(count: number, x: number, y: number): string {
  let path = '';
  for (let index = 0; index < count; index++) {
    const centre = x + index * DOT_SPACING;
    path += `M${centre - DOT_RADIUS} ${y}a${DOT_RADIUS} ${DOT_RADIUS} 0 1 0 ${2 * DOT_RADIUS} 0a${DOT_RADIUS} ${DOT_RADIUS} 0 1 0 ${-2 * DOT_RADIUS} 0`;
  }
  return path;
}

const SlotGrid = memo(function SlotGrid({overlay}: {overlay: Overlay}): ReactNode {
  const slotsPerBlock = SLOT_FACTS.slotsPerBlock.value;
  const blockHeight = BLOCK_TITLE_HEIGHT + slotsPerBlock * ROW_HEIGHT + 6;
  const rows = Math.ceil(overlay.blocks.length / BLOCK_COLUMNS);
  const height = rows * (blockHeight + BLOCK_GAP);
  return (
    <svg
      className={styles.picture}
      viewBox={`0 0 ${BLOCK_COLUMNS * (BLOCK_WIDTH + BLOCK_GAP)} ${height}`}
      role="img"
      aria-label={translate(
        {id: 'lab.overlay.slots.gridLabel', message: '{blocks} blocks of {perBlock} slots; each slot a row of {minimum} or {maximum} dots, one per supernode, {supernodes} in all.'},
        {
          blocks: overlay.blocks.length,
          perBlock: slotsPerBlock,
          minimum: SLOT_FACTS.supernodesPerSlot.value.minimum,
          maximum: SLOT_FACTS.supernodesPerSlot.value.maximum,
          supernodes: overlay.supernodes.length,
        },
      )}>
      {overlay.blocks.map((block) => {
        const left = (block.index % BLOCK_COLUMNS) * (BLOCK_WIDTH + BLOCK_GAP);
        const top = Math.floor(block.index / BLOCK_COLUMNS) * (blockHeight + BLOCK_GAP);
        return (
          <g key={block.index}>
            <rect x={left} y={top} width={BLOCK_WIDTH} height={blockHeight} rx={4} className={styles.block} />
            <text x={left + 6} y={top + 12} className={styles.blockLabel}>
              {translate({id: 'lab.overlay.slots.block', message: 'Block {number}'}, {number: block.index})}
            </text>
            {block.slotIndexes.map((slotIndex, row) => {
              const y = top + BLOCK_TITLE_HEIGHT + row * ROW_HEIGHT + DOT_RADIUS + 1;
              const size = overlay.slots[slotIndex].supernodeIds.length;
              return (
                <g key={slotIndex}>
                  <text x={left + 6} y={y + 3} className={styles.slotLabel}>
                    {slotIndex}
                  </text>
                  <path d={dotsPath(size, left + LABEL_WIDTH, y)} className={size === SLOT_FACTS.supernodesPerSlot.value.maximum ? styles.dotsFull : styles.dots} />
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
});

export default function SlotsView({overlay}: {overlay: Overlay}): ReactNode {
  const {supernodesPerSlot, slotsPerBlock, slots, supernodes, command6MaxSupernodes, command6ExampleSlot} = SLOT_FACTS;
  const source = (
    <Link to={supernodesPerSlot.source}>
      {translate({id: 'lab.overlay.slots.source', message: 'Biondi & Desclaux 2006, slides 83–84'})}
    </Link>
  );
  return (
    <>
      <p>
        <Translate
          id="lab.overlay.slots.intro"
          values={{
            minimum: supernodesPerSlot.value.minimum,
            maximum: supernodesPerSlot.value.maximum,
            perBlock: slotsPerBlock.value,
            realSlots: slots.value.toLocaleString('en'),
            realSupernodes: supernodes.value.toLocaleString('en'),
            source,
          }}>
          {'Supernodes grouped by slots, usually {minimum} or {maximum} to a slot, and {perBlock} slots to a block ({source}). The model is scaled down; the real network had about {realSlots} slots and {realSupernodes} supernodes in 2006.'}
        </Translate>
      </p>
      <dl className={labStyles.summary}>
        <div>
          <dt>
            <Translate id="lab.overlay.slots.slotCount">Slots</Translate>
          </dt>
          <dd>
            <Output name="slot-count" value={String(overlay.slots.length)} />
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.slots.blockCount">Blocks</Translate>
          </dt>
          <dd>
            <Output name="block-count" value={String(overlay.blocks.length)} />
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.slots.supernodeCount">Supernodes</Translate>
          </dt>
          <dd>
            <Output name="supernode-count" value={String(overlay.supernodes.length)} />
          </dd>
        </div>
      </dl>
      <div className={styles.scrollBox}>
        <SlotGrid overlay={overlay} />
      </div>
      <p className={styles.legendLine}>
        <span className={styles.legendDotFull} aria-hidden="true" />
        <Translate id="lab.overlay.slots.legendFull" values={{count: supernodesPerSlot.value.maximum}}>
          {'filled: a slot of {count}'}
        </Translate>
        <span className={styles.legendDot} aria-hidden="true" />
        <Translate id="lab.overlay.slots.legend" values={{count: supernodesPerSlot.value.minimum}}>
          {'outlined: a slot of {count}'}
        </Translate>
      </p>
      <p className={styles.explain}>
        <Translate id="lab.overlay.slots.command6" values={{maximum: command6MaxSupernodes.value, slot: command6ExampleSlot.value, source}}>
          {'Command 6 asks a supernode for up to {maximum} supernodes of one slot; the slides’ example is slot {slot} ({source}). Which slots form a block is not in the slides: the model takes consecutive ones.'}
        </Translate>
      </p>
    </>
  );
}
