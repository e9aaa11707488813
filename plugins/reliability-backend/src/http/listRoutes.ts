import express from 'express';

/** One route an Express router serves: its method and path, `:params` as written. */
export type RouteEntry = { method: string; path: string };

/**
 * Every route of `router`, walking the routers mounted in it (this plugin mounts each
 * capability's router at its root, so paths are the routes' own).
 */
export function listRoutes(router: express.Router): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const layer of (router as any).stack ?? []) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        routes.push({ method, path: layer.route.path });
      }
    } else if (layer.handle?.stack) {
      routes.push(...listRoutes(layer.handle));
    }
  }
  return routes;
}
