import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from './error-reply.js';

/** The header the platform's clients send with every API request; the web client sets it. */
export const clientHeader = 'x-prevention-client';

/**
 * Cross-site request forgery defences for the API, beyond SameSite cookies, applied before the
 * body is read so that a refused request changes nothing:
 * - every request carries `x-prevention-client`: a page on another site cannot add a custom
 *   header without a CORS preflight, which this server never grants;
 * - a request the browser marks as coming from another site (`Sec-Fetch-Site`) is refused;
 * - a mutation must show that it comes from this very origin, by `Sec-Fetch-Site: same-origin`
 *   or an `Origin` equal to ours;
 * - a body must be JSON: the form encodings and text/plain, which a cross-site form can send
 *   without a preflight, are refused.
 */
export interface GuardOptions {
  /**
   * Body media types accepted besides JSON: ones a cross-site form cannot send without a
   * preflight (`application/octet-stream` for an upload's bytes), never a form encoding.
   */
  bodyTypes?: readonly string[];
  /**
   * GET paths a browser may load without the client header, as a download link does. Safe
   * because the session cookie is SameSite=Strict: a link on another site arrives without it,
   * and `Sec-Fetch-Site` still refuses cross-site requests.
   */
  downloads?: readonly string[];
}

export function registerApiRequestGuard(
  app: FastifyInstance,
  prefix: string,
  options: GuardOptions = {},
): void {
  const bodyTypes = new Set(['application/json', ...(options.bodyTypes ?? [])]);
  const downloads = new Set(options.downloads ?? []);
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return;
    reply.header('cache-control', 'no-store');
    const refusal = refuse(request, {
      bodyTypes,
      download: request.method === 'GET' && downloads.has(path),
    });
    if (refusal) return sendError(request, reply, refusal.status, refusal.code, refusal.message);
    return undefined;
  });
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

function refuse(
  request: FastifyRequest,
  options: { bodyTypes: ReadonlySet<string>; download: boolean },
): Refusal | undefined {
  const client = request.headers[clientHeader];
  if (!options.download && (typeof client !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(client))) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: `API requests must carry the ${clientHeader} header that the platform's clients send.`,
    };
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, code: 'FORBIDDEN', message: 'Cross-site API requests are refused.' };
  }
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') {
    return undefined;
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === undefined || !options.bodyTypes.has(mediaType)) {
    return {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `API requests with a body must send it as ${[...options.bodyTypes].join(' or ')}.`,
    };
  }
  if (site !== 'same-origin' && !isOwnOrigin(request, request.headers.origin)) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: 'Changes must come from this site: the Origin header does not match it.',
    };
  }
  return undefined;
}

function isOwnOrigin(request: FastifyRequest, origin: string | undefined): boolean {
  if (!origin) return false;
  return origin === `${request.protocol}://${request.host}`;
}
