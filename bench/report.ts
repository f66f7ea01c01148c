/** One benchmark figure, compared with its goal. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Null for a reference figure printed beside the others for comparison, with no goal of its own. */
  goal: number | null;
  /** 'max': value must stay at or below the goal; 'min': at or above. */
  direction: 'max' | 'min';
  note?: string;
}

export const hasGoal = (f: Figure): f is Figure & { goal: number } => f.goal !== null;
export const meets = (f: Figure & { goal: number }) => (f.direction === 'max' ? f.value <= f.goal : f.value >= f.goal);

/** A plain table: figure, measured, goal, verdict. The run never fails on a figure; it reports. */
export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  const rows = figures.map((f) => [
    f.name,
    `${f.value.toFixed(f.value < 10 ? 2 : 0)} ${f.unit}`,
    hasGoal(f) ? `${f.direction === 'max' ? '≤' : '≥'} ${f.goal} ${f.unit}` : '—',
    !hasGoal(f) ? 'for comparison' : meets(f) ? 'meets goal' : 'MISSES goal',
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['figure', 'measured', 'goal'][i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  console.log(line(['figure', 'measured', 'goal', 'verdict']));
  for (const row of rows) console.log(line(row));
  for (const f of figures) if (f.note) console.log(`  · ${f.name}: ${f.note}`);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
