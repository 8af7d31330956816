// An in-memory Memento that copies values through JSON, as VS Code's storage does. One fake for
// the unit tests (test/fakes/memory.ts) and the bench (scripts/bench/).
'use strict';
module.exports = class Memento {
  constructor() {
    this.data = new Map();
    this.writes = 0;
  }
  get(key, fallback) {
    const v = this.data.get(key);
    return v === undefined ? fallback : JSON.parse(v);
  }
  update(key, value) {
    this.writes++;
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
  keys() {
    return [...this.data.keys()];
  }
  /** A copy, as another window or a later session would find the same storage. */
  clone() {
    const copy = new this.constructor();
    for (const [k, v] of this.data) copy.data.set(k, v);
    return copy;
  }
};
