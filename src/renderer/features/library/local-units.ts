const SIZE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in decimal units as the locale writes them ("12.5 MB", "12,5 МБ"); kilobytes at least ("0.4 kB"). */
export function formatSize(bytes: number, locale: string): string {
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const format = new Intl.NumberFormat(locale, { style: 'unit', unit: SIZE_UNITS[unit], maximumFractionDigits: 1 });
  return format.format(value);
}

/** A rough time left in the locale's words: whole seconds under a minute, else whole minutes ("about 3 minutes"). */
export function formatTimeLeft(seconds: number, locale: string): string {
  const inMinutes = seconds >= 60;
  const value = inMinutes ? Math.round(seconds / 60) : Math.max(1, Math.ceil(seconds));
  return new Intl.NumberFormat(locale, { style: 'unit', unit: inMinutes ? 'minute' : 'second', unitDisplay: 'long' }).format(value);
}
