/** GSM 03.38 basic character set: one septet each. */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: an escape plus the character, two septets each. */
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  characters: number;
  segments: number;
}

const LIMITS: Record<SmsEncoding, { single: number; multipart: number }> = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
};

/**
 * How an SMS is billed: the text is NFC-normalised first, and one character outside GSM-7 (the "ấ" or "đ" of
 * Vietnamese with diacritics) makes the whole message UCS-2: 70 characters for one part, 67 per part beyond.
 */
export function smsLength(text: string): SmsLength {
  const normalized = text.normalize('NFC');
  let septets = 0;
  let gsm = true;
  for (const character of normalized) {
    if (GSM7_BASIC.has(character)) septets += 1;
    else if (GSM7_EXTENSION.has(character)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  const characters = gsm ? septets : normalized.length;
  const { single, multipart } = LIMITS[encoding];
  const segments = characters === 0 ? 0 : characters <= single ? 1 : Math.ceil(characters / multipart);
  return { encoding, characters, segments };
}
