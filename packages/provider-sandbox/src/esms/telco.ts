/** eSMS `telcoid` (providers.md §5.1) by the two digits after 84. */
const TELCO_BY_PREFIX: Record<string, number> = {
  ...Object.fromEntries(
    ['86', '96', '97', '98', '32', '33', '34', '35', '36', '37', '38', '39'].map((prefix) => [prefix, 1]),
  ),
  ...Object.fromEntries(['89', '90', '93', '70', '76', '77', '78', '79'].map((prefix) => [prefix, 2])),
  ...Object.fromEntries(['88', '91', '94', '81', '82', '83', '84', '85'].map((prefix) => [prefix, 3])),
  ...Object.fromEntries(['92', '56', '58'].map((prefix) => [prefix, 4])),
  ...Object.fromEntries(['99', '59'].map((prefix) => [prefix, 5])),
  '87': 6,
  '55': 7,
};

export function telcoIdOf(phone84: string): number {
  return TELCO_BY_PREFIX[phone84.slice(2, 4)] ?? 1;
}
