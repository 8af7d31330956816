import assert from 'node:assert/strict';
import { repliedLines, type WorkerReply } from '../../../src/bank/worker-protocol';

async function collect(gen: AsyncGenerator<string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of gen) lines.push(line);
  return lines;
}

describe('the lines a parser thread replies', () => {
  it('come in order, as they arrive, until done; a failure after done is not one', async () => {
    const lines = await collect(
      repliedLines((reply, fail) => {
        reply({ line: 'a' });
        setTimeout(() => {
          reply({ line: 'b' });
          reply({ done: true });
          fail(new Error('the thread stopped afterwards'));
        }, 5);
      }),
    );
    assert.deepEqual(lines, ['a', 'b']);
  });

  it('throw the thread’s error, or its failure once the lines before it are taken', async () => {
    await assert.rejects(
      collect(repliedLines((reply) => setTimeout(() => reply({ error: 'line 3: bad' } as WorkerReply), 1))),
      /line 3: bad/,
    );
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const line of repliedLines((reply, fail) => (reply({ line: 'x' }), fail(new Error('stopped (code 1)')))))
          seen.push(line);
      })(),
      /stopped \(code 1\)/,
    );
    assert.deepEqual(seen, ['x']);
  });
});
