/**
 * The size of some bytes after DEFLATE (raw, without a zlib or gzip header), from the browser's own
 * CompressionStream: a general-purpose compressor to compare Skype's modelled coder with. It is
 * asynchronous, and missing outside browsers (unit tests, old browsers).
 */
import {useEffect, useState} from 'react';

/** The size in bytes, 'pending' until the stream has finished, 'unavailable' without CompressionStream. */
export type DeflateSize = number | 'pending' | 'unavailable';

async function deflateRawSize(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

export function useDeflateSize(bytes: Uint8Array): DeflateSize {
  const [result, setResult] = useState<{bytes: Uint8Array; size: DeflateSize} | null>(null);
  useEffect(() => {
    if (typeof CompressionStream === 'undefined') {
      setResult({bytes, size: 'unavailable'});
      return undefined;
    }
    let cancelled = false;
    deflateRawSize(bytes).then(
      (size) => {
        if (!cancelled) setResult({bytes, size});
      },
      () => {
        if (!cancelled) setResult({bytes, size: 'unavailable'});
      },
    );
    return () => {
      cancelled = true;
    };
  }, [bytes]);
  // A result for earlier bytes is stale: show "…" until the new one is in.
  return result !== null && result.bytes === bytes ? result.size : 'pending';
}
