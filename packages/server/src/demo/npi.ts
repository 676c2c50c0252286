/**
 * US National Provider Identifier check digit: Luhn over the prefix "80840" followed by
 * the first nine digits (CMS, "NPI check digit"). A full NPI is those nine digits plus it.
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  let double = true;
  for (let i = payload.length - 1; i >= 0; i--) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the whole string passes Luhn (its last digit is the check digit). */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('npiCheckDigit: need nine digits');
  return luhnCheckDigit(`80840${firstNine}`);
}

/** Ten digits, first 1 or 2, last the check digit. */
export function isValidNpi(npi: string): boolean {
  if (!/^[12]\d{9}$/.test(npi)) return false;
  return npiCheckDigit(npi.slice(0, 9)) === Number(npi.slice(9));
}

export function npiFromNine(firstNine: string): string {
  return `${firstNine}${npiCheckDigit(firstNine)}`;
}
