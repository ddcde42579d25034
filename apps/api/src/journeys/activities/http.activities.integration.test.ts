import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { HttpStep, JourneyActivities, JourneyRef } from '@loa/engine';
import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { ContactsService } from '../../contacts/contacts.service';
import { WorkspaceSecrets } from '../../secrets/workspace-secrets';
import { seededSecret } from '../../testing/seeded-secret';
import { bindJourneyActivities } from '../journey-activity-bindings';
import { journeysTestContext, seedJourney, startRecordingServer } from '../testing/journeys-test-context';

type CallHttp = JourneyActivities['callHttp'];

function httpStep(request: Partial<HttpStep['request']> & { url: string }): HttpStep {
  return {
    kind: 'http',
    request: { method: 'POST', headers: [], timeoutSeconds: 10, responseMapping: {}, ...request },
    onSuccess: '$exit:completed',
    onFailure: '$exit:failed',
  };
}

/** The callHttp activity as the worker binds it, run in Temporal's activity context. */
function boundCallHttp(
  context: INestApplicationContext,
): (journey: JourneyRef, step: HttpStep) => ReturnType<CallHttp> {
  const { activities } = bindJourneyActivities((token) => context.get(token, { strict: false }));
  const callHttp = activities.callHttp as CallHttp;
  return (journey, step) =>
    new MockActivityEnvironment({}, { logger: new DefaultLogger('ERROR') }).run(callHttp, {
      journey,
      stepId: 'webhook',
      idempotencyKey: `${journey.workflowId}:${journey.enrollmentId}:webhook:1`,
      step,
    });
}

async function retryableFailureOf(call: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  const failure = error as ApplicationFailure;
  expect(failure).toMatchObject({ type: 'LoaRetryableError', nonRetryable: false });
  return failure;
}

describe('callHttp with private addresses allowed by configuration (LOA_HTTP_ALLOWED_HOSTS)', () => {
  let context: INestApplicationContext;
  let callHttp: ReturnType<typeof boundCallHttp>;

  beforeAll(async () => {
    context = await journeysTestContext({ LOA_HTTP_ALLOWED_HOSTS: '127.0.0.1/32' });
    callHttp = boundCallHttp(context);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('sends the personalised request with its secret header and idempotency key, and maps the response onto the contact', async () => {
    const journey = await seedJourney(context, { name: 'Lan', attributes: { city: 'Huế' } });
    const token = seededSecret('crm-token');
    await context.get(WorkspaceSecrets).put(journey.workspaceId, 'CRM_TOKEN', token);
    const server = await startRecordingServer(() => ({ status: 200, body: { data: { tier: 'gold' } } }));
    try {
      const result = await callHttp(
        journey,
        httpStep({
          url: `${server.url}/contacts/{{ contact.id }}?city={{ contact.city }}`,
          headers: [
            { kind: 'value', name: 'X-Contact-Name', value: '{{ contact.name }}' },
            { kind: 'secret', name: 'Authorization', secretRef: 'CRM_TOKEN' },
          ],
          body: '{"name": "{{ contact.name }}"}',
          responseMapping: { tier: 'data.tier' },
        }),
      );
      expect(result).toEqual({ success: true, status: 200 });
      expect(server.received).toHaveLength(1);
      const [received] = server.received;
      expect(received).toMatchObject({
        method: 'POST',
        url: `/contacts/${journey.contactId}?city=Hu%E1%BA%BF`,
        body: '{"name": "Lan"}',
      });
      expect(received!.headers).toMatchObject({
        'x-contact-name': 'Lan',
        authorization: token,
        'content-type': 'application/json',
        'idempotency-key': `${journey.workflowId}:${journey.enrollmentId}:webhook:1`,
      });
      const contact = await context.get(ContactsService).get(journey.workspaceId, journey.contactId);
      expect(contact.attributes).toMatchObject({ city: 'Huế', tier: 'gold' });
    } finally {
      await server.close();
    }
  });

  it('renders the request for, and maps the response onto, the contact a merge kept', async () => {
    const seeded = await seedJourney(context);
    const contacts = context.get(ContactsService);
    const externalId = `crm-${randomUUID()}`;
    const upsert = (match: Record<string, string>, write: Record<string, unknown> = {}) =>
      contacts.upsert({ workspaceId: seeded.workspaceId, match, write, mode: 'both', cause: 'contact' });
    // The journey began for a contact known by phone, since merged into the one known by external id.
    const merged = (await upsert({ phone: '0987654321' })).contact!.id;
    const journey = { ...seeded, contactId: merged };
    const survivor = (await upsert({ externalId })).contact!.id;
    await upsert({ externalId, phone: '0987654321' });
    const server = await startRecordingServer(() => ({ status: 200, body: { tier: 'gold' } }));
    try {
      const result = await callHttp(
        journey,
        httpStep({ url: `${server.url}/contacts/{{ contact.id }}`, responseMapping: { tier: 'tier' } }),
      );
      expect(result).toEqual({ success: true, status: 200 });
      expect(server.received[0]).toMatchObject({ url: `/contacts/${survivor}` });
      const kept = await contacts.get(journey.workspaceId, survivor);
      expect(kept.attributes).toMatchObject({ tier: 'gold' });
    } finally {
      await server.close();
    }
  });

  it('connects to the permitted address a host name resolves to', async () => {
    const journey = await seedJourney(context);
    const server = await startRecordingServer(() => ({ status: 204 }));
    try {
      const url = server.url.replace('127.0.0.1', 'localhost');
      expect(await callHttp(journey, httpStep({ url, method: 'GET' }))).toEqual({
        success: true,
        status: 204,
      });
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('takes the failure handle on 4xx and redirects (not followed), with the status', async () => {
    const journey = await seedJourney(context);
    const target = await startRecordingServer(() => ({ status: 200 }), '127.0.0.2');
    const server = await startRecordingServer((request) =>
      request.url === '/moved'
        ? { status: 302, headers: { location: `${target.url}/inside` } }
        : { status: 404 },
    );
    try {
      expect(await callHttp(journey, httpStep({ url: `${server.url}/missing` }))).toEqual({
        success: false,
        status: 404,
      });
      expect(await callHttp(journey, httpStep({ url: `${server.url}/moved`, method: 'GET' }))).toEqual({
        success: false,
        status: 302,
        error: 'HTTP 302: redirects are not followed',
      });
      expect(target.received).toEqual([]);
    } finally {
      await server.close();
      await target.close();
    }
  });

  it('throws a retryable failure on 5xx, 429 and a timeout, so Temporal retries with the provider policy', async () => {
    const journey = await seedJourney(context);
    const server = await startRecordingServer((request) =>
      request.url === '/busy' ? { status: 503 } : request.url === '/slow' ? { status: 429 } : null,
    );
    try {
      expect(
        (await retryableFailureOf(callHttp(journey, httpStep({ url: `${server.url}/busy` })))).message,
      ).toBe('HTTP 503');
      await retryableFailureOf(callHttp(journey, httpStep({ url: `${server.url}/slow` })));
      const hanging = await retryableFailureOf(
        callHttp(journey, httpStep({ url: `${server.url}/hang`, timeoutSeconds: 1 })),
      );
      expect(hanging.message).toContain(`POST ${server.url} failed`);
    } finally {
      await server.close();
    }
  });

  it('fails without calling when a secret is missing or the URL does not render to http(s)', async () => {
    const journey = await seedJourney(context);
    const server = await startRecordingServer(() => ({ status: 200 }));
    try {
      expect(
        await callHttp(
          journey,
          httpStep({
            url: server.url,
            headers: [{ kind: 'secret', name: 'Authorization', secretRef: 'NOPE' }],
          }),
        ),
      ).toEqual({ success: false, error: 'missing_secret: NOPE' });
      expect(await callHttp(journey, httpStep({ url: 'http://{{ contact.missing }}' }))).toMatchObject({
        success: false,
        error: expect.stringMatching(/^invalid_url/),
      });
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('callHttp without an allow-list', () => {
  let context: INestApplicationContext;
  let callHttp: ReturnType<typeof boundCallHttp>;

  beforeAll(async () => {
    context = await journeysTestContext();
    callHttp = boundCallHttp(context);
  });

  afterAll(async () => {
    await context?.close();
  });

  it.each([
    ['a loopback address', (port: number) => `http://127.0.0.1:${port}/`],
    ['a host name resolving to loopback', (port: number) => `http://localhost:${port}/`],
    ['IPv6 loopback', (port: number) => `http://[::1]:${port}/`],
    ['IPv4-mapped loopback', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ['the unspecified address', (port: number) => `http://0.0.0.0:${port}/`],
  ])('refuses %s and reaches nothing', async (_, urlOf) => {
    const journey = await seedJourney(context);
    const server = await startRecordingServer(() => ({ status: 200 }));
    try {
      const result = await callHttp(journey, httpStep({ url: urlOf(Number(new URL(server.url).port)) }));
      expect(result).toEqual({ success: false, error: expect.stringMatching(/^refused: /) });
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('refuses private and link-local targets (cloud metadata) without connecting', async () => {
    const journey = await seedJourney(context);
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[fe80::1]/'])
      expect(await callHttp(journey, httpStep({ url, method: 'GET' }))).toEqual({
        success: false,
        error: expect.stringMatching(/^refused: /),
      });
  });
});
