/**
 * Where the pane keeps the server address and the token: the browser's localStorage, keyed with
 * Office.context.partitionKey when Office partitions storage (Excel on the web), so two add-in instances on different
 * sites never read each other's token. Never the workbook: the file travels, the token must not (docs/stack-notes.md §3.4).
 */
export type Remembered = { serverUrl: string; token: string | null };

export class TokenStore {
  constructor(
    private readonly storage: Storage | null,
    private readonly partitionKey: string | undefined,
  ) {}

  private key(name: string): string {
    return this.partitionKey ? `${this.partitionKey}cruscotto.${name}` : `cruscotto.${name}`;
  }

  read(): Remembered | null {
    try {
      const serverUrl = this.storage?.getItem(this.key('serverUrl'));
      if (!serverUrl) return null;
      return { serverUrl, token: this.storage?.getItem(this.key('token')) ?? null };
    } catch {
      // storage refused (private mode, policy): the user types the token again
      return null;
    }
  }

  save(value: Remembered): void {
    try {
      this.storage?.setItem(this.key('serverUrl'), value.serverUrl);
      if (value.token) this.storage?.setItem(this.key('token'), value.token);
      else this.storage?.removeItem(this.key('token'));
    } catch {
      // nothing to do: the connection still works for this session
    }
  }

  forgetToken(): void {
    try {
      this.storage?.removeItem(this.key('token'));
    } catch {
      // as above
    }
  }
}
