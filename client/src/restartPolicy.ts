// When the language server stops unexpectedly: restart it and tell the user the first time, but give up
// when it keeps stopping. Pure (no vscode), so that the policy is tested on its own.

/** What to do about a stopped server. */
export type RestartDecision = { restart: true; tellUser: boolean } | { restart: false; message: string };

export class RestartPolicy {
  private readonly stops: number[] = [];
  private told = false;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limit = 5,
    private readonly windowMs = 3 * 60_000,
  ) {}

  /** Called each time the server's connection closes without the client asking for it. */
  stopped(): RestartDecision {
    const now = this.now();
    this.stops.push(now);
    while (this.stops.length > 0 && now - this.stops[0] > this.windowMs) this.stops.shift();
    if (this.stops.length >= this.limit) {
      const minutes = Math.round(this.windowMs / 60_000);
      return {
        restart: false,
        message: `Cable: the language server stopped ${this.limit} times in ${minutes} minutes and will not be restarted. See the "Cable Language Server" output.`,
      };
    }
    const tellUser = !this.told;
    this.told = true;
    return { restart: true, tellUser };
  }
}
