import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Response } from 'express';
import { absolutePath } from 'swagger-ui-dist';
import { z } from 'zod';
import { Access } from '../auth/access';
import { Endpoint } from '../http/endpoint.decorator';
import { problems } from '../http/problem';
import { routeTable } from '../http/route-table';
import { buildOpenApiDocument } from './build-openapi-document';

const TAGS = ['Documentation'];
const DOCS_ASSETS = new Set([
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
]);

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Loa API</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
    <link rel="icon" href="/docs/assets/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

@Controller()
export class OpenApiController {
  private document: unknown;

  constructor(private readonly moduleRef: ModuleRef) {}

  @Get('openapi.json')
  @Endpoint({ summary: 'This OpenAPI 3.1 document', tags: TAGS, access: Access.public })
  openapi() {
    this.document ??= buildOpenApiDocument(routeTable(this.moduleRef), { version: '0.1.0' });
    return this.document;
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Endpoint({
    summary: 'Browsable API documentation',
    tags: TAGS,
    access: Access.public,
    responseContentType: 'text/html',
  })
  docs() {
    return DOCS_PAGE;
  }

  @Get('docs/init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Endpoint({
    summary: 'Start-up script of the documentation page',
    tags: TAGS,
    access: Access.public,
    responseContentType: 'text/javascript',
  })
  docsInit() {
    return DOCS_INIT;
  }

  @Get('docs/assets/:file')
  @Endpoint({
    summary: 'Static files of the documentation page',
    tags: TAGS,
    access: Access.public,
    params: z.object({ file: z.string().max(100) }),
  })
  docsAsset(@Param() params: { file: string }, @Res() res: Response) {
    if (!DOCS_ASSETS.has(params.file)) throw problems.notFound('Documentation file');
    res.type(params.file.split('.').pop()!).send(readFileSync(join(absolutePath(), params.file)));
  }
}
