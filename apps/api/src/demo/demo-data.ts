/**
 * Deterministic Vietnamese demo data for `npm run dev`: contacts as Segment identify calls and their events as
 * track calls, the same shapes a customer's website would send.
 */
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Đức', 'Thu', 'Quốc', 'Gia', 'Hoài', 'Bảo'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Phúc',
  'Quang',
  'Quỳnh',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Trung',
  'Tuấn',
  'Vy',
  'Yến',
];
const CITIES = ['Hà Nội', 'TP Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Nha Trang', 'Huế'];
const CITY_WEIGHTS = [30, 34, 10, 8, 7, 6, 5];
const MOBILE_PREFIXES = [
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '86',
  '88',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '70',
  '77',
  '79',
  '81',
  '83',
  '85',
];
const TIERS = ['member', 'silver', 'gold', 'platinum'];
const PRODUCTS = [
  { id: 'SP001', name: 'Áo thun cotton', price: 199_000 },
  { id: 'SP002', name: 'Quần jean nữ', price: 459_000 },
  { id: 'SP003', name: 'Giày thể thao', price: 1_250_000 },
  { id: 'SP004', name: 'Túi xách da', price: 890_000 },
  { id: 'SP005', name: 'Nón bảo hiểm', price: 350_000 },
];

export interface DemoIdentify {
  type: 'identify';
  messageId: string;
  userId: string;
  timestamp: string;
  traits: Record<string, unknown>;
}

export interface DemoTrack {
  type: 'track';
  messageId: string;
  userId: string;
  event: string;
  timestamp: string;
  properties: Record<string, unknown>;
}

/** A small deterministic generator (mulberry32), so every fresh stack gets the same demo. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

function weighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (let index = 0; index < items.length; index++) {
    roll -= weights[index] as number;
    if (roll < 0) return items[index] as T;
  }
  return items[items.length - 1] as T;
}

function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function demoContacts(count: number, now: Date, seed = 2026): DemoIdentify[] {
  const random = seededRandom(seed);
  const usedPhones = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const family = pick(random, FAMILY);
    const given = pick(random, GIVEN);
    const name = `${family} ${pick(random, MIDDLE)} ${given}`;
    let phone: string;
    do
      phone = `0${pick(random, MOBILE_PREFIXES)}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
    while (usedPhones.has(phone));
    usedPhones.add(phone);
    const externalId = `KH${String(index + 1).padStart(5, '0')}`;
    const birthYear = 1965 + Math.floor(random() * 40);
    const birthday = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const traits: Record<string, unknown> = {
      name,
      phone,
      city: weighted(random, CITIES, CITY_WEIGHTS),
      birthday,
      tier: weighted(random, TIERS, [60, 25, 12, 3]),
      total_spent: Math.round(random() * 40) * 250_000,
    };
    if (random() < 0.7) traits.email = `${asciiFold(given)}.${asciiFold(family)}${index + 1}@example.vn`;
    return {
      type: 'identify',
      messageId: `demo-identify-${externalId}`,
      userId: externalId,
      timestamp: new Date(now.getTime() - (90 + Math.floor(random() * 300)) * 86_400_000).toISOString(),
      traits,
    };
  });
}

/** A few events per contact over the last 60 days: product views, carts, orders. */
export function demoEvents(contacts: DemoIdentify[], now: Date, seed = 91): DemoTrack[] {
  const random = seededRandom(seed);
  const events: DemoTrack[] = [];
  for (const contact of contacts) {
    const visits = Math.floor(random() * 4);
    for (let visit = 0; visit < visits; visit++) {
      const product = pick(random, PRODUCTS);
      const at = now.getTime() - Math.floor(random() * 60 * 86_400_000);
      const base = { userId: contact.userId, type: 'track' as const };
      const id = `${contact.userId}-${visit}`;
      events.push({
        ...base,
        messageId: `demo-view-${id}`,
        event: 'product_viewed',
        timestamp: new Date(at).toISOString(),
        properties: { productId: product.id, productName: product.name, price: product.price },
      });
      const outcome = random();
      if (outcome < 0.35)
        events.push({
          ...base,
          messageId: `demo-order-${id}`,
          event: 'order_completed',
          timestamp: new Date(at + 20 * 60_000).toISOString(),
          properties: { orderId: `DH${id}`, total: product.price, currency: 'VND', items: [product.id] },
        });
      else if (outcome < 0.55)
        events.push({
          ...base,
          messageId: `demo-cart-${id}`,
          event: 'cart_abandoned',
          timestamp: new Date(at + 10 * 60_000).toISOString(),
          properties: { cartId: `GH${id}`, total: product.price, productName: product.name },
        });
    }
  }
  return events;
}
