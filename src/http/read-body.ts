// Reads a response body while it streams: decoded (gzip, deflate, br) and counted, stopped at the size cap.
import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export type BodyOutcome =
  | { kind: 'body'; bytes: Buffer }
  | { kind: 'too-large'; bytesRead: number }
  | { kind: 'unreadable'; reason: string };

function decoderFor(encoding: string): Transform | undefined {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return undefined;
}

/** The body stream after every content-encoding is undone (last applied, first removed); unknown ones stay as sent. */
function decoded(response: IncomingMessage): Readable {
  const encodings = (response.headers['content-encoding'] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean).reverse();
  const decoders = encodings.map(decoderFor).filter((d): d is Transform => d !== undefined);
  if (decoders.length === 0) return response;
  // pipeline destroys every stage when one fails or the reader stops, so nothing keeps inflating behind our back.
  return pipeline([response, ...decoders], () => undefined) as unknown as Readable;
}

/**
 * Collect at most `maxBytes` decoded bytes. Past the cap the streams are destroyed at once, so a 50 MB body,
 * an endless one or a gzip bomb costs about `maxBytes` of memory, never what the server meant to send.
 */
export async function readCappedBody(response: IncomingMessage, maxBytes: number): Promise<BodyOutcome> {
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        response.destroy();
        return { kind: 'too-large', bytesRead: size };
      }
      chunks.push(chunk as Buffer);
    }
  } catch (cause) {
    response.destroy();
    return { kind: 'unreadable', reason: (cause as { code?: string }).code ?? (cause as Error).message };
  }
  return { kind: 'body', bytes: Buffer.concat(chunks) };
}
