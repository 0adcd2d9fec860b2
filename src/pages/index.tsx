import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

type Part = {title: string; to: string; summary: string};

const parts: Part[] = [
  {title: 'The network', to: '/docs/network-architecture', summary: 'Supernodes, host caches, login, and calls through NAT and firewalls.'},
  {title: 'The obfuscation layer', to: '/docs/obfuscation', summary: 'CRC-32 seeds, an 80-byte RC4 key per packet, and why the key travels with the packet.'},
  {title: 'Datagrams and data', to: '/docs/datagrams-and-commands', summary: 'Frames, commands, object lists and a range coder that Skype called arithmetic compression.'},
  {title: 'Detection', to: '/docs/protocol-detection', summary: 'How random-looking bytes gave Skype away to a chi-square test.'},
  {title: 'Law and history', to: '/docs/legal-issues', summary: 'Reverse engineering for interoperability, and the road from 2003 to the 2025 shutdown.'},
];

export default function Home(): ReactNode {
  return (
    <Layout
      title="How the old Skype protocol worked"
      description="An interactive notebook that teaches the pre-2014 Skype protocol from real 2006 traffic.">
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">The Skype Protocol Notebook</Heading>
          <p className={styles.lead}>
            Learn how the peer-to-peer Skype of 2003–2014 found its peers, crossed NATs, hid its packets and
            packed its data — from real traffic captured in 2006, with code you can change and run.
          </p>
          <Link className="button button--primary button--lg" to="/docs/introduction">
            Start reading
          </Link>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">What is inside</Heading>
        <ul className={styles.parts}>
          {parts.map((part) => (
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
