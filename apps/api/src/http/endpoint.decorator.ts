import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';
import type { AccessRule } from '../auth/access';

export const ENDPOINT_METADATA = 'loa:endpoint';

export interface EndpointResponse {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

/**
 * What a route is, who may call it and what it takes: the single declaration behind the access guard, request
 * validation (the parsed values replace `body`, `query` and `params`) and the OpenAPI document.
 */
export interface EndpointSpec {
  summary: string;
  description?: string;
  tags?: string[];
  access: AccessRule;
  /** A POST that changes nothing (its query does not fit in a URL): readers may call it. */
  readOnly?: true;
  params?: z.ZodType;
  query?: z.ZodType;
  /** JSON body, validated. Routes that stream their body (uploads) describe it in `rawBody` instead. */
  body?: z.ZodType;
  rawBody?: { contentType: string; description: string; schema?: z.ZodType };
  /** Success status (default 200) and its body. */
  status?: number;
  response?: z.ZodType;
  responseContentType?: string;
  /** Other media types the success answer is also served as, chosen by the request's Accept header. */
  alsoServedAs?: string[];
  /** Other documented answers (errors are problem+json and need no schema). */
  responses?: Record<number, EndpointResponse>;
  /**
   * Served ahead of Nest's router by the fast routes (`fast-routes.ts`), with the same access rule, rate limit,
   * validation and problem answers, for routes called thousands of times a second. The handler must take
   * `(@CurrentPrincipal() principal, @Body() body, @Req() req)`.
   */
  fastPath?: true;
}

export const Endpoint = (spec: EndpointSpec) => SetMetadata(ENDPOINT_METADATA, spec);
