// An in-memory Memento that copies values through JSON, as VS Code's storage does.
'use strict';
module.exports = class Memento {
  constructor() {
    this.data = new Map();
  }
  get(key, fallback) {
    const v = this.data.get(key);
    return v === undefined ? fallback : JSON.parse(v);
  }
  update(key, value) {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
  keys() {
    return [...this.data.keys()];
  }
};
