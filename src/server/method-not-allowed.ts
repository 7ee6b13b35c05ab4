import type { Context, Hono } from 'hono';
import { errorResponse } from './errors.js';

/** True when a route path such as /api/sessions/:id/answers matches a request path. */
function matchesRoute(routePath: string, requestPath: string): boolean {
  const route = routePath.split('/');
  const request = requestPath.split('/');
  if (route.length !== request.length) return false;
  return route.every((part, i) => (part.startsWith(':') ? request[i] !== '' : part === request[i]));
}

/** The methods the app's API routes accept at this path (GET implies HEAD); empty for an unknown path. */
export function allowedMethods(app: Hono, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/') || !matchesRoute(route.path, path)) continue;
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
  }
  return [...methods];
}

/** The API's last route: 405 with Allow for a known path and the wrong method, 404 otherwise. */
export function apiFallback(app: Hono) {
  return (c: Context): Response => {
    const methods = allowedMethods(app, c.req.path);
    if (methods.length === 0) return errorResponse(c, 'not_found', `no API route ${c.req.method} ${c.req.path}`, 404);
    c.header('allow', methods.join(', '));
    return errorResponse(c, 'method_not_allowed', `${c.req.path} accepts ${methods.join(', ')}, not ${c.req.method}`, 405);
  };
}
