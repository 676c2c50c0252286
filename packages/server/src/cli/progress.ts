/**
 * A progress line on stderr: redrawn in place on a terminal, printed every 10% when
 * output goes to a file or CI log.
 */
export class ProgressBar {
  private lastPercent = -1;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number, note = ''): void {
    const percent = this.total === 0 ? 100 : Math.floor((done / this.total) * 100);
    if (this.tty) {
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      process.stderr.write(
        `\r${this.label} [${bar}] ${done}/${this.total} ${note}`.padEnd(100).slice(0, 120),
      );
    } else if (percent >= this.lastPercent + 10 || done === this.total) {
      process.stderr.write(`${this.label}: ${done}/${this.total} (${percent}%) ${note}\n`);
      this.lastPercent = percent;
    }
  }

  finish(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
