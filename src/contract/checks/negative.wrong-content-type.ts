// negative.wrong-content-type: a POST with a Content-Type other than application/json gets the decided refusal
// (decisions.yaml contentType; today 400 INVALID_PAYLOAD, DECISIONS #21).
import { defineActiveCheck } from './check.ts';
import { basis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';

const isPost = (operation: { method: string }) => operation.method === 'post';

export const negativeWrongContentType = defineActiveCheck({
  id: 'negative.wrong-content-type',
  title: 'Wrong request Content-Type not rejected',
  severity: 'medium',
  description: 'A POST sent as text/plain that is accepted, answered with a 5xx, or rejected with anything but the decided refusal (decisions.yaml contentType, today 400 INVALID_PAYLOAD) naming Content-Type.',
  appliesTo: isPost,
  basis: basis(['21'], ['S3']),
  run: (ctx) =>
    probeEach(ctx, { auth: 'header', filter: isPost }, (base) => ({
      what: 'a JSON body sent as Content-Type: text/plain',
      status: ctx.decisions.contentType.status,
      code: ctx.decisions.contentType.code,
      entry: 'contentType',
      names: 'Content-Type',
      basis: negativeWrongContentType.basis!,
      probe: { ...base, contentType: 'text/plain' },
    })),
});
