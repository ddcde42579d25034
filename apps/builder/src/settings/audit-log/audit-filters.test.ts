import { auditQueryOf } from './audit-filters';

describe('the audit log filters', () => {
  it('asks for whole days, the last one included', () => {
    const query = auditQueryOf({ from: '2026-11-30', to: '2026-12-01' });
    expect(new Date(query.from!)).toEqual(new Date(2026, 10, 30));
    expect(new Date(query.to!)).toEqual(new Date(2026, 11, 2));
  });

  it("counts the days in the workspace's time zone, the one the log is shown in", () => {
    expect(auditQueryOf({ from: '2026-12-01', to: '2026-12-01' }, 'Asia/Ho_Chi_Minh')).toEqual({
      from: '2026-11-30T17:00:00.000Z',
      to: '2026-12-01T17:00:00.000Z',
    });
  });

  it('passes the actor and the target kind, and leaves out what is not given or not a day', () => {
    expect(auditQueryOf({ actor: 'a-user', target: 'api_key', from: 'yesterday', to: '' })).toEqual({
      actorId: 'a-user',
      targetKind: 'api_key',
    });
    expect(auditQueryOf({})).toEqual({});
  });
});
