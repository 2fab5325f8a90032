/**
 * How well a predicted order of screenshots matches the true one. Shared by the ordering unit
 * tests and the OCR evaluation. Both take lists of ids (file names, window numbers) that are
 * unique within each list; an id missing from one list is ignored.
 */

/**
 * The share of the true order's adjacent pairs (a directly before b) that are also directly
 * adjacent, in that order, in the prediction. 1 for lists of fewer than two ids.
 */
export function adjacentPairAccuracy<T>(truth: readonly T[], predicted: readonly T[]): number {
  const shared = truth.filter((id) => predicted.includes(id));
  if (shared.length < 2) return 1;
  const positionInPrediction = new Map(predicted.map((id, position) => [id, position]));
  let correct = 0;
  for (let i = 1; i < shared.length; i++) {
    if (positionInPrediction.get(shared[i])! === positionInPrediction.get(shared[i - 1])! + 1) correct++;
  }
  return correct / (shared.length - 1);
}

/**
 * Kendall's tau between the two orders of the ids they share: (concordant − discordant pairs) /
 * all pairs, from 1 (same order) to −1 (reversed). 1 for fewer than two shared ids.
 */
export function kendallTau<T>(truth: readonly T[], predicted: readonly T[]): number {
  const positionInPrediction = new Map(predicted.map((id, position) => [id, position]));
  const ranks = truth.filter((id) => positionInPrediction.has(id)).map((id) => positionInPrediction.get(id)!);
  const n = ranks.length;
  if (n < 2) return 1;
  let concordantMinusDiscordant = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) concordantMinusDiscordant += Math.sign(ranks[j] - ranks[i]);
  }
  return concordantMinusDiscordant / ((n * (n - 1)) / 2);
}
