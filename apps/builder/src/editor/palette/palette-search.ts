import { nodeCatalogue, nodeTypes, type NodeCategory, type NodeType } from '@loa/engine/browser';
import { editorMessages } from '../editor.messages';

export const CATEGORY_ORDER: NodeCategory[] = ['trigger', 'wait', 'branch', 'send', 'action', 'exit'];

function titleIn(language: 'vi' | 'en', type: NodeType): string {
  const [group, name] = type.split('.') as [string, string];
  const types = editorMessages[language].types as Record<string, Record<string, string>>;
  return types[group]?.[name] ?? nodeCatalogue[type].title;
}

/** Lower case without Vietnamese diacritics, so "cho" finds "Chờ" and "dieu kien" finds "Điều kiện". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();
}

export interface PaletteGroup {
  category: NodeCategory;
  types: NodeType[];
}

/** Step types whose Vietnamese or English title (or category) matches every word of the query, by category. */
export function searchPalette(query: string): PaletteGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = nodeTypes.filter((type) => {
    const { category } = nodeCatalogue[type];
    const haystack = fold(
      [
        titleIn('vi', type),
        titleIn('en', type),
        type,
        editorMessages.vi.categories[category],
        editorMessages.en.categories[category],
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
  return CATEGORY_ORDER.map((category) => ({
    category,
    types: matches.filter((type) => nodeCatalogue[type].category === category),
  })).filter((group) => group.types.length > 0);
}
