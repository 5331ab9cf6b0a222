import type { Scene } from './take-screenshots';

/**
 * Views beyond each screen's first one. Add a scene when a screen has a dialog or detail worth showing
 * in docs/screens/ (the README links them).
 */
export const SCENES: Scene[] = [];
