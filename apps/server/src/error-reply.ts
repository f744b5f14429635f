import type { FastifyReply, FastifyRequest } from 'fastify';

/** The one shape of every error the server answers outside tRPC: a code, a safe message, the id. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
) {
  return reply.status(status).send({ error: { code, message, requestId: request.id } });
}
