declare class Memento {
  readonly data: Map<string, string>;
  writes: number;
  get(key: string, fallback?: unknown): unknown;
  update(key: string, value: unknown): Promise<void>;
  keys(): string[];
  clone(): this;
}
export = Memento;
