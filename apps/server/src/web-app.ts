import { access } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app, compressed when the browser accepts it (the build writes Brotli and
 * gzip copies of every text file). Hashed assets are cached for a year; `index.html` is revalidated on
 * every load so a new release reaches users at once. Any other GET of a path without a file
 * extension is a client route and gets `index.html`, so deep links work; API paths and missing
 * files get a 404.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = await access(join(webRoot, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!built) {
    app.log.warn(
      { webRoot },
      'the web app is not built; serving the API only (run `npm start` or `pnpm build`)',
    );
  } else {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The web build writes .br and .gz copies; browsers that accept them get those.
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.startsWith(join(webRoot, 'assets'))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/trpc') &&
      !/\.[a-z0-9]+$/i.test(path);
    if (built && isPage) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: 'There is nothing at this address.',
        requestId: request.id,
      },
    });
  });
}
