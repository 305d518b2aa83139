// Log lines batched per event-loop turn: one write per burst instead of one per request (bench: writev was the top cost).

/** A writer for one stream (stdout or stderr); call flush() before exiting. */
export function batchedOutput(stream: NodeJS.WritableStream): { write: (text: string) => void; flush: () => void } {
  let pending = '';
  const flush = () => {
    if (pending) stream.write(pending);
    pending = '';
  };
  const write = (text: string) => {
    if (pending === '') setImmediate(flush);
    pending += text;
  };
  return { write, flush };
}
