import { settingsSectionsFor } from './settings-sections';

describe('the settings screens a role sees', () => {
  it('shows an admin every settings screen', () => {
    expect(settingsSectionsFor('admin').map((section) => section.path)).toEqual([
      'users',
      'api-keys',
      'workspace',
      'audit-log',
      'channels',
    ]);
  });

  it.each(['marketer', 'analyst'] as const)('shows a %s none', (role) => {
    expect(settingsSectionsFor(role)).toEqual([]);
  });
});
