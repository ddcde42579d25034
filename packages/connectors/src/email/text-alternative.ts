import { convert } from 'html-to-text';

/** The plain-text part of an HTML-only email, links kept as "text [url]", images left out. */
export function textAlternative(html: string): string {
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).normalize('NFC');
}
