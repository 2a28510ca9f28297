/** The issue's worked earned value example as chart input: BAC 100, 25 a quarter of 2026, as of 16 August 2026 (46 of Q3's 92 days passed), progress 40%, AC 55. */
import { dayFromParts } from '../../src/core/dates.ts';
import { earnedValue } from '../../src/core/earned-value.ts';

export const WORKED_AS_OF = dayFromParts(2026, 8, 16);
export const WORKED_EVM = () =>
  earnedValue(
    {
      progress: 40,
      budget: {
        lines: [
          { period: '2026-Q1', planned: 25, actual: 20 },
          { period: '2026-Q2', planned: 25, actual: 25 },
          { period: '2026-Q3', planned: 25, actual: 10 },
          { period: '2026-Q4', planned: 25 },
        ],
      },
    },
    1,
    WORKED_AS_OF,
    { spi: [0.95, 0.85], cpi: [0.95, 0.85] },
  )!;
