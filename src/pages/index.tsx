import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import styles from './index.module.css';

type Part = {title: string; to: string; summary: string};

/** The parts of the notebook, read when the page renders so that each follows the reader's language. */
function parts(): Part[] {
  return [
    {
      title: translate({id: 'home.part.network.title', message: 'The network'}),
      to: '/docs/network-architecture',
      summary: translate({id: 'home.part.network.summary', message: 'Supernodes, host caches, login, and calls through NAT and firewalls.'}),
    },
    {
      title: translate({id: 'home.part.obfuscation.title', message: 'The obfuscation layer'}),
      to: '/docs/obfuscation',
      summary: translate({
        id: 'home.part.obfuscation.summary',
        message: 'CRC-32 seeds, an 80-byte RC4 key per packet, and why the key travels with the packet.',
      }),
    },
    {
      title: translate({id: 'home.part.data.title', message: 'Datagrams and data'}),
      to: '/docs/datagrams-and-commands',
      summary: translate({
        id: 'home.part.data.summary',
        message: 'Frames, commands, object lists and a range coder that Skype called arithmetic compression.',
      }),
    },
    {
      title: translate({id: 'home.part.detection.title', message: 'Detection'}),
      to: '/docs/protocol-detection',
      summary: translate({id: 'home.part.detection.summary', message: 'How random-looking bytes gave Skype away to a chi-square test.'}),
    },
    {
      title: translate({id: 'home.part.law.title', message: 'Law and history'}),
      to: '/docs/legal-issues',
      summary: translate({
        id: 'home.part.law.summary',
        message: 'Reverse engineering for interoperability, and the road from 2003 to the 2025 shutdown.',
      }),
    },
  ];
}

export default function Home(): ReactNode {
  return (
    <Layout
      title={translate({id: 'home.title', message: 'How the old Skype protocol worked'})}
      description={translate({
        id: 'home.description',
        message: 'An interactive notebook that teaches the pre-2014 Skype protocol from real 2006 traffic.',
      })}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">
            <Translate id="home.heading">The Skype Protocol Notebook</Translate>
          </Heading>
          <p className={styles.lead}>
            <Translate id="home.lead">
              Learn how the peer-to-peer Skype of 2003–2014 found its peers, crossed NATs, hid its packets and packed its
              data — from real traffic captured in 2006, with code you can change and run.
            </Translate>
          </p>
          <Link className="button button--primary button--lg" to="/docs/introduction">
            <Translate id="home.start">Start reading</Translate>
          </Link>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">
          <Translate id="home.inside">What is inside</Translate>
        </Heading>
        <ul className={styles.parts}>
          {parts().map((part) => (
            <li key={part.to}>
              <Link to={part.to} className={styles.partTitle}>
                {part.title}
              </Link>
              <p>{part.summary}</p>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
