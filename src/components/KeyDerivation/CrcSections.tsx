/**
 * Steps 2 to 4 of the key-derivation explorer: the 12-byte CRC input with its reversed byte order
 * made visible, the CRC seed, and the XOR with the IV that gives the RC4 seed (spec §2.2, §2.3).
 * Memoised: the key schedule's step changes do not render it again.
 */
import {memo, useId, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {bytesToHex} from '@site/src/protocol';
import {hex16, hex32} from '../lab/parseInput';
import type {CrcInputGroup, KeyDerivation} from './derivation';
import styles from './styles.module.css';

/** Bytes as boxes, each with a small caption above it (an address part, "high", "zero"). */
function ByteBoxes({bytes, captions}: {bytes: Uint8Array; captions: readonly string[]}): ReactNode {
  return (
    <span className={styles.byteBoxes}>
      {Array.from(bytes, (byte, index) => (
        <span key={index} className={styles.byteBox}>
          <span className={styles.byteCaption}>{captions[index]}</span>
          <span className={styles.byteHex}>{byte.toString(16).padStart(2, '0')}</span>
        </span>
      ))}
    </span>
  );
}

interface GroupProps {
  title: ReactNode;
  group: CrcInputGroup;
  wireLabel: string;
  wireCaptions: readonly string[];
  crcCaptions: readonly string[];
  cue: string;
}

/** One value of the CRC input: as the reader knows it, a labelled arrow, then as the CRC reads it. */
function CrcInputGroupView({title, group, wireLabel, wireCaptions, crcCaptions, cue}: GroupProps): ReactNode {
  return (
    <figure className={styles.crcGroup}>
      <figcaption className={styles.crcGroupTitle}>{title}</figcaption>
      <div className={styles.crcRow}>
        <span className={styles.crcRowLabel}>{wireLabel}</span>
        <ByteBoxes bytes={group.wireOrder} captions={wireCaptions} />
      </div>
      <p className={styles.cue}>
        <span aria-hidden="true">↓ </span>
        {cue}
      </p>
      <div className={styles.crcRow}>
        <span className={styles.crcRowLabel}>
          <Translate id="lab.keyDerivation.crcInput.intoCrc">into the CRC</Translate>
        </span>
        <ByteBoxes bytes={group.crcOrder} captions={crcCaptions} />
      </div>
    </figure>
  );
}

const decimalParts = (bytes: Uint8Array) => Array.from(bytes, String);
/** 32 bits in groups of four, most significant first. */
const bits = (value: number) => (value >>> 0).toString(2).padStart(32, '0').replace(/(....)(?!$)/g, '$1 ');

function CrcSections({derivation}: {derivation: KeyDerivation}): ReactNode {
  const {inputs, source, destination, packetId, crcInput, crcSeed, zlibCrc, rc4Seed} = derivation;
  const ipCue = translate({id: 'lab.keyDerivation.crcInput.ipCue', message: 'reversed: the address is a 32-bit number written little-endian, last byte first'});
  const high = translate({id: 'lab.keyDerivation.crcInput.high', message: 'high'});
  const low = translate({id: 'lab.keyDerivation.crcInput.low', message: 'low'});
  const zero = translate({id: 'lab.keyDerivation.crcInput.zero', message: 'zero'});
  const onWire = translate({id: 'lab.keyDerivation.crcInput.networkOrder', message: 'network order'});
  const crcInputHex = bytesToHex(crcInput);
  const headingId = useId();
  return (
    <>
      <section className={styles.step} aria-labelledby={`${headingId}-crc-input`}>
        <h4 id={`${headingId}-crc-input`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.crcInput.title">2. The 12-byte CRC input</Translate>
        </h4>
        <p>
          <Translate id="lab.keyDerivation.crcInput.intro">
            Source IP, destination IP and packet id, each as a 32-bit number stored the way an x86 client keeps it in memory: little-endian.
          </Translate>
        </p>
        <div className={styles.crcGroups}>
          <CrcInputGroupView
            title={<Translate id="lab.keyDerivation.crcInput.source" values={{address: <code>{inputs.srcIp}</code>}}>{'Source IP {address}'}</Translate>}
            group={source}
            wireLabel={onWire}
            wireCaptions={decimalParts(source.wireOrder)}
            crcCaptions={decimalParts(source.crcOrder)}
            cue={ipCue}
          />
          <CrcInputGroupView
            title={<Translate id="lab.keyDerivation.crcInput.destination" values={{address: <code>{inputs.dstIp}</code>}}>{'Destination IP {address}'}</Translate>}
            group={destination}
            wireLabel={onWire}
            wireCaptions={decimalParts(destination.wireOrder)}
            crcCaptions={decimalParts(destination.crcOrder)}
            cue={ipCue}
          />
          <CrcInputGroupView
            title={<Translate id="lab.keyDerivation.crcInput.packetId" values={{packetId: <code>{hex16(inputs.packetId)}</code>}}>{'Packet id {packetId}'}</Translate>}
            group={packetId}
            wireLabel={translate({id: 'lab.keyDerivation.crcInput.inHeader', message: 'in the header'})}
            wireCaptions={[high, low]}
            crcCaptions={[low, high, zero, zero]}
            cue={translate({id: 'lab.keyDerivation.crcInput.packetIdCue', message: 'zero-extended to 32 bits, then little-endian: low byte first'})}
          />
        </div>
        <p className={styles.resultLine}>
          <Translate id="lab.keyDerivation.crcInput.result">CRC input:</Translate>{' '}
          <code data-output="crc-input" data-value={crcInputHex}>
            {[0, 8, 16].map((start) => crcInputHex.slice(start, start + 8)).join(' ')}
          </code>
        </p>
      </section>

      <section className={styles.step} aria-labelledby={`${headingId}-crc-seed`}>
        <h4 id={`${headingId}-crc-seed`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.crcSeed.title">3. The CRC seed</Translate>
        </h4>
        <p className={styles.resultLine}>
          <Translate id="lab.keyDerivation.crcSeed.result">CRC seed = Skype's CRC-32 of the 12 bytes:</Translate>{' '}
          <code data-output="crc-seed" data-value={hex32(crcSeed).slice(2)}>
            {hex32(crcSeed)}
          </code>
        </p>
        <p>
          <Translate
            id="lab.keyDerivation.crcSeed.variant"
            values={{
              zlib: <code>{hex32(zlibCrc)}</code>,
              source: (
                <Link to="/docs/references#biondi2006">
                  <Translate id="lab.keyDerivation.crcSeed.source">Biondi & Desclaux 2006</Translate>
                </Link>
              ),
            }}>
            {"Skype's variant is the reflected CRC-32 (polynomial 0xedb88320, start value 0xffffffff) without the final XOR, so it is the bitwise complement of zlib's crc32 of the same bytes, {zlib} ({source})."}
          </Translate>
        </p>
      </section>

      <section className={styles.step} aria-labelledby={`${headingId}-xor`}>
        <h4 id={`${headingId}-xor`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.xor.title">4. XOR with the IV</Translate>
        </h4>
        <p>
          <Translate id="lab.keyDerivation.xor.intro">
            The IV travels in clear in the header. XORed with the CRC seed, bit by bit, it gives the RC4 seed: a 1 in the IV flips that bit of the CRC seed.
          </Translate>
        </p>
        <div className={styles.scrollBox}>
          <table className={styles.xorTable}>
            <tbody>
              <tr>
                <td />
                <th scope="row">
                  <Translate id="lab.keyDerivation.xor.crcSeed">CRC seed</Translate>
                </th>
                <td className={styles.hexCell}>{hex32(crcSeed)}</td>
                <td className={styles.bitsCell}>{bits(crcSeed)}</td>
              </tr>
              <tr>
                <td className={styles.operator}>
                  <span aria-hidden="true">⊕</span>
                  <span className="visually-hidden">
                    <Translate id="lab.keyDerivation.xor.operator">XOR</Translate>
                  </span>
                </td>
                <th scope="row">
                  <Translate id="lab.keyDerivation.xor.iv">IV</Translate>
                </th>
                <td className={styles.hexCell}>{hex32(inputs.iv)}</td>
                <td className={styles.bitsCell}>{bits(inputs.iv)}</td>
              </tr>
              <tr className={styles.sumRow}>
                <td className={styles.operator}>
                  <span aria-hidden="true">=</span>
                  <span className="visually-hidden">
                    <Translate id="lab.keyDerivation.xor.equals">equals</Translate>
                  </span>
                </td>
                <th scope="row">
                  <Translate id="lab.keyDerivation.xor.rc4Seed">RC4 seed</Translate>
                </th>
                <td className={styles.hexCell}>
                  <code data-output="rc4-seed" data-value={hex32(rc4Seed).slice(2)}>
                    {hex32(rc4Seed)}
                  </code>
                </td>
                <td className={styles.bitsCell}>{bits(rc4Seed)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export default memo(CrcSections);
