/**
 * FHIR Money (https://hl7.org/fhir/R4/datatypes.html#Money) -> integer minor units.
 * Architecture rule 4: money is never a float. The decimal is shifted by string
 * manipulation; `value * 100` would turn 129.16 into 12915.999999999998.
 */

/** ISO 4217 minor-unit digits (USD 2, JPY 0, KWD 3), from the runtime's CLDR data. */
export function currencyDigits(currency: string): number | null {
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    return digits ?? 2;
  } catch {
    return null;
  }
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal (JSON number or its string) in minor units, rounded half away from zero at
 * the currency's precision. Synthea writes binary-float noise such as 101.47800000000001;
 * rounding the decimal text (not a float) gives 10148 cents. Null when not a finite
 * decimal or outside the safe-integer range.
 */
export function decimalToMinorUnits(value: number | string, digits: number): number | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  // String(number) is the shortest text that round-trips, i.e. the decimal as written.
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  let intPart = m[2] ?? '0';
  let fracPart = m[3] ?? '';
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  // Apply the exponent by moving the decimal point within the digit string.
  if (exponent > 0) {
    fracPart = fracPart.padEnd(exponent, '0');
    intPart = intPart + fracPart.slice(0, exponent);
    fracPart = fracPart.slice(exponent);
  } else if (exponent < 0) {
    intPart = intPart.padStart(-exponent + 1, '0');
    fracPart = intPart.slice(intPart.length + exponent) + fracPart;
    intPart = intPart.slice(0, intPart.length + exponent);
  }
  const kept = fracPart.slice(0, digits).padEnd(digits, '0');
  const firstDropped = fracPart.charAt(digits);
  const digitsText = (intPart + kept).replace(/^0+(?=\d)/, '');
  if (digitsText.length > 16) return null;
  let minor = Number(digitsText);
  if (firstDropped !== '' && firstDropped >= '5') minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return minor === 0 ? 0 : sign * minor;
}
