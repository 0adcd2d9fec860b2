/**
 * The tables of the boxes on each side, as they stand after the current step: new rows marked
 * "new", rows a packet went out through marked "used", rows forgotten at this step struck through
 * and marked "expired" or "closed" (words beside every colour and line).
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import {natLiveEntryCount, natSeconds, type NatBehaviour, type NatCallSide, type NatCallTrace, type NatNodeInfo, type NatTableRowView, type NatTraceStep} from '@site/src/simulations/nat';
import {translatedNatText} from './natWords';
import styles from './styles.module.css';

function behaviourLabel(behaviour: string): string {
  switch (behaviour as NatBehaviour) {
    case 'endpoint-independent':
      return translate({id: 'lab.natTraversal.behaviour.endpoint-independent', message: 'endpoint-independent'});
    case 'address-dependent':
      return translate({id: 'lab.natTraversal.behaviour.address-dependent', message: 'address-dependent'});
    case 'address-and-port-dependent':
      return translate({id: 'lab.natTraversal.behaviour.address-and-port-dependent', message: 'address-and-port-dependent'});
  }
  return behaviour;
}

function statusLabel(status: NatTableRowView['status']): string {
  switch (status) {
    case 'new':
      return translate({id: 'lab.natTraversal.table.status.new', message: 'new'});
    case 'refreshed':
      return translate({id: 'lab.natTraversal.table.status.refreshed', message: 'used'});
    case 'live':
      return '';
    case 'expired':
      return translate({id: 'lab.natTraversal.table.status.expired', message: 'expired'});
    case 'closed':
      return translate({id: 'lab.natTraversal.table.status.closed', message: 'closed'});
  }
}

/** What a box is, as the caption of its table. */
function boxDescription(node: NatNodeInfo): string {
  const name = translatedNatText(`nodeStart.${node.id}`);
  if (node.box?.type === 'nat') {
    return translate(
      {id: 'lab.natTraversal.table.natCaption', message: '{name} ({address}): {mapping} mapping, {filtering} filtering; a UDP row expires {timeout} s after the last packet out.'},
      {name, address: node.publicAddress ?? '', mapping: behaviourLabel(node.box.mapping), filtering: behaviourLabel(node.box.filtering), timeout: node.box.udpTimeoutSeconds},
    );
  }
  if (node.box?.type === 'firewall' && node.box.inboundTcp === 'replies-only') {
    return translate({id: 'lab.natTraversal.table.tcpOutOnlyCaption', message: '{name}: drops all UDP, and lets in only the answers of TCP connections opened from inside.'}, {name});
  }
  return translate({id: 'lab.natTraversal.table.udpBlockingCaption', message: '{name}: drops all UDP and lets TCP through both ways, so it needs no table.'}, {name});
}

const remoteText = (remote: string) => (remote === '*' ? translate({id: 'lab.natTraversal.table.anyone', message: 'anyone'}) : remote);

function BoxTable({node, rows}: {node: NatNodeInfo; rows: readonly NatTableRowView[]}): ReactNode {
  const stateless = node.box?.type === 'firewall' && node.box.inboundTcp === 'allowed';
  return (
    <div className={styles.boxTable}>
      <p className={styles.boxCaption}>{boxDescription(node)}</p>
      {!stateless && rows.length === 0 && (
        <p className={styles.emptyTable}>
          <Translate id="lab.natTraversal.table.empty">No rows yet.</Translate>
        </p>
      )}
      {rows.length > 0 && (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={translate({id: 'lab.natTraversal.table.label', message: 'Table of {box}'}, {box: translatedNatText(`node.${node.id}`)})}>
          <table className={styles.natTable}>
            <thead>
              <tr>
                <th scope="col">{translate({id: 'lab.natTraversal.table.protocol', message: 'Protocol'})}</th>
                <th scope="col">{translate({id: 'lab.natTraversal.table.inside', message: 'Inside'})}</th>
                <th scope="col">{translate({id: 'lab.natTraversal.table.outside', message: 'Public'})}</th>
                <th scope="col">{translate({id: 'lab.natTraversal.table.remote', message: 'Lets in'})}</th>
                <th scope="col">{translate({id: 'lab.natTraversal.table.lastUsed', message: 'Last out (s)'})}</th>
                <th scope="col">{translate({id: 'lab.natTraversal.table.expires', message: 'Expires (s)'})}</th>
                <th scope="col">{translate({id: 'lab.natTraversal.table.status', message: 'Now'})}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className={clsx(styles[`row-${row.status}`])} data-row-status={row.status}>
                  <td>{row.protocol.toUpperCase()}</td>
                  <td>{row.internal}</td>
                  <td>{row.external}</td>
                  <td>{remoteText(row.remote)}</td>
                  <td>{natSeconds(row.lastUsed)}</td>
                  <td>{row.expires === null ? translate({id: 'lab.natTraversal.table.noTimer', message: 'while open'}) : natSeconds(row.expires)}</td>
                  <td>{statusLabel(row.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Side({trace, step, side}: {trace: NatCallTrace; step: NatTraceStep; side: NatCallSide}): ReactNode {
  const boxes = trace.nodes.filter((node) => node.id.startsWith(`${side}-`));
  // Drawn from the host outwards, as the packets cross them.
  const ordered = side === 'caller' ? boxes : [...boxes].reverse();
  const count = natLiveEntryCount(step, side);
  const host = trace.nodes.find((node) => node.id === side)!;
  return (
    <section className={styles.side} data-output={`table-${side}`} data-value={String(count)}>
      <h5 className={styles.sideTitle}>
        {side === 'caller'
          ? translate({id: 'lab.natTraversal.table.callerSide', message: "The caller's side (live rows: {count})"}, {count})
          : translate({id: 'lab.natTraversal.table.calleeSide', message: "The callee's side (live rows: {count})"}, {count})}
      </h5>
      {ordered.length === 0 && (
        <p className={styles.emptyTable}>
          {translate({id: 'lab.natTraversal.table.noBox', message: 'No NAT and no firewall: this host is on a public address, {address}.'}, {address: host.address})}
        </p>
      )}
      {ordered.map((node) => (
        <BoxTable key={node.id} node={node} rows={step.tables[node.id as keyof NatTraceStep['tables']] ?? []} />
      ))}
    </section>
  );
}

/** Both sides' tables after a step; each side's wrapper is an output with its number of live rows. */
export default function NatTables({trace, step}: {trace: NatCallTrace; step: NatTraceStep}): ReactNode {
  return (
    <div className={styles.sides}>
      <Side trace={trace} step={step} side="caller" />
      <Side trace={trace} step={step} side="callee" />
    </div>
  );
}
