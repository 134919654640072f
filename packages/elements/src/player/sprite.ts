/** Spritesheet geometry for the timeline hover preview: which tile shows which moment. */

/** Layout of a spritesheet: a grid of equally sized tiles, read left to right, top to bottom. */
export interface SpriteGrid {
  columns: number;
  rows: number;
}

/** The tile for a position along the timeline (`fraction` 0..1), clamped to the grid. */
export function tileAt(fraction: number, grid: SpriteGrid): { column: number; row: number; index: number } {
  const count = Math.max(1, grid.columns * grid.rows);
  const clamped = Math.min(1, Math.max(0, fraction));
  const index = Math.min(count - 1, Math.floor(clamped * count));
  return { column: index % grid.columns, row: Math.floor(index / grid.columns), index };
}

/** CSS `background-size` and `background-position` that show one tile of the sheet. */
export function tileStyle(fraction: number, grid: SpriteGrid): Record<string, string> {
  const { column, row } = tileAt(fraction, grid);
  const x = grid.columns > 1 ? (column / (grid.columns - 1)) * 100 : 0;
  const y = grid.rows > 1 ? (row / (grid.rows - 1)) * 100 : 0;
  return {
    'background-size': `${grid.columns * 100}% ${grid.rows * 100}%`,
    'background-position': `${x}% ${y}%`,
  };
}

/** `m:ss` for a time in seconds. */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
