// Types for electronegativity-gate.mjs, used by its tests.
export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  manualReview: boolean;
  file: string;
}
export declare const EXCLUDED: Array<{ id: string; file?: string; reason: string }>;
export declare function isGated(finding: Finding): boolean;
