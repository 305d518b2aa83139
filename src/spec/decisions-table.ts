// The cells of one line of DECISIONS.md's table (`| 7 | Question | Decision | Evidence | Confirm |`), the one parser of
// that table for the report, spec:diff and adopt: a pipe escaped as `\|` (adopt writes evidence that way) stays in its cell.
export function tableCells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}
