// Shared setup for component tests (happy-dom).
import { configure } from '@testing-library/react';

// findBy… and waitFor wait as long as a person would on a busy machine, not the library's 1 s default:
// a full run while other jobs loaded both cores gave up after 1 s (issue 13, "the suite holds").
configure({ asyncUtilTimeout: 10_000 });
