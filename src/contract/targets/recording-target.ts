// A Target wrapper that records every exchange it sees into a HAR writer (npm run verify -- --record DIR).
import type { Target } from './target.ts';
import type { HarWriter } from '../../har/writer.ts';

/** Same target, same answers; each successful exchange is also added to the recording. */
export function recordingTarget(target: Target, writer: HarWriter): Target {
  return {
    ...target,
    send: async (request) => {
      const result = await target.send(request);
      if (result.ok) writer.add(result.value);
      return result;
    },
    close: () => target.close(),
  };
}
