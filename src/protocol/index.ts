/**
 * The public API of the protocol library: the 2006 Skype wire formats, byte for byte.
 * Live code imports it as `skype`; widgets and tests import it from here. Reference: docs/14-library-api.mdx.
 */
export {ProtocolError} from './errors';
export {bytesToHex, concatBytes, hexToBytes, ipv4ToNumber, numberToIpv4} from './bytes';
export {crc32, skypeCrc32, udpCrcInput, udpCrcSeed} from './crc32';
export {Rc4, rc4Keystream, type Rc4Observer, type Rc4OutputStep, type Rc4ScheduleStep} from './rc4';
export {KEY_LENGTH, nextIv, previousIv, seedToHex, tableKeyEngine, teachingKeyEngine, type KeyEngine, type RecordedKeyEngine} from './keyEngine';
export {decodeVarint, encodeVarint} from './varint';
export {
  COMPRESSED_LIST_MARKER,
  OBJECT_LIST_LIMITS,
  RAW_LIST_MARKER,
  compressedCodingOrder,
  decodeCompressedObjectList,
  decodeObjectList,
  decodeRawObjectList,
  encodeCompressedObjectList,
  encodeObjectList,
  encodeRawObjectList,
  type CompressedCodingOptions,
  type CompressedDecodingOptions,
  type ObjectItem,
  type ObjectItemSpan,
  type ObjectItemSpanListener,
  type ObjectListFormat,
  type RangeCoderObserver,
  type RangeCoderStep,
} from './objectList';
export {COMMAND_FLAGS, MAX_COMMAND_NUMBER, commandHasReqid, encodeCommands, parseCommands, readCommands, type Command, type CommandSpan} from './commands';
export {
  FRAGMENT_HEADER_LENGTH,
  MAX_DATAGRAM_LENGTH,
  MAX_FRAGMENTS,
  MAX_FRAGMENT_PLAINTEXT,
  PAYLOAD_HEADER_LENGTH,
  UDP_TYPES,
  deobfuscateUdp,
  encodeNack,
  fragmentUdp,
  obfuscateResend,
  obfuscateUdp,
  parseUdpDatagram,
  reassembleFragments,
  udpFieldLayout,
  udpPacketType,
  udpRc4Seed,
  type UdpAddresses,
  type UdpDatagram,
  type UdpFieldName,
  type UdpFieldNames,
  type UdpFieldSpan,
} from './udp';
export {
  TCP_CONTROL_TYPES,
  TCP_HEADER_LENGTH,
  TCP_INIT_LENGTH,
  deobfuscateTcpStream,
  encodeTcpFrames,
  knownTcpInit,
  obfuscateTcpStream,
  parseTcpFrames,
  type TcpFrame,
  type TcpFrameInput,
} from './tcp';
export {MAX_UDP_PAYLOAD_LENGTH, internetChecksum, readPcap, toPcap, type PcapPacket} from './pcap';
