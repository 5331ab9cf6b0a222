/**
 * Splits an integer amount (grosze) into parts proportional to integer weights, so that the parts add up
 * to the amount exactly: each part gets the floor of its share and the remaining grosze go to the
 * largest remainders (ties: the earlier weight). Used to spread delivery and service charges over the
 * VAT rates of the goods ("pro rata"), so no grosz is lost or invented.
 */
export function allocateProRata(amount: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount)) throw new RangeError('amount must be an integer number of minor units');
  if (weights.length === 0) throw new RangeError('no weights to allocate over');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const total = weights.reduce((a, b) => a + b, 0);
  // Nothing to be proportional to: everything goes to the first part.
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  // One part takes it all (most orders have goods at one rate: the common case of a month's export).
  if (weights.length === 1) return [amount];
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);
  // Integer shares: floor(abs × w / total) without rounding. While the products stay below 2^53 they,
  // their remainders and the exact quotients are exact doubles; beyond that BigInt keeps them exact.
  const exactInNumbers = abs * Math.max(...weights) <= Number.MAX_SAFE_INTEGER;
  const shares = weights.map((w) => {
    if (exactInNumbers) {
      const product = abs * w;
      const remainder = product % total;
      return { floor: (product - remainder) / total, remainder };
    }
    const product = BigInt(abs) * BigInt(w);
    return { floor: Number(product / BigInt(total)), remainder: Number(product % BigInt(total)) };
  });
  let left = abs - shares.reduce((a, s) => a + s.floor, 0);
  const order = shares.map((s, i) => ({ i, r: s.remainder })).sort((a, b) => b.r - a.r || a.i - b.i);
  const parts = shares.map((s) => s.floor);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => sign * p);
}
