/**
 * Short beeps for scanning, made with Web Audio (no sound files to ship, nothing for the CSP to allow).
 * A good scan: one short high beep. A refused scan: two low buzzes — audible across the packing table.
 * Silently does nothing where audio is unavailable (tests, muted systems).
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  try {
    const Ctor = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    context ??= new Ctor();
    return context;
  } catch {
    return null;
  }
}

function tone(ctx: AudioContext, frequency: number, start: number, duration: number, type: OscillatorType): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.15, ctx.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + start + duration);
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + duration);
}

export function beepOk(): void {
  const ctx = audio();
  if (ctx) tone(ctx, 1200, 0, 0.08, 'sine');
}

export function beepError(): void {
  const ctx = audio();
  if (!ctx) return;
  tone(ctx, 220, 0, 0.18, 'square');
  tone(ctx, 180, 0.22, 0.25, 'square');
}
