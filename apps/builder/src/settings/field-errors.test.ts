import { ApiProblem } from '../api/api-problem';
import { formErrorsOf } from './field-errors';

const problem = (errors: Array<{ in?: string; field: string; message: string }>) =>
  ApiProblem.from(422, { title: 'Unprocessable content', detail: 'timezone: bad', errors });

const workspaceFields = (field: string) =>
  /^(timezone|quietHours\.(start|end)|frequencyCaps\.\d+\.max)$/.test(field);

describe('an API refusal shown on a form', () => {
  it('puts each named body field on that field', () => {
    expect(
      formErrorsOf(
        problem([
          { in: 'body', field: 'timezone', message: 'must be an IANA time zone' },
          { in: 'body', field: 'frequencyCaps.1.max', message: 'Too big' },
        ]),
        workspaceFields,
      ),
    ).toEqual({
      fields: [
        { field: 'timezone', message: 'must be an IANA time zone' },
        { field: 'frequencyCaps.1.max', message: 'Too big' },
      ],
    });
  });

  it('says the rest on the form as a whole', () => {
    expect(
      formErrorsOf(
        problem([
          { in: 'body', field: 'timezone', message: 'bad' },
          { in: 'body', field: 'slug', message: 'taken' },
        ]),
        workspaceFields,
      ),
    ).toEqual({ fields: [{ field: 'timezone', message: 'bad' }], root: 'slug: taken' });
    expect(
      formErrorsOf(problem([{ in: 'query', field: 'timezone', message: 'x' }]), workspaceFields),
    ).toEqual({
      fields: [],
      root: 'timezone: bad',
    });
  });

  it('shows a failure that is not a problem document as it is', () => {
    expect(formErrorsOf(new Error('offline'), workspaceFields)).toEqual({ fields: [], root: 'offline' });
  });
});
