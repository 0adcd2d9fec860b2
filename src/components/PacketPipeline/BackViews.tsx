/**
 * What the back direction shows, drawn from one BackReading: each datagram decrypted and checked,
 * the message reassembled from fragments, its commands, and the object list they carry.
 */
import {memo, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import HexView from '@site/src/components/HexView';
import Output from '@site/src/components/lab/Output';
import {flagsName} from '@site/src/components/lab/commandText';
import {hex16} from '@site/src/components/lab/parseInput';
import labStyles from '@site/src/components/lab/styles.module.css';
import ObjectTree from '@site/src/components/UdpAttack/ObjectTree';
import {bytesToHex} from '@site/src/protocol';
import {commandAnnotations, listAnnotations} from './annotations';
import {DatagramTable, formatName} from './ForwardViews';
import type {BackReading} from './pipeline';
import styles from './styles.module.css';

function CrcVerdict({reading}: {reading: BackReading}): ReactNode {
  const failed = reading.datagrams.flatMap((datagram, index) => (datagram.crcOk ? [] : [index + 1]));
  return (
    <p className={clsx(labStyles.verdict, reading.crcOk ? labStyles.good : labStyles.bad)}>
      <Output name="crc-check" value={reading.crcOk ? 'ok' : 'mismatch'}>
        {reading.crcOk
          ? translate({id: 'lab.packetPipeline.back.crcOk', message: '✓ Every CRC matches.'})
          : translate({id: 'lab.packetPipeline.back.crcMismatch', message: '✗ CRC mismatch in datagram {numbers}.'}, {numbers: failed.join(', ')})}
      </Output>{' '}
      {reading.crcOk ? (
        <Translate id="lab.packetPipeline.back.crcOkText">The addresses and the keys were right: these are the bytes the sender encrypted.</Translate>
      ) : (
        <Translate id="lab.packetPipeline.back.crcMismatchText">
          The decrypted bytes are not what the sender encrypted: check the two addresses (the sender’s public ones). A datagram from real traffic needs its recorded key; the
          teaching stand-in reads only datagrams built on this site.
        </Translate>
      )}
    </p>
  );
}

export const BackViews = memo(function BackViews({reading}: {reading: BackReading}): ReactNode {
  const {message, commands, list} = reading;
  const messageAnnotations = useMemo(() => (commands.kind === 'commands' ? commandAnnotations(commands.fields, commands.commands) : []), [commands]);
  const listView = useMemo(() => (list.kind === 'list' ? listAnnotations(list.format, list.bytes.length, list.spans) : []), [list]);
  return (
    <ol className={styles.stages}>
      <li className={styles.stage} data-stage="decrypt">
        <h4 className={styles.stageTitle}>
          <Translate id="lab.packetPipeline.back.stage.decrypt">Decrypt each datagram</Translate>
        </h4>
        <p>
          <Translate id="lab.packetPipeline.back.decrypt.text">
            Each datagram’s seed comes from its header and the addresses; its key is the recorded real key where the site has one, else the teaching stand-in.
          </Translate>
        </p>
        <DatagramTable datagrams={reading.datagrams} label={translate({id: 'lab.packetPipeline.back.table', message: 'The datagrams, decrypted'})} showPlaintext />
        <CrcVerdict reading={reading} />
      </li>
      <li className={styles.stage} data-stage="reassemble">
        <h4 className={styles.stageTitle}>
          <Translate id="lab.packetPipeline.back.stage.reassemble">Reassemble the message</Translate>
        </h4>
        <p>
          {reading.fragmented
            ? translate(
                {id: 'lab.packetPipeline.back.reassembled', message: '{count} fragments, joined in index order: {length} bytes.'},
                {count: reading.datagrams.length, length: message.length},
              )
            : translate({id: 'lab.packetPipeline.back.single', message: 'One datagram, no fragments: its {length} bytes of plaintext are the message.'}, {length: message.length})}
        </p>
        <HexView bytes={message} annotations={messageAnnotations} label={translate({id: 'lab.packetPipeline.back.messageView', message: 'The message, {count} bytes'}, {count: message.length})} />
        <p className={styles.hiddenValue}>
          <Output name="message" value={bytesToHex(message)}>
            {translate({id: 'lab.packetPipeline.back.messageBytes', message: '{count} bytes'}, {count: message.length})}
          </Output>
        </p>
      </li>
      <li className={styles.stage} data-stage="commands">
        <h4 className={styles.stageTitle}>
          <Translate id="lab.packetPipeline.back.stage.commands">Read the commands</Translate>
        </h4>
        {commands.kind === 'problem' ? (
          <p className={labStyles.note}>
            {translate({id: 'lab.packetPipeline.back.commandsProblem', message: 'The message does not read as commands: {message}.'}, {message: commands.error.message})}{' '}
            {!reading.crcOk && translate({id: 'lab.packetPipeline.back.noise', message: 'With a CRC mismatch this is expected: the bytes are noise.'})}
          </p>
        ) : (
          <ul>
            {commands.commands.map((command, index) => (
              <li key={index}>
                {command.reqid === undefined
                  ? translate({id: 'lab.packetPipeline.back.command', message: 'cmd {cmd}, {flags}, {length} bytes of params'}, {cmd: command.cmd, flags: flagsName(command.flags), length: command.params.length})
                  : translate(
                      {id: 'lab.packetPipeline.back.commandReqid', message: 'cmd {cmd}, {flags}, reqid {reqid}, {length} bytes of params'},
                      {cmd: command.cmd, flags: flagsName(command.flags), reqid: hex16(command.reqid), length: command.params.length},
                    )}
              </li>
            ))}
          </ul>
        )}
      </li>
      <li className={styles.stage} data-stage="list">
        <h4 className={styles.stageTitle}>
          <Translate id="lab.packetPipeline.back.stage.list">Decode the object list</Translate>
        </h4>
        <p>
          <Output name="decoded-list" value={list.kind === 'list' ? bytesToHex(list.bytes) : ''} prose>
            {list.kind === 'list'
              ? translate({id: 'lab.packetPipeline.back.list', message: 'The first command’s params: a {format} list of {count} top-level objects, {length} bytes.'}, {format: formatName(list.format), count: list.items.length, length: list.bytes.length})
              : list.kind === 'problem'
                ? translate({id: 'lab.packetPipeline.back.listProblem', message: 'The params do not decode as an object list: {message}.'}, {message: list.error.message})
                : translate({id: 'lab.packetPipeline.back.noList', message: 'No object list to decode.'})}
          </Output>
        </p>
        {list.kind === 'list' && (
          <>
            <HexView bytes={list.bytes} annotations={listView} label={translate({id: 'lab.packetPipeline.back.listView', message: 'The object list, {count} bytes'}, {count: list.bytes.length})} />
            {list.items.length > 0 && <ObjectTree items={list.items} />}
          </>
        )}
      </li>
    </ol>
  );
});
