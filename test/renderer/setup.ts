// Shared setup for component tests (happy-dom).
export {};
