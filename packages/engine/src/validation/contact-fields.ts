/**
 * Fields every contact has, whatever the workspace's list says: the ones personalisationScope puts beside the
 * attributes (id, phone, email, tags, zaloUserId).
 */
export const BUILT_IN_CONTACT_FIELDS = ['id', 'phone', 'email', 'tags', 'zaloUserId'] as const;

/** Which contact field paths the workspace knows (context.contactFields, plus the built-in fields). */
export class ContactFields {
  private readonly fields = new Set<string>(BUILT_IN_CONTACT_FIELDS);
  private readonly parents = new Set<string>();

  constructor(fields: readonly unknown[]) {
    for (const value of fields) {
      if (typeof value !== 'string' || value === '') continue;
      this.fields.add(value);
      for (let dot = value.indexOf('.'); dot !== -1; dot = value.indexOf('.', dot + 1)) {
        this.parents.add(value.slice(0, dot));
      }
    }
  }

  /**
   * A path is known when it is a field, a group of fields ("attributes" of "attributes.city"), or reads into a
   * field ("name.size").
   */
  knows(path: string): boolean {
    if (this.fields.has(path) || this.parents.has(path)) return true;
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      if (this.fields.has(path.slice(0, dot))) return true;
    }
    return false;
  }
}
