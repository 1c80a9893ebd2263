export interface Migration {
  id: number;
  name: string;
  /** Statements separated by `;` at the end of a line. */
  sql: string;
  /**
   * Tables to VACUUM once the migration has committed: a migration that rewrites every row leaves
   * the old versions behind, and the embedded store has no autovacuum to reclaim them.
   */
  vacuum?: string[];
}
