import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ENDPOINT_METADATA, type EndpointSpec } from './endpoint.decorator';

export interface RouteEntry {
  method: string;
  /** Express-style path, e.g. `/contacts/:id`. */
  path: string;
  controller: string;
  handler: string;
  /** The controller instance whose `handler` method answers the route. */
  instance: object;
  /** The status `@HttpCode` sets; without it Nest answers 201 to POST and 200 otherwise. */
  httpCode: number | undefined;
  spec: EndpointSpec | undefined;
}

/** Every route the application's controllers register, with its endpoint declaration (if any). */
export function routeTable(app: Pick<INestApplicationContext, 'get'>): RouteEntry[] {
  const discovery = app.get(DiscoveryService, { strict: false });
  const scanner = app.get(MetadataScanner, { strict: false });
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
    const base = pathsOf(Reflect.getMetadata(PATH_METADATA, metatype));
    for (const handler of scanner.getAllMethodNames(prototype)) {
      const target = prototype[handler]!;
      const methodPath = Reflect.getMetadata(PATH_METADATA, target);
      const method = Reflect.getMetadata(METHOD_METADATA, target) as RequestMethod | undefined;
      if (methodPath === undefined || method === undefined) continue;
      for (const prefix of base)
        for (const suffix of pathsOf(methodPath))
          routes.push({
            method: RequestMethod[method],
            path: joinPath(prefix, suffix),
            controller: metatype.name,
            handler,
            instance,
            httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, target) as number | undefined,
            spec: Reflect.getMetadata(ENDPOINT_METADATA, target) as EndpointSpec | undefined,
          });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [value === undefined ? '' : String(value)];
}

function joinPath(prefix: string, suffix: string): string {
  const joined = `/${[prefix, suffix]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined;
}
