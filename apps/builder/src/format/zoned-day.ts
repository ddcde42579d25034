/** How far a time zone is ahead of UTC at an instant, in milliseconds (from Intl's own zone data). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone (the browser's when none is given). */
export function startOfDayIn(year: number, month: number, day: number, timeZone?: string): Date {
  if (!timeZone) return new Date(year, month - 1, day);
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  let start = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  // A daylight-saving change between the guess and the answer moves the offset: measure it again where we landed.
  start = midnightAsUtc - offsetAt(start, timeZone);
  return new Date(start);
}
