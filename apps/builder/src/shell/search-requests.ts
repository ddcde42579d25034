/** A change to the address's query, built on the query it is given. */
export type SearchChange = (current: URLSearchParams) => URLSearchParams;

/**
 * The query changes this page asked for that the address has not shown yet, so that each change builds on the
 * previous one even before the router has committed it. `arrived` must be told only of queries a committed render
 * saw: a render React may still throw away (router updates are transitions) must not move it.
 */
export class SearchRequests {
  private pending: string[] = [];
  private latest: URLSearchParams;

  constructor(committed: URLSearchParams) {
    this.latest = new URLSearchParams(committed);
  }

  /** The query after `change`, built on the last one asked for (or the committed one when nothing is pending). */
  request(change: SearchChange): URLSearchParams {
    const next = change(new URLSearchParams(this.latest));
    this.latest = new URLSearchParams(next);
    this.pending.push(next.toString());
    return next;
  }

  /** The address now shows `committed`: one of ours (and those before it) has arrived, or something else moved it. */
  arrived(committed: URLSearchParams): void {
    const index = this.pending.indexOf(committed.toString());
    if (index === -1) {
      // Moved by something else (a link, the back button): start again from where it is now.
      this.pending = [];
      this.latest = new URLSearchParams(committed);
      return;
    }
    this.pending = this.pending.slice(index + 1);
    if (this.pending.length === 0) this.latest = new URLSearchParams(committed);
  }
}
