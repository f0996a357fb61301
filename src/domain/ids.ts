/**
 * Record ids people type and read: `BUC-1` (cause of concern), `BUC-1.2` (its second
 * recommendation), `BUC-AFI-3` (area for improvement) and `EXT-4` (a recommendation to an external
 * body, §31). Ids are upper case; parsing accepts any case and normalises.
 */
import type { ServiceCode } from './records';

/** `EXT` is reserved for recommendations to external bodies, so it is never a service code here. */
export const externalPrefix = 'EXT';

function assertSequence(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} must be a whole number from 1, got ${n}`);
}

/**
 * The id of a service's n-th cause of concern.
 * @example cocId('BUC', 1) // 'BUC-1'
 */
export function cocId(serviceCode: ServiceCode, n: number): string {
  assertSequence(n, 'Cause of concern number');
  return `${serviceCode.toUpperCase()}-${n}`;
}

/**
 * The id of the m-th recommendation of a cause of concern.
 * @example recommendationId('BUC-1', 2) // 'BUC-1.2'
 */
export function recommendationId(causeOfConcernId: string, m: number): string {
  assertSequence(m, 'Recommendation number');
  return `${causeOfConcernId.toUpperCase()}.${m}`;
}

/**
 * The id of a service's n-th area for improvement.
 * @example afiId('BUC', 3) // 'BUC-AFI-3'
 */
export function afiId(serviceCode: ServiceCode, n: number): string {
  assertSequence(n, 'Area for improvement number');
  return `${serviceCode.toUpperCase()}-AFI-${n}`;
}

/**
 * The id of the n-th recommendation to an external body (§31).
 * @example externalRecommendationId(4) // 'EXT-4'
 */
export function externalRecommendationId(n: number): string {
  assertSequence(n, 'External recommendation number');
  return `${externalPrefix}-${n}`;
}

/** What a record id says about itself. `id` is the normalised (upper-case) id. */
export type ParsedRecordId =
  | { kind: 'coc'; id: string; serviceCode: ServiceCode; cocNumber: number }
  | {
      kind: 'recommendation';
      id: string;
      serviceCode: ServiceCode;
      cocId: string;
      cocNumber: number;
      recommendationNumber: number;
    }
  | { kind: 'afi'; id: string; serviceCode: ServiceCode; afiNumber: number }
  | { kind: 'externalRecommendation'; id: string; number: number };

const pattern = /^([A-Z]{2,5})-(?:(AFI)-(\d+)|(\d+)(?:\.(\d+))?)$/;

function sequence(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/**
 * Reads a record id typed by a person (`buc-1.2`, ` BUC-AFI-3 `); null when it is not one.
 * Leading zeros are dropped (`BUC-01` is `BUC-1`).
 * @example parseRecordId('buc-1.2') // { kind: 'recommendation', id: 'BUC-1.2', serviceCode: 'BUC', cocId: 'BUC-1', ... }
 */
export function parseRecordId(text: string): ParsedRecordId | null {
  const match = pattern.exec(text.trim().toUpperCase());
  if (!match) return null;
  const [, serviceCode = '', afiMarker, afiText, cocText, recommendationText] = match;

  if (afiMarker !== undefined) {
    const afiNumber = sequence(afiText);
    if (afiNumber === null || serviceCode === externalPrefix) return null;
    return { kind: 'afi', id: afiId(serviceCode, afiNumber), serviceCode, afiNumber };
  }
  const cocNumber = sequence(cocText);
  if (cocNumber === null) return null;
  if (serviceCode === externalPrefix) {
    if (recommendationText !== undefined) return null;
    return { kind: 'externalRecommendation', id: externalRecommendationId(cocNumber), number: cocNumber };
  }
  const parentId = cocId(serviceCode, cocNumber);
  if (recommendationText === undefined) return { kind: 'coc', id: parentId, serviceCode, cocNumber };
  const recommendationNumber = sequence(recommendationText);
  if (recommendationNumber === null) return null;
  return {
    kind: 'recommendation',
    id: recommendationId(parentId, recommendationNumber),
    serviceCode,
    cocId: parentId,
    cocNumber,
    recommendationNumber,
  };
}

const recommendationOfCoc = /^([A-Z]{2,5}-\d+)\.\d+$/;

/** The CoC a recommendation id belongs to (`BUC-1.2` → `BUC-1`), or undefined for `EXT-3`. */
export function cocIdOfRecommendation(recommendationId: string): string | undefined {
  return recommendationOfCoc.exec(recommendationId)?.[1];
}
