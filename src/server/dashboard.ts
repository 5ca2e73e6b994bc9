/**
 * The dashboard's files (the Vite build in dist/web) under /app/, before authentication: the page and
 * its scripts hold no data, every figure comes from the API with the user's token. Any /app/ path that
 * is not a file gets index.html (the dashboard routes in the browser); `/` redirects to /app/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { fail } from './api-error.js';
import type { App } from './app-env.js';

/** dist/web next to the compiled server (dist/server/dashboard.js). */
export const DEFAULT_WEB_ROOT = new URL('../web/', import.meta.url).pathname;

export function dashboardRoutes(app: App, root: string): void {
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/app/*', (c) =>
      fail(c, 404, { code: 'NO_DASHBOARD', message: 'the dashboard is not built: run npm run build' }),
    );
    return;
  }
  app.get('/', (c) => c.redirect('/app/'));
  app.get('/app', (c) => c.redirect('/app/'));
  // The bundles are text: gzip takes the page from ~1.5 MB to ~0.5 MB on the wire.
  app.use('/app/*', compress());
  app.use(
    '/app/*',
    serveStatic({
      root,
      rewriteRequestPath: (path) => path.replace(/^\/app/, ''),
      onFound: (path, c) => {
        // Hashed bundles never change; the page itself is always revalidated.
        c.header(
          'Cache-Control',
          /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  app.get('/app/*', serveStatic({ root, path: 'index.html' }));
}
