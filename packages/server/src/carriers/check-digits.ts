/**
 * Check digits of the tracking number formats that have one. Each takes a number already
 * normalised (upper case, no spaces) and of the right shape.
 */

/** UPU S10 ("XX123456785FR"): weights 8 6 4 2 3 5 9 7 on the serial, modulo 11. */
export function isValidS10(number: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(number);
  if (!match) return false;
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...match[1]!].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  const rest = 11 - (sum % 11);
  const check = rest === 10 ? 0 : rest === 11 ? 5 : rest;
  return check === Number(match[2]);
}

/**
 * UPS "1Z" numbers: over the 15 characters after "1Z", letters count as (code − 63) mod 10, odd
 * positions once and even positions twice; the last character completes the sum to a multiple of 10.
 */
export function isValidUps1Z(number: string): boolean {
  if (!/^1Z[0-9A-Z]{15}\d$/.test(number)) return false;
  const body = number.slice(2, 17);
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;
    sum += index % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10 === Number(number[17]);
}

/** DHL Express 10-digit waybills: the last digit is the first nine, as a number, modulo 7. */
export function isValidDhlExpress(number: string): boolean {
  if (!/^\d{10}$/.test(number)) return false;
  return Number(number.slice(0, 9)) % 7 === Number(number[9]);
}

/** FedEx Express 12-digit numbers: weights 1 3 7 from the right, modulo 11, then modulo 10. */
export function isValidFedEx12(number: string): boolean {
  if (!/^\d{12}$/.test(number)) return false;
  const weights = [1, 3, 7];
  let sum = 0;
  for (let index = 0; index < 11; index += 1) sum += Number(number[10 - index]) * weights[index % 3]!;
  return (sum % 11) % 10 === Number(number[11]);
}
