/**
 * Steps 7 to 9 of the key-derivation explorer: the keystream, the plaintext encrypted and decrypted
 * (the ciphertext is the library's datagram body, the decrypted text its own reading of it), and the
 * finished datagram with its fields. Memoised: the key schedule's step changes do not render it again.
 */
import {memo, useId, useMemo, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import HexView from '@site/src/components/HexView';
import {bytesToHex, type UdpFieldNames} from '@site/src/protocol';
import {SAMPLE_CITATIONS, type UdpSample} from '@site/src/data/sampleTraffic';
import {hex32} from '../lab/parseInput';
import type {KeyDerivation} from './derivation';
import styles from './styles.module.css';

interface OutputSectionsProps {
  derivation: KeyDerivation;
  /** The sample the inputs came from, unchanged, or null: its recorded bytes are compared. */
  sample: UdpSample | null;
}

function OutputSections({derivation, sample}: OutputSectionsProps): ReactNode {
  const {inputs, keystream, ciphertext, decrypted, crcOk, datagram, fields, plaintextCrc} = derivation;
  const headingId = useId();
  const rowName = {
    plaintext: translate({id: 'lab.keyDerivation.rows.plaintext', message: 'plaintext'}),
    keystream: translate({id: 'lab.keyDerivation.rows.keystream', message: 'keystream'}),
    ciphertext: translate({id: 'lab.keyDerivation.rows.ciphertext', message: 'ciphertext'}),
    decrypted: translate({id: 'lab.keyDerivation.rows.decrypted', message: 'decrypted'}),
  };
  const encryptRows = useMemo(
    () => [
      {name: rowName.plaintext, bytes: inputs.plaintext},
      {name: rowName.keystream, bytes: keystream},
      {name: rowName.ciphertext, bytes: ciphertext},
    ],
    [inputs.plaintext, keystream, ciphertext, rowName.plaintext, rowName.keystream, rowName.ciphertext],
  );
  const decryptRows = useMemo(
    () => [
      {name: rowName.ciphertext, bytes: ciphertext},
      {name: rowName.keystream, bytes: keystream},
      {name: rowName.decrypted, bytes: decrypted},
    ],
    [ciphertext, keystream, decrypted, rowName.ciphertext, rowName.keystream, rowName.decrypted],
  );
  // The fields where the library's layout puts them (spec §2.2), each with its label.
  const datagramFields = useMemo(() => {
    const labels: Record<UdpFieldNames['payload'], string> = {
      packetId: translate({id: 'lab.keyDerivation.datagram.packetId', message: 'packet id'}),
      func: translate({id: 'lab.keyDerivation.datagram.func', message: 'func (type 2)'}),
      iv: translate({id: 'lab.keyDerivation.datagram.iv', message: 'IV'}),
      crc: translate({id: 'lab.keyDerivation.datagram.crc', message: 'CRC of the plaintext'}),
      ciphertext: translate({id: 'lab.keyDerivation.datagram.ciphertext', message: 'ciphertext'}),
    };
    return fields.filter(({start, end}) => end > start).map(({field, start, end}) => ({start, end, label: labels[field]}));
  }, [fields]);
  const decryptedMatches = bytesToHex(decrypted) === bytesToHex(inputs.plaintext);
  const matchesSample = sample !== null && bytesToHex(sample.bytes) === bytesToHex(datagram);

  return (
    <>
      <section className={styles.step} aria-labelledby={`${headingId}-keystream`}>
        <h4 id={`${headingId}-keystream`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.keystream.title">7. The keystream</Translate>
        </h4>
        <p>
          <Translate id="lab.keyDerivation.keystream.intro" values={{count: keystream.length}}>
            {'From the final state, RC4 starts again with i = j = 0 and gives one byte per step: i + 1, j + S[i], swap, then read S[S[i] + S[j]]. Here are the first {count}, one per plaintext byte.'}
          </Translate>
        </p>
        <div data-output="keystream" data-value={bytesToHex(keystream)}>
          <HexView bytes={keystream} label={translate({id: 'lab.keyDerivation.keystream.label', message: 'Keystream, {count} bytes'}, {count: keystream.length})} />
        </div>
      </section>

      <section className={styles.step} aria-labelledby={`${headingId}-crypt`}>
        <h4 id={`${headingId}-crypt`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.crypt.title">8. Encrypt, then decrypt</Translate>
        </h4>
        <p>
          <Translate id="lab.keyDerivation.crypt.encrypt">
            Each ciphertext byte is the plaintext byte XOR the keystream byte in the same column.
          </Translate>
        </p>
        <div data-output="ciphertext" data-value={bytesToHex(ciphertext)}>
          <HexView rows={encryptRows} label={translate({id: 'lab.keyDerivation.crypt.encryptLabel', message: 'Encryption: plaintext, keystream and ciphertext'})} />
        </div>
        <p>
          <Translate id="lab.keyDerivation.crypt.decrypt">
            The receiver derives the same key from the same header and addresses, and the same XOR undoes the first.
          </Translate>
        </p>
        <div data-output="decrypted" data-value={bytesToHex(decrypted)}>
          <HexView rows={decryptRows} label={translate({id: 'lab.keyDerivation.crypt.decryptLabel', message: 'Decryption: ciphertext, keystream and decrypted plaintext'})} />
        </div>
        <p className={styles.check}>
          <span aria-hidden="true">{decryptedMatches && crcOk ? '✓ ' : '✗ '}</span>
          {decryptedMatches && crcOk ? (
            <Translate id="lab.keyDerivation.crypt.checkOk" values={{crc: <code>{hex32(plaintextCrc)}</code>}}>
              {'The decrypted bytes equal the plaintext, and their CRC matches the header ({crc}).'}
            </Translate>
          ) : (
            <Translate id="lab.keyDerivation.crypt.checkFailed">The decrypted bytes do not match the plaintext.</Translate>
          )}
        </p>
      </section>

      <section className={styles.step} aria-labelledby={`${headingId}-datagram`}>
        <h4 id={`${headingId}-datagram`} className={styles.stepTitle}>
          <Translate id="lab.keyDerivation.datagram.title">9. The finished datagram</Translate>
        </h4>
        <p>
          <Translate id="lab.keyDerivation.datagram.intro" values={{count: datagram.length}}>
            {'The UDP payload as it leaves the client, {count} bytes. Only the addresses, which the IP header carries, and the key engine are needed to read it.'}
          </Translate>
        </p>
        <div data-output="datagram" data-value={bytesToHex(datagram)}>
          <HexView bytes={datagram} annotations={datagramFields} label={translate({id: 'lab.keyDerivation.datagram.label', message: 'Obfuscated datagram, {count} bytes'}, {count: datagram.length})} />
        </div>
        {matchesSample && (
          <p className={styles.check}>
            <span aria-hidden="true">✓ </span>
            <Translate
              id="lab.keyDerivation.datagram.matchesSample"
              values={{origin: <Link to={SAMPLE_CITATIONS[sample.source]}>{sample.origin}</Link>}}>
              {'Byte for byte the datagram recorded in {origin}.'}
            </Translate>
          </p>
        )}
      </section>
    </>
  );
}

export default memo(OutputSections);
