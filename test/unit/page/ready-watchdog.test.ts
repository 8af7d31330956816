import assert from 'node:assert/strict';
import { JITTER_MS, MAX_RECOVERIES, READY_WITHIN_MS, ReadyWatchdog, recoveryOf } from '../../../src/page/ready-watchdog';

/** A watchdog over fake timers and a page whose visibility the test sets. */
function setup(jitter = 0) {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const world = { visible: true, reloads: [] as number[], waits: [] as number[] };
  const dog = new ReadyWatchdog({
    visible: () => world.visible,
    recover: (attempt) => world.reloads.push(attempt),
    setTimer: (fn, ms) => (timers.set(++next, { fn, ms }), next),
    clearTimer: (h) => timers.delete(h as number),
    jitter: () => jitter,
  });
  const fire = () => {
    const all = [...timers.entries()];
    timers.clear();
    for (const [, t] of all) {
      world.waits.push(t.ms);
      t.fn();
    }
  };
  return { dog, world, timers, fire };
}

describe('the question page watchdog', () => {
  it('tries a page that never says ready three times: its HTML again, then a new panel twice', () => {
    const { dog, world, fire } = setup();
    dog.expect();
    for (let i = 0; i < 5; i++) fire();
    assert.deepEqual(world.reloads, [1, 2, 3]);
    assert.equal(MAX_RECOVERIES, 3);
    assert.equal(dog.recoveries, 3);
    assert.deepEqual(world.reloads.map(recoveryOf), ['html', 'panel', 'panel']);
    assert.deepEqual(world.waits, [READY_WITHIN_MS, READY_WITHIN_MS, READY_WITHIN_MS]);
  });

  it('waits up to a second more, at random, before a new panel, so two tabs that stalled together do not race again', () => {
    const { dog, world, fire } = setup(0.5);
    dog.expect();
    for (let i = 0; i < 5; i++) fire();
    assert.deepEqual(world.waits, [READY_WITHIN_MS, READY_WITHIN_MS + JITTER_MS / 2, READY_WITHIN_MS + JITTER_MS / 2]);
  });

  it('leaves a page alone once it says ready', () => {
    const { dog, world, fire, timers } = setup();
    dog.expect();
    dog.readyNow();
    assert.equal(timers.size, 0);
    fire();
    assert.deepEqual(world.reloads, []);
  });

  it('does not reload a hidden page, and does once it is shown', () => {
    const { dog, world, fire } = setup();
    world.visible = false;
    dog.expect();
    fire();
    fire();
    assert.deepEqual(world.reloads, [], 'a hidden webview loads nothing');
    world.visible = true;
    dog.visibilityChanged();
    fire();
    assert.deepEqual(world.reloads, [1]);
  });

  it('reloads a page hidden when its HTML was set and shown without a visibility event', () => {
    const { dog, world, fire } = setup();
    world.visible = false;
    dog.expect();
    world.visible = true; // VS Code showed it, and said nothing
    fire();
    assert.deepEqual(world.reloads, [1]);
  });

  it('reloads once after a retry that loads', () => {
    const { dog, world, fire } = setup();
    dog.expect();
    fire();
    dog.expect(); // the reload set the HTML again
    dog.readyNow();
    fire();
    assert.deepEqual(world.reloads, [1]);
  });
});
