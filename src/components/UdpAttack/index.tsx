/**
 * Lab "the key is in the packet" (`data-widget="udp-attack"`): given a captured datagram and the
 * two public addresses, the learner derives the RC4 seed from the header alone and decrypts the
 * payload, stage by stage, down to the commands and their object lists (protocol.md §2.2, §2.6,
 * §5, §7). Interface state only: the attack itself is in attack.ts, on the protocol library.
 */
import {useCallback, useId, useMemo, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import LabField from '@site/src/components/lab/LabField';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import SamplePicker from '@site/src/components/lab/SamplePicker';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {problemMessage, protocolErrorMessage} from '@site/src/components/lab/messages';
import {parseHexInput, parseIpv4Input, spacedHex} from '@site/src/components/lab/parseInput';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {UDP_SAMPLES, type UdpSample} from '@site/src/data/sampleTraffic';
import {MAX_UDP_PAYLOAD_LENGTH, ProtocolError, UDP_TYPES, bytesToHex, seedToHex, udpPacketType} from '@site/src/protocol';
import {attackUdpDatagram, type UdpAttack, type UnsupportedDatagram} from './attack';
import Stages from './Stages';

export interface UdpAttackProps {
  /** The anchor of the widget, for links to it. Default 'udp-attack'. */
  id?: string;
  /** The sample shown first, by its id in UDP_SAMPLES ('slide-41', 'frame-219', …). Default: the first, Silver Needle slide 41. */
  sample?: string;
}

const defaults = {id: 'udp-attack', sample: UDP_SAMPLES[0].id};

type InputName = 'sample' | 'datagram' | 'source-ip' | 'destination-ip' | 'teaching-engine';

function inputsOfSample(sample: UdpSample): Record<Exclude<InputName, 'teaching-engine'>, string> {
  return {sample: sample.id, datagram: spacedHex(sample.bytes), 'source-ip': sample.srcIp, 'destination-ip': sample.dstIp};
}

/** The addresses on the wire, as the origin of a sample gives them: "(a.b.c.d:port -> e.f.g.h:port)". */
function wireAddresses(origin: string): {source: string; destination: string} | null {
  const found = /(\d+\.\d+\.\d+\.\d+):\d+ -> (\d+\.\d+\.\d+\.\d+):\d+/.exec(origin);
  return found ? {source: found[1], destination: found[2]} : null;
}

// spec §2.2: a sender that does not know its own public address yet uses this one.
const UNKNOWN_ADDRESS = '0.0.0.0';

/** Why a datagram of another type cannot be attacked here, naming the func byte that says its type. */
function unsupportedMessage(field: string, {datagram, header}: UnsupportedDatagram): string {
  const values = {
    field,
    offset: header.find((span) => span.field === 'func')!.start, // every type has a func byte
    func: datagram.func.toString(16).padStart(2, '0'),
    type: udpPacketType(datagram.func).toString(16),
    payload: UDP_TYPES.payload,
    resend: UDP_TYPES.resend,
  };
  switch (datagram.kind) {
    case 'nack':
      return translate(
        {
          id: 'lab.udpAttack.unsupported.nack',
          message: '{field}: byte {offset} (func 0x{func}) makes this a type {type} NAck / NAT info datagram. It is sent in clear and carries no encrypted payload; this lab takes type {payload} (payload) and type {resend} (resend) datagrams.',
        },
        values,
      );
    case 'fragment':
      return translate(
        {
          id: 'lab.udpAttack.unsupported.fragment',
          message: '{field}: byte {offset} (func 0x{func}) makes this a fragment (type 0x{type}). Its plaintext is only a piece of a command; this lab takes type {payload} (payload) and type {resend} (resend) datagrams.',
        },
        values,
      );
    default:
      return translate(
        {
          id: 'lab.udpAttack.unsupported.other',
          message: '{field}: byte {offset} (func 0x{func}) makes this a type 0x{type} datagram, which has no obfuscated payload this lab can read; it takes type {payload} (payload) and type {resend} (resend) datagrams.',
        },
        values,
      );
  }
}

function SampleNotes({sample, edited}: {sample: UdpSample; edited: boolean}): ReactNode {
  const wire = wireAddresses(sample.origin);
  const isResend = sample.id.startsWith('resend-');
  // The client behind NAT: the wire address that differs from the one in the seed.
  const natClient =
    wire && sample.srcIp !== UNKNOWN_ADDRESS && !isResend
      ? wire.source !== sample.srcIp
        ? {private: wire.source, public: sample.srcIp}
        : wire.destination !== sample.dstIp
          ? {private: wire.destination, public: sample.dstIp}
          : null
      : null;
  return (
    <div className={labStyles.notes}>
      {isResend ? (
        <p>
          <Translate id="lab.udpAttack.sample.resend">
            A resend’s seed does not use the addresses, so the address fields do not matter here; they hold the addresses of the slide.
          </Translate>
        </p>
      ) : (
        <p>
          <Translate
            id="lab.udpAttack.sample.public"
            values={{source: <code>{sample.srcIp}</code>, destination: <code>{sample.dstIp}</code>}}>
            {'The seed uses the public addresses as the sender believed them, here {source} → {destination}, not necessarily the addresses on the wire.'}
          </Translate>{' '}
          {sample.srcIp === UNKNOWN_ADDRESS && (
            <Translate id="lab.udpAttack.sample.zero" values={{address: <code>{UNKNOWN_ADDRESS}</code>, citation: <Link to="/docs/references#biondi2006"><Translate id="lab.udpAttack.citation.silverNeedle">Silver Needle</Translate></Link>}}>
              {'The sender did not know its own public address yet, so it used {address} as the source ({citation}).'}
            </Translate>
          )}
          {natClient && (
            <Translate
              id="lab.udpAttack.sample.nat"
              values={{
                private: <code>{natClient.private}</code>,
                public: <code>{natClient.public}</code>,
                capture: <Link to="/docs/references#skypeirccap"><Translate id="lab.udpAttack.citation.capture">SkypeIRC.cap</Translate></Link>,
                analysis: <Link to="/docs/references#schlatterbeck2010"><Translate id="lab.udpAttack.citation.schlatterbeck">Schlatterbeck</Translate></Link>,
              }}>
              {'The capture’s client sat behind NAT at {private}; its public address {public}, which its peers reported to it in NAck datagrams, is the one in the seed ({capture}; {analysis}).'}
            </Translate>
          )}
        </p>
      )}
      {edited && (
        <p className={labStyles.note}>
          <Translate id="lab.udpAttack.sample.edited">You have changed this sample’s fields: the results below are for your version.</Translate>
        </p>
      )}
    </div>
  );
}

/** The attack's outcome in a sentence, for screen readers: the seed, the key, and what decrypting gave. */
function resultSummary(attack: UdpAttack): string {
  const {decryption} = attack;
  let outcome: string;
  if (!decryption) {
    outcome = translate({id: 'lab.udpAttack.status.noKey', message: 'this site has no key for this seed.'});
  } else if (decryption.commands.kind === 'problem') {
    outcome = decryption.crcOk
      ? translate({id: 'lab.udpAttack.status.crcOkNoCommands', message: 'the CRC matches, but the plaintext does not read as commands.'})
      : translate({id: 'lab.udpAttack.status.crcBadNoCommands', message: 'the CRC does not match, and the plaintext does not read as commands.'});
  } else {
    const commands = decryption.commands.readings.map(({span}) => span.command.cmd).join(', ');
    outcome = decryption.crcOk
      ? translate({id: 'lab.udpAttack.status.crcOk', message: 'the CRC matches; commands {commands}.'}, {commands})
      : translate({id: 'lab.udpAttack.status.crcBad', message: 'the CRC does not match; commands {commands}.'}, {commands});
  }
  return translate(
    {id: 'lab.udpAttack.status', message: 'Packet id {packetId}: RC4 seed {seed}; {outcome}'},
    {packetId: attack.datagram.packetId.toString(16).padStart(4, '0'), seed: seedToHex(attack.seed), outcome},
  );
}

/**
 * The UDP attack lab. Inputs live in the address as `?ua.<name>=…` for share links.
 */
export default function UdpAttack({id = defaults.id, sample: initialSample = defaults.sample}: UdpAttackProps): ReactNode {
  const titleId = useId();
  const startSample = UDP_SAMPLES.find((sample) => sample.id === initialSample) ?? UDP_SAMPLES[0];
  const [inputs, setInput, setMany] = useUrlInputs<InputName>('ua', {...inputsOfSample(startSample), 'teaching-engine': 'off'});

  const labels = {
    datagram: translate({id: 'lab.udpAttack.datagram', message: 'Datagram (UDP payload, hex)'}),
    source: translate({id: 'lab.udpAttack.sourceIp', message: 'Source IP (public, as the sender believed)'}),
    destination: translate({id: 'lab.udpAttack.destinationIp', message: 'Destination IP (public, as the sender believed)'}),
  };

  const parsedDatagram = useMemo(() => parseHexInput(inputs.datagram, {maximum: MAX_UDP_PAYLOAD_LENGTH}), [inputs.datagram]);
  const parsedSource = useMemo(() => parseIpv4Input(inputs['source-ip']), [inputs['source-ip']]);
  const parsedDestination = useMemo(() => parseIpv4Input(inputs['destination-ip']), [inputs['destination-ip']]);
  const useTeachingEngine = inputs['teaching-engine'] === 'on';

  const outcome = useMemo(() => {
    if (!parsedDatagram.ok || !parsedSource.ok || !parsedDestination.ok) return null;
    try {
      return attackUdpDatagram(parsedDatagram.value, {srcIp: parsedSource.value, dstIp: parsedDestination.value}, useTeachingEngine);
    } catch (error) {
      if (error instanceof ProtocolError) return error;
      throw error;
    }
  }, [parsedDatagram, parsedSource, parsedDestination, useTeachingEngine]);

  const datagramProblem = !parsedDatagram.ok
    ? problemMessage(labels.datagram, parsedDatagram.problem)
    : outcome instanceof ProtocolError
      ? protocolErrorMessage(labels.datagram, outcome)
      : outcome?.kind === 'unsupported'
        ? unsupportedMessage(labels.datagram, outcome)
        : null;
  const sourceProblem = parsedSource.ok ? null : problemMessage(labels.source, parsedSource.problem);
  const destinationProblem = parsedDestination.ok ? null : problemMessage(labels.destination, parsedDestination.problem);
  const firstProblem = datagramProblem ?? sourceProblem ?? destinationProblem;

  const attempt: Attempt<UdpAttack> =
    outcome !== null && !(outcome instanceof ProtocolError) && outcome.kind === 'attack' ? {ok: true, value: outcome} : {ok: false, message: firstProblem ?? ''};
  const {value: attack} = useLastGood<UdpAttack | null>(attempt, null);

  const selectedSample = UDP_SAMPLES.find((sample) => sample.id === inputs.sample) ?? null;
  const edited =
    selectedSample !== null &&
    (!parsedDatagram.ok ||
      bytesToHex(parsedDatagram.value) !== bytesToHex(selectedSample.bytes) ||
      inputs['source-ip'].trim() !== selectedSample.srcIp ||
      inputs['destination-ip'].trim() !== selectedSample.dstIp);

  const onTeachingEngineChange = useCallback((use: boolean) => setInput('teaching-engine', use ? 'on' : 'off'), [setInput]);

  return (
    <section data-widget="udp-attack" id={id} aria-labelledby={titleId} className={labStyles.panel}>
      <h3 id={titleId} className={labStyles.panelTitle}>
        <Translate id="lab.udpAttack.title">The key is in the packet</Translate>
      </h3>
      <p>
        <Translate id="lab.udpAttack.intro">
          An eavesdropper who captures a datagram knows its header and the two addresses. Step through the attack to see that this is all it takes to find the RC4 seed; only the
          step from seed to key needs Skype’s own code.
        </Translate>
      </p>

      <div className={labStyles.fields}>
        <SamplePicker
          label={translate({id: 'lab.udpAttack.sample', message: 'Datagram to attack'})}
          samples={UDP_SAMPLES}
          selected={inputs.sample}
          ownLabel={translate({id: 'lab.udpAttack.sample.own', message: 'My own datagram'})}
          onPick={(sample) => setMany(inputsOfSample(sample))}
        />
        <LabField
          name="datagram"
          label={labels.datagram}
          value={inputs.datagram}
          onChange={(value) => setInput('datagram', value)}
          problem={datagramProblem}
          hint={translate({id: 'lab.udpAttack.datagramHint', message: 'The UDP payload, from the packet id on. Spaces, colons and 0x are fine.'})}
          multiline
          wide
        />
        <LabField name="source-ip" label={labels.source} value={inputs['source-ip']} onChange={(value) => setInput('source-ip', value)} problem={sourceProblem} />
        <LabField
          name="destination-ip"
          label={labels.destination}
          value={inputs['destination-ip']}
          onChange={(value) => setInput('destination-ip', value)}
          problem={destinationProblem}
        />
      </div>

      {selectedSample && <SampleNotes sample={selectedSample} edited={edited} />}
      {firstProblem && attack && (
        <p className={labStyles.note}>
          <Translate id="lab.udpAttack.lastGood">The steps below still show the last datagram that could be read.</Translate>
        </p>
      )}
      <ShareLinkButton prefix="ua" inputs={inputs} anchor={id} />
      <ResultStatus summary={attack ? resultSummary(attack) : ''} />

      {attack ? (
        <Stages attack={attack} useTeachingEngine={useTeachingEngine} onTeachingEngineChange={onTeachingEngineChange} />
      ) : (
        <p className={labStyles.note}>
          <Translate id="lab.udpAttack.nothingYet">Nothing to attack yet: correct the fields above.</Translate>
        </p>
      )}
    </section>
  );
}
