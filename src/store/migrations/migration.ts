export interface Migration {
  id: number;
  name: string;
  /** Statements separated by `;` at the end of a line. */
  sql: string;
}
