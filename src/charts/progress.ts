/**
 * A small progress bar as a view model: a track and a fill from 0 to 100%,
 * clamped (progress past the target fills the track, progress the wrong way
 * leaves it empty). The component draws it as SVG; the figure and why it was
 * clamped are written beside it.
 */
export interface ProgressBar {
  width: number;
  height: number;
  /** Width of the fill: the progress clamped to 0..1, times the width. */
  fill: number;
  /** True when the progress was outside 0..100% and the bar shows the nearest end. */
  clamped: boolean;
}

export const PROGRESS_BAR_WIDTH = 120;
export const PROGRESS_BAR_HEIGHT = 10;

/** The bar for a progress ratio (0.35 = 35%); undefined when there is no figure. */
export function progressBar(ratio: number | undefined, width = PROGRESS_BAR_WIDTH, height = PROGRESS_BAR_HEIGHT): ProgressBar | undefined {
  if (ratio === undefined || !Number.isFinite(ratio)) return undefined;
  const clampedRatio = Math.min(1, Math.max(0, ratio));
  return { width, height, fill: Number((clampedRatio * width).toFixed(2)), clamped: clampedRatio !== ratio };
}
