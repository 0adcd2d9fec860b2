/**
 * The overlay widget's era view: the user-run overlay and the 2012 one with Microsoft-hosted
 * supernodes, side by side, with the chosen era drawn above the table. Every cell says where it
 * comes from: a source, a description not checked, our own reading, or nowhere ("unknown").
 */
import {memo, useId, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {RadioField} from '@site/src/components/lab/ChoiceField';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import labStyles from '@site/src/components/lab/styles.module.css';
import {ERA_2012_FACTS, SESSION_KEY_BITS, type SourcedFact} from '@site/src/data/networkFacts';
import {compareOverlayEras, type Overlay, type OverlayCitation, type OverlayEra, type OverlayEraProfile} from '@site/src/simulations/overlay';
import styles from './styles.module.css';

const number = (value: number) => value.toLocaleString('en');

/** A citation as a link: the source's short name and the section. */
function Cite({citation}: {citation: OverlayCitation}): ReactNode {
  const name = citation.source.split('#')[1];
  const names: Record<string, string> = {
    baset2004: translate({id: 'lab.overlay.cite.baset', message: 'Baset & Schulzrinne'}),
    biondi2006: translate({id: 'lab.overlay.cite.biondi', message: 'Biondi & Desclaux'}),
    desclaux2006: translate({id: 'lab.overlay.cite.desclaux', message: 'Desclaux & Kortchinsky'}),
    arstechnica2012: translate({id: 'lab.overlay.cite.ars', message: 'Ars Technica'}),
  };
  return (
    <span className={styles.cite}>
      {' ('}
      <Link to={citation.source}>{names[name] ?? name}</Link> {citation.section})
    </span>
  );
}

const citeFact = (fact: SourcedFact<unknown>) => <Cite citation={{source: fact.source, section: fact.section}} />;

function eraTitle(era: OverlayEra): string {
  return era === 'original'
    ? translate({id: 'lab.overlay.era.original', message: 'Users’ supernodes (2006)'})
    : translate({id: 'lab.overlay.era.microsoft', message: 'Microsoft-hosted supernodes (2012)'});
}

/** The cells of one era's column, row by row. */
function eraCells(profile: OverlayEraProfile): Record<'hosts' | 'reported' | 'model' | 'clients' | 'relays' | 'supernodesSee' | 'relaysSee', ReactNode> {
  const microsoft = profile.era === 'microsoft-2012';
  const supernodesSee = profile.visibility.find((item) => item.observer === 'supernodes');
  const relaysSee = profile.visibility.find((item) => item.observer === 'relays');
  return {
    hosts: (
      <>
        {microsoft
          ? translate({id: 'lab.overlay.era.hostsMicrosoft', message: 'Linux servers hosted by Microsoft'})
          : translate({id: 'lab.overlay.era.hostsUsers', message: 'Users’ own machines with public addresses'})}
        <Cite citation={profile.supernodeHostsCitation} />.{' '}
        {profile.promotion === 'disabled'
          ? translate({id: 'lab.overlay.era.promotionDisabled', message: 'Ordinary clients were no longer promoted'})
          : translate({id: 'lab.overlay.era.promotionScore', message: 'Clients promoted by a score: bandwidth, no firewall, a good CPU'})}
        <Cite citation={profile.promotionCitation} />.
      </>
    ),
    reported: (
      <ul className={styles.cellList}>
        {profile.reportedSupernodes.map((fact) => (
          <li key={`${fact.source}${fact.section}`}>
            {translate({id: 'lab.overlay.era.about', message: 'about {count}'}, {count: number(fact.value)})}
            {citeFact(fact)}
          </li>
        ))}
      </ul>
    ),
    model: microsoft
      ? translate(
          {id: 'lab.overlay.era.modelScaled', message: '{count}: the user-run count scaled by {after} : {before}'},
          {count: number(profile.modelSupernodes), after: number(ERA_2012_FACTS.supernodesAfter.value), before: number(ERA_2012_FACTS.supernodesBefore.value)},
        )
      : translate({id: 'lab.overlay.era.modelUsers', message: '{count}, in the slots of the model'}, {count: number(profile.modelSupernodes)}),
    clients: (
      <>
        {translate({id: 'lab.overlay.era.about', message: 'about {count}'}, {count: number(profile.clientsPerSupernode.value)})}
        {profile.theoreticalClientsPerSupernode &&
          translate({id: 'lab.overlay.era.room', message: ', with room for about {count}'}, {count: number(profile.theoreticalClientsPerSupernode.value)})}
        {citeFact(profile.clientsPerSupernode)}
      </>
    ),
    relays:
      profile.relays === 'users-machines' && profile.relaysCitation ? (
        <>
          {translate({id: 'lab.overlay.era.relaysUsers', message: 'Another online user’s machine, not necessarily a supernode'})}
          <Cite citation={profile.relaysCitation} />
        </>
      ) : (
        <strong>{translate({id: 'lab.overlay.era.relaysUnknown', message: 'Unknown from our sources: they say where the supernodes went, not the relays.'})}</strong>
      ),
    supernodesSee: supernodesSee && (
      <>
        {translate({id: 'lab.overlay.era.supernodesSee', message: 'The signalling they forwarded and the addresses of their clients'})}
        {microsoft && translate({id: 'lab.overlay.era.nowMicrosoft', message: ', now on Microsoft’s machines'})}
        {'. '}
        <em>{translate({id: 'lab.overlay.era.ourReading', message: 'Our reading of what an overlay node does, not a finding.'})}</em>
      </>
    ),
    relaysSee:
      relaysSee?.sees === 'encrypted-media' ? (
        <>
          {translate(
            {id: 'lab.overlay.era.relaysSeeMedia', message: 'Media they could not read: the callers agreed a {bits}-bit AES session key between themselves'},
            {bits: SESSION_KEY_BITS.value},
          )}
          {relaysSee.citations.map((citation) => (
            <Cite key={citation.section} citation={citation} />
          ))}
          {'. '}
          <em>{translate({id: 'lab.overlay.era.describedNotChecked', message: 'Described, not checked.'})}</em>
        </>
      ) : (
        <strong>{translate({id: 'lab.overlay.era.unknown', message: 'Unknown from our sources.'})}</strong>
      ),
  };
}

/** The chosen era as a small drawing: two clients, their supernode, and the relay of a call between them. */
const EraPicture = memo(function EraPicture({profile}: {profile: OverlayEraProfile}): ReactNode {
  const microsoft = profile.era === 'microsoft-2012';
  return (
    <svg className={styles.picture} viewBox="0 0 360 170" role="img" aria-label={eraTitle(profile.era)}>
      <rect x={8} y={20} width={70} height={36} rx={6} className={styles.node} />
      <text x={43} y={43} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.era.clientA', message: 'Client A'})}
      </text>
      <rect x={282} y={20} width={70} height={36} rx={6} className={styles.node} />
      <text x={317} y={43} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.era.clientB', message: 'Client B'})}
      </text>
      <rect x={110} y={8} width={140} height={60} rx={6} className={clsx(styles.node, microsoft ? styles.nodeHosted : styles.nodeUser)} />
      <text x={180} y={30} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.era.supernode', message: 'Supernode'})}
      </text>
      <text x={180} y={48} className={clsx(styles.note, styles.centred)}>
        {microsoft ? translate({id: 'lab.overlay.era.pictureMicrosoft', message: 'Microsoft’s server'}) : translate({id: 'lab.overlay.era.pictureUser', message: 'a user’s machine'})}
      </text>
      <text x={180} y={62} className={clsx(styles.note, styles.centred)}>
        {translate({id: 'lab.overlay.era.pictureCount', message: '{count} in the model'}, {count: number(profile.modelSupernodes)})}
      </text>
      <line x1={78} y1={38} x2={110} y2={38} className={styles.packetTcp} />
      <line x1={250} y1={38} x2={282} y2={38} className={styles.packetTcp} />
      <text x={180} y={84} className={clsx(styles.note, styles.centred)}>
        {translate({id: 'lab.overlay.era.signalling', message: 'signalling'})}
      </text>
      <rect x={110} y={110} width={140} height={44} rx={6} className={clsx(styles.node, profile.relays === 'unknown' ? styles.nodeUnknown : styles.nodeUser)} />
      <text x={180} y={130} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.era.relay', message: 'Relay'})}
      </text>
      <text x={180} y={146} className={clsx(styles.note, styles.centred)}>
        {profile.relays === 'unknown' ? translate({id: 'lab.overlay.era.pictureUnknown', message: '? unknown'}) : translate({id: 'lab.overlay.era.pictureUser', message: 'a user’s machine'})}
      </text>
      <line x1={43} y1={56} x2={110} y2={132} className={profile.relays === 'unknown' ? styles.packetUnknown : styles.packetUdp} />
      <line x1={317} y1={56} x2={250} y2={132} className={profile.relays === 'unknown' ? styles.packetUnknown : styles.packetUdp} />
      <text x={62} y={112} className={styles.note}>
        {translate({id: 'lab.overlay.era.media', message: 'media'})}
      </text>
    </svg>
  );
});

export interface EraViewProps {
  overlay: Overlay;
  era: OverlayEra;
  onEraChange(era: OverlayEra): void;
}

export default function EraView({overlay, era, onEraChange}: EraViewProps): ReactNode {
  const profiles = useMemo(() => compareOverlayEras(overlay), [overlay]);
  const cells = useMemo(() => profiles.map(eraCells), [profiles]);
  const selected = profiles.find((profile) => profile.era === era) ?? profiles[0];
  const tableId = useId();
  const rows: {key: keyof ReturnType<typeof eraCells>; label: string}[] = [
    {key: 'hosts', label: translate({id: 'lab.overlay.era.row.hosts', message: 'Who runs the supernodes'})},
    {key: 'reported', label: translate({id: 'lab.overlay.era.row.reported', message: 'Supernodes, as reported'})},
    {key: 'model', label: translate({id: 'lab.overlay.era.row.model', message: 'Supernodes in this model'})},
    {key: 'clients', label: translate({id: 'lab.overlay.era.row.clients', message: 'Clients per supernode'})},
    {key: 'relays', label: translate({id: 'lab.overlay.era.row.relays', message: 'Who relays media'})},
    {key: 'supernodesSee', label: translate({id: 'lab.overlay.era.row.supernodesSee', message: 'What a supernode could see'})},
    {key: 'relaysSee', label: translate({id: 'lab.overlay.era.row.relaysSee', message: 'What a relay could see'})},
  ];

  return (
    <>
      <div className={labStyles.fields}>
        <RadioField
          name="era"
          legend={translate({id: 'lab.overlay.field.era', message: 'Era'})}
          value={era}
          choices={profiles.map((profile) => ({value: profile.era, label: eraTitle(profile.era)}))}
          onChange={(value) => onEraChange(value === 'microsoft-2012' ? 'microsoft-2012' : 'original')}
        />
      </div>
      <p>
        <Translate id="lab.overlay.era.shown" values={{era: <Output name="era" value={selected.era} prose>{eraTitle(selected.era)}</Output>, count: <Output name="era-supernodes" value={String(selected.modelSupernodes)} />}}>
          {'Shown: {era}, with {count} supernodes in the model.'}
        </Translate>
      </p>
      <ResultStatus
        summary={translate({id: 'lab.overlay.era.status', message: 'Shown: {era}, with {count} supernodes in the model.'}, {era: eraTitle(selected.era), count: selected.modelSupernodes})}
      />
      <div className={styles.scrollBox}>
        <EraPicture profile={selected} />
      </div>
      <div className={styles.scrollBox}>
        <table className={styles.eraTable} aria-describedby={`${tableId}-note`}>
          <thead>
            <tr>
              <td />
              {profiles.map((profile) => (
                <th key={profile.era} scope="col" data-era={profile.era} className={clsx(profile.era === selected.era && styles.selectedColumn)}>
                  {eraTitle(profile.era)}
                  {profile.era === selected.era && <span className={styles.tag}>{translate({id: 'lab.overlay.era.selectedTag', message: '▲ drawn above'})}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                {profiles.map((profile, index) => (
                  <td key={profile.era} data-era={profile.era} className={clsx(profile.era === selected.era && styles.selectedColumn)}>
                    {cells[index][row.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={`${tableId}-note`} className={styles.explain}>
        <Translate id="lab.overlay.era.note">
          The counts are approximate, as reported. The login and search views follow what was measured in 2004; our sources do not say how the hosted supernodes of 2012 handled logins and searches, or whether they kept slots and blocks.
        </Translate>
      </p>
    </>
  );
}
