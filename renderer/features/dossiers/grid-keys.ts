/** A cell of the results grid: the row (0 = first dossier) and the column (0 = the code, a link). */
export type GridCell = Readonly<{ row: number; col: number }>;

/** What a key does in the grid: move to a cell, leave it upwards (to the search field), or nothing. */
export type GridMove = Readonly<{ kind: 'cell'; cell: GridCell }> | Readonly<{ kind: 'exit-top' }> | null;

/** Rows PageUp/PageDown move by: about a screenful of the finder's table. */
export const PAGE_ROWS = 10;

/**
 * The keys of the ARIA data-grid pattern (WAI-ARIA APG "Data Grid"), for `rows` × `cols` cells: arrows move one
 * cell and stop at the edges, Home/End go to the row's first/last cell, Ctrl+Home/End to the first/last row,
 * PageUp/PageDown by PAGE_ROWS. ArrowUp on the first row leaves the grid for the search field above it (the way
 * ArrowDown came in). Any other key is the cell's own (Enter opens the dossier, Tab leaves the grid).
 */
export function gridMove(key: string, ctrl: boolean, at: GridCell, rows: number, cols: number): GridMove {
  if (rows <= 0 || cols <= 0) return null;
  const cell = (row: number, col: number): GridMove => ({ kind: 'cell', cell: { row: Math.min(Math.max(row, 0), rows - 1), col: Math.min(Math.max(col, 0), cols - 1) } });
  switch (key) {
    case 'ArrowDown':
      return cell(at.row + 1, at.col);
    case 'ArrowUp':
      return at.row === 0 ? { kind: 'exit-top' } : cell(at.row - 1, at.col);
    case 'ArrowRight':
      return cell(at.row, at.col + 1);
    case 'ArrowLeft':
      return cell(at.row, at.col - 1);
    case 'Home':
      return ctrl ? cell(0, 0) : cell(at.row, 0);
    case 'End':
      return ctrl ? cell(rows - 1, cols - 1) : cell(at.row, cols - 1);
    case 'PageDown':
      return cell(at.row + PAGE_ROWS, at.col);
    case 'PageUp':
      return cell(at.row - PAGE_ROWS, at.col);
    default:
      return null;
  }
}
