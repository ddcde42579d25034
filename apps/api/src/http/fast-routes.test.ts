import { Body, Controller, type PipeTransform, Post, Query, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Access, type AccessRule } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, type EndpointSpec } from './endpoint.decorator';
import { fastHandlerOf } from './fast-routes';
import type { RouteEntry } from './route-table';

const spec = (access: AccessRule = Access.ingest): EndpointSpec => ({
  summary: 'test',
  access,
  body: z.object({}),
  fastPath: true,
});

class Upper implements PipeTransform {
  transform(value: unknown) {
    return typeof value === 'string' ? value.toUpperCase() : value;
  }
}

@Controller()
class Handlers {
  @Post('right')
  @Endpoint(spec())
  async right(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Req() req: Request) {
    return { principal, body, path: req.path };
  }

  @Post('swapped')
  @Endpoint(spec())
  async swapped(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() req: Request) {
    return { principal, body, req };
  }

  @Post('extra')
  @Endpoint(spec())
  async extra(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Req() req: Request,
    @Query() query: unknown,
  ) {
    return { principal, body, req, query };
  }

  @Post('one-field')
  @Endpoint(spec())
  async oneField(@CurrentPrincipal() principal: Principal, @Body('name') name: unknown, @Req() req: Request) {
    return { principal, name, req };
  }

  @Post('guarded')
  @Endpoint(spec())
  @UseGuards(
    class {
      canActivate() {
        return true;
      }
    },
  )
  async guarded(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Req() req: Request) {
    return { principal, body, req };
  }

  @Post('piped')
  @Endpoint(spec())
  async piped(@CurrentPrincipal() principal: Principal, @Body(Upper) body: unknown, @Req() req: Request) {
    return { principal, body, req };
  }

  @Post('public')
  @Endpoint(spec(Access.public))
  async open(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Req() req: Request) {
    return { principal, body, req };
  }
}

const instance = new Handlers();
const route = (handler: keyof Handlers): RouteEntry => ({
  method: 'POST',
  path: `/${handler}`,
  controller: 'Handlers',
  handler,
  instance,
  httpCode: undefined,
  spec: Reflect.getMetadata('loa:endpoint', Handlers.prototype[handler]) as EndpointSpec,
});

describe('fast routes only serve handlers that take (principal, body, request)', () => {
  it('accepts a handler with exactly those arguments and returns the controller method itself', () => {
    expect(fastHandlerOf(route('right'))).toBe(Handlers.prototype.right);
  });

  it('refuses a handler that declares a guard or a pipe, which the fast path would not run', () => {
    expect(() => fastHandlerOf(route('guarded'))).toThrow('__guards__');
    expect(() => fastHandlerOf(route('piped'))).toThrow('Handlers.piped is declared fastPath');
  });

  it.each(['swapped', 'extra', 'oneField'] as const)(
    'refuses %s at start-up, naming the handler',
    (handler) => {
      expect(() => fastHandlerOf(route(handler))).toThrow(`Handlers.${handler} is declared fastPath`);
    },
  );

  it('refuses a public route: a fast route always has an authenticated caller', () => {
    expect(() => fastHandlerOf(route('open'))).toThrow('fastPath needs a caller');
  });
});
