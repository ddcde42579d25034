import { ApiProblem } from '../../api/api-problem';
import { problemReport } from './problem-report';

describe('problemReport', () => {
  it('lists each error of an invalid campaign by its message', () => {
    const problem = ApiProblem.from(422, {
      type: 'urn:loa:problem:campaign-invalid',
      title: 'Unprocessable',
      detail: 'The campaign has errors: MISSING_TEMPLATE: …',
      errors: [
        { in: 'body', field: 'nodes[1].data.templateId', message: 'Gửi ZNS has no template' },
        { in: 'body', field: 'nodes[2]', message: 'Chờ is not connected' },
      ],
    });
    expect(problemReport(problem)).toEqual({
      invalidCount: 2,
      detail: 'The campaign has errors: MISSING_TEMPLATE: …',
      items: ['Gửi ZNS has no template', 'Chờ is not connected'],
    });
  });

  it("keeps the API's sentence for a refusal, and names the fields of a validation problem", () => {
    expect(
      problemReport(ApiProblem.from(403, { title: 'Forbidden', detail: 'Another admin must approve' })),
    ).toEqual({
      detail: 'Another admin must approve',
      items: [],
    });
    const invalid = ApiProblem.from(422, {
      title: 'Invalid',
      errors: [{ in: 'body', field: 'comment', message: 'is required' }],
    });
    expect(problemReport(invalid)).toEqual({ detail: 'Invalid', items: ['comment: is required'] });
  });

  it('reports a network failure by its message', () => {
    expect(problemReport(new Error('Failed to fetch'))).toEqual({ detail: 'Failed to fetch', items: [] });
  });
});
