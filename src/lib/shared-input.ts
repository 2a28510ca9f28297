/**
 * Hands the validated input from the build's check (in the Astro config's
 * module graph) to the pages (Vite's SSR module graph) in the same process,
 * so a build parses every record once. Build only: the dev server always
 * re-reads, so edits show on reload.
 */
import type { PortfolioInput } from '../core/model.ts';

interface Slot {
  dir: string;
  audience: string;
  input: PortfolioInput;
}

const KEY = Symbol.for('roadmap.validated-input');
type Holder = { [KEY]?: Slot };

export function shareInput(slot: Slot): void {
  (globalThis as Holder)[KEY] = slot;
}

export function takeSharedInput(dir: string, audience: string): PortfolioInput | undefined {
  const slot = (globalThis as Holder)[KEY];
  return slot && slot.dir === dir && slot.audience === audience ? slot.input : undefined;
}
